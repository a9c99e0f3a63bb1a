/**
 * Which documents a build makes: one entry per (language, document), before rendering.
 */
import type { SeminarConfig } from '../config/types.js';
import type { SourceSet } from '../sources/load-sources.js';
import type { TemplateName } from '../templates/engine.js';
import {
  agendaContext, briefContext, conceptNoteContext, eventContext, handbookContext, invitationContext, letterReference, packCoverContext, type ConfigTranslate,
} from '../templates/context.js';

import type { OutputKind } from './kinds.js';
import type { Participant } from '../nominations/participants.js';
import { participantContext, participantsListContext } from '../templates/participant-context.js';
import { PAGE_SIZES_PT } from '../render/pdf/styles.js';

export { OUTPUT_KINDS, FORMATS, type OutputKind, type Format } from './kinds.js';

export interface PlannedDocument {
  kind: OutputKind;
  lang: string;
  /** Path under the output folder without extension, e.g. `en/briefs/03-environment`. */
  path: string;
  /** A built-in document template, or a kit's own template named by `documents:`. */
  template: TemplateName | string;
  context: Record<string, unknown>;
  title: string;
  subject: string;
  header: string;
  /** A letter's continuation header (its reference). */
  continuation?: string;
  /** Composed only as a part of a pack, not written as a file of its own. */
  internal?: boolean;
  /** The part of a delegate pack this document is (the cover, or the practical information). */
  packPart?: 'cover' | 'practical';
  /** A personalised pack's participant id (never the name). */
  delegate?: string;
  /** A declared document's page size (points; default A4) and formats (default: the build's). */
  page?: { width: number; height: number };
  formats?: readonly ('pdf' | 'docx')[];
}

/** What planning needs of a language: config texts translated, messages formatted, the Intl locale. */
export interface Localisation {
  lang: string;
  locale: string;
  tr: ConfigTranslate;
  /** Formats a layout message (context `template:<name>`), translated. */
  message: (template: string, source: string, args?: Record<string, string | number>) => string;
  /** Delegates (from sources/participants.yaml): personalised packs, the list, certificates, visa letters. */
  participants?: readonly Participant[];
}

export function planDocuments(config: SeminarConfig, sources: SourceSet, loc: Localisation, kinds: readonly OutputKind[]): PlannedDocument[] {
  const plan: PlannedDocument[] = [];
  const { lang, locale, tr, message } = loc;
  const title = tr(config.event.title);
  const want = new Set<OutputKind>(kinds);
  // A pack gathers the concept note, the agenda and the briefs: compose them even when not asked for.
  const internal = new Set<OutputKind>();
  if (want.has('packs')) {
    for (const kind of ['concept-note', 'agenda', 'briefs'] as const) if (!want.has(kind)) { want.add(kind); internal.add(kind); }
  }
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
  // A kit without sources/handbook/ has no handbook.
  if (want.has('handbook') && sources.chapters.length > 0) {
    const handbook = config.event.handbook ? tr(config.event.handbook.title) : message('handbook', 'Handbook');
    plan.push({ kind: 'handbook', lang, path: `${lang}/handbook`, template: 'handbook', context: handbookContext(config, sources, lang, tr, locale),
      title: handbook, subject: handbook, header: handbook });
  }
  if (want.has('packs')) {
    const pack = message('pack-cover', 'Delegate pack');
    plan.push({ kind: 'packs', lang, path: `${lang}/pack`, template: 'pack-cover', packPart: 'cover', internal: true,
      context: packCoverContext(config, sources, lang, tr, locale, null), title: `${pack}: ${title}`, subject: pack, header: '' });
    for (const delegate of loc.participants ?? []) {
      if (delegate.language !== lang) continue;
      plan.push({ kind: 'packs', lang, path: `${lang}/packs/${delegate.id}`, template: 'pack-cover', packPart: 'cover', internal: true, delegate: delegate.id,
        context: packCoverContext(config, sources, lang, tr, locale, { name: delegate.name, country: tr(config.countries.find((c) => c.code === delegate.country)?.name ?? delegate.country) }),
        title: `${pack}: ${title}`, subject: pack, header: '' });
    }
    plan.push({ kind: 'packs', lang, path: `${lang}/pack-practical`, template: 'practical-information', packPart: 'practical', internal: true,
      context: eventContext(config, sources, lang, tr, locale), title: message('practical-information', 'Practical information'), subject: pack, header: '' });
  }
  if (want.has('invitations')) {
    for (const country of config.countries) {
      if (!country.languages.includes(lang)) continue;
      plan.push({ kind: 'invitations', lang, path: `${lang}/invitations/${country.code}`, template: 'invitation',
        context: invitationContext(config, sources, country, lang, tr, locale), title: `${title}: ${tr(country.name)}`,
        subject: title, header: '', continuation: letterReference(config, country, lang) });
    }
  }
  planParticipantDocuments(plan, config, sources, loc, want);
  if (want.has('documents')) planDeclaredDocuments(plan, config, sources, loc);
  for (const p of plan) if (internal.has(p.kind)) p.internal = true;
  return plan;
}

