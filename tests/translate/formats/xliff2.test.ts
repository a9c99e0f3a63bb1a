import { describe, expect, it } from 'vitest';
import type { ExchangeFile } from '../../../src/translate/formats/exchange.js';
import { readXliff2, writeXliff2 } from '../../../src/translate/formats/xliff2.js';
import { readXml } from '../../../src/translate/formats/xml-reader.js';
import { attribute, childElements, type XmlElement } from '../../../src/translate/formats/xml-tree.js';
import { utf16be, utf16le, utf8, withoutPlaces } from './exchange-helpers.js';
import { sampleFile } from './exchange-samples.js';

const descendants = (element: XmlElement, local: string): XmlElement[] =>
  childElements(element).flatMap((child) => [...(child.local === local ? [child] : []), ...descendants(child, local)]);

function roundTrip(file: ExchangeFile): ExchangeFile | undefined {
  const read = readXliff2(utf8(writeXliff2(file)));
  expect(read.problems).toEqual([]);
  return withoutPlaces(read.file);
}

describe('writeXliff2', () => {
  it('writes XLIFF 2.1 core with languages, one file, units with a segment and a state each', () => {
    const { root, problems } = readXml(utf8(writeXliff2(sampleFile())));
    expect(problems).toEqual([]);
    expect(root!.uri).toBe('urn:oasis:names:tc:xliff:document:2.0');
    expect([attribute(root!, 'version'), attribute(root!, 'srcLang'), attribute(root!, 'trgLang')]).toEqual(['2.1', 'en', 'fr-FR']);
    const segments = descendants(root!, 'segment');
    expect(segments.map((s) => [attribute(s, 'state'), attribute(s, 'subState')])).toEqual([
      ['translated', undefined],
      ['final', undefined],
      ['translated', 'folio:needs-review'],
      ['initial', undefined],
      ['translated', 'folio:needs-review'],
      ['translated', undefined],
      ['initial', 'folio:needs-translation'],
      ['translated', undefined],
      ['initial', undefined],
    ]);
    // Unit ids are NMTOKENs.
    expect(descendants(root!, 'unit').map((u) => attribute(u, 'id'))).toContain('handbook_x002F_03.md_x0023_p_x0020_12');
  });

  it('keeps markup in <originalData> and writes <pc>, <sc>/<ec> and <ph>', () => {
    const text = writeXliff2(sampleFile());
    expect(text).toContain('<data id="d3">](https://example.org/a?b=1&amp;c=2)</data>');
    expect(text).toContain('<source>Read the <pc id="1" dataRefStart="d1" dataRefEnd="d1">handbook</pc> before <pc id="2" dataRefStart="d2" dataRefEnd="d3">the seminar</pc>.</source>');
    expect(text).toContain('<source>a <sc id="1" dataRef="d1"/>b <pc id="2" dataRefStart="d2" dataRefEnd="d2">c<ec startRef="1" dataRef="d1"/> d</pc> e</source>');
    expect(text).toContain('<source>Starts <sc id="7" isolated="yes" dataRef="d1"/>here and ends <ec id="8" isolated="yes" dataRef="d2"/>there.</source>');
    expect(text).toContain('<ph id="1" dataRef="d1" equiv="name"/>');
    expect(text).toContain('<mtc:match ref="#s1" similarity="85" origin="memory/2023.tmx">');
  });

  it('writes characters XML cannot carry as <cp/>, and reads them back', () => {
    const file: ExchangeFile = { sourceLang: 'en', targetLang: 'fr', units: [{ id: 'u', source: ['bell\u0007 and \uFFFF'], state: 'new' }] };
    const text = writeXliff2(file);
    expect(text).toContain('<source>bell<cp hex="0007"/> and <cp hex="FFFF"/></source>');
    expect(roundTrip(file)).toEqual(file);
  });

  it('is deterministic, and writing what it read gives the same bytes', () => {
    const once = writeXliff2(sampleFile());
    expect(writeXliff2(sampleFile())).toBe(once);
    expect(writeXliff2(withoutPlaces(readXliff2(utf8(once)).file)!)).toBe(once);
  });
});

describe('readXliff2 round trip', () => {
  it('gives back the same file, codes, ids, states and matches included', () => {
    expect(roundTrip(sampleFile())).toEqual(sampleFile());
  });

  it('keeps a new unit that already has a target new', () => {
    const file: ExchangeFile = { sourceLang: 'en', targetLang: 'fr', units: [{ id: 'pre', source: ['a'], target: ['b'], state: 'new' }] };
    expect(roundTrip(file)).toEqual(file);
  });

  it('reads through UTF-16 LE and BE', () => {
    const text = writeXliff2(sampleFile()).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    expect(withoutPlaces(readXliff2(utf16le(text)).file)).toEqual(sampleFile());
    expect(withoutPlaces(readXliff2(utf16be(text)).file)).toEqual(sampleFile());
  });
});

