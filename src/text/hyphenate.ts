/**
 * Where a word may be hyphenated: Liang's patterns (TeX's hyph-utf8, through the `hyphen`
 * package; licences in defaults/hyphenation/LICENCES.md), per language, with the language's
 * shortest fragments before and after the hyphen.
 *
 * Only words of letters are hyphenated: nothing with a digit, an `@`, a `/`, a `.` inside, a
 * capital letter after the first (acronyms, codes such as "OSCE" or "iOS"), or a capital
 * initial in languages that keep capitals for names (proper names); whether a word is a
 * link, a data value or the paragraph's last word is the line breaker's business.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Hyphenator = (text: string) => string;

interface HyphenLanguage {
  /** Pattern file of the `hyphen` package (patterns/<file>.js). */
  patterns: string;
  /** Fewest letters before and after a hyphen (TeX's \lefthyphenmin, \righthyphenmin). */
  left: number;
  right: number;
  /** Capitals start common nouns too (German): a capital initial is no sign of a name. */
  nounCapitals?: boolean;
}

/**
 * The languages hyphenated, by primary language subtag (and `en-GB`), with TeX's minima
 * (hyph-utf8's language.dat), raised to 2 where TeX allows 1 letter.
 */
const LANGUAGES: Readonly<Record<string, HyphenLanguage>> = {
  en: { patterns: 'en-us', left: 2, right: 3 },
  'en-gb': { patterns: 'en-gb', left: 2, right: 3 },
  fr: { patterns: 'fr', left: 2, right: 3 },
  de: { patterns: 'de-1996', left: 2, right: 2, nounCapitals: true },
  es: { patterns: 'es', left: 2, right: 2 },
  it: { patterns: 'it', left: 2, right: 2 },
  pt: { patterns: 'pt', left: 2, right: 3 },
  ru: { patterns: 'ru', left: 2, right: 2 },
  uk: { patterns: 'uk', left: 2, right: 2 },
  bg: { patterns: 'bg', left: 2, right: 2 },
  el: { patterns: 'el-monoton', left: 2, right: 2 },
  tr: { patterns: 'tr', left: 2, right: 2 },
  nl: { patterns: 'nl', left: 2, right: 2 },
  pl: { patterns: 'pl', left: 2, right: 2 },
};

/** Words shorter than this (in letters) are never hyphenated. */
const MIN_WORD = 5;
/** Longer "words" are not words: left to the line breaker's last resort. */
const MAX_WORD = 64;

interface Loaded {
  lang: HyphenLanguage;
  hyphenate: Hyphenator;
  /** Points per word already asked (a handbook repeats its words), bounded. */
  cache: Map<string, readonly number[]>;
}

const loaded = new Map<string, Loaded | null>();
const MAX_CACHED_WORDS = 50_000;

/** The hyphenation settings for a BCP 47 tag, or undefined when folio has no patterns for it. */
function languageFor(tag: string): Loaded | undefined {
  const lower = tag.toLowerCase();
  const key = lower.startsWith('en-gb') ? 'en-gb' : lower.split('-')[0]!;
  let entry = loaded.get(key);
  if (entry === undefined) {
    const lang = LANGUAGES[key];
    if (lang === undefined) entry = null;
    else {
      const createHyphenator = require('hyphen') as (patterns: unknown, options: object) => Hyphenator;
      const patterns: unknown = require(`hyphen/patterns/${lang.patterns}.js`);
      // No minimum word length here (MIN_WORD is checked before), no HTML, U+00AD marks the points.
      entry = { lang, hyphenate: createHyphenator(patterns, { html: false, hyphenChar: '\u00ad', minWordLength: 1 }), cache: new Map() };
    }
    loaded.set(key, entry);
  }
  return entry ?? undefined;
}

/** Whether folio hyphenates text in this language. */
export function hyphenates(lang: string): boolean {
  return languageFor(lang) !== undefined;
}

const LETTERS = /^[\p{L}\p{M}]+$/u;

/**
 * The UTF-16 offsets inside `word` where a hyphen may go, ascending; [] when the word may not
 * be hyphenated (see the module comment) or the language has no patterns.
 */
export function hyphenationPoints(word: string, lang: string): readonly number[] {
  const entry = languageFor(lang);
  if (!entry || word.length < MIN_WORD || word.length > MAX_WORD || !LETTERS.test(word)) return NONE;
  const cached = entry.cache.get(word);
  if (cached) return cached;
  const points = computePoints(word, entry);
  if (entry.cache.size >= MAX_CACHED_WORDS) entry.cache.clear();
  entry.cache.set(word, points);
  return points;
}

const NONE: readonly number[] = Object.freeze([]);

function computePoints(word: string, { lang, hyphenate }: Loaded): readonly number[] {
  const rest = word.slice(1);
  if (rest !== rest.toLowerCase()) return NONE; // an acronym or a code
  if (!lang.nounCapitals && word[0] !== word[0]!.toLowerCase()) return NONE; // a name
  // Letters are counted as characters, not UTF-16 units, and combining marks go with their letter.
  const letterEnds: number[] = [];
  for (let i = 0; i < word.length; ) {
    const cp = word.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (letterEnds.length > 0 && /\p{M}/u.test(String.fromCodePoint(cp))) letterEnds[letterEnds.length - 1] = i;
    else letterEnds.push(i);
  }
  const marked = hyphenate(word);
  const points: number[] = [];
  let at = 0;
  for (let i = 0; i < marked.length; i++) {
    if (marked[i] === '\u00ad') {
      const before = letterEnds.findIndex((end) => end >= at) + 1;
      const after = letterEnds.length - before;
      if (before >= lang.left && after >= lang.right && letterEnds[before - 1] === at) points.push(at);
    } else at++;
  }
  return points;
}
