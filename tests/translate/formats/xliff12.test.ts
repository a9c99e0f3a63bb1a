import { describe, expect, it } from 'vitest';
import type { ExchangeFile } from '../../../src/translate/formats/exchange.js';
import { readXliff12, writeXliff12 } from '../../../src/translate/formats/xliff12.js';
import { readXml } from '../../../src/translate/formats/xml-reader.js';
import { attribute, childElements, type XmlElement } from '../../../src/translate/formats/xml-tree.js';
import { utf16le, utf8, withoutPlaces } from './exchange-helpers.js';
import { sampleFile } from './exchange-samples.js';

function roundTrip(file: ExchangeFile): ExchangeFile | undefined {
  const read = readXliff12(utf8(writeXliff12(file)));
  expect(read.problems).toEqual([]);
  return withoutPlaces(read.file);
}

function parsed(text: string): XmlElement {
  const { root, problems } = readXml(utf8(text));
  expect(problems).toEqual([]);
  return root!;
}

const descendants = (element: XmlElement, local: string): XmlElement[] =>
  childElements(element).flatMap((child) => [...(child.local === local ? [child] : []), ...descendants(child, local)]);

describe('writeXliff12', () => {
  it('writes the file header folio promises', () => {
    const root = parsed(writeXliff12(sampleFile()));
    expect(root.local).toBe('xliff');
    expect(attribute(root, 'version')).toBe('1.2');
    expect(root.uri).toBe('urn:oasis:names:tc:xliff:document:1.2');
    const file = childElements(root)[0]!;
    expect(Object.fromEntries(file.attributes.map((a) => [a.name, a.value]))).toEqual({
      original: 'sources/handbook/03-theme-brief.md',
      datatype: 'x-markdown',
      'source-language': 'en',
      'target-language': 'fr-FR',
    });
  });

  it('gives every unit a state and keeps whitespace where it matters', () => {
    const root = parsed(writeXliff12(sampleFile()));
    const units = descendants(root, 'trans-unit');
    expect(units).toHaveLength(sampleFile().units.length);
    const states = units.map((u) => {
      const target = descendants(u, 'target')[0];
      return [attribute(u, 'id'), target && attribute(target, 'state')];
    });
    expect(states).toEqual([
      ['b8f3a1', 'translated'],
      ['c0ffee', 'final'],
      ['crossing', 'needs-review-translation'],
      ['lone-codes', 'needs-translation'], // new: folio's copy of its source, to translate
      ['whitespace', 'needs-review-translation'],
      ['special', 'translated'],
      ['needs-translation', 'needs-translation'],
      ['handbook/03.md#p 12', 'translated'],
      ['empty-data', 'needs-translation'],
    ]);
    expect(attribute(units[1]!, 'approved')).toBe('yes');
    const preserved = units.filter((u) => attribute(u, 'space', 'http://www.w3.org/XML/1998/namespace') === 'preserve').map((u) => attribute(u, 'id'));
    expect(preserved).toEqual(['whitespace']);
  });

  it('writes pairs as <bpt>/<ept>, lone codes as <it>, standalone codes as <ph>, each holding its markup', () => {
    const text = writeXliff12(sampleFile());
    expect(text).toContain(
      '<source>Read the <bpt id="1" rid="1" ctype="bold">**</bpt>handbook<ept id="1" rid="1">**</ept> before <bpt id="2" rid="2" ctype="link">[</bpt>the seminar<ept id="2" rid="2">](https://example.org/a?b=1&amp;c=2)</ept>.</source>',
    );
    expect(text).toContain('<source>Welcome, <ph id="1" equiv-text="name">{name}</ph>, to <ph id="2" equiv-text="country">{country}</ph>!</source>');
    // a *b **c* d** e: crossing pairs are pairs too.
    expect(text).toContain(
      '<source>a <bpt id="1" rid="1" ctype="italic">*</bpt>b <bpt id="2" rid="2" ctype="bold">**</bpt>c<ept id="1" rid="1">*</ept> d<ept id="2" rid="2">**</ept> e</source>',
    );
    expect(text).toContain('<source>Starts <it id="7" pos="open">&lt;b&gt;</it>here and ends <it id="8" pos="close">&lt;/i&gt;</it>there.</source>');
  });

  it('escapes text and attributes', () => {
    const text = writeXliff12(sampleFile());
    expect(text).toContain('<source>&lt; &amp; &gt; " \' ]]&gt; end; &amp;amp; is text; 𝄞 astral, العربية, emoji 👍</source>');
    expect(text).toContain('resname="quotes &quot;here&quot; &amp; &lt;there&gt;"');
    expect(text).toContain('<source>  two  spaces\nnew line\ttab, CR&#13;\nCRLF  </source>');
    expect(text).toContain('<ph id="2">\\\n</ph>');
  });

  it('replaces characters XML cannot carry', () => {
    const text = writeXliff12({ sourceLang: 'en', targetLang: 'fr', units: [{ id: 'u', source: ['a\u0001b\uD800c'], state: 'new' }] });
    expect(text).toContain('<source>a\uFFFDb\uFFFDc</source>');
    expect(readXliff12(utf8(text)).problems).toEqual([]);
  });

  it('is deterministic, and writing what it read gives the same bytes', () => {
    const once = writeXliff12(sampleFile());
    expect(writeXliff12(sampleFile())).toBe(once);
    const read = readXliff12(utf8(once));
    expect(writeXliff12(withoutPlaces(read.file)!)).toBe(once);
  });

  it('puts one unit on a few lines, indented', () => {
    const text = writeXliff12({ sourceLang: 'en', targetLang: 'de', units: [{ id: 'a', source: ['Hello'], target: ['Hallo'], state: 'translated' }] });
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:folio="urn:x-folio:inline">',
        '  <file original="" datatype="x-markdown" source-language="en" target-language="de">',
        '    <header>',
        '      <tool tool-id="folio" tool-name="folio" tool-version="0.1"/>',
        '    </header>',
        '    <body>',
        '      <trans-unit id="a" approved="yes">',
        '        <source>Hello</source>',
        '        <target state="translated">Hallo</target>',
        '      </trans-unit>',
        '    </body>',
        '  </file>',
        '</xliff>',
        '',
      ].join('\n'),
    );
  });
});

