import { describe, expect, it } from 'vitest';
import { readXml } from '../../../src/translate/formats/xml-reader.js';
import { textContent } from '../../../src/translate/formats/xml-tree.js';
import { utf16be, utf16le, utf8, utf8WithBom } from './exchange-helpers.js';

const sample = '<?xml version="1.0" encoding="ENCODING"?>\n<seg>Séminaire — 𝄞 العربية</seg>';
const text = (bytes: Uint8Array) => {
  const read = readXml(bytes);
  expect(read.problems).toEqual([]);
  return textContent(read.root!);
};

describe('readXml encodings', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(text(utf8(sample.replace('ENCODING', 'UTF-8')))).toBe('Séminaire — 𝄞 العربية');
    expect(text(utf8WithBom(sample.replace('ENCODING', 'utf-8')))).toBe('Séminaire — 𝄞 العربية');
    expect(text(utf8('<seg>no declaration: é</seg>'))).toBe('no declaration: é');
  });

  it('reads UTF-16 LE and BE with a byte order mark, and without one', () => {
    const utf16 = sample.replace('ENCODING', 'UTF-16');
    expect(text(utf16le(utf16))).toBe('Séminaire — 𝄞 العربية');
    expect(text(utf16be(utf16))).toBe('Séminaire — 𝄞 العربية');
    expect(text(utf16le(utf16, false))).toBe('Séminaire — 𝄞 العربية');
    expect(text(utf16be(utf16, false))).toBe('Séminaire — 𝄞 العربية');
    expect(text(utf16le('<seg>no declaration</seg>', false))).toBe('no declaration');
  });

  it('reads a single-byte encoding the declaration names', () => {
    const bytes = Uint8Array.from([...utf8('<?xml version="1.0" encoding="windows-1252"?><seg>caf'), 0xe9, 0x20, 0x80, ...utf8('</seg>')]);
    expect(text(bytes)).toBe('café €');
    const latin1 = Uint8Array.from([...utf8("<?xml version='1.0' encoding='ISO-8859-1'?><seg>na"), 0xef, ...utf8('ve</seg>')]);
    expect(text(latin1)).toBe('naïve');
  });

  it('reads UTF-8 under a UTF-16 label when the bytes are plainly not UTF-16', () => {
    expect(text(utf8(sample.replace('ENCODING', 'UTF-16')))).toBe('Séminaire — 𝄞 العربية');
  });

  it('reports the place of the first byte that is not UTF-8', () => {
    const bytes = Uint8Array.from([...utf8('<tmx>\n<seg>caf'), 0xe9, ...utf8('</seg></tmx>')]);
    const read = readXml(bytes);
    expect(read.root).toBeUndefined();
    expect(read.problems).toEqual([
      {
        rule: 'xml/malformed',
        line: 2,
        column: 9,
        message: expect.stringMatching(/^The byte 0xe9 here is not valid UTF-8.*Save the file as UTF-8/),
      },
    ]);
  });

  it('reports broken UTF-16 and encodings it cannot read', () => {
    const odd = utf16le('<seg>a</seg>').subarray(0, 13);
    expect(readXml(odd).problems[0]).toMatchObject({ rule: 'xml/malformed', message: expect.stringContaining('not valid UTF-16') });
    expect(readXml(Uint8Array.from([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0])).problems[0]).toMatchObject({ rule: 'xml/malformed', line: 1, column: 1, message: expect.stringContaining('UTF-32') });
    expect(readXml(utf8('<?xml version="1.0" encoding="x-klingon"?><a/>')).problems[0]).toMatchObject({
      rule: 'xml/malformed',
      message: 'folio cannot read XML encoded as x-klingon. Save the file as UTF-8 (or UTF-16 with a byte order mark) and import it again.',
    });
  });
});

describe('readXml tree', () => {
  it('resolves namespaces, whatever the prefixes', () => {
    const read = readXml(utf8('<x:a xmlns:x="urn:one" xmlns:y="urn:two" y:b="1" c="2"><y:d/><e xmlns="urn:three"/></x:a>'));
    const root = read.root!;
    expect([root.local, root.uri]).toEqual(['a', 'urn:one']);
    expect(root.attributes.filter((a) => !a.name.startsWith('xmlns')).map((a) => [a.local, a.uri, a.value])).toEqual([
      ['b', 'urn:two', '1'],
      ['c', '', '2'],
    ]);
    expect(root.children.map((c) => (c.kind === 'element' ? [c.local, c.uri] : c.text))).toEqual([
      ['d', 'urn:two'],
      ['e', 'urn:three'],
    ]);
  });

  it('keeps whitespace, merges CDATA with text, drops comments and processing instructions', () => {
    const root = readXml(utf8('<a>  one <!-- no --><?pi x?><![CDATA[<two>]]>\r\n three  </a>')).root!;
    expect(root.children).toEqual([{ kind: 'text', text: '  one <two>\n three  ' }]);
  });

  it('places elements by their <, on any line ending', () => {
    const root = readXml(utf8('<a>\r\n  <b\r\n c="1"/>\r  <d/>\n\t<e/></a>')).root!;
    expect(root.children.filter((c) => c.kind === 'element').map((c) => c.kind === 'element' && [c.name, c.line, c.column])).toEqual([
      ['b', 2, 3],
      ['d', 4, 3],
      ['e', 5, 2],
    ]);
  });
});
