/** Seeded random PO catalogs with tricky strings, for round-trip tests. */
import type { PoCatalog, PoEntry } from '../../../src/translate/formats/po.js';

/** Pieces that break naive PO writers and readers. */
const PIECES = [
  '"', '\\', '\\n', '\n', '\t', '\r', '\x07', '\x1b', '\x00', '\x7f', ' ', '  ', 'مرحبا', 'שלום', 'é', '😀',
  '{{name}}', '{count}', '**x**', '_y_', '`code`', '[link](https://example.org "t")', '#', '#~ msgid "x"', 'msgstr',
  '%s', '%1$d', '\u2068', '\u2069', '\uFEFF', ':', ',', 'word', '\n\n',
];

/** Options for catalogs that GNU gettext must give back unchanged. */
export interface RandomOptions {
  /** No NUL (gettext strings are C strings), flags in gettext's order without repeats. */
  gettext?: boolean;
}

/** gettext writes the flags it knows in this order. */
const FLAGS = ['fuzzy', 'c-format', 'range: 0..5', 'no-wrap'];

let pieces = PIECES;
let gettextMode = false;

function randomText(random: () => number, max = 6): string {
  let s = '';
  const n = Math.floor(random() * (max + 1));
  for (let i = 0; i < n; i += 1) s += pieces[Math.floor(random() * pieces.length)];
  return s;
}

/** A line of comment text: anything but a line break. */
function randomCommentText(random: () => number): string {
  const text = randomText(random).replace(/[\r\n]/g, '');
  // gettext joins a line that ends in a backslash to the next one, comments included.
  return gettextMode ? text.replace(/\\+$/, '') : text;
}

function randomList<T>(random: () => number, make: () => T, max = 3): T[] {
  return Array.from({ length: Math.floor(random() * (max + 1)) }, make);
}

function randomReferences(random: () => number): string[] {
  // gettext before 0.22 splits `⁨b c.md⁩` at the space; gettext merges repeated references.
  const names = gettextMode ? ['a', 'b', 'd'] : ['a', 'b c', 'd'];
  const references = randomList(random, () => `sources/${names[Math.floor(random() * 3)]}.md:${Math.floor(random() * 99)}`);
  return gettextMode ? [...new Set(references)] : references;
}

function randomFlags(random: () => number, options: RandomOptions): string[] {
  // gettext drops a range on obsolete entries.
  if (options.gettext) return FLAGS.filter((flag) => !flag.startsWith('range') && random() < 0.3);
  return randomList(random, () => FLAGS[Math.floor(random() * FLAGS.length)]!);
}

function randomEntry(random: () => number, index: number, obsolete: boolean, options: RandomOptions): PoEntry {
  const plural = random() < 0.25;
  const e: PoEntry = {
    msgid: `${obsolete ? 'old ' : ''}${index}:${randomText(random)}`,
    msgstr: plural ? randomList(random, () => randomText(random), 4).concat(randomText(random)) : [randomText(random)],
    translatorComments: randomList(random, () => randomCommentText(random)),
    extractedComments: randomList(random, () => randomCommentText(random)),
    references: randomReferences(random),
    flags: randomFlags(random, options),
    obsolete,
  };
  if (random() < 0.4) e.msgctxt = randomText(random);
  if (plural) e.msgidPlural = randomText(random);
  if (random() < 0.3) {
    e.previous = { msgid: randomText(random) };
    if (random() < 0.5) e.previous.msgctxt = randomText(random);
    if (random() < 0.3) e.previous.msgidPlural = randomText(random);
  }
  if (options.gettext && e.msgstr[0] === '') {
    // gettext drops obsolete entries without translation, and `fuzzy` from the others.
    if (obsolete) e.msgstr[0] = 'traduit';
    else e.flags = e.flags.filter((flag) => flag !== 'fuzzy');
  }
  return e;
}

export function randomCatalog(random: () => number, options: RandomOptions = {}): PoCatalog {
  gettextMode = options.gettext ?? false;
  pieces = gettextMode ? PIECES.filter((piece) => piece !== '\x00') : PIECES;
  const catalog: PoCatalog = {
    headers: randomList(random, () => [`X-Field-${Math.floor(random() * 9)}`, randomText(random).replace(/[\r\n]/g, '')], 4),
    headerComments: randomList(random, () => randomCommentText(random)),
    entries: [
      ...Array.from({ length: Math.floor(random() * 6) }, (_, i) => randomEntry(random, i, false, options)),
      ...Array.from({ length: Math.floor(random() * 3) }, (_, i) => randomEntry(random, i, true, options)),
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
