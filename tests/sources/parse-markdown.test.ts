/** parseMarkdown (src/sources/parse-markdown.ts): a text parsed again is handed out as a copy of its first parse. */
import { describe, expect, it } from 'vitest';
import type { Paragraph, Text } from 'mdast';
import { parseMarkdown } from '../../src/sources/parse-markdown.js';

const source = '---\ntitle: "A brief"\ntheme: 3\n---\n\n# Heading\n\nA paragraph with a note.[^1]\n\n[^1]: The note.\n';

describe('parseMarkdown, parsed again', () => {
  it('gives the same tree, front matter and places as the first parse', () => {
    const first = parseMarkdown(source, 'sources/themes/03-x.md');
    const again = parseMarkdown(source, 'sources/themes/03-x.md');
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    expect(again.frontMatter).toEqual({ title: 'A brief', theme: 3 });
    expect(again.frontMatterPlaces.theme).toEqual({ line: 3, column: 8 });
  });

  it('hands out copies: a caller that changes its tree changes nobody else\'s', () => {
    const file = 'sources/themes/04-y.md';
    const first = parseMarkdown(source, file);
    const paragraph = first.tree.children.find((n) => n.type === 'paragraph') as Paragraph;
    (paragraph.children[0] as Text).value = 'changed';
    first.tree.children.length = 0;
    first.frontMatter.title = 'changed';
    const again = parseMarkdown(source, file);
    expect(again.frontMatter.title).toBe('A brief');
    const text = ((again.tree.children.find((n) => n.type === 'paragraph') as Paragraph).children[0] as Text).value;
    expect(text).toBe('A paragraph with a note.');
  });

  it('keys on the file name too: diagnostics name the file they were found in', () => {
    const broken = '---\ntitle: [unclosed\n---\n\nText.\n';
    expect(parseMarkdown(broken, 'sources/a.md').diagnostics[0]!.file).toBe('sources/a.md');
    expect(parseMarkdown(broken, 'sources/b.md').diagnostics[0]!.file).toBe('sources/b.md');
  });
});
