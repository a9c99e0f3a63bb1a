/** Every rule parsePo reports, triggered with its place and message. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormatProblem } from '../../../src/translate/formats/exchange.js';
import { parsePo, writePo } from '../../../src/translate/formats/po.js';
import { mulberry32, randomCatalog } from './po-random.js';

function problemsOf(lines: string[]): FormatProblem[] {
  const { catalog, problems } = parsePo(lines.join('\n'));
  expect(catalog).toBeUndefined();
  return problems;
}

/** `line:column rule` of each problem, the way a reporter would place them. */
function places(lines: string[]): string[] {
  return problemsOf(lines).map((p) => `${p.line}:${p.column} ${p.rule}`);
}

function only(lines: string[]): FormatProblem {
  const problems = problemsOf(lines);
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('po/syntax', () => {
  it('an unterminated string, at its opening quote', () => {
    expect(only(['msgid "a"', 'msgstr "open'])).toEqual({
      line: 2,
      column: 8,
      rule: 'po/syntax',
      message: expect.stringMatching(/^This string is not closed: end it with " on the same line\./),
    });
    // An escaped quote does not close it.
    expect(only(['msgid "a\\"', 'msgstr ""'])).toMatchObject({ line: 1, column: 7, rule: 'po/syntax' });
  });

  it('an unknown keyword, with what is allowed', () => {
    const problem = only(['msgid "a"', 'msgstr "b"', '', '  msgidd "c"', 'msgstr "d"']);
    expect(problem).toMatchObject({ line: 4, column: 3, rule: 'po/syntax' });
    expect(problem.message).toContain('Unknown keyword `msgidd`: a PO line holds msgctxt, msgid, msgid_plural, msgstr or msgstr[n]');
    expect(only(['msgid "a"', 'msgid_plural "b"', 'msgstr[x] "c"'])).toMatchObject({
      line: 3,
      column: 1,
      message: expect.stringContaining('`msgstr[x]` is not a plural translation'),
    });
    expect(only(['#~ fuzzy', 'msgid "a"', 'msgstr ""'])).toMatchObject({ line: 1, column: 4, message: expect.stringContaining('`fuzzy`') });
  });

  it('a keyword without its string, and text after the closing quote', () => {
    expect(only(['msgid', 'msgstr ""'])).toMatchObject({
      line: 1,
      column: 6,
      message: expect.stringContaining('`msgid` needs a quoted string after it on the same line: write msgid "" for an empty one.'),
    });
    expect(only(['msgid "a" x', 'msgstr ""'])).toMatchObject({ line: 1, column: 11, message: expect.stringContaining('Unexpected `x` after the string') });
  });

  it('msgstr, msgid_plural or msgstr[n] without a msgid', () => {
    expect(only(['msgstr "x"'])).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('msgstr has no msgid above it') });
    expect(only(['#. note', 'msgid_plural "x"'])).toMatchObject({ line: 2, column: 1, message: expect.stringContaining('msgid_plural has no msgid above it') });
    expect(only(['msgstr[0] "x"'])).toMatchObject({ message: expect.stringContaining('msgstr[0] has no msgid above it') });
  });

  it('a msgid without msgstr, and a msgctxt without msgid, at their keyword', () => {
    expect(places(['msgid "a"', '', 'msgid "b"', 'msgstr ""', '', 'msgctxt "c"', '# comment', 'msgid "d"', 'msgid_plural "e"'])).toEqual([
      '1:1 po/syntax',
      '6:1 po/syntax',
      '8:1 po/syntax',
    ]);
    const problems = problemsOf(['msgid "a"', '', 'msgid "b"', 'msgid_plural "bs"']);
    expect(problems.map((p) => p.message)).toEqual([
      'msgid "a" has no msgstr: add msgstr "" (an empty translation) after it.',
      'msgid "b" has msgid_plural but no msgstr[0]: add msgstr[0] "" and msgstr[1] "" (empty translations) after it.',
    ]);
    expect(only(['msgctxt "c"'])).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('msgctxt is not followed by a msgid') });
  });

  it('repeated or misplaced keywords', () => {
    expect(only(['msgctxt "a"', 'msgctxt "b"', 'msgid "c"', 'msgstr ""'])).toMatchObject({ line: 2, message: expect.stringContaining('A second msgctxt') });
    expect(only(['msgid "a"', 'msgstr "1"', 'msgstr "2"'])).toMatchObject({ line: 3, message: expect.stringContaining('A second msgstr') });
    expect(only(['msgid "a"', 'msgid_plural "b"', 'msgid_plural "c"', 'msgstr[0] ""'])).toMatchObject({
      line: 3,
      message: expect.stringContaining('A second msgid_plural'),
    });
    expect(only(['msgid "a"', 'msgstr ""', 'msgid_plural "b"'])).toMatchObject({ line: 3, message: expect.stringContaining('msgid_plural comes after msgstr') });
    expect(only(['#| msgid "a"', '#| msgid "b"', 'msgid "c"', 'msgstr ""'])).toMatchObject({
      line: 2,
      column: 4,
      message: expect.stringContaining('already has a previous `msgid`'),
    });
    expect(only(['#| msgstr "a"', 'msgid "c"', 'msgstr ""'])).toMatchObject({ line: 1, column: 4, message: expect.stringContaining('never a msgstr') });
  });

  it('a string with no keyword, or with another prefix than the line it continues', () => {
    expect(only(['# comment', '"stray"', 'msgid "a"', 'msgstr ""'])).toMatchObject({
      line: 2,
      column: 1,
      message: expect.stringContaining('A string with no keyword above it'),
    });
    expect(only(['#| msgid "a"', '"b"', 'msgid "c"', 'msgstr ""'])).toMatchObject({
      line: 2,
      message: 'This string continues the line above, so it needs the same prefix (#| ): write it as #| "…".',
    });
    expect(only(['#~ msgid "a"', '#~ msgstr ""', '"b"'])).toMatchObject({ line: 3, message: expect.stringContaining('(#~ )') });
  });

  it('an entry that mixes obsolete and active lines', () => {
    expect(only(['#~ msgid "a"', 'msgstr ""'])).toMatchObject({
      line: 2,
      column: 1,
      message: expect.stringContaining('This entry is obsolete (#~) but this line is not marked'),
    });
    expect(only(['msgctxt "x"', '#~ msgid "a"', '#~ msgstr ""'])).toMatchObject({
      line: 2,
      message: expect.stringContaining('This line is marked obsolete (#~) but the rest of its entry is not'),
    });
  });

  it('comments after the last entry', () => {
    expect(only(['msgid "a"', 'msgstr ""', '', '# TODO', '#. more'])).toEqual({
      line: 4,
      column: 1,
      rule: 'po/syntax',
      message: 'These comments come after the last entry and belong to none: remove them, or add the entry they describe.',
    });
  });
});

