/**
 * PO lines → tokens, one per non-blank line (GNU gettext manual, "The Format of PO Files").
 * Every line of a PO file is a comment (`#`, `#.`, `#:`, `#,`), a keyword with its string
 * (`msgid "…"`), a continuation string (`"…"`), or one of those last two behind `#|`
 * (previous fields), `#~` (obsolete entries) or `#~|`.
 */
import type { FormatProblem } from './exchange.js';
import { unescapePoString } from './po-escape.js';

export type PoKeyword = 'msgctxt' | 'msgid' | 'msgid_plural' | 'msgstr';

/** One quoted string: its value and the place of its opening quote. */
export interface PoString {
  value: string;
  line: number;
  column: number;
}

export type PoToken =
  | { kind: 'comment'; mark: 'translator' | 'extracted' | 'reference' | 'flag'; texts: string[]; line: number }
  | {
      kind: 'keyword';
      keyword: PoKeyword;
      /** n of `msgstr[n]`. */
      index?: number;
      strings: PoString[];
      /** The strings could not all be read (a problem was reported): the value is a guess. */
      broken: boolean;
      obsolete: boolean;
      previous: boolean;
      line: number;
      column: number;
    }
  | {
      kind: 'continuation';
      strings: PoString[];
      broken: boolean;
      obsolete: boolean;
      previous: boolean;
      line: number;
      column: number;
    }
  /** A line already reported as unreadable; continuation strings after it are ignored. */
  | { kind: 'unreadable'; line: number };