/**
 * The list of participants in every language; a certificate of attendance per participant, and
 * a visa support letter per participant with a passport number, in the participant's language.
 * File names carry the participant's id, never a name or a passport number.
 */
function planParticipantDocuments(plan: PlannedDocument[], config: SeminarConfig, sources: SourceSet, loc: Localisation, want: Set<OutputKind>): void {
  const { lang, locale, tr, message } = loc;
  const participants = loc.participants ?? [];
  if (participants.length === 0) return;
  const title = tr(config.event.title);
  if (want.has('participants')) {
    const list = message('participants', 'List of participants');
    plan.push({ kind: 'participants', lang, path: `${lang}/participants`, template: 'participants',
      context: participantsListContext(config, sources, participants, lang, tr, locale), title: `${list}: ${title}`, subject: list, header: title });
  }
  for (const p of participants) {
    if (p.language !== lang) continue;
    if (want.has('certificates')) {
      const certificate = message('certificate', 'Certificate of attendance');
      plan.push({ kind: 'certificates', lang, path: `${lang}/certificates/${p.id}`, template: 'certificate', delegate: p.id,
        context: participantContext(config, sources, p, lang, tr, locale), title: `${certificate}: ${title}`, subject: certificate, header: '' });
    }
    if (want.has('visa-letters') && p.passport !== undefined) {
      const visa = message('visa-letter', 'Visa support letter');
      const reference = `${config.event.referencePrefix}/${config.event.issued.slice(0, 4)}/V-${p.id}`;
      plan.push({ kind: 'visa-letters', lang, path: `${lang}/visa-letters/${p.id}`, template: 'visa-letter', delegate: p.id,
        context: { ...participantContext(config, sources, p, lang, tr, locale), reference },
        title: `${visa}: ${title}`, subject: visa, header: '', continuation: reference });
    }
  }
}

/**
 * The configuration's own documents (`documents:`): per event in every language, with the
 * running header of the event; per country in each language of its letters and per participant
 * in the participant's language, as letters (no running header, fitted to one page if they can).
 */
function planDeclaredDocuments(plan: PlannedDocument[], config: SeminarConfig, sources: SourceSet, loc: Localisation): void {
  const { lang, locale, tr } = loc;
  const event = tr(config.event.title);
  const participants = loc.participants ?? [];
  for (const d of config.documents ?? []) {
    const title = d.title !== undefined ? tr(d.title) : d.name;
    const base = { kind: 'documents' as const, lang, template: d.template, page: PAGE_SIZES_PT[d.page], formats: d.formats, subject: title };
    if (d.per === 'event') {
      plan.push({ ...base, path: `${lang}/${d.name}`, title: `${title}: ${event}`, header: event,
        context: { ...participantsListContext(config, sources, participants, lang, tr, locale), document: { name: d.name, title } } });
    } else if (d.per === 'country') {
      for (const country of config.countries) {
        if (!country.languages.includes(lang)) continue;
        plan.push({ ...base, path: `${lang}/${d.name}/${country.code}`, title: `${title}: ${tr(country.name)}`, header: '',
          context: { ...invitationContext(config, sources, country, lang, tr, locale), document: { name: d.name, title } } });
      }
    } else {
      for (const p of participants) {
        if (p.language !== lang) continue;
        plan.push({ ...base, path: `${lang}/${d.name}/${p.id}`, title: `${title}: ${event}`, header: '', delegate: p.id,
          context: { ...participantContext(config, sources, p, lang, tr, locale), document: { name: d.name, title } } });
      }
    }
  }
}
