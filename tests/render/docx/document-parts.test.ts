import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/index.js';
import { parseFooterPattern } from '../../../src/render/docx/header-footer.js';
import { FIXED_DATE, Unpacked, makeModel, para, paragraphWithText } from './helpers.js';

describe('page, header and footer', () => {
  it('lays out an A4 page with 2.2 cm margins; a letter (no running header) on the PDF letters\' margins, set closer', async () => {
    const docx = new Unpacked(await renderDocx(makeModel([para('x')], { header: 'Agenda' })));
    expect(docx.document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(docx.document).toMatch(/<w:pgMar w:top="1247" w:right="1247" w:bottom="1247" w:left="1247"/);
    const letter = new Unpacked(await renderDocx(makeModel([para('x')])));
    expect(letter.document).toMatch(/<w:pgMar w:top="907" w:right="1304" w:bottom="1134" w:left="1304"/);
    expect(/<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(letter.part('word/styles.xml'))![0]).toContain('<w:sz w:val="20"/>');
  });

  it('asks Word and LibreOffice to hyphenate Latin, Greek and Cyrillic documents by their language, never Arabic ones', async () => {
    const settings = async (lang: string, direction: 'ltr' | 'rtl' = 'ltr') => new Unpacked(await renderDocx(makeModel([para('x')], { meta: { ...makeModel([]).meta, lang }, direction }))).part('word/settings.xml');
    for (const lang of ['en', 'fr', 'ru', 'el']) expect(await settings(lang), lang).toContain('<w:autoHyphenation/>');
    expect(await settings('ar', 'rtl')).not.toContain('autoHyphenation');
    expect(await settings('he', 'rtl')).not.toContain('autoHyphenation');
  });

  it('starts a letter under a letterhead 1 cm from the top edge, and sets it closer at a higher tier', async () => {
    const logo = { type: 'image' as const, data: new Uint8Array(), format: 'png' as const, alt: 'ILO', width: 10, height: 10 };
    const headed = new Unpacked(await renderDocx(makeModel([{ type: 'letterhead', logos: [logo], layout: 'start', height: 40 }, para('x')])));
    expect(headed.document).toMatch(/<w:pgMar w:top="567" /);
    const defaults = (d: Unpacked) => /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(d.part('word/styles.xml'))![0];
    const roomy = new Unpacked(await renderDocx(makeModel([para('x')])));
    const close = new Unpacked(await renderDocx(makeModel([para('x')]), { letterTier: 3 }));
    const spacing = (d: Unpacked) => /w:after="(\d+)" w:line="(\d+)"/.exec(defaults(d))!.slice(1).map(Number);
    const [roomyAfter, roomyLine] = spacing(roomy);
    const [closeAfter, closeLine] = spacing(close);
    expect(closeAfter).toBeLessThan(roomyAfter!);
    expect(closeLine).toBeLessThan(roomyLine!);
    // Out-of-range tiers are the nearest one, never an invalid style.
    expect(spacing(new Unpacked(await renderDocx(makeModel([para('x')]), { letterTier: 99 })))).toEqual(spacing(close));
  });

  it('gives a letter that runs on a continuation header from page 2: reference and page fields', async () => {
    const docx = new Unpacked(await renderDocx(makeModel([para('x')], { continuation: 'LMH-RBT/2027/DZ-FR', footer: 'Page {page} of {pages}' })));
    expect(docx.document).toContain('<w:titlePg/>');
    const headers = [...docx.parts.keys()].filter((k) => /^word\/header\d+\.xml$/.test(k)).map((k) => docx.part(k));
    expect(headers.some((h) => h.includes('LMH-RBT/2027/DZ-FR') && h.includes('PAGE') && h.includes('NUMPAGES'))).toBe(true);
    expect(headers.some((h) => !h.includes('LMH-RBT'))).toBe(true); // the first page's, empty
  });

  it('writes the header text and the footer with PAGE and NUMPAGES fields', async () => {
    const docx = new Unpacked(await renderDocx(makeModel([para('x')], { header: 'Regional Seminar', footer: 'Page {page} of {pages}' })));
    const rels = docx.relationships();
    const target = (type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))!.target;
    const header = docx.part(`word/${target('header')}`);
    const footer = docx.part(`word/${target('footer')}`);
    expect(paragraphWithText(header, 'Regional Seminar').style).toBe('Header');
    expect(footer).toMatch(/Page [\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]* of [\s\S]*<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
    expect(docx.document).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/><w:footerReference w:type="default"/);
  });

  it('leaves out an empty header and footer', async () => {
    const docx = new Unpacked(await renderDocx(makeModel([para('x')])));
    expect(docx.paths.some((p) => /header|footer/.test(p))).toBe(false);
    expect(docx.document).not.toContain('headerReference');
  });

  it('splits a footer pattern into text and fields', () => {
    expect(parseFooterPattern('Page {page} of {pages}')).toEqual([
      { text: 'Page ' },
      { field: 'page' },
      { text: ' of ' },
      { field: 'pages' },
    ]);
    expect(parseFooterPattern('{page}')).toEqual([{ field: 'page' }]);
    expect(parseFooterPattern('no fields')).toEqual([{ text: 'no fields' }]);
  });
});

describe('document properties', () => {
  it('writes title, subject, author, keywords, language and the fixed date', async () => {
    const docx = new Unpacked(await renderDocx(makeModel([])));
    const core = docx.part('docProps/core.xml');
    expect(core).toContain('<dc:title>Seminar agenda</dc:title>');
    expect(core).toContain('<dc:subject>Agenda</dc:subject>');
    expect(core).toContain('<dc:creator>Secretariat</dc:creator>');
    expect(core).toContain('<cp:keywords>seminar, agenda</cp:keywords>');
    expect(core).toContain('<dc:language>en</dc:language>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-14T09:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-14T09:30:00Z</dcterms:modified>');
  });

  it('sets the language and fonts in the default run properties', async () => {
    const styles = new Unpacked(await renderDocx(makeModel([], { meta: { title: 't', author: 'a', lang: 'fr', date: FIXED_DATE } }))).part('word/styles.xml');
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)![0];
    expect(defaults).toContain('<w:lang w:val="fr"/>');
    expect(defaults).toContain('w:ascii="Noto Serif"');
    expect(defaults).toContain('w:cs="Amiri"');
  });

  it('takes other font names from the options', async () => {
    const fonts = { latin: 'Gentium', arabic: 'Scheherazade', hebrew: 'Frank Ruehl', mono: 'Courier Prime' };
    const styles = new Unpacked(await renderDocx(makeModel([]), { fonts })).part('word/styles.xml');
    expect(styles).toContain('w:ascii="Gentium"');
    expect(styles).toContain('w:cs="Scheherazade"');
    expect(styles).toContain('w:ascii="Courier Prime"');
  });
});
