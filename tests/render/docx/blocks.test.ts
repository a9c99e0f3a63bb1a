import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/document/model.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { TEXT_WIDTH } from '../../../src/render/docx/page.js';
import {
  Unpacked,
  heading,
  list,
  makeArabicModel,
  makeModel,
  makePng,
  para,
  paragraphWithText,
  paragraphsOf,
  text,
} from './helpers.js';

const render = async (blocks: Block[]) => new Unpacked(await renderDocx(makeModel(blocks)));

describe('paragraphs', () => {
  it('maps each role to its style; body text is justified by its style', async () => {
    const docx = await render([
      para('The title', 'title'),
      para('The subtitle', 'subtitle'),
      para('Body text', 'body'),
      para('Ref. 12', 'meta'),
      para('The Secretary', 'signature'),
    ]);
    const styleOf = (t: string) => paragraphWithText(docx.document, t).style;
    expect(styleOf('The title')).toBe('Title');
    expect(styleOf('The subtitle')).toBe('Subtitle');
    expect(styleOf('Body text')).toBe('BodyText');
    expect(styleOf('Ref. 12')).toBe('Meta');
    expect(styleOf('The Secretary')).toBe('Signature');

    const styles = docx.part('word/styles.xml');
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
    expect(style('BodyText')).toContain('<w:jc w:val="both"/>');
    expect(style('Meta')).toMatch(/<w:sz w:val="19"\/>/); // 9.5 pt
    expect(style('Signature')).toContain('<w:keepLines/>');
    expect(style('Title')).toContain('<w:name w:val="Title"/>');
  });

  it('writes an explicit alignment only when the model gives one', async () => {
    const docx = await render([para('Centred', 'body', 'center'), para('Plain')]);
    expect(paragraphWithText(docx.document, 'Centred').xml).toContain('<w:jc w:val="center"/>');
    expect(paragraphWithText(docx.document, 'Plain').xml).not.toContain('<w:jc ');
  });
});

describe('headings', () => {
  it('uses Heading 1–6 with outline levels, and bookmarks the heading id', async () => {
    const docx = await render([1, 2, 3, 4, 5, 6].map((level) => heading(level as 1, `Level ${level}`, `level-${level}`)));
    for (const level of [1, 2, 3, 4, 5, 6]) {
      const p = paragraphWithText(docx.document, `Level ${level}`);
      expect(p.style).toBe(`Heading${level}`);
      // Word's bookmark names: a letter first, letters, digits and _ only, at most 40: others are hashed.
      expect(p.xml).toMatch(new RegExp(`<w:bookmarkStart w:name="_h[0-9a-f]{16}" w:id="${level}"/>`));
      expect(docx.part('word/styles.xml')).toMatch(
        new RegExp(`w:styleId="Heading${level}"[\\s\\S]*?<w:outlineLvl w:val="${level - 1}"/>`),
      );
    }
  });

  it('keeps heading ids that are valid Word bookmark names, hashes the others the same way in links', async () => {
    const long = 'a'.repeat(41);
    const docx = await render([heading(1, 'Venue', 'venue'), heading(1, 'Long', long), heading(1, 'Digit', '1-first'), para([{ type: 'link', url: '#1-first', children: [text('to it')] }])]);
    expect(paragraphWithText(docx.document, 'Venue').xml).toContain('w:name="venue"');
    const digit = /w:name="(_h[0-9a-f]{16})"/.exec(paragraphWithText(docx.document, 'Digit').xml)![1]!;
    expect(docx.document).toContain(`w:anchor="${digit}"`);
    expect(paragraphWithText(docx.document, 'Long').xml).not.toContain(long);
  });

  it('links #id to the heading bookmark', async () => {
    const docx = await render([
      heading(2, 'Venue', 'venue'),
      para(['See ', { type: 'link', url: '#venue', children: [text('the venue')] }]),
    ]);
    expect(docx.document).toMatch(/<w:hyperlink [^>]*w:anchor="venue"[^>]*>[\s\S]*?the venue[\s\S]*?<\/w:hyperlink>/);
  });
});

