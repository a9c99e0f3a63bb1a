/**
 * Which documents a build makes: one entry per (language, document), before rendering.
 */
import type { SeminarConfig } from '../config/types.js';
import type { SourceSet } from '../sources/load-sources.js';
import type { TemplateName } from '../templates/engine.js';
import {
  agendaContext, briefContext, conceptNoteContext, handbookContext, invitationContext,
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

export function planDocuments(config: SeminarConfig, sources: SourceSet, langs: string[], kinds: readonly OutputKind[]): PlannedDocument[] {
  const plan: PlannedDocument[] = [];
  const event = config.event;
  const want = new Set(kinds);
  for (const lang of langs) {
    if (want.has('agenda')) {
      plan.push({ kind: 'agenda', lang, path: `${lang}/agenda`, template: 'agenda', context: agendaContext(config, sources, lang),
        title: `Agenda: ${event.title}`, subject: 'Agenda', header: event.title });
    }
    if (want.has('concept-note') && sources.conceptNote) {
      const note = sources.conceptNote;
      plan.push({ kind: 'concept-note', lang, path: `${lang}/concept-note`, template: 'concept-note',
        context: conceptNoteContext(config, sources, note, lang), title: note.title, subject: 'Concept note', header: event.title });
    }
    if (want.has('briefs')) {
      for (const brief of sources.themes) {
        plan.push({ kind: 'briefs', lang, path: `${lang}/briefs/${brief.slug}`, template: 'theme-brief',
          context: briefContext(config, sources, brief, lang), title: brief.title, subject: `Theme brief ${brief.theme}`,
          header: `${event.title} · Theme ${brief.theme}` });
      }
    }
    if (want.has('handbook')) {
      plan.push({ kind: 'handbook', lang, path: `${lang}/handbook`, template: 'handbook', context: handbookContext(config, sources, lang),
        title: 'Labour Migration Handbook', subject: 'Handbook', header: 'Labour Migration Handbook' });
    }
    if (want.has('invitations')) {
      for (const country of config.countries) {
        if (!country.languages.includes(lang)) continue;
        plan.push({ kind: 'invitations', lang, path: `${lang}/invitations/${country.code}`, template: 'invitation',
          context: invitationContext(config, sources, country, lang), title: `Invitation: ${country.name}`,
          subject: `Invitation to the ${event.title}`, header: '' });
      }
    }
  }
  return plan;
}