describe('po/escape', () => {
  it('an unknown escape, a bad number and bytes that are not UTF-8, at their backslash', () => {
    expect(places(['msgid "a\\qb"', 'msgstr "\\x"', 'msgctxt "c"', 'msgid ""', '"x\\777"', 'msgstr "\\303"'])).toEqual([
      '1:9 po/escape',
      '2:9 po/escape',
      '5:3 po/escape',
      '6:9 po/escape',
    ]);
    expect(only(['msgid "a\\qb"', 'msgstr ""']).message).toBe(
      'Unknown escape `\\q`: PO strings know \\n \\t \\" \\\\ \\r \\a \\b \\f \\v, octal \\ooo and \\xHH. Write `\\\\` for a backslash itself.',
    );
  });
});

describe('po/plural', () => {
  it('msgstr[n] out of order, at the wrong one', () => {
    const problem = only(['msgid "a"', 'msgid_plural "as"', 'msgstr[0] ""', 'msgstr[2] ""']);
    expect(problem).toEqual({
      line: 4,
      column: 1,
      rule: 'po/plural',
      message: 'msgstr[2] is out of order: msgstr[1] comes here. Number the plural forms 0, 1, 2 … in order, without gaps.',
    });
  });

  it('msgstr[n] without msgid_plural, and msgstr on a plural entry', () => {
    expect(only(['msgid "a"', 'msgstr[0] ""'])).toMatchObject({ line: 2, column: 1, rule: 'po/plural', message: expect.stringContaining('needs a msgid_plural') });
    expect(only(['msgid "a"', 'msgid_plural "b"', '  msgstr ""'])).toMatchObject({
      line: 3,
      column: 3,
      rule: 'po/plural',
      message: expect.stringContaining('write msgstr[0] instead of msgstr'),
    });
  });
});

describe('po/duplicate', () => {
  it('the same msgctxt and msgid twice, at the second, naming the first', () => {
    const problem = only(['msgctxt "m"', 'msgid "Open"', 'msgstr ""', '', 'msgid "Open"', 'msgstr ""', '', '#. again', 'msgctxt "m"', 'msgid "Open"', 'msgstr "x"']);
    expect(problem).toEqual({
      line: 9,
      column: 1,
      rule: 'po/duplicate',
      message:
        'msgid "Open" with msgctxt "m" is already on line 1; gettext refuses duplicates. ' +
        'Merge the two entries into one (`msgcat --use-first` does it), or give one a different msgctxt.',
    });
  });

  it('a second header; an obsolete entry may repeat an active one', () => {
    expect(only(['msgid ""', 'msgstr "Language: fr\\n"', '', 'msgid ""', 'msgstr ""'])).toMatchObject({
      line: 4,
      rule: 'po/duplicate',
      message: expect.stringContaining('A second header entry (msgid ""); the first is on line 1.'),
    });
    expect(parsePo('msgid "a"\nmsgstr ""\n\n#~ msgid "a"\n#~ msgstr "old"\n').problems).toEqual([]);
  });
});

