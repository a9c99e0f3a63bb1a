/** Every rule id the exchange-format readers report, triggered, with its message and place. */
import { describe, expect, it } from 'vitest';
import type { FormatProblem } from '../../../src/translate/formats/exchange.js';
import { FORMAT_RULES } from '../../../src/translate/formats/format-rules.js';
import { readTmx } from '../../../src/translate/formats/tmx.js';
import { readXliff12 } from '../../../src/translate/formats/xliff12.js';
import { readXliff2 } from '../../../src/translate/formats/xliff2.js';
import { utf8 } from './exchange-helpers.js';

const x12 = (body: string, file = 'source-language="en" target-language="fr"') => {
  const read = readXliff12(utf8(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="a" datatype="plaintext" ${file}><body>\n${body}\n</body></file>\n</xliff>`));
  return { problems: read.problems, readable: read.file !== undefined };
};
const x2 = (units: string) => {
  const read = readXliff2(utf8(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">\n<file id="f">\n${units}\n</file></xliff>`));
  return { problems: read.problems, readable: read.file !== undefined };
};
const tmx = (body: string, header = '<header srclang="en"/>') => {
  const read = readTmx(utf8(`<tmx version="1.4">\n${header}\n<body>\n${body}\n</body></tmx>`));
  return { problems: read.problems, readable: read.memory !== undefined };
};

