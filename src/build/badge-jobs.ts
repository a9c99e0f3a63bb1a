/**
 * Name badges: per language, every participant of sources/participants.yaml on one file of A4
 * sheets (`<lang>/badges.pdf`, four per page with crop marks) and one of A6 cards
 * (`<lang>/badges-a6.pdf`), in the order of the list of participants (by country, then name,
 * with the language's collation). Laid out once, when planned, so that a character no font has
 * is reported before anything is written; those sheets are rendered in the main thread.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { BADGE_MESSAGE, BADGE_TITLE } from '../badges/messages.js';
import { layoutBadges, type BadgePage, type BadgeSheet, type BadgeText } from '../badges/layout.js';
import type { BadgeInput } from '../badges/render.js';
import { languageDirection } from '../config/languages.js';
import { parseIsoDate } from '../templates/helpers.js';
import { collator } from '../templates/participant-context.js';
import { seatKindsOf } from '../nominations/participants.js';
import type { FontLibrary } from '../text/fonts.js';
import type { FontFace } from '../text/font-face.js';
import { documentDate } from './document-date.js';
import type { Kit } from './load-kit.js';
import type { Localisation } from './plan.js';
import type { JobOptions, OutputJob } from './jobs.js';

export interface PlannedBadges {
  path: string;
  lang: string;
  input: BadgeInput;
  faces: Set<FontFace>;
  /** The sheets as laid out when planned: rendered as they are (not part of the job's inputs). */
  pages: BadgePage[];
}

const SHEETS: readonly { sheet: BadgeSheet; suffix: string }[] = [{ sheet: 'a4', suffix: '' }, { sheet: 'a6', suffix: '-a6' }];

export function planBadges(kit: Kit, localisations: Map<string, Localisation>, fonts: FontLibrary): { badges: PlannedBadges[]; diagnostics: Diagnostic[] } {
  const out: PlannedBadges[] = [];
  const diagnostics: Diagnostic[] = [];
  if (kit.participants.length === 0) return { badges: out, diagnostics };
  const { config } = kit;
  const kinds = seatKindsOf(config);
  for (const [lang, loc] of localisations) {
    const order = collator(loc.locale);
    const range = new Intl.DateTimeFormat(loc.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      .formatRange(parseIsoDate(config.event.dates.start), parseIsoDate(config.event.dates.end));
    const header = { event: loc.tr(config.event.title), when: `${loc.tr(config.event.venue.city)}, ${range}` };
    const badges: (BadgeText & { code: string; id: string })[] = kit.participants.map((p) => {
      const declared = config.seatRules?.kinds.find((k) => k.key === p.kind);
      const builtIn = BADGE_MESSAGE[p.kind as keyof typeof BADGE_MESSAGE];
      const country = config.countries.find((c) => c.code === p.country);
      return {
        code: p.country,
        id: p.id,
        name: p.name,
        function: p.function,
        organisation: p.organisation,
        country: country ? loc.tr(country.name) : p.country,
        kind: declared ? loc.tr(declared.name) : builtIn ? loc.message('badge', builtIn) : p.kind,
        kindIndex: Math.max(0, kinds.indexOf(p.kind)),
      };
    }).sort((a, b) => order.compare(a.country, b.country) || a.code.localeCompare(b.code) || order.compare(a.name, b.name));
    const direction = languageDirection(lang);
    const faces = new Set<FontFace>();
    for (const { sheet, suffix } of SHEETS) {
      const laid = layoutBadges(header, badges, { fonts, lang, direction, sheet });
      for (const page of laid.pages) for (const item of page.items) if (item.type === 'line') for (const g of item.line.glyphs) faces.add(g.face);
      if (sheet === 'a4') {
        for (const cut of laid.shortened) {
          // The participant by id, the fields by name: never the values (personal data).
          diagnostics.push(diagnostic({ file: 'sources/participants.yaml', line: 1, column: 1 }, 'warning', 'badges/shortened',
            `The ${lang} name badge of ${badges[cut.badge]!.id} is too small for its ${cut.fields.join(', ')}, even in the smallest type: ${cut.fields.length === 1 ? 'it is' : 'they are'} cut with an ellipsis. Shorten ${cut.fields.length === 1 ? 'it' : 'them'} in sources/participants.yaml (or the configuration), or accept the cut.`));
        }
      }
      const first = laid.missing[0];
      if (first && sheet === 'a4') {
        const code = `U+${first.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
        diagnostics.push(diagnostic({ file: 'sources/participants.yaml', line: 1, column: 1 }, 'error', 'font/missing-glyph',
          `${code} "${first.char}" on the ${lang} name badges cannot be drawn by any configured font: correct the participant's entry in sources/participants.yaml (or its country's name, or the event's title, in the configuration or its translation), or configure a font that has it.`));
      }
      out.push({
        path: `${lang}/badges${suffix}`, lang, faces, pages: laid.pages,
        input: {
          header, badges: badges.map(({ code: _code, id: _id, ...b }) => b), lang, direction, sheet,
          title: `${loc.message('badge', BADGE_TITLE)}: ${header.event}`,
          author: config.event.organisers.map((o) => o.short).join(', '),
          date: documentDate(config),
        },
      });
    }
  }
  return { badges: out, diagnostics };
}

export function badgeJobs(planned: PlannedBadges[], options: JobOptions): OutputJob[] {
  if (!options.formats.includes('pdf')) return [];
  return planned.map((b) => ({
    path: `${b.path}.pdf`, lang: b.lang, kind: 'badges', format: 'pdf', weight: 1 + b.input.badges.length / 8,
    inputs: { input: b.input, fonts: options.pdfFontKey(b.faces), standard: options.pdfStandard ?? 'ua1+a2b' },
    render: async () => {
      const { renderBadges } = await import('../badges/render.js');
      return renderBadges(options.pdfStandard === 'none' ? { ...b.input, pdfStandard: 'none' } : b.input, b.pages);
    },
  }));
}