describe('po/header', () => {
  it('a header line that is not a field, at its string', () => {
    expect(only(['msgid ""', 'msgstr ""', '"Language: fr\\n"', '"just words\\n"'])).toEqual({
      line: 4,
      column: 1,
      rule: 'po/header',
      message: 'The header line `just words` is not a field: write it as `Name: value`, ending in \\n.',
    });
  });

  it('comments the header cannot keep, and a plural header', () => {
    expect(only(['#: x.c:1', 'msgid ""', 'msgstr ""'])).toMatchObject({ line: 1, column: 1, rule: 'po/header', message: expect.stringContaining('#., #: or #|') });
    expect(only(['msgid ""', 'msgid_plural "x"', 'msgstr[0] ""'])).toMatchObject({ line: 2, rule: 'po/header' });
  });
});

describe('po/charset', () => {
  it('a file that says it is not UTF-8', () => {
    expect(only(['msgid ""', 'msgstr ""', '"Language: de\\n"', '"Content-Type: text/plain; charset=ISO-8859-1\\n"'])).toEqual({
      line: 4,
      column: 1,
      rule: 'po/charset',
      message:
        'The file says it is written in ISO-8859-1; folio reads PO files as UTF-8. ' +
        'Convert it with `msgconv --to-code=UTF-8` (which also updates this line), then import it again.',
    });
    // The placeholder of a fresh template is fine.
    expect(parsePo('msgid ""\nmsgstr "Content-Type: text/plain; charset=CHARSET\\n"\n').problems).toEqual([]);
  });
});

describe('collecting', () => {
  it('reports every problem of a file, in order, and no catalog', () => {
    const lines = ['msgid "a', 'msgstr ""', 'msgid "b\\z"', 'msgstr ""', 'bogus', 'msgid "c"', 'msgstr[1] ""', 'msgid "d"', 'msgstr ""', '#. again', 'msgid "d"', 'msgstr "x"'];
    expect(places(lines)).toEqual(['1:7 po/syntax', '3:9 po/escape', '5:1 po/syntax', '7:1 po/plural', '11:1 po/duplicate']);
  });

  it('does not pile up problems that follow from one', () => {
    // The unreadable line takes the msgstr after it along; a broken msgid is not a duplicate of another.
    expect(places(['msgid "a"', 'msgstr "1"', 'msgidd "b"', 'msgstr "2"', 'msgid "c', 'msgstr ""', 'msgid "c', 'msgstr ""'])).toEqual([
      '3:1 po/syntax',
      '5:7 po/syntax',
      '7:7 po/syntax',
    ]);
    // Out-of-order plural forms are reported once; a msgstr with no msgid takes its comments along.
    expect(places(['msgid "a"', 'msgid_plural "b"', 'msgstr[0] ""', 'msgstr[2] ""', 'msgstr[3] ""'])).toEqual(['4:1 po/plural']);
    expect(places(['#. note', 'msgstr "x"', 'msgid "a"', 'msgstr ""'])).toEqual(['2:1 po/syntax']);
  });

  it('has a test for every rule id in the PO code', () => {
    const dir = path.resolve(import.meta.dirname, '../../../src/translate/formats');
    const used = new Set<string>();
    for (const file of ['po-lex.ts', 'po-entries.ts', 'po-parse.ts', 'po-header.ts', 'po-escape.ts']) {
      for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/'(po\/[a-z-]+)'/g)) used.add(match[1]!);
    }
    const tested = new Set(readFileSync(import.meta.filename, 'utf8').match(/po\/[a-z-]+/g));
    expect([...used].filter((rule) => !tested.has(rule))).toEqual([]);
    expect(used).toEqual(new Set(['po/syntax', 'po/escape', 'po/plural', 'po/duplicate', 'po/header', 'po/charset']));
  });
});

describe('mangled files', () => {
  it('never throw, and every problem sits inside the file', () => {
    const random = mulberry32(0xbad);
    const noise = ['"', '\\', '#', '~', '|', '\n', 'x', ' ', '[', ']', '0', 'msgid ', 'msgstr[1] ', '#~ ', '#| ', '\\x', '\\7'];
    for (let i = 0; i < 500; i += 1) {
      let text = writePo(randomCatalog(random));
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits -= 1) {
        const at = Math.floor(random() * (text.length + 1));
        const cut = random() < 0.5 ? Math.floor(random() * 4) : 0;
        text = text.slice(0, at) + noise[Math.floor(random() * noise.length)] + text.slice(at + cut);
      }
      const { catalog, problems } = parsePo(text);
      const lines = text.split(/\r\n|\r|\n/);
      expect(catalog === undefined, text).toBe(problems.length > 0);
      for (const p of problems) {
        expect(p.line, text).toBeGreaterThanOrEqual(1);
        expect(p.line, text).toBeLessThanOrEqual(lines.length);
        expect(p.column, text).toBeGreaterThanOrEqual(1);
        expect(p.column, text).toBeLessThanOrEqual(lines[p.line - 1]!.length + 1);
        expect(p.rule).toMatch(/^po\/[a-z]+$/);
      }
    }
  });
});
