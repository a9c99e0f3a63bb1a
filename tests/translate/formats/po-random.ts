/** Seeded random PO catalogs with tricky strings, for round-trip tests. */
import type { PoCatalog, PoEntry } from '../../../src/translate/formats/po.js';

/** Pieces that break naive PO writers and readers. */
const PIECES = [
  '"', '\\', '\\n', '\n', '\t', '\r', '\x07', '\x1b', '\x00', '\x7f', ' ', '  ', 'مرحبا', 'שלום', 'é', '😀',
  '{{name}}', '{count}', '**x**', '_y_', '`code`', '[link](https://example.org "t")', '#', '#~ msgid "x"', 'msgstr',
  '%s', '%1$d', '\u2068', '\u2069', '\uFEFF', ':', ',', 'word', '\n\n',
];

/** gettext writes the flags it knows in this order. */
const FLAGS = ['fuzzy', 'c-format', 'range: 0..5', 'no-wrap'];

export interface RandomOptions {
  /**
   * Only what GNU gettext gives back unchanged: no NUL (its strings are C strings), no
   * comment ending in a backslash (it joins that line to the next), no space in file names
   * (before 0.22), flags in its order, no `fuzzy` or obsolete entry without translation.
   */
  gettext?: boolean;
}

/** A random catalog: entries, then obsolete entries (as writePo orders them). */
export function randomCatalog(random: () => number, options: RandomOptions = {}): PoCatalog {
  const gettext = options.gettext ?? false;
  const pieces = gettext ? PIECES.filter((piece) => piece !== '\x00') : PIECES;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const list = <T>(make: () => T, max = 3): T[] => Array.from({ length: Math.floor(random() * (max + 1)) }, make);
  const text = (): string => list(() => pick(pieces), 6).join('');
  // A comment is one line.
  const commentText = (): string => {
    const line = text().replace(/[\r\n]/g, '');
    return gettext ? line.replace(/\\+$/, '') : line;
  };
  const references = (): string[] => {
    const names = gettext ? ['a', 'b', 'd'] : ['a', 'b c', 'd'];
    const found = list(() => `sources/${pick(names)}.md:${Math.floor(random() * 99)}`);
    return gettext ? [...new Set(found)] : found;
  };
  const flags = (): string[] =>
    // gettext drops a range on obsolete entries.
    gettext ? FLAGS.filter((flag) => !flag.startsWith('range') && random() < 0.3) : list(() => pick(FLAGS));

  const entry = (index: number, obsolete: boolean): PoEntry => {
    const plural = random() < 0.25;
    const e: PoEntry = {
      msgid: `${obsolete ? 'old ' : ''}${index}:${text()}`,
      msgstr: plural ? list(text, 4).concat(text()) : [text()],
      translatorComments: list(commentText),
      extractedComments: list(commentText),
      references: references(),
      flags: flags(),
      obsolete,
    };
    if (random() < 0.4) e.msgctxt = text();
    if (plural) e.msgidPlural = text();
    if (random() < 0.3) {
      e.previous = { msgid: text() };
      if (random() < 0.5) e.previous.msgctxt = text();
      if (random() < 0.3) e.previous.msgidPlural = text();
    }
    if (gettext && e.msgstr[0] === '') {
      if (obsolete) e.msgstr[0] = 'traduit';
      else e.flags = e.flags.filter((flag) => flag !== 'fuzzy');
    }
    return e;
  };

  const catalog: PoCatalog = {
    headers: list(() => [`X-Field-${Math.floor(random() * 9)}`, text().replace(/[\r\n]/g, '')], 4),
    headerComments: list(commentText),
    entries: [
      ...Array.from({ length: Math.floor(random() * 6) }, (_, i) => entry(i, false)),
      ...Array.from({ length: Math.floor(random() * 3) }, (_, i) => entry(i, true)),
    ],
  };
  if (random() < 0.3) catalog.headerFlags = ['fuzzy'];
  return catalog;
}

/** A small seeded generator, so that a failure can be replayed. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