describe('readXliff12 round trip', () => {
  it('gives back the same file, codes included', () => {
    expect(roundTrip(sampleFile())).toEqual(sampleFile());
  });

  it('gives back a file without original, notes or targets', () => {
    const file: ExchangeFile = { sourceLang: 'en-GB', targetLang: 'ar', units: [{ id: '1', source: ['Only a source'], state: 'new' }] };
    expect(roundTrip(file)).toEqual(file);
  });

  it('reads an empty file', () => {
    const file: ExchangeFile = { sourceLang: 'en', targetLang: 'fr', units: [] };
    expect(roundTrip(file)).toEqual(file);
  });

  it('reads the places of units', () => {
    const read = readXliff12(utf8(writeXliff12(sampleFile())));
    expect(read.file!.units[0]).toMatchObject({ line: 8, column: 7 });
  });
});

describe('readXliff12 of a file a CAT tool edited', () => {
  // folio's export of two units, as Trados Studio saves it back: one line, its own namespaces
  // and elements, attributes in another order, the folio namespace under another prefix,
  // targets typed, codes moved, a <g> around other words, segments, then UTF-16.
  const edited =
    '<?xml version="1.0" encoding="utf-16"?>\r\n' +
    '<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns:f="urn:x-folio:inline" sdl:version="1.0" version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\r\n' +
    '\t<file target-language="fr-FR" datatype="x-markdown" source-language="en" original="sources/handbook/03-theme-brief.md">\r\n' +
    '\t\t<header><sdl:filetype-info><sdl:filetype-id>XLIFF 1.2 v 1.0.0.0</sdl:filetype-id></sdl:filetype-info></header>\r\n' +
    '\t\t<body>\r\n' +
    '\t\t\t<trans-unit\r\n\t\t\t\tresname="theme 3 brief"\r\n\t\t\t\tid="b8f3a1">\r\n' +
    '\t\t\t\t<source>Read the <g f:close="**" id="1" f:open="**" ctype="bold">handbook</g> before <g ctype="link" id="2" f:open="[" f:close="](https://example.org)">the seminar</g>.</source>\r\n' +
    '\t\t\t\t<seg-source><mrk mtype="seg" mid="1">Read the <g id="1" f:open="**" f:close="**">handbook</g> before <g id="2" f:open="[" f:close="](https://example.org)">the seminar</g>.</mrk></seg-source>\r\n' +
    '\t\t\t\t<target><mrk mtype="seg" mid="1">Avant <g id="2" f:open="[" f:close="](https://example.org)">le séminaire</g>, lisez <g f:open="**" id="1" f:close="**">le manuel de la migration</g>.</mrk></target>\r\n' +
    '\t\t\t\t<sdl:seg-defs><sdl:seg id="1" conf="Translated" origin="interactive"><sdl:value key="created_by">translator</sdl:value></sdl:seg></sdl:seg-defs>\r\n' +
    '\t\t\t\t<note>Keep the title as in the printed handbook.</note>\r\n' +
    '\t\t\t</trans-unit>\r\n' +
    '\t\t\t<trans-unit id="c0ffee"><source>Welcome, <x id="1" f:data="{name}" equiv-text="name"/>. Enjoy <x equiv-text="country" id="2" f:data="{country}"/>!</source>' +
    '<seg-source><mrk mtype="seg" mid="2">Welcome, <x id="1"/>.</mrk> <mrk mtype="seg" mid="3">Enjoy <x id="2"/>!</mrk></seg-source>' +
    '<target><mrk mtype="seg" mid="2">Bienvenue, <x id="1" f:data="{name}"/>.</mrk> <mrk mid="3" mtype="seg"><x id="2" f:data="{country}"/> vous <mrk mtype="x-sdl-deleted">attend</mrk><mrk mtype="x-sdl-added">accueille</mrk> !</mrk></target>' +
    '<sdl:seg-defs><sdl:seg id="2" conf="ApprovedSignOff"/><sdl:seg id="3" conf="Draft"/></sdl:seg-defs>' +
    '<sdl:cxts><sdl:cxt id="ctx1"/></sdl:cxts></trans-unit>\r\n' +
    '\t\t</body>\r\n\t</file>\r\n</xliff>\r\n';

  it('reads targets, moved codes and segment states, through UTF-16', () => {
    const read = readXliff12(utf16le(edited));
    expect(read.problems).toEqual([]);
    expect(withoutPlaces(read.file)).toEqual({
      sourceLang: 'en',
      targetLang: 'fr-FR',
      original: 'sources/handbook/03-theme-brief.md',
      units: [
        {
          id: 'b8f3a1',
          context: 'theme 3 brief',
          source: [
            'Read the ',
            { kind: 'open', id: '1', data: '**' },
            'handbook',
            { kind: 'close', id: '1', data: '**' },
            ' before ',
            { kind: 'open', id: '2', data: '[' },
            'the seminar',
            { kind: 'close', id: '2', data: '](https://example.org)' },
            '.',
          ],
          target: [
            'Avant ',
            { kind: 'open', id: '2', data: '[' },
            'le séminaire',
            { kind: 'close', id: '2', data: '](https://example.org)' },
            ', lisez ',
            { kind: 'open', id: '1', data: '**' },
            'le manuel de la migration',
            { kind: 'close', id: '1', data: '**' },
            '.',
          ],
          state: 'translated',
          notes: ['Keep the title as in the printed handbook.'],
        },
        {
          id: 'c0ffee',
          source: [
            'Welcome, ',
            { kind: 'standalone', id: '1', data: '{name}', equiv: 'name' },
            '. Enjoy ',
            { kind: 'standalone', id: '2', data: '{country}', equiv: 'country' },
            '!',
          ],
          // Segments joined with what lies between them; the tracked deletion left out.
          target: [
            'Bienvenue, ',
            { kind: 'standalone', id: '1', data: '{name}' },
            '. ',
            { kind: 'standalone', id: '2', data: '{country}' },
            ' vous accueille !',
          ],
          state: 'needs-review', // ApprovedSignOff and Draft: the least advanced
        },
      ],
    });
  });

  it('reads the same from UTF-8 with CRLF line ends, and gives places', () => {
    const read = readXliff12(utf8(edited.replace('encoding="utf-16"', 'encoding="utf-8"')));
    expect(read.problems).toEqual([]);
    expect(read.file!.units.map((u) => [u.line, u.column])).toEqual([
      [6, 4],
      [15, 4],
    ]);
  });

  it('keeps ids when a tool rewrote the codes as <g>, so the caller can restore the markup', () => {
    const rewritten = writeXliff12(sampleFile())
      .replace(/<bpt id="(\d+)"[^>]*>[^<]*<\/bpt>/g, '<g id="$1">')
      .replace(/<ept id="\d+"[^>]*>[^<]*<\/ept>/g, '</g>');
    const unit = readXliff12(utf8(rewritten)).file!.units[0]!;
    expect(unit.target).toEqual([
      'Lisez le ',
      { kind: 'open', id: '1', data: '' },
      'manuel',
      { kind: 'close', id: '1', data: '' },
      ' avant ',
      { kind: 'open', id: '2', data: '' },
      'le séminaire',
      { kind: 'close', id: '2', data: '' },
      '.',
    ]);
  });

  it('keeps the markup when a tool dropped folio\'s attributes: it is the codes\' own text', () => {
    const stripped = writeXliff12(sampleFile()).replace(/ folio:[a-z-]+="[^"]*"/g, '');
    expect(readXliff12(utf8(stripped)).file!.units[0]!.target).toEqual(sampleFile().units[0]!.target);
  });
});

