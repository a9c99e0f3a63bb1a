/**
 * Which documents a build makes: one entry per (language, document), before rendering.
 */
import type { SeminarConfig } from '../config/types.js';
import type { SourceSet } from '../sources/load-sources.js';
import type { TemplateName } from '../templates/engine.js';
import {
  agendaContext, briefContext, conceptNoteContext, handbookContext, invitationContext, type ConfigTranslate,
} from '../templates/context.js';

export const OUTPUT_KINDS = ['agenda', 'concept-note', 'briefs', 'handbook', 'invitations'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];
export const FORMATS = ['pdf', 'docx'] as const;
export type Format = (typeof FORMATS)[number];

export interface PlannedDocument {
  kind: OutputKind;
  lang: string;
  /** Path under the output folder without extension, e.g. `en/briefs/03-environment`. */
  path: string;
  template: TemplateName;
  context: Record<string, unknown>;
  title: string;
  subject: string;
  header: string;
}

/** What planning needs of a language: config texts translated, messages formatted, the Intl locale. */
export interface Localisation {
  lang: string;
  locale: string;
  tr: ConfigTranslate;
  /** Formats a layout message (context `template:<name>`), translated. */
  message: (template: string, source: string, args?: Record<string, string | number>) => string;
}

export function planDocuments(config: SeminarConfig, sources: SourceSet, loc: Localisation, kinds: readonly OutputKind[]): PlannedDocument[] {
  const plan: PlannedDocument[] = [];
  const { lang, locale, tr, message } = loc;
  const title = tr(config.event.title);
  const want = new Set(kinds);
  if (want.has('agenda')) {
    plan.push({ kind: 'agenda', lang, path: `${lang}/agenda`, template: 'agenda', context: agendaContext(config, sources, lang, tr, locale),
      title: `${message('agenda', 'Agenda')}: ${title}`, subject: message('agenda', 'Agenda'), header: title });
  }
  if (want.has('concept-note') && sources.conceptNote) {
    const note = sources.conceptNote;
    plan.push({ kind: 'concept-note', lang, path: `${lang}/concept-note`, template: 'concept-note',
      context: conceptNoteContext(config, sources, note, lang, tr, locale), title: note.title, subject: note.title, header: title });
  }
  if (want.has('briefs')) {
    for (const brief of sources.themes) {
      const theme = message('theme-brief', 'Theme {number}', { number: brief.theme ?? 0 });
      plan.push({ kind: 'briefs', lang, path: `${lang}/briefs/${brief.slug}`, template: 'theme-brief',
        context: briefContext(config, sources, brief, lang, tr, locale), title: brief.title, subject: theme, header: `${title} · ${theme}` });
    }
  }
  if (want.has('handbook')) {
    const handbook = message('handbook', 'Labour Migration Handbook');
    plan.push({ kind: 'handbook', lang, path: `${lang}/handbook`, template: 'handbook', context: handbookContext(config, sources, lang, tr, locale),
      title: handbook, subject: handbook, header: handbook });
  }
  if (want.has('invitations')) {
    for (const country of config.countries) {
      if (!country.languages.includes(lang)) continue;
      plan.push({ kind: 'invitations', lang, path: `${lang}/invitations/${country.code}`, template: 'invitation',
        context: invitationContext(config, sources, country, lang, tr, locale), title: `${title}: ${tr(country.name)}`,
        subject: title, header: '' });
    }
  }
  return plan;
}
