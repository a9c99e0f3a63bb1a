import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/sources/parse-markdown.js';
import { mdastToBlocks } from '../../src/document/from-mdast.js';

function convert(markdown: string) {
  const parsed = parseMarkdown(markdown, 'x.md');
  expect(parsed.diagnostics).toEqual([]);
  return mdastToBlocks(parsed.tree, { file: 'x.md' });
}

describe('mdast → document model', () => {
  it('converts headings with stable unique ids and places', () => {
    const { blocks } = convert('# Migration & development\n\ntext\n\n## Migration & development\n');
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 1, id: 'migration-development', place: { file: 'x.md', line: 1, column: 1 } });
    expect(blocks[2]).toMatchObject({ type: 'heading', level: 2, id: 'migration-development-1' });
  });

  it('converts nested lists with their start numbers', () => {
    const { blocks } = convert('3. one\n   - a\n   - b\n4. two\n');
    const list = blocks[0]!;
    expect(list).toMatchObject({ type: 'list', ordered: true, start: 3 });
    if (list.type !== 'list') throw new Error('not a list');
    expect(list.items).toHaveLength(2);
    expect(list.items[0]![1]).toMatchObject({ type: 'list', ordered: false });
  });

  it('numbers footnotes by first reference and keeps their content', () => {
    const { blocks, footnotes, diagnostics } = convert('B[^b] then A[^a] and B again[^b].\n\n[^a]: Note A.\n[^b]: Note *B*.\n');
    expect(diagnostics).toEqual([]);
    expect(footnotes.map((f) => f.number)).toEqual([1, 2]);
    const p = blocks[0]!;
    if (p.type !== 'paragraph') throw new Error('not a paragraph');
    expect(p.children.filter((c) => c.type === 'footnoteRef').map((c) => (c as { number: number }).number)).toEqual([1, 2, 1]);
    expect(footnotes[0]!.children[0]).toMatchObject({ type: 'paragraph' });
  });

  it('reports an undefined footnote with its place', () => {
    const parsed = parseMarkdown('Text[^missing].\n', 'x.md');
    // micromark only makes a footnote reference when a definition exists; otherwise it is text.
    const { diagnostics, blocks } = mdastToBlocks(parsed.tree, { file: 'x.md' });
    expect(diagnostics).toEqual([]);
    expect(blocks[0]).toMatchObject({ type: 'paragraph' });
  });

  it('converts GFM tables with alignment', () => {
    const { blocks } = convert('| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |\n');
    expect(blocks[0]).toMatchObject({ type: 'table', align: ['left', 'right'], style: 'grid' });
    if (blocks[0]!.type === 'table') expect(blocks[0]!.rows).toHaveLength(2);
  });

  it('applies layout hints from folio comments to the next block only', () => {
    const { blocks } = convert('<!-- folio: role=meta align=end -->\nRef\n\nBody\n\n<!-- folio: pagebreak -->\n\nAfter\n');
    expect(blocks[0]).toMatchObject({ type: 'paragraph', role: 'meta', align: 'end' });
    expect(blocks[1]).toMatchObject({ type: 'paragraph', role: 'body' });
    expect(blocks[1]).not.toHaveProperty('align');
    expect(blocks[2]).toMatchObject({ type: 'pageBreak' });
  });

  it('rejects an unknown layout hint with its place', () => {
    const { diagnostics } = convert('text\n\n<!-- folio: role=shout -->\nx\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'template/hint', line: 3, severity: 'error' });
  });

  it('warns about raw HTML, which is never rendered', () => {
    const { diagnostics } = convert('<div>hi</div>\n');
    expect(diagnostics[0]).toMatchObject({ rule: 'markdown/html', severity: 'warning', line: 1 });
  });

  it('keeps emphasis, strong, code, links and breaks as inline nodes', () => {
    const { blocks } = convert('*a* **b** `c` [d](https://e.org)\\\nf\n');
    const p = blocks[0]!;
    if (p.type !== 'paragraph') throw new Error('not a paragraph');
    expect(p.children.map((c) => c.type)).toEqual(['emphasis', 'text', 'strong', 'text', 'code', 'text', 'link', 'break', 'text']);
  });

  it('keeps a link\'s title (inline or from its definition), which the PDF gives its annotation', () => {
    const { blocks } = convert('[a](https://a.org "Title A") [b][ref] [c](https://c.org)\n\n[ref]: https://b.org "Title B"\n');
    const p = blocks[0]!;
    if (p.type !== 'paragraph') throw new Error('not a paragraph');
    const links = p.children.filter((c) => c.type === 'link');
    expect(links.map((l) => [l.url, l.title])).toEqual([['https://a.org', 'Title A'], ['https://b.org', 'Title B'], ['https://c.org', undefined]]);
  });
});
