/**
 * Every translatable unit of a kit, in a stable order: sources (concept note, themes, chapters),
 * template messages, then configuration texts.
 */
import type { Kit } from '../build/load-kit.js';
import { messageSegment, type Segment } from '../segments/segment.js';
import { sourceSegments } from '../segments/source-segments.js';
import { templateSegments } from '../segments/template-segments.js';
import { translatableConfigTexts } from '../templates/context.js';
import { NOMINATION_MESSAGES } from '../nominations/messages.js';
import { BADGE_MESSAGES } from '../badges/messages.js';

export function collectSegments(kit: Kit, configFile = 'sources/seminar.yaml'): Segment[] {
  const segments: Segment[] = [];
  const docs = [...(kit.sources.conceptNote ? [kit.sources.conceptNote] : []), ...kit.sources.themes, ...kit.sources.chapters];
  for (const doc of docs) segments.push(...sourceSegments(doc));
  for (const [name, template] of [...kit.templates.templates, ...kit.templates.partials]) {
    segments.push(...templateSegments(name, template.file, template.text));
  }
  segments.push(...LAYOUT_MESSAGES.map((m) => ({ ...m })));
  segments.push(...BADGE_MESSAGES.map((source) => messageSegment('template:badge', source,
    { file: 'src/badges/messages.ts', line: 1, column: 1 }, 'Name badges: the kind of seat printed in the band at the foot of a badge, or the PDF title.')));
  segments.push(...NOMINATION_MESSAGES.map((source) => messageSegment('template:nomination', source,
    { file: 'src/nominations/messages.ts', line: 1, column: 1 }, 'Nomination form (PDF and DOCX): plain text, no Markdown.')));
  for (const { text, line, note } of translatableConfigTexts(kit.config)) {
    segments.push({ context: 'config', source: text, kind: 'config', syntax: 'plain', place: { file: configFile, line, column: 1 }, note });
  }
  return segments;
}

/** Messages printed by the renderers rather than by templates (running footers). */
export const LAYOUT_MESSAGES: Segment[] = [
  messageSegment('layout', 'Page {page} of {pages}', { file: 'src/build/load-kit.ts', line: 1, column: 1 },
    'Page footer of every PDF and DOCX. Keep {page} and {pages}.'),
  messageSegment('layout', 'Page {page}', { file: 'src/build/load-kit.ts', line: 1, column: 1 },
    'Page footer of the delegate packs. Keep {page}.'),
  messageSegment('template:pack', 'Contents', { file: 'src/render/pdf/pack.ts', line: 1, column: 1 },
    'Title of the table of contents of a delegate pack.'),
  messageSegment('template:visa-letter', 'Visa support letter', { file: 'src/build/plan.ts', line: 1, column: 1 },
    'The document title (PDF metadata) of a visa support letter.'),
  messageSegment('template:pack', 'This page is intentionally left blank', { file: 'src/render/pdf/pack.ts', line: 1, column: 1 },
    'Printed on the blank pages of a pack printed on both sides.'),
];

/** The segment that a configuration text stands for (for the translator's lookup). */
export function configSegment(text: string): Segment {
  return { context: 'config', source: text, kind: 'config', syntax: 'plain', place: { file: 'sources/seminar.yaml', line: 1, column: 1 } };
}