describe('readXliff2 of what other tools write', () => {
  it('joins segments and ignorables, follows target order, takes the least advanced state', () => {
    const read = readXliff2(
      utf8(`<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" trgLang="de-DE">
 <file id="f1">
  <group id="g1">
   <unit id="u1" name="intro">
    <notes><note category="context">Opening sentence</note></notes>
    <originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data></originalData>
    <segment id="s1" state="final"><source>First <pc id="1" dataRefStart="d1" dataRefEnd="d2">bold</pc>.</source><target order="3">Erst <pc id="1" dataRefStart="d1" dataRefEnd="d2">fett</pc>.</target></segment>
    <ignorable><source> </source></ignorable>
    <segment id="s2" state="translated"><source>Second.</source><target order="1">Zweitens.</target></segment>
   </unit>
   <unit id="u2" translate="no"><segment><source>skip</source></segment></unit>
  </group>
  <unit id="u3"><segment state="initial"><source>Draft <mrk id="m1" type="term">term</mrk><sm id="c1" type="comment"/> here<em startRef="c1"/>.</source><target>Entwurf <mrk id="m1" type="term">Begriff</mrk>.</target></segment></unit>
  <unit id="u4"><segment state="reviewed"><source><ph id="1" equiv="{x}"/> <mrk id="m2" translate="no">OSCE</mrk></source><target><ph id="1" disp="[x]"/> <mrk id="m2" translate="no">OSCE</mrk></target></segment></unit>
 </file>
</xliff>`),
    );
    expect(read.problems).toEqual([]);
    expect(withoutPlaces(read.file)).toEqual({
      sourceLang: 'en-US',
      targetLang: 'de-DE',
      units: [
        {
          id: 'u1',
          context: 'intro',
          notes: ['Opening sentence'],
          source: ['First ', { kind: 'open', id: '1', data: '<b>' }, 'bold', { kind: 'close', id: '1', data: '</b>' }, '. Second.'],
          // The segments' targets swapped by order; the ignorable keeps its source.
          target: ['Zweitens. Erst ', { kind: 'open', id: '1', data: '<b>' }, 'fett', { kind: 'close', id: '1', data: '</b>' }, '.'],
          state: 'translated',
        },
        { id: 'u3', source: ['Draft term here.'], target: ['Entwurf Begriff.'], state: 'needs-review' },
        {
          id: 'u4',
          source: [{ kind: 'standalone', id: '1', data: '{x}', equiv: '{x}' }, ' ', { kind: 'standalone', id: 'm2', data: 'OSCE' }],
          target: [{ kind: 'standalone', id: '1', data: '[x]' }, ' ', { kind: 'standalone', id: 'm2', data: 'OSCE' }],
          state: 'final',
        },
      ],
    });
  });

  it('reads XLIFF 2.2 and matchQuality', () => {
    const read = readXliff2(
      utf8(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.2" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" version="2.2" srcLang="en" trgLang="fr"><file id="f"><unit id="1">' +
          '<mtc:matches><mtc:match ref="#s" matchQuality="77.5" origin="mt"><source>Hi</source><target>Salut</target></mtc:match></mtc:matches>' +
          '<segment id="s"><source>Hi</source></segment></unit></file></xliff>',
      ),
    );
    expect(read.file!.units[0]!.alternatives).toEqual([{ source: ['Hi'], target: ['Salut'], quality: 77.5, origin: 'mt' }]);
  });
});

describe('readXliff2 of a file a CAT tool edited', () => {
  it('reads moved codes, a <pc> around other words, added modules and reformatted markup, through UTF-16', () => {
    const original = writeXliff2({
      sourceLang: 'en',
      targetLang: 'fr-FR',
      units: [
        {
          id: 'b8f3a1',
          source: ['Read the ', { kind: 'open', id: '1', data: '**' }, 'handbook', { kind: 'close', id: '1', data: '**' }, ' now, ', { kind: 'standalone', id: '2', data: '{name}' }, '.'],
          state: 'new',
        },
      ],
    });
    expect(original).toContain('<segment id="s1" state="initial">');
    const edited = original
      .replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-16"?>')
      .replace(
        /<xliff [^>]*>/,
        '<xliff\r\n  trgLang="fr-FR" srcLang="en"\r\n  version="2.1" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"\r\n  xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:its="http://www.w3.org/2005/11/its">',
      )
      .replace('<unit id="b8f3a1">', '<unit its:locQualityIssuesRef="#q1" id="b8f3a1">\r\n\t<mda:metadata><mda:metaGroup><mda:meta type="tool">CAT</mda:meta></mda:metaGroup></mda:metadata>')
      .replace('<segment id="s1" state="initial">', '<segment state="translated" id="s1">')
      .replace(
        '</source>',
        '</source>\r\n\t\t<target xml:lang="fr-FR"><ph dataRef="d2" id="2"/>, lisez <pc dataRefEnd="d1" id="1" dataRefStart="d1">le manuel tout de suite</pc>.</target>',
      );
    const read = readXliff2(utf16be(edited));
    expect(read.problems).toEqual([]);
    expect(withoutPlaces(read.file)!.units).toEqual([
      {
        id: 'b8f3a1',
        source: ['Read the ', { kind: 'open', id: '1', data: '**' }, 'handbook', { kind: 'close', id: '1', data: '**' }, ' now, ', { kind: 'standalone', id: '2', data: '{name}' }, '.'],
        target: [{ kind: 'standalone', id: '2', data: '{name}' }, ', lisez ', { kind: 'open', id: '1', data: '**' }, 'le manuel tout de suite', { kind: 'close', id: '1', data: '**' }, '.'],
        state: 'translated',
      },
    ]);
  });
});