const cases: { rule: string; name: string; run: () => { problems: FormatProblem[]; readable: boolean }; expected: FormatProblem[] }[] = [
  {
    rule: FORMAT_RULES.malformed,
    name: 'a tag closed wrongly',
    run: () => x12('<trans-unit id="1"><source>a</target></trans-unit>'),
    expected: [{ rule: 'xml/malformed', line: 3, column: 29, message: expect.stringContaining('</target> closes nothing; the open element is <source>, from line 3, column 20') }],
  },
  {
    rule: FORMAT_RULES.tooDeep,
    name: 'absurd nesting',
    run: () => x12(`<trans-unit id="1"><source>${'<g id="1">'.repeat(300)}</source></trans-unit>`),
    expected: [{ rule: 'xml/too-deep', line: 3, column: 2538, message: expect.stringContaining('nested more than 256 levels deep') }],
  },
  {
    rule: FORMAT_RULES.wrongFormat,
    name: 'a TMX given to the XLIFF 1.2 reader',
    run: () => {
      const read = readXliff12(utf8('<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body/></tmx>'));
      return { problems: read.problems, readable: read.file !== undefined };
    },
    expected: [{ rule: 'exchange/wrong-format', line: 2, column: 1, message: 'This is a TMX file, not XLIFF 1.2. Import it as TMX, or export XLIFF 1.2 from the translation tool.' }],
  },
  {
    rule: FORMAT_RULES.wrongFormat,
    name: 'an XLIFF 1.2 given to the XLIFF 2 reader',
    run: () => {
      const read = readXliff2(utf8('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>'));
      return { problems: read.problems, readable: read.file !== undefined };
    },
    expected: [{ rule: 'exchange/wrong-format', line: 1, column: 1, message: 'This is an XLIFF 1.2 file, not XLIFF 2. Import it as XLIFF 1.2, or export XLIFF 2 from the translation tool.' }],
  },
  {
    rule: FORMAT_RULES.wrongFormat,
    name: 'some other XML given to the TMX reader',
    run: () => {
      const read = readTmx(utf8('<html/>'));
      return { problems: read.problems, readable: read.memory !== undefined };
    },
    expected: [{ rule: 'exchange/wrong-format', line: 1, column: 1, message: 'This is an XML file whose root element is <html>, not TMX. Export TMX from the translation tool.' }],
  },
  {
    rule: FORMAT_RULES.missingAttribute,
    name: 'a trans-unit without id',
    run: () => x12('<trans-unit><source>a</source></trans-unit>\n<trans-unit id="2"><source>b</source></trans-unit>'),
    expected: [{ rule: 'exchange/missing-attribute', line: 3, column: 1, message: '<trans-unit> has no id attribute, which the format requires. Add it, or export the file again from the translation tool.' }],
  },
  {
    rule: FORMAT_RULES.missingAttribute,
    name: 'a file without source-language',
    run: () => x12('<trans-unit id="1"><source>a</source></trans-unit>', 'target-language="fr"'),
    expected: [{ rule: 'exchange/missing-attribute', line: 2, column: 1, message: expect.stringContaining('<file> has no source-language attribute') }],
  },
  {
    rule: FORMAT_RULES.missingAttribute,
    name: 'a tuv without xml:lang, a header without srclang',
    run: () => tmx('<tu><tuv><seg>a</seg></tuv></tu>', '<header/>'),
    expected: [
      { rule: 'exchange/missing-attribute', line: 2, column: 1, message: expect.stringContaining('<header> has no srclang attribute') },
      { rule: 'exchange/missing-attribute', line: 4, column: 5, message: expect.stringContaining('<tuv> has no xml:lang attribute') },
    ],
  },
  {
    rule: FORMAT_RULES.missingSource,
    name: 'a trans-unit without source',
    run: () => x12('<trans-unit id="1"><target>a</target></trans-unit>'),
    expected: [{ rule: 'exchange/missing-source', line: 3, column: 1, message: 'The unit "1" has no <source>; it is left out. Export the file again from the translation tool.' }],
  },
  {
    rule: FORMAT_RULES.missingSource,
    name: 'an XLIFF 2 segment without source',
    run: () => x2('<unit id="u"><segment><target>a</target></segment></unit>'),
    expected: [{ rule: 'exchange/missing-source', line: 3, column: 14, message: expect.stringContaining('A <segment> of unit "u" has no <source>') }],
  },
  {
    rule: FORMAT_RULES.missingSource,
    name: 'a tuv without seg',
    run: () => tmx('<tu><tuv xml:lang="en"/></tu>'),
    expected: [{ rule: 'exchange/missing-source', line: 4, column: 5, message: 'This <tuv> in en has no <seg>; it is left out. Export the memory again from the translation tool.' }],
  },
  {
    rule: FORMAT_RULES.duplicateId,
    name: 'two units with one id',
    run: () => x2('<unit id="u"><segment><source>a</source></segment></unit>\n<unit id="u"><segment><source>b</source></segment></unit>'),
    expected: [{ rule: 'exchange/duplicate-id', line: 4, column: 1, message: expect.stringContaining('A second unit with id "u" (the first is on line 3); it is left out.') }],
  },
  {
    rule: FORMAT_RULES.mixedLanguages,
    name: 'two files with different language pairs',
    run: () => {
      const read = readXliff12(
        utf8(
          '<xliff version="1.2">\n<file original="a" source-language="en" target-language="fr" datatype="plaintext"><body/></file>\n<file original="b" source-language="en" target-language="de" datatype="plaintext"><body/></file>\n</xliff>',
        ),
      );
      return { problems: read.problems, readable: read.file !== undefined };
    },
    expected: [{ rule: 'exchange/mixed-languages', line: 3, column: 1, message: 'This <file> is en → de, but the first one is en → fr; its units are left out. Export one XLIFF file per language pair.' }],
  },
  {
    rule: FORMAT_RULES.duplicateLanguage,
    name: 'two tuvs in one language',
    run: () => tmx('<tu><tuv xml:lang="fr-CA"><seg>a</seg></tuv>\n<tuv xml:lang="FR-ca"><seg>b</seg></tuv></tu>'),
    expected: [{ rule: 'tmx/duplicate-language', line: 5, column: 1, message: 'A second <tuv> in FR-ca in this <tu> (the first is on line 4); it is left out. Keep one translation per language in each <tu>.' }],
  },
];

describe('format rules', () => {
  for (const c of cases) {
    it(`${c.rule}: ${c.name}`, () => {
      const { problems, readable } = c.run();
      expect(problems).toEqual(c.expected);
      // Only a file that cannot be read at all loses its file or memory.
      expect(readable).toBe(!c.rule.startsWith('xml/') && c.rule !== FORMAT_RULES.wrongFormat);
    });
  }

  it('every rule id has a case', () => {
    const covered = new Set(cases.map((c) => c.rule));
    expect(Object.values(FORMAT_RULES).filter((rule) => !covered.has(rule))).toEqual([]);
  });
});
