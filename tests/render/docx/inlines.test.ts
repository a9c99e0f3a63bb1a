import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../src/document/model.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { Unpacked, makeModel, para, paragraphWithText, runsOf, text } from './helpers.js';

const renderInlines = async (children: Inline[]) => new Unpacked(await renderDocx(makeModel([para(children)])));

describe('inline content', () => {
  it('writes emphasis, strong and code as run properties and the code character style', async () => {
    const docx = await renderInlines([
      { type: 'emphasis', children: [text('it')] },
      { type: 'strong', children: [text('bo'), { type: 'emphasis', children: [text('both')] }] },
      { type: 'code', value: 'x()' },
    ]);
    const runs = runsOf(paragraphWithText(docx.document, 'itbobothx()').xml);
    const props = (t: string) => runs.find((r) => r.text === t)!.props;
    expect(props('it')).toContain('<w:i/>');
    expect(props('it')).toContain('<w:iCs/>');
    expect(props('bo')).toContain('<w:b/>');
    expect(props('bo')).toContain('<w:bCs/>');
    expect(props('both')).toMatch(/<w:b\/>[\s\S]*<w:i\/>/);
    expect(props('x()')).toContain('<w:rStyle w:val="VerbatimChar"/>');
    expect(docx.part('word/styles.xml')).toMatch(/w:styleId="VerbatimChar"[\s\S]*?Noto Sans Mono/);
  });

  it('writes external links as real hyperlinks whose target is in the relationships', async () => {
    const docx = await renderInlines([text('Visit '), { type: 'link', url: 'https://example.org/a?b=1&c=2', children: [text('our site')] }]);
    const [, id] = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>[\s\S]*?our site[\s\S]*?<\/w:hyperlink>/.exec(docx.document)!;
    const rel = docx.relationships().get(id!)!;
    expect(rel).toMatchObject({ target: 'https://example.org/a?b=1&c=2', mode: 'External' });
    expect(rel.type).toMatch(/\/hyperlink$/);
    expect(runsOf(docx.document).find((r) => r.text === 'our site')!.props).toContain('<w:rStyle w:val="Hyperlink"/>');
  });

  it('writes hard breaks as w:br inside the paragraph', async () => {
    const docx = await renderInlines([text('one'), { type: 'break' }, text('two')]);
    expect(paragraphWithText(docx.document, 'onetwo').xml).toMatch(/one[\s\S]*<w:br\/>[\s\S]*two/);
  });

  it('writes footnote references and the footnotes in Footnote Text', async () => {
    const model = makeModel([para(['Claim', { type: 'footnoteRef', number: 1 }, '.'])], {
      footnotes: [{ number: 1, children: [para(['Source: ', { type: 'link', url: 'https://source.example/', children: [text('report')] }])] }],
    });
    const docx = new Unpacked(await renderDocx(model));
    expect(docx.document).toMatch(/<w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/>/);
    const notes = docx.part('word/footnotes.xml');
    const note = /<w:footnote w:id="1">([\s\S]*?)<\/w:footnote>/.exec(notes)![1]!;
    expect(note).toContain('<w:pStyle w:val="FootnoteText"/>');
    expect(note).toContain('<w:footnoteRef/>');
    expect(note).toContain('Source: ');
    // The link in the note resolves through the notes part's own relationships.
    const [, id] = /r:id="([^"]+)"/.exec(note)!;
    expect(docx.relationships('word/_rels/footnotes.xml.rels').get(id!)?.target).toBe('https://source.example/');
  });

  it('gives a note that starts or ends with a table the paragraphs Word needs', async () => {
    const table = { type: 'table' as const, style: 'grid' as const, align: [null], header: [[text('H')]], rows: [] };
    const model = makeModel([para(['x', { type: 'footnoteRef', number: 1 }])], { footnotes: [{ number: 1, children: [table] }] });
    const note = /<w:footnote w:id="1">([\s\S]*?)<\/w:footnote>/.exec(new Unpacked(await renderDocx(model)).part('word/footnotes.xml'))![1]!;
    expect(note).toMatch(/^<w:p>[\s\S]*<w:footnoteRef\/>[\s\S]*<\/w:p><w:tbl>[\s\S]*<\/w:tbl><w:p>[\s\S]*<\/w:p>$/);
  });

  it('reports a reference to a missing footnote as a bug', async () => {
    await expect(renderDocx(makeModel([para(['x', { type: 'footnoteRef', number: 7 }])]))).rejects.toThrow(/Bug: .*footnote 7/);
  });
});

describe('literal text', () => {
  const specials = 'Fish & chips < 5 > 3 *not emphasis* _nor this_ [not](a link) # no heading {{no.template}} <b>no html</b> &amp; "quotes" \'single\'';

  it('keeps every character exactly as given', async () => {
    const model = makeModel([para(specials, 'body'), para(specials, 'title')], {
      header: specials,
      footer: `${specials} {page}`,
      meta: { title: specials, author: 'A & B <C>', lang: 'en', date: new Date('2025-01-01T00:00:00Z') },
    });
    const docx = new Unpacked(await renderDocx(model));
    expect(paragraphWithText(docx.document, specials).style).toBe('BodyText');
    expect(docx.document).toContain('Fish &amp; chips &lt; 5 &gt; 3 *not emphasis* _nor this_ [not](a link) # no heading {{no.template}} &lt;b&gt;no html&lt;/b&gt; &amp;amp;');
    expect(docx.document).not.toContain('<w:i/>');
    expect(paragraphWithText(docx.part('word/header1.xml'), specials)).toBeDefined();
    expect(paragraphWithText(docx.part('word/footer1.xml'), `${specials} `)).toBeDefined();
    expect(docx.part('docProps/core.xml')).toContain('<dc:creator>A &amp; B &lt;C&gt;</dc:creator>');
  });

  it('replaces only {page} and {pages} in the footer, wherever they stand', async () => {
    const docx = new Unpacked(await renderDocx(makeModel([], { footer: '{Page} {pagez} {{page}}' })));
    const footer = docx.part('word/footer1.xml');
    expect(footer.match(/PAGE/g)).toHaveLength(1);
    expect(paragraphWithText(footer, '{Page} {pagez} {}')).toBeDefined();
  });
});