describe('lists', () => {
  it('numbers paragraphs through real numbering definitions, with nested levels', async () => {
    const docx = await render([
      list(['One', [para('Two'), list(['Two A', 'Two B'])], 'Three'], true, 1),
    ]);
    const numPr = (t: string) => /<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(paragraphWithText(docx.document, t).xml);
    expect(numPr('One')?.[1]).toBe('0');
    expect(numPr('Two')?.[1]).toBe('0');
    expect(numPr('Two A')?.[1]).toBe('1');
    expect(numPr('One')?.[2]).toBe(numPr('Three')?.[2]);
    expect(numPr('Two A')?.[2]).not.toBe(numPr('One')?.[2]);
    expect(paragraphWithText(docx.document, 'One').style).toBe('ListParagraph');

    const numbering = docx.part('word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:lvlText w:val="%1."/>');
    expect(numbering).toContain('<w:numFmt w:val="lowerLetter"/>');
  });

  it('restarts every ordered list at its own start', async () => {
    const docx = await render([list(['a', 'b'], true, 3), para('between'), list(['c'], true, 3), list(['d'], true, 1)]);
    const numId = (t: string) => /<w:numId w:val="(\d+)"\/>/.exec(paragraphWithText(docx.document, t).xml)![1]!;
    expect(new Set([numId('a'), numId('c'), numId('d')]).size).toBe(3);
    expect(numId('a')).toBe(numId('b'));

    const numbering = docx.part('word/numbering.xml');
    // Each list is a w:num of its own, restarting at its start (3, 3 and 1).
    const startOf = (id: string) => {
      const num = new RegExp(`<w:num w:numId="${id}"[^>]*>[\\s\\S]*?</w:num>`).exec(numbering)![0];
      const abstractId = /<w:abstractNumId w:val="(\d+)"\/>/.exec(num)![1];
      const override = /<w:startOverride w:val="(\d+)"\/>/.exec(num)?.[1];
      const abstract = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`).exec(numbering)![0];
      return Number(override ?? /<w:start w:val="(\d+)"\/>/.exec(abstract)![1]);
    };
    expect(startOf(numId('a'))).toBe(3);
    expect(startOf(numId('c'))).toBe(3);
    expect(startOf(numId('d'))).toBe(1);
  });

  it('uses bullets for unordered lists', async () => {
    const docx = await render([list(['x', 'y'])]);
    expect(docx.part('word/numbering.xml')).toContain('<w:lvlText w:val="•"/>');
    expect(paragraphWithText(docx.document, 'x').xml).toContain('<w:numPr>');
  });

  it('still numbers an item that starts with something other than a paragraph', async () => {
    const docx = await render([list([[{ type: 'code', value: 'x = 1' }], []], true)]);
    const numbered = paragraphsOf(docx.document).filter((p) => p.xml.includes('<w:numPr>'));
    expect(numbered).toHaveLength(2);
    expect(paragraphWithText(docx.document, 'x = 1').style).toBe('SourceCode');
  });
});

describe('tables', () => {
  it('uses Table Grid, marks the header row and aligns columns', async () => {
    const docx = await render([
      {
        type: 'table',
        style: 'grid',
        align: ['left', 'center', 'right'],
        header: [[text('Time')], [text('Session')], [text('Room')]],
        rows: [[[text('09:00')], [text('Opening')], [text('A')]], [[text('10:30')]]],
      },
    ]);
    const xml = docx.document;
    expect(xml).toContain('<w:tblStyle w:val="TableGrid"/>');
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml).toMatch(/<w:tr>(?:(?!<\/w:tr>)[\s\S])*<w:tblHeader\/>(?:(?!<\/w:tr>)[\s\S])*Time/);
    expect(paragraphWithText(xml, 'Session').xml).toContain('<w:jc w:val="center"/>');
    expect(paragraphWithText(xml, 'A').xml).toContain('<w:jc w:val="right"/>');
    expect(paragraphWithText(xml, 'Time').xml).toContain('<w:b/>');
    // A short row is padded to the table's width with empty cells.
    expect(xml.match(/<w:tc>/g)).toHaveLength(9);
    expect(docx.part('word/styles.xml')).toMatch(/w:styleId="TableGrid"[\s\S]*<w:insideV w:val="single"/);
  });
});

describe('plain tables', () => {
  it('rules nothing: Normal Table and no borders', async () => {
    const docx = await render([
      { type: 'table', style: 'plain', align: [null, null], header: [[text('The Secretary')], [text('The Minister')]], rows: [] },
    ]);
    expect(docx.document).toContain('<w:tblStyle w:val="TableNormal"/>');
    expect(docx.document).not.toContain('<w:tblBorders>');
    expect(docx.document).not.toContain('<w:tcBorders>');
    // A signature block (a plain table with a header) stays whole: no row splits, each keeps
    // with the next, and the organisations are not repeated on a following page.
    expect(docx.document).not.toContain('<w:tblHeader/>');
    expect(docx.document).toContain('<w:cantSplit/>');
    expect(docx.document).toContain('<w:pStyle w:val="Signatory"/>');
  });

  it('keeps each row of a signature block with the next, and leaves room to sign above the names', async () => {
    const docx = await render([
      { type: 'table', style: 'plain', align: [null], header: [[text('ILO')]], rows: [[[text('A. Name')]], [[text('A title')]]] },
    ]);
    const rows = docx.document.split('<w:tr>').slice(1);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    expect(rows[0]).toContain('<w:keepNext/>');
    expect(rows[1]).toContain('<w:keepNext/>');
    expect(rows[2]).not.toContain('<w:keepNext/>');
    expect(rows[1]).toMatch(/<w:spacing w:before="480"\/>/);
  });

  it('names a data table by the heading it follows (w:tblCaption, escaped), a signature block not at all', async () => {
    const docx = await render([
      { type: 'heading', level: 2, id: 'q', children: [text('Quotas & "seats"')] },
      { type: 'paragraph', role: 'body', children: [text('The seats per country:')] },
      { type: 'table', style: 'grid', align: [null], header: [[text('Country')]], rows: [[[text('MA')]]] },
      { type: 'table', style: 'plain', align: [null], header: [[text('The Minister')]], rows: [] },
    ]);
    const captions = docx.document.match(/<w:tblCaption [^>]*>/g) ?? [];
    expect(captions).toEqual(['<w:tblCaption w:val="Quotas &amp; &quot;seats&quot;"/>']);
    // The last table property, as CT_TblPr orders them.
    expect(docx.document).toMatch(/<w:tblCaption [^>]*\/><\/w:tblPr>/);
  });

  it('repeats the header of a grid table on each page, and lets its rows flow', async () => {
    const docx = await render([
      { type: 'table', style: 'grid', align: [null], header: [[text('Time')]], rows: [[[text('09:00')]]] },
    ]);
    const rows = docx.document.split('<w:tr>').slice(1);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:cantSplit/>');
    expect(rows[1]).not.toContain('<w:keepNext/>');
  });
});

describe('quotes, code and breaks', () => {
  it('sets quotes in Quote, indented with a left border', async () => {
    const docx = await render([{ type: 'blockquote', children: [para('Quoted')] }]);
    expect(paragraphWithText(docx.document, 'Quoted').style).toBe('Quote');
    expect(docx.part('word/styles.xml')).toMatch(/w:styleId="Quote"[\s\S]*?<w:pBdr><w:left w:val="single"[^>]*\/><\/w:pBdr><w:ind w:left="567"\/>/);
  });

  it('indents nested quotes further', async () => {
    const docx = await render([{ type: 'blockquote', children: [{ type: 'blockquote', children: [para('Deep')] }] }]);
    expect(paragraphWithText(docx.document, 'Deep').xml).toContain('<w:ind w:left="1134"/>');
  });

  it('sets code in a monospace style, one paragraph with breaks and tabs, left to right', async () => {
    const docx = await render([{ type: 'code', value: 'if (a < b) {\n\treturn "x";\n}', lang: 'js' }]);
    const p = paragraphsOf(docx.document).find((x) => x.style === 'SourceCode')!;
    expect(p.text).toBe('if (a < b) {return "x";}');
    expect(p.xml.match(/<w:br\/>/g)).toHaveLength(2);
    expect(p.xml).toContain('<w:tab/>');
    expect(docx.part('word/styles.xml')).toMatch(/w:styleId="SourceCode"[\s\S]*?<w:rFonts w:ascii="Noto Sans Mono" w:hAnsi="Noto Sans Mono"\/>/);
  });

  it('writes a page break and a bottom-bordered empty paragraph for a thematic break', async () => {
    const docx = await render([para('Before'), { type: 'thematicBreak' }, { type: 'pageBreak' }, para('After')]);
    expect(docx.document).toContain('<w:br w:type="page"/>');
    const rule = paragraphsOf(docx.document).find((p) => p.xml.includes('<w:pBdr>'))!;
    expect(rule.text).toBe('');
    expect(rule.xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });
});

describe('images', () => {
  it('embeds the picture, scaled to the text width, with its alt text', async () => {
    const docx = await render([
      { type: 'image', data: makePng(8, 4), format: 'png', alt: 'Map of the venue & parking', width: 2000, height: 1000 },
    ]);
    const xml = docx.document;
    expect(xml).toMatch(/<wp:docPr id="1" name="Picture 1" descr="Map of the venue &amp; parking"\/>/);
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!;
    const textWidthEmu = TEXT_WIDTH * 635; // 1 twip = 635 EMU
    expect(Number(cx)).toBeLessThanOrEqual(textWidthEmu);
    expect(Number(cx)).toBeGreaterThan(textWidthEmu * 0.98);
    expect(Number(cx) / Number(cy)).toBeCloseTo(2, 2);

    const embed = /<a:blip r:embed="([^"]+)"/.exec(xml)![1]!;
    const rel = docx.relationships().get(embed)!;
    expect(rel.type).toMatch(/\/image$/);
    expect(docx.parts.has(`word/${rel.target}`)).toBe(true);
  });

  it('keeps small images at their size and reads JPEG', async () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
    const docx = await render([{ type: 'image', data: jpeg, format: 'jpeg', alt: '', width: 96, height: 48 }]);
    expect(docx.document).toMatch(/<wp:extent cx="914400" cy="457200"\/>/); // 1 in × 0.5 in
    expect(docx.paths.some((p) => /^word\/media\/.*\.jpe?g$/.test(p))).toBe(true);
  });
});

describe('a contents list', () => {
  const blocks = (): Block[] => [
    { ...(list(['Migration and Development', 'Push and Pull Factors'], true) as Extract<Block, { type: 'list' }>), contents: true },
    heading(1, '1. Migration and Development', '1-migration-and-development'),
    heading(2, 'A section', 'a-section'),
    heading(1, '2. Push and Pull Factors', 'push'),
  ];

  it('is a TOC field over the level-1 headings, its cached entries linked to their bookmarks', async () => {
    const docx = await render(blocks());
    expect(docx.document).toContain('<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-1&quot;</w:instrText>');
    expect(docx.document).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    const anchors = [...docx.document.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    const bookmarks = [...docx.document.matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)].map((m) => m[1]);
    expect(anchors).toEqual([bookmarks[0], 'push']);
    expect(docx.document).toContain('>1. Migration and Development<');
    expect(docx.document).toContain('>2. Push and Pull Factors<');
    expect(docx.document).not.toContain('A section</w:t><w:tab/>');
  });

  it('is set right to left in a right-to-left document', async () => {
    const styles = new Unpacked(await renderDocx(makeArabicModel(blocks()))).part('word/styles.xml');
    expect(styles).toMatch(/w:styleId="TOC1"[\s\S]*?<w:bidi\/>[\s\S]*?<\/w:style>/);
  });
});

describe('a signature block (a plain table with a header)', () => {
  it('leaves room to sign above the names, not above the titles', async () => {
    const docx = await render([{ type: 'table', style: 'plain', align: [null, null], header: [[text('OSCE')], [text('ILO')]], rows: [[[text('Dr A')], [text('Mr B')]], [[text('Director')], [text('Chief')]]] }]);
    expect(paragraphWithText(docx.document, 'Dr A').xml).toContain('<w:spacing w:before="480"/>');
    expect(paragraphWithText(docx.document, 'Director').xml).not.toContain('w:before=');
    const grid = await render([{ type: 'table', style: 'grid', align: [null], header: [[text('Time')]], rows: [[[text('09:00')]]] }]);
    expect(paragraphWithText(grid.document, '09:00').xml).not.toContain('w:before=');
  });
});
