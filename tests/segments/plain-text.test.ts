/**
 * The plain-text fast path of inline-markdown.ts must give exactly what the Markdown parser and
 * serializer give: checked on every unit of the sample kit's stores (msgid and msgstr, English,
 * French, Arabic) and on strings made to sit at the edge of the rule.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { isPlainText, markdownToPhrasing, phrasingToMarkdown } from '../../src/segments/inline-markdown.js';
import { parsePo } from '../../src/translate/formats/po.js';
import { PROJECT } from '../helpers/kit.js';

const parser = unified().use(remarkParse).use(remarkGfm);

/** What the parser makes of a unit: its paragraph's children, without positions. */
function parsed(text: string): PhrasingContent[] | undefined {
  const tree = parser.parse(`${text}\n`) as Root;
  if (tree.children.length !== 1 || tree.children[0]!.type !== 'paragraph') return undefined;
  return JSON.parse(JSON.stringify((tree.children[0] as Paragraph).children, (k, v) => (k === 'position' ? undefined : v)));
}

function serialized(nodes: PhrasingContent[]): string {
  return toMarkdown({ type: 'paragraph', children: nodes }, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true }).replace(/\n+$/, '').trim();
}

function storeTexts(): string[] {
  const texts: string[] = [];
  for (const lang of ['fr', 'ar']) {
    const po = parsePo(readFileSync(path.join(PROJECT, 'translations', `${lang}.po`), 'utf8'));
    for (const entry of po.catalog!.entries) texts.push(entry.msgid, ...entry.msgstr);
  }
  return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

describe('plain text skips the Markdown parser, with the same result', () => {
  const edges = [
    'A plain sentence.', 'Une phrase « entre guillemets ».', 'جملة عربية بسيطة.', '2027 will come.', '2027. A list?', '1) not a list either',
    'see www.example.org', 'write to a@b.org', 'https://x.org', 'now.Then', 'ftps://host', 'a *b* c', 'a_b_c', 'x `y`', 'a [b](c)', 'a & b', 'a &amp; b',
    'a \\* b', 'a ~b~ c', 'a <b> c', 'a | b', '# not a heading', '- not a list', '+ plus', '> quote', 'a  b', 'trailing ', 'Title: subtitle', 'x: y/z',
    'It costs $5 {x}', '(bracketed) text', '"quoted" text', "l'été", 'a\u00a0: b',
  ];
  it('on every unit of the stores and on edge cases', () => {
    let plain = 0;
    for (const text of [...storeTexts(), ...edges]) {
      if (!isPlainText(text)) continue;
      plain++;
      expect(markdownToPhrasing(text), text).toEqual(parsed(text));
      // White space is folded in unit keys (no-break spaces included), by both paths.
      const folded = text.replace(/\s+/g, ' ');
      expect(phrasingToMarkdown([{ type: 'text', value: text }]), text).toBe(serialized([{ type: 'text', value: folded }]));
    }
    // The fast path is not an empty set: most units of a kit are plain sentences.
    expect(plain).toBeGreaterThan(300);
  });

  it('text with Markdown syntax is not plain', () => {
    for (const text of ['a *b* c', 'a [b](c)', 'see www.example.org', 'a@b.org', '# x', '- x', '2027. x', 'a & b', 'a\nb', 'x ', 'now.Then']) {
      expect(isPlainText(text), text).toBe(false);
    }
  });
});
