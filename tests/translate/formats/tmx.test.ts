import { describe, expect, it } from 'vitest';
import type { Memory } from '../../../src/translate/formats/exchange.js';
import { readTmx, writeTmx } from '../../../src/translate/formats/tmx.js';
import { readXml } from '../../../src/translate/formats/xml-reader.js';
import { attribute, childElements } from '../../../src/translate/formats/xml-tree.js';
import { memoryWithoutPlaces, utf16le, utf8 } from './exchange-helpers.js';
import { sampleMemory } from './exchange-samples.js';

function roundTrip(memory: Memory): Memory | undefined {
  const read = readTmx(utf8(writeTmx(memory)));
  expect(read.problems).toEqual([]);
  return memoryWithoutPlaces(read.memory);
}

describe('writeTmx', () => {
  it('writes the TMX 1.4b header folio promises', () => {
    const { root } = readXml(utf8(writeTmx(sampleMemory())));
    expect(attribute(root!, 'version')).toBe('1.4');
    const header = childElements(root!)[0]!;
    expect(header.attributes.map((a) => [a.name, a.value])).toEqual([
      ['creationtool', 'folio'],
      ['creationtoolversion', '0.1'],
      ['segtype', 'sentence'],
      ['o-tmf', 'folio'],
      ['adminlang', 'en'],
      ['srclang', 'en'],
      ['datatype', 'markdown'],
    ]);
  });

  it('keeps markup as the text of <bpt>/<ept>, <it> and <ph>', () => {
    const text = writeTmx(sampleMemory());
    expect(text).toContain('<seg>Read the <bpt i="1" x="1">**</bpt>handbook<ept i="1">**</ept>.</seg>');
    expect(text).toContain('<seg>Crossing <bpt i="1" x="1">*</bpt>a <bpt i="2" x="2">**</bpt>b<ept i="1">*</ept> c<ept i="2">**</ept>, lone <it pos="begin" x="3">&lt;b&gt;</it> and <ph x="4">{n}</ph>.</seg>');
    expect(text).toContain('<prop type="x-Domain">Migration &amp; &lt;labour&gt;</prop>');
  });

  it('numbers ids that are not numbers, the same way in every variant', () => {
    const memory: Memory = {
      sourceLang: 'en',
      entries: [
        {
          variants: new Map([
            ['en', ['a', { kind: 'standalone', id: 'ph_Placeholder_1', data: '{0}' }, { kind: 'standalone', id: '3', data: '{1}' }]],
            ['fr', [{ kind: 'standalone', id: '3', data: '{1}' }, 'b', { kind: 'standalone', id: 'ph_Placeholder_1', data: '{0}' }]],
          ]),
        },
      ],
    };
    const text = writeTmx(memory);
    expect(text).toContain('<seg>a<ph x="4">{0}</ph><ph x="3">{1}</ph></seg>');
    expect(text).toContain('<seg><ph x="3">{1}</ph>b<ph x="4">{0}</ph></seg>');
    expect(roundTrip(memory)!.entries[0]!.variants.get('fr')).toEqual([
      { kind: 'standalone', id: '3', data: '{1}' },
      'b',
      { kind: 'standalone', id: '4', data: '{0}' },
    ]);
  });

  it('is deterministic, and writing what it read gives the same bytes', () => {
    const once = writeTmx(sampleMemory());
    expect(writeTmx(sampleMemory())).toBe(once);
    expect(writeTmx(memoryWithoutPlaces(readTmx(utf8(once)).memory)!)).toBe(once);
  });
});