const KEYWORD = /^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?(?=[ \t\f\v"]|$)/;
const SPACE = new Set([' ', '\t', '\f', '\v']);

/** First Strong Isolate / Pop Directional Isolate: gettext ≥ 0.22 wraps file names with spaces in them. */
const FSI = '\u2068';
const PDI = '\u2069';

/** The tokens of a PO file, and the problems of lines that cannot be read. A leading BOM is skipped. */
export function lexPo(text: string): { tokens: PoToken[]; problems: FormatProblem[] } {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const tokens: PoToken[] = [];
  const problems: FormatProblem[] = [];
  source.split(/\r\n|\r|\n/).forEach((content, index) => {
    const token = lexLine(content, index + 1, problems);
    if (token) tokens.push(token);
  });
  return { tokens, problems };
}

function lexLine(s: string, line: number, problems: FormatProblem[]): PoToken | undefined {
  const start = skipSpace(s, 0);
  if (start === s.length) return undefined;
  if (s[start] !== '#') return lexStatement(s, start, line, { obsolete: false, previous: false }, problems);

  const mark = s[start + 1];
  if (mark === '~' || mark === '|') {
    const obsolete = mark === '~';
    let at = start + 2;
    let previous = !obsolete;
    if (obsolete && s[at] === '|') {
      previous = true;
      at += 1;
    }
    at = skipSpace(s, at);
    // An empty `#~` or `#|` line says nothing.
    if (at === s.length) return undefined;
    return lexStatement(s, at, line, { obsolete, previous }, problems);
  }
  const rest = s.slice(start + 2);
  switch (mark) {
    case '.':
      return { kind: 'comment', mark: 'extracted', texts: [dropOneSpace(rest)], line };
    case ':':
      return { kind: 'comment', mark: 'reference', texts: splitReferences(rest), line };
    case ',':
      return { kind: 'comment', mark: 'flag', texts: splitFlags(rest), line };
    default:
      return { kind: 'comment', mark: 'translator', texts: [dropOneSpace(s.slice(start + 1))], line };
  }
}

/** A keyword line or a continuation string, starting at `at` (after any `#~`/`#|` prefix). */
function lexStatement(
  s: string,
  at: number,
  line: number,
  prefix: { obsolete: boolean; previous: boolean },
  problems: FormatProblem[],
): PoToken {
  if (s[at] === '"') {
    return { kind: 'continuation', ...readStrings(s, at, line, undefined, problems), ...prefix, line, column: at + 1 };
  }
  const match = KEYWORD.exec(s.slice(at));
  if (!match || (match[2] !== undefined && match[1] !== 'msgstr')) {
    const word = s.slice(at).split(/[ \t\f\v"]/)[0]!;
    problems.push({ line, column: at + 1, rule: 'po/syntax', message: unknownKeywordMessage(word) });
    return { kind: 'unreadable', line };
  }
  const keyword = match[1] as PoKeyword;
  return {
    kind: 'keyword',
    keyword,
    ...(match[2] !== undefined && { index: Number(match[2]) }),
    ...readStrings(s, at + match[0].length, line, match[0], problems),
    ...prefix,
    line,
    column: at + 1,
  };
}

function unknownKeywordMessage(word: string): string {
  if (/^msgstr\[/.test(word)) {
    return `\`${word}\` is not a plural translation: write msgstr[0], msgstr[1] … with the form's number in the brackets.`;
  }
  return (
    `Unknown keyword \`${word}\`: a PO line holds msgctxt, msgid, msgid_plural, msgstr or msgstr[n] with a quoted string, ` +
    'a quoted string alone, or a comment starting with #. Fix the spelling, or put # in front to make the line a comment.'
  );
}

/**
 * The quoted strings from `at` to the end of the line (usually one; C-style `"a" "b"` is
 * allowed, as gettext's lexer reads tokens). On a problem, what was read so far.
 */
function readStrings(
  s: string,
  at: number,
  line: number,
  keyword: string | undefined,
  problems: FormatProblem[],
): { strings: PoString[]; broken: boolean } {
  const strings: PoString[] = [];
  const before = problems.length;
  let i = skipSpace(s, at);
  if (keyword !== undefined && s[i] !== '"') {
    problems.push({
      line,
      column: i + 1,
      rule: 'po/syntax',
      message: `\`${keyword}\` needs a quoted string after it on the same line: write ${keyword} "" for an empty one.`,
    });
    return { strings, broken: true };
  }
  while (i < s.length) {
    if (s[i] !== '"') {
      problems.push({
        line,
        column: i + 1,
        rule: 'po/syntax',
        message:
          `Unexpected \`${s.slice(i)}\` after the string: a line ends with its closing quote. ` +
          'Put it inside the quotes, or on its own line starting with # as a comment.',
      });
      return { strings, broken: true };
    }
    const open = i;
    let close = open + 1;
    while (close < s.length && s[close] !== '"') close += s[close] === '\\' ? 2 : 1;
    if (close >= s.length) {
      problems.push({
        line,
        column: open + 1,
        rule: 'po/syntax',
        message:
          'This string is not closed: end it with " on the same line. A PO string cannot span lines: ' +
          'write \\n for a line break and \\" for a quote inside it.',
      });
      return { strings, broken: true };
    }
    const { value, problems: escapes } = unescapePoString(s.slice(open + 1, close));
    for (const escape of escapes) {
      problems.push({ line, column: open + 2 + escape.offset, rule: 'po/escape', message: escape.message });
    }
    strings.push({ value, line, column: open + 1 });
    i = skipSpace(s, close + 1);
  }
  return { strings, broken: problems.length > before };
}

/** White space between tokens, as gettext's lexer (po-lex.c) skips it. */
function skipSpace(s: string, at: number): number {
  let i = at;
  while (i < s.length && SPACE.has(s[i]!)) i += 1;
  return i;
}

/** `# text` → `text`; only the one space after the mark belongs to the syntax. */
function dropOneSpace(text: string): string {
  return text.startsWith(' ') ? text.slice(1) : text;
}

/** `#: a.md:3 b.md:7` → each reference; `⁨name with spaces⁩:3` is one reference. */
function splitReferences(text: string): string[] {
  const found = text.match(new RegExp(`${FSI}[^${PDI}]*${PDI}\\S*|\\S+`, 'gu')) ?? [];
  return found.map((reference) => reference.replaceAll(FSI, '').replaceAll(PDI, ''));
}

function splitFlags(text: string): string[] {
  return text
    .split(',')
    .map((flag) => flag.trim())
    .filter((flag) => flag !== '');
}

/** A reference as written after `#: `: file names with white space in them go between FSI and PDI. */
export function formatReference(reference: string): string {
  const flat = reference.replace(/[\r\n]+/g, ' ');
  if (!/\s/.test(flat)) return flat;
  const withLine = /^(.*)(:\d+)$/s.exec(flat);
  return withLine ? `${FSI}${withLine[1]}${PDI}${withLine[2]}` : `${FSI}${flat}${PDI}`;
}
