import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/sources/parse-markdown.js';
import { sourceSegments } from '../../src/segments/source-segments.js';
import { templateSegments } from '../../src/segments/template-segments.js';
import { markdownToPhrasing, phrasingToMarkdown } from '../../src/segments/inline-markdown.js';
import type { SourceDocument } from '../../src/sources/load-sources.js';
import { translateSource } from '../../src/translate/apply-sources.js';
import { Translator } from '../../src/translate/translator.js';
import { TranslationCatalog } from '../../src/translate/catalog.js';
import { toContent, fromContent } from '../../src/translate/content-markdown.js';

function doc(markdown: string): SourceDocument {
  const parsed = parseMarkdown(markdown, 'sources/themes/01-x.md');
  return { file: 'sources/themes/01-x.md', dir: '/tmp', kind: 'theme', id: 'theme-01', title: 'Title', titlePlace: { line: 2, column: 8 }, slug: '01-x', number: 1, tree: parsed.tree, frontMatter: {} };
}

const SAMPLE = `## Purpose

This **session** reviews *standards*, see [the ILO](https://www.ilo.org "ILO site") and \`code\`.[^1]
It continues on a second line.

- item one
  - nested item
1. numbered

| Head | Other |
|---|---|
| cell *a* | 2027 |

> quoted text

\`\`\`
code block is not translatable
\`\`\`

[^1]: A footnote with a [link](https://x.org).
`;

describe('source segments', () => {
  const segments = sourceSegments(doc(SAMPLE));

  it('makes one unit per title, heading, paragraph, list item, cell, quote, footnote and link title; none for code', () => {
    expect(segments.map((s) => [s.kind, s.source])).toEqual([
      ['title', 'Title'],
      ['heading', 'Purpose'],
      ['paragraph', 'This **session** reviews *standards*, see [the ILO](https://www.ilo.org "ILO site") and `code`.[^1] It continues on a second line.'],
      // The link's title, a unit of its own right after the paragraph it is in.
      ['link-title', 'ILO site'],
      ['paragraph', 'item one'],
      ['paragraph', 'nested item'],
      ['paragraph', 'numbered'],
      ['cell', 'Head'],
      ['cell', 'Other'],
      ['cell', 'cell *a*'],
      ['cell', '2027'],
      ['paragraph', 'quoted text'],
      ['paragraph', 'A footnote with a [link](https://x.org).'],
    ]);
  });

  it('gives places and context', () => {
    expect(segments[1]).toMatchObject({ context: 'theme-01', place: { file: 'sources/themes/01-x.md', line: 1, column: 1 } });
    expect(segments[0]!.place).toMatchObject({ line: 2, column: 8 });
    expect(segments[2]!.footnoteLabels).toEqual(['1']);
  });

  it('keeps identity when a paragraph is re-wrapped', () => {
    const rewrapped = sourceSegments(doc(SAMPLE.replace('reviews *standards*, see', 'reviews\n*standards*, see')));
    expect(rewrapped.map((s) => s.source)).toEqual(segments.map((s) => s.source));
  });

  it('rebuilds the same mdast structure from a translation', () => {
    const entries = segments.slice(1).map((s) => ({ msgctxt: s.context, msgid: s.source, msgstr: [s.source.replace('session', 'séance').replace('item one', 'élément un')], translatorComments: [], extractedComments: [], references: [], flags: [], obsolete: false }));
    const catalog = TranslationCatalog.fromPo('fr', 'translations/fr.po', { headers: [], headerComments: [], entries });
    const translated = translateSource(doc(SAMPLE), new Translator('fr', catalog, { allowFuzzy: false, strict: false }));
    expect(translated.diagnostics).toEqual([]);
    const again = sourceSegments(translated.doc);
    expect(again.map((s) => s.kind)).toEqual(segments.map((s) => s.kind));
    expect(again[2]!.source).toContain('**séance**');
    expect(again[3]!.source).toBe('ILO site');
    expect(again[4]!.source).toBe('élément un');
  });
});

describe('inline Markdown round trip', () => {
  for (const text of ['a **b** *c* `d` [e](https://f.org)', 'Ministry of Labour & Social Affairs', 'line\\\nbreak', 'star \\* and \\_ kept']) {
    it(JSON.stringify(text), () => {
      const nodes = markdownToPhrasing(text)!;
      expect(phrasingToMarkdown(nodes)).toBe(text);
      expect(fromContent(toContent(text, 'markdown'), 'markdown')).toBe(text);
    });
  }
  it('reads a translation that starts like a list as not one paragraph', () => {
    expect(markdownToPhrasing('- not a paragraph')).toBeUndefined();
  });
});

describe('template segments', () => {
  it('finds every t message with its place, in mustaches and sub-expressions', () => {
    const text = 'A {{t "Agenda"}}\n{{#if x}}{{join (t "Day {day}" day=1) ","}}{{/if}}\n';
    const segments = templateSegments('agenda', 'templates/agenda.md.hbs', text);
    expect(segments.map((s) => [s.source, s.context, s.place.line])).toEqual([
      ['Agenda', 'template:agenda', 1],
      ['Day {day}', 'template:agenda', 2],
    ]);
    expect(segments[1]!.note).toContain('{day}');
  });
});

describe('alternative texts and titles', () => {
  const source = '## Figures\n\n![A map of the corridors](map.png)\n\nThe chart ![Remittances by year](chart.png "Source: World Bank") shows it.\n';
  const segments = sourceSegments(doc(source));

  it('are units of their own after the unit they sit in; a paragraph of an image alone is none', () => {
    expect(segments.map((s) => [s.kind, s.source, s.syntax])).toEqual([
      ['title', 'Title', 'plain'],
      ['heading', 'Figures', 'markdown'],
      ['alt', 'A map of the corridors', 'plain'],
      ['paragraph', 'The chart ![Remittances by year](chart.png "Source: World Bank") shows it.', 'markdown'],
      ['alt', 'Remittances by year', 'plain'],
      ['link-title', 'Source: World Bank', 'plain'],
    ]);
    expect(segments[2]!.note).toContain('map.png');
  });

  it('are translated into the images they belong to, also when the paragraph keeps its English', () => {
    const french: Record<string, string> = {
      'A map of the corridors': 'Une carte des couloirs',
      'Remittances by year': 'Envois de fonds par année',
      'Source: World Bank': 'Source : Banque mondiale',
    };
    const entries = segments.slice(1).filter((s) => french[s.source]).map((s) => ({ msgctxt: s.context, msgid: s.source, msgstr: [french[s.source]!], translatorComments: [], extractedComments: [], references: [], flags: [], obsolete: false }));
    const catalog = TranslationCatalog.fromPo('fr', 'translations/fr.po', { headers: [], headerComments: [], entries });
    const translated = translateSource(doc(source), new Translator('fr', catalog, { allowFuzzy: false, strict: false }));
    const images: { alt?: string | null; title?: string | null }[] = [];
    const walk = (node: { type: string; children?: unknown[] }) => {
      if (node.type === 'image') images.push(node as never);
      for (const child of (node.children ?? []) as { type: string }[]) walk(child);
    };
    walk(translated.doc.tree);
    expect(images.map((i) => [i.alt, i.title ?? null])).toEqual([['Une carte des couloirs', null], ['Envois de fonds par année', 'Source : Banque mondiale']]);
  });
});