describe('readTmx', () => {
  it('gives back the same memory, codes, props, notes and dates included', () => {
    const back = roundTrip(sampleMemory())!;
    expect(back).toEqual(sampleMemory());
    expect([...back.entries[0]!.variants.keys()]).toEqual(['en', 'fr-FR', 'ar']);
  });

  it('reads a UTF-16 LE file with a DOCTYPE, as Windows tools write it', () => {
    const text = writeTmx(sampleMemory())
      .replace('encoding="UTF-8"', 'encoding="UTF-16"')
      .replace('<tmx version="1.4">', '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">')
      .replace(/\n/g, '\r\n');
    const read = readTmx(utf16le(text));
    expect(read.problems).toEqual([]);
    // CRLF inside a segment reads as LF, as XML says (§2.11).
    const expected = sampleMemory();
    expect(memoryWithoutPlaces(read.memory)!.entries[2]!.variants.get('en')).toEqual(expected.entries[2]!.variants.get('en'));
    expect(read.memory!.entries.map((e) => [e.line, e.column])).toEqual([
      [6, 5],
      [20, 5],
      [28, 5],
    ]);
  });

  it('reads TMX 1.1 lang, tuv change dates, <ut>, <hi> and <sub>, codes without numbers', () => {
    const read = readTmx(
      utf8(`<tmx version="1.1"><header srclang="EN" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="html"/><body>
<tu><tuv lang="EN" changedate="20010101T000000Z"><seg>Click <ph type="link">&lt;a href="x"<sub>title text</sub>&gt;</ph><hi type="term">here</hi> <ut>{\\b}</ut>bold <bpt i="5">&lt;i></bpt>it<ept i="5">&lt;/i></ept></seg></tuv>
<tuv xml:lang="de-de" changedate="20020202T000000Z"><seg>Hier</seg></tuv></tu></body></tmx>`),
    );
    expect(read.problems).toEqual([]);
    expect(memoryWithoutPlaces(read.memory)).toEqual({
      sourceLang: 'EN',
      entries: [
        {
          variants: new Map([
            [
              'EN',
              [
                'Click ',
                { kind: 'standalone', id: 'x-1', data: '<a href="x"title text>' },
                'here ',
                { kind: 'standalone', id: 'x-2', data: '{\\b}' },
                'bold ',
                { kind: 'open', id: '5', data: '<i>' },
                'it',
                { kind: 'close', id: '5', data: '</i>' },
              ],
            ],
            ['de-de', ['Hier']],
          ]),
          changedate: '20020202T000000Z',
        },
      ],
    });
  });

  it('pairs <ept> with its <bpt> by i, taking the bpt x as id', () => {
    const read = readTmx(utf8('<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg><bpt i="1" x="7">[</bpt>a<ept i="1">]</ept></seg></tuv></tu></body></tmx>'));
    expect(read.memory!.entries[0]!.variants.get('en')).toEqual([{ kind: 'open', id: '7', data: '[' }, 'a', { kind: 'close', id: '7', data: ']' }]);
  });
});

describe('readTmx of a memory a CAT tool edited', () => {
  it('reads reordered variants and attributes, moved codes, added props and languages', () => {
    const edited = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header srclang="en" datatype="markdown" adminlang="en" o-tmf="folio" segtype="sentence" creationtoolversion="0.1" creationtool="folio">
  <prop type="x-Note">merged by the CAT tool</prop>
</header>
<body>
<tu changedate="20240301T090000Z" tuid="b8f3a1" usagecount="3" lastusagedate="20240301T090000Z">
  <prop type="x-folio-context">theme 3 brief</prop>
  <tuv xml:lang="fr-FR" changeid="translator" changedate="20240301T090000Z"><prop type="x-Origin">TM</prop><seg>Lisez <bpt x="1" i="1">**</bpt>le manuel entier<ept i="1">**</ept> d'abord.</seg></tuv>
  <tuv xml:lang="en"><seg>Read the <bpt i="1" x="1">**</bpt>handbook<ept i="1">**</ept> first.</seg></tuv>
  <tuv xml:lang="es-419"><seg>Lea el <bpt i="1" x="1">**</bpt>manual<ept i="1">**</ept>.</seg></tuv>
</tu>
</body>
</tmx>`;
    const read = readTmx(utf16le(edited));
    expect(read.problems).toEqual([]);
    const bold = (kind: 'open' | 'close') => ({ kind, id: '1', data: '**' });
    expect(memoryWithoutPlaces(read.memory)).toEqual({
      sourceLang: 'en',
      entries: [
        {
          id: 'b8f3a1',
          changedate: '20240301T090000Z',
          props: [{ type: 'x-folio-context', value: 'theme 3 brief' }],
          variants: new Map([
            ['fr-FR', ['Lisez ', bold('open'), 'le manuel entier', bold('close'), " d'abord."]],
            ['en', ['Read the ', bold('open'), 'handbook', bold('close'), ' first.']],
            ['es-419', ['Lea el ', bold('open'), 'manual', bold('close'), '.']],
          ]),
        },
      ],
    });
  });
});

