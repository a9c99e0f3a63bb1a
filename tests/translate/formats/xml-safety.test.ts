/** Exchange files come from outside: entities, DTDs and malformed input must not hurt. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTmx } from '../../../src/translate/formats/tmx.js';
import { readXliff12 } from '../../../src/translate/formats/xliff12.js';
import { readXliff2 } from '../../../src/translate/formats/xliff2.js';
import { MAX_XML_DEPTH, readXml } from '../../../src/translate/formats/xml-reader.js';
import { utf8 } from './exchange-helpers.js';

const xliff = (doctype: string, target: string) =>
  `<?xml version="1.0"?>\n${doctype}\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n` +
  `<file original="a" source-language="en" target-language="fr" datatype="plaintext"><body>\n` +
  `<trans-unit id="1"><source>Hello</source><target>${target}</target></trans-unit>\n</body></file></xliff>\n`;

describe('entities and DTDs', () => {
  it('rejects an external entity (XXE) and never reads the file it names', () => {
    const read = readXliff12(utf8(xliff('<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 'Bonjour &xxe;')));
    expect(read.file).toBeUndefined();
    expect(read.problems).toEqual([
      {
        line: 5,
        column: 58,
        rule: 'xml/malformed',
        message: expect.stringContaining('The entity &xxe; is not one XML defines'),
      },
    ]);
    const everything = JSON.stringify(read);
    expect(everything).not.toContain('root:');
    if (existsSync('/etc/passwd')) {
      for (const line of readFileSync('/etc/passwd', 'utf8').split('\n').filter((l) => l.length > 8)) expect(everything).not.toContain(line);
    }
  });

  it('rejects an external entity in an attribute value too', () => {
    const text = xliff('<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 'x').replace('id="1"', 'id="&xxe;"');
    const read = readXliff12(utf8(text));
    expect(read.file).toBeUndefined();
    expect(read.problems[0]).toMatchObject({ rule: 'xml/malformed', line: 5, column: 17 });
  });

  it('rejects a billion-laughs file at the first entity, without expanding anything', () => {
    const entities = ['<!ENTITY lol "lol">', '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'];
    for (let i = 2; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const read = readXliff12(utf8(xliff(`<!DOCTYPE lolz [\n${entities.join('\n')}\n]>`, '&lol9;')));
    expect(read.file).toBeUndefined();
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatchObject({ rule: 'xml/malformed', line: 16, column: 50 });
    expect(read.problems[0]!.message).toContain('&lol9;');
    expect(JSON.stringify(read).length).toBeLessThan(1000);
  });

  it('tolerates and ignores a DOCTYPE, even one naming a remote or local DTD', () => {
    for (const doctype of [
      '<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://127.0.0.1:9/xliff.dtd">',
      '<!DOCTYPE xliff SYSTEM "file:///etc/passwd">',
      '<!DOCTYPE xliff [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote; <!ATTLIST target state CDATA "final">]>',
    ]) {
      const read = readXliff12(utf8(xliff(doctype, 'Bonjour')));
      expect(read.problems).toEqual([]);
      // The DTD's default attribute is not applied either: no state, so a target reads as translated.
      expect(read.file!.units[0]).toMatchObject({ target: ['Bonjour'], state: 'translated' });
    }
  });

  it('reads the five XML entities and numeric references', () => {
    const read = readXliff12(utf8(xliff('', '&lt;&gt;&amp;&quot;&apos; &#233;&#x1D11E;')));
    expect(read.file!.units[0]!.target).toEqual(['<>&"\' é𝄞']);
  });
});

describe('malformed XML', () => {
  const cases: { name: string; text: string; line: number; column: number; says: string }[] = [
    { name: 'a mismatched closing tag', text: '<tmx>\n  <body></bdy>\n</tmx>', line: 2, column: 9, says: '</bdy> closes nothing; the open element is <body>, from line 2, column 3' },
    { name: 'a truncated file', text: '<tmx version="1.4">\n<body>\n<tu>', line: 3, column: 5, says: 'the file ends before <tu> (line 3, column 1) is closed' },
    { name: 'a second root', text: '<tmx/>\n<tmx/>', line: 2, column: 1, says: 'Malformed XML: a second root element' },
    { name: 'an unbound prefix', text: '<tmx>\n<sdl:seg/></tmx>', line: 2, column: 10, says: 'unbound namespace prefix' },
    { name: 'a character reference to NUL', text: '<tmx>a&#0;</tmx>', line: 1, column: 10, says: 'malformed character entity' },
    { name: 'a duplicate attribute', text: '<tmx a="1"\n  b="2" a="2"/>', line: 2, column: 9, says: 'the attribute a is given twice' },
    { name: 'a bare ampersand', text: '<tmx>\nFish & chips; <!-- & --><![CDATA[&]]></tmx>', line: 2, column: 6, says: 'a bare & here. In XML an ampersand in text is written &amp;' },
    { name: 'a bare ampersand in an attribute', text: '<tmx a="x&y">;</tmx>', line: 1, column: 10, says: 'a bare & here' },
    { name: 'an empty file', text: '<?xml version="1.0"?>\n', line: 1, column: 1, says: 'The file has no root element' },
    { name: 'text outside the root', text: '<tmx/>\nstray', line: 2, column: 1, says: 'Malformed XML: text outside the root element' },
  ];
  for (const c of cases) {
    it(`reports ${c.name} with its line and column`, () => {
      const read = readXml(utf8(c.text));
      expect(read.root).toBeUndefined();
      expect(read.problems).toHaveLength(1);
      expect(read.problems[0]).toMatchObject({ rule: 'xml/malformed', line: c.line, column: c.column });
      expect(read.problems[0]!.message).toContain(c.says);
    });
  }

  it('tells what to do', () => {
    const read = readTmx(utf8('<tmx>\n  <body></bdy>\n</tmx>'));
    expect(read.memory).toBeUndefined();
    expect(read.problems[0]!.message).toMatch(/correct it at this place, or export it again from the translation tool\.$/);
  });

  it('refuses nesting deeper than any exchange file needs', () => {
    const depth = MAX_XML_DEPTH + 10;
    const read = readXliff2(utf8(`<xliff>${'<g>'.repeat(depth)}${'</g>'.repeat(depth)}</xliff>`));
    expect(read.file).toBeUndefined();
    expect(read.problems).toEqual([
      { rule: 'xml/too-deep', line: 1, column: 8 + 3 * (MAX_XML_DEPTH - 1), message: expect.stringContaining(`more than ${MAX_XML_DEPTH} levels deep`) },
    ]);
  });
});