describe('readXliff12 of what other tools write', () => {
  const wrap = (units: string, fileAttributes = 'source-language="en" target-language="de"') =>
    utf8(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" datatype="plaintext" ${fileAttributes}><body>${units}</body></file></xliff>`);

  it('reads <ph>, <bpt>/<ept>, <it>, <bx>/<ex> with native data, protected <mrk> as a code', () => {
    const read = readXliff12(
      wrap(
        '<trans-unit id="1"><source>A <bpt id="1">&lt;b></bpt>bold<ept id="1">&lt;/b></ept> <ph id="2" ctype="image">&lt;img src="a.png"/></ph> ' +
          '<it id="3" pos="open">&lt;i></it>x <bx id="4" rid="9"/>y<ex id="5" rid="9"/> <mrk mtype="protected" mid="m1">OSCE</mrk> <mrk mtype="term">term</mrk></source></trans-unit>',
      ),
    );
    expect(read.problems).toEqual([]);
    expect(read.file!.units[0]!.source).toEqual([
      'A ',
      { kind: 'open', id: '1', data: '<b>' },
      'bold',
      { kind: 'close', id: '1', data: '</b>' },
      ' ',
      { kind: 'standalone', id: '2', data: '<img src="a.png"/>' },
      ' ',
      { kind: 'open', id: '3', data: '<i>' },
      'x ',
      { kind: 'open', id: '9', data: '' },
      'y',
      { kind: 'close', id: '9', data: '' },
      ' ',
      { kind: 'standalone', id: 'm1', data: 'OSCE' },
      ' term',
    ]);
  });

  it('maps every state value, approved="yes" and a target without state', () => {
    const states = ['new', 'needs-translation', 'needs-adaptation', 'needs-l10n', 'needs-review-translation', 'needs-review-adaptation', 'needs-review-l10n', 'translated', 'signed-off', 'final', 'x-custom'];
    const units = states.map((state, i) => `<trans-unit id="s${i}"><source>a</source><target state="${state}">b</target></trans-unit>`).join('');
    const extra =
      '<trans-unit id="approved" approved="yes"><source>a</source><target state="translated">b</target></trans-unit>' +
      '<trans-unit id="bare"><source>a</source><target>b</target></trans-unit>' +
      '<trans-unit id="empty"><source>a</source><target/></trans-unit>' +
      '<trans-unit id="none"><source>a</source></trans-unit>';
    const read = readXliff12(wrap(units + extra));
    expect(read.file!.units.map((u) => [u.id, u.state, u.target !== undefined])).toEqual([
      ['s0', 'new', true],
      ['s1', 'needs-translation', true],
      ['s2', 'needs-translation', true],
      ['s3', 'needs-translation', true],
      ['s4', 'needs-review', true],
      ['s5', 'needs-review', true],
      ['s6', 'needs-review', true],
      ['s7', 'translated', true],
      ['s8', 'final', true],
      ['s9', 'final', true],
      ['s10', 'translated', true], // an x- state says nothing folio knows: a target means translated
      // A unit's own state wins over approved="yes" (which folio writes on every published unit).
      ['approved', 'translated', true],
      ['bare', 'translated', true],
      ['empty', 'new', false],
      ['none', 'new', false],
    ]);
  });

  it('skips translate="no" units and groups, bin-units; reads nested groups and several files', () => {
    const read = readXliff12(
      utf8(
        '<xliff version="1.2"><file original="a" source-language="en" target-language="fr" datatype="html"><body>' +
          '<group id="g1"><trans-unit id="1"><source>one</source></trans-unit><group translate="no"><trans-unit id="2"><source>two</source></trans-unit>' +
          '<trans-unit id="3" translate="yes"><source>three</source></trans-unit></group></group>' +
          '<trans-unit id="4" translate="no"><source>four</source></trans-unit>' +
          '<bin-unit id="5" mime-type="image/png"><bin-source><external-file href="a.png"/></bin-source></bin-unit>' +
          '</body></file><file original="b" source-language="EN" target-language="FR"><body><trans-unit id="6"><source>six</source></trans-unit></body></file></xliff>',
      ),
    );
    expect(read.problems).toEqual([]);
    expect(read.file!.original).toBe('a');
    expect(read.file!.units.map((u) => u.id)).toEqual(['1', '3', '6']);
  });

  it('takes match-quality written as "85%" or "85.5", and tool-id as origin', () => {
    const read = readXliff12(
      wrap(
        '<trans-unit id="1"><source>a</source><alt-trans match-quality="85%" tool-id="tm1"><target>x</target></alt-trans>' +
          '<alt-trans match-quality="85.5"><target>y</target></alt-trans><alt-trans match-quality="high"><target>z</target></alt-trans><alt-trans><source>no target</source></alt-trans></trans-unit>',
      ),
    );
    expect(read.file!.units[0]!.alternatives).toEqual([{ target: ['x'], quality: 85, origin: 'tm1' }, { target: ['y'], quality: 85.5 }, { target: ['z'] }]);
  });

  it('reads Trados tag definitions as the data of <g> and <x>', () => {
    const read = readXliff12(
      utf8(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2"><file original="a" source-language="en" target-language="fr" datatype="x-sdlfilterframework2">' +
          '<header><tag-defs xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><tag id="pt1"><bpt name="b">&lt;b&gt;</bpt><ept name="b">&lt;/b&gt;</ept></tag><tag id="pt2"><ph name="br">&lt;br/&gt;</ph></tag></tag-defs></header>' +
          '<body><trans-unit id="1"><source><g id="pt1">Bold</g><x id="pt2"/></source></trans-unit></body></file></xliff>',
      ),
    );
    expect(read.file!.units[0]!.source).toEqual([
      { kind: 'open', id: 'pt1', data: '<b>' },
      'Bold',
      { kind: 'close', id: 'pt1', data: '</b>' },
      { kind: 'standalone', id: 'pt2', data: '<br/>' },
    ]);
  });

  it('reads an XLIFF 1.2 without namespace, and CDATA', () => {
    const read = readXliff12(utf8('<xliff version="1.1"><file original="a" source-language="en" datatype="plaintext"><body><trans-unit id="1"><source><![CDATA[a <b> & c]]></source></trans-unit></body></file></xliff>'));
    expect(read.problems).toEqual([]);
    expect(read.file).toMatchObject({ sourceLang: 'en', targetLang: '', units: [{ id: '1', source: ['a <b> & c'], state: 'new' }] });
  });
});

describe('the target of an untranslated unit', () => {
  const file = { sourceLang: 'en', targetLang: 'fr', units: [{ id: 'a', source: ['Read ', { kind: 'standalone' as const, id: '1', data: '{x}' }, '.'], state: 'new' as const }] };
  it('is a copy of the source marked folio:copy="source" (OmegaT translates only units with a target), or empty', () => {
    expect(writeXliff12(file)).toContain('<target state="needs-translation" folio:copy="source">Read <ph id="1">{x}</ph>.</target>');
    expect(writeXliff12(file, { untranslated: 'empty' })).toContain('<target state="needs-translation"/>');
    // Read back untouched, the unit is new again; translated in a tool that kept the state, it is translated.
    expect(readXliff12(utf8(writeXliff12(file))).file!.units[0]!).toEqual({ ...file.units[0], line: expect.any(Number), column: expect.any(Number) });
    const changed = readXliff12(utf8(writeXliff12(file).replace('folio:copy="source">Read ', 'folio:copy="source">Lisez '))).file!.units[0]!;
    expect(changed.sourceCopy).toBe(true);
    expect(changed.target![0]).toBe('Lisez ');
    expect(readXliff12(utf8(writeXliff12(file, { untranslated: 'empty' }))).file!.units[0]!.target).toBeUndefined();
  });
});
