/**
 * The mixed Arabic/French/English document of the Typst comparison, in a neutral form (headings
 * and paragraphs of plain text, each with its language), written out as folio Markdown and as
 * Typst markup. The texts are the sample kit's handbook chapters: each section in English, then
 * its French and its Arabic translation from the translation stores.
 */
import type { Paragraph as MdParagraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { loadKit } from '../build/load-kit.js';
import { composeDocument } from '../document/compose.js';
import type { Block, DocumentModel, Inline } from '../document/model.js';
import { firstStrongDirection } from '../document/paragraph-direction.js';
import { markdownToPhrasing } from '../segments/inline-markdown.js';
import { sourceSegments } from '../segments/source-segments.js';
import { LiteralTable } from '../templates/literal-values.js';
import { TranslationCatalog } from '../translate/catalog.js';
import { storeFile } from '../translate/store.js';

export type MixedLang = 'en' | 'fr' | 'ar';
export type MixedBlock =
  | { kind: 'heading'; level: 1 | 2; lang: MixedLang; text: string }
  | { kind: 'paragraph'; lang: MixedLang; text: string };

export const MIXED_TITLE = 'Labour migration handbook: English, français, العربية';
export const MIXED_HEADER = 'Labour Migration Handbook · Manuel · دليل';
export const MIXED_FOOTER = 'Page {page} of {pages}';

/** A unit's Markdown → its plain text (emphasis and links kept as text, footnote marks dropped). */
function plain(markdown: string, labels: readonly string[] | undefined): string {
  const children = markdownToPhrasing(markdown, labels ?? []) ?? [];
  const paragraph: MdParagraph = { type: 'paragraph', children };
  // Fold line breaks and runs of ordinary spaces; no-break spaces (French punctuation) stay.
  return toString(paragraph).replace(/[ \t\r\n]+/g, ' ').trim();
}

/**
 * Sections of the sample kit's handbook, each in en, fr and ar, until about `chars` characters
 * of text (chapters are taken again from the first when they run out).
 */
export async function mixedDocument(root: string, chars: number): Promise<MixedBlock[]> {
  const loaded = await loadKit(root);
  if (!loaded.kit) throw new Error('bench: the sample kit does not load');
  const catalogs = new Map<MixedLang, TranslationCatalog>();
  for (const lang of ['fr', 'ar'] as const) {
    const store = loaded.kit.stores.get(lang);
    if (!store) throw new Error(`bench: the sample kit has no ${lang} store`);
    catalogs.set(lang, TranslationCatalog.fromPo(lang, storeFile(lang), store));
  }
  const langs: MixedLang[] = ['en', 'fr', 'ar'];
  const text = (lang: MixedLang, context: string, source: string, labels?: string[]): string | undefined => {
    if (lang === 'en') return plain(source, labels);
    const entry = catalogs.get(lang)!.get(context, source);
    return entry && !entry.fuzzy ? plain(entry.target, labels) : undefined;
  };

  const blocks: MixedBlock[] = [];
  let total = 0;
  const chapters = loaded.kit.sources.chapters;
  for (let round = 0; total < chars; round++) {
    const chapter = chapters[round % chapters.length]!;
    const segments = sourceSegments(chapter);
    blocks.push({ kind: 'heading', level: 1, lang: 'en', text: `${chapter.theme ?? round + 1}. ${chapter.title}` });
    // Sections: a heading and the paragraphs under it.
    const sections: { heading: (typeof segments)[number]; paragraphs: typeof segments }[] = [];
    for (const segment of segments.slice(1)) {
      if (segment.kind === 'heading') sections.push({ heading: segment, paragraphs: [] });
      else if (segment.kind === 'paragraph' && sections.length > 0) sections[sections.length - 1]!.paragraphs.push(segment);
    }
    for (const section of sections) {
      if (section.paragraphs.length === 0) continue;
      const perLang = langs.map((lang) => ({
        lang,
        heading: text(lang, section.heading.context, section.heading.source),
        paragraphs: section.paragraphs.map((p) => text(lang, p.context, p.source, p.footnoteLabels)),
      }));
      // Only sections translated throughout, so that the three languages say the same.
      if (perLang.some((l) => !l.heading || l.paragraphs.some((p) => !p))) continue;
      for (const l of perLang) {
        blocks.push({ kind: 'heading', level: 2, lang: l.lang, text: l.heading! });
        for (const p of l.paragraphs) blocks.push({ kind: 'paragraph', lang: l.lang, text: p! });
        total += l.heading!.length + l.paragraphs.reduce((n, p) => n + p!.length, 0);
      }
      if (total >= chars) break;
    }
  }
  return blocks;
}

/** Characters Markdown could read as syntax, escaped; a line start that could open a list. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~!&$]/g, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=])/, '\\$1');
}

/** The document as folio Markdown (what a template would produce). */
export function toFolioMarkdown(blocks: MixedBlock[]): string {
  return blocks.map((b) => (b.kind === 'heading' ? `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}` : escapeMarkdown(b.text))).join('\n\n') + '\n';
}

function inlineText(list: Inline[]): string {
  return list.map((n) => (n.type === 'text' || n.type === 'code' ? n.value : 'children' in n ? inlineText(n.children) : ' ')).join('');
}

/**
 * folio Markdown → document model, as `composeDocument` makes it for a template's output. The
 * document is English (left to right); each paragraph whose first strong character is Arabic
 * is set right to left (folio has no Markdown hint for a paragraph's direction: the model's
 * `direction`, which quotations get from their first strong character, is set here).
 */
export function folioModel(markdown: string): DocumentModel {
  const composed = composeDocument({
    kind: 'bench',
    templateFile: 'bench/mixed.md',
    output: { markdown, literals: new LiteralTable() },
    meta: { title: MIXED_TITLE, subject: 'folio bench', author: 'folio bench', lang: 'en', locale: 'en-GB', date: new Date(Date.UTC(2027, 0, 11)), keywords: ['bench'] },
    header: MIXED_HEADER,
    footer: MIXED_FOOTER,
  });
  if (!composed.model) throw new Error(`bench: the mixed document does not compose: ${composed.diagnostics.map((d) => d.message).join('; ')}`);
  const mark = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph' && firstStrongDirection(inlineText(block.children)) === 'rtl') block.direction = 'rtl';
    }
  };
  mark(composed.model.blocks);
  return composed.model;
}

/** Text as Typst markup: every character Typst could read as syntax, escaped. */
export function escapeTypst(text: string): string {
  return text.replace(/[\\#*_$@<>[\]`~/=\-+.'"]/g, '\\$&');
}

/**
 * The document as Typst markup, set like folio's PDFs: A4, folio's margins, Noto Serif 10.5 pt
 * justified body text (Amiri for Arabic), Noto Sans bold headings, running header from page 2,
 * "Page N of M" footer. No hyphenation (folio does not hyphenate).
 */
export function toTypst(blocks: MixedBlock[]): string {
  const out: string[] = [
    `#set document(title: "${MIXED_TITLE}")`,
    '#set page(paper: "a4", margin: (top: 70pt, bottom: 68pt, x: 66pt),',
    `  header: context if here().page() > 1 { set text(font: ("Noto Sans", "Amiri"), size: 8pt, fill: luma(90)); [${escapeTypst(MIXED_HEADER)}]; v(-4pt); line(length: 100%, stroke: 0.4pt + luma(153)) },`,
    '  footer: context align(center, text(font: "Noto Sans", size: 8pt, fill: luma(90))[Page #counter(page).display() of #counter(page).final().first()]))',
    '#set text(font: ("Noto Serif", "Amiri"), size: 10.5pt, lang: "en", hyphenate: false)',
    '#set par(justify: true, leading: 0.67em, spacing: 0.67em + 7pt)',
    '#show heading: set text(font: ("Noto Sans", "Amiri"), weight: "bold")',
    '#show heading.where(level: 1): set text(size: 16pt)',
    '#show heading.where(level: 1): set block(above: 26pt, below: 15pt)',
    '#show heading.where(level: 2): set text(size: 13pt)',
    '#show heading.where(level: 2): set block(above: 20pt, below: 13pt)',
    '',
  ];
  let open: MixedLang | undefined;
  for (const block of blocks) {
    const lang = block.lang;
    if (lang !== open) {
      if (open && open !== 'en') out.push(']', '');
      if (lang !== 'en') out.push('#[', lang === 'ar' ? '#set text(lang: "ar", dir: rtl)' : `#set text(lang: "${lang}")`, '');
      open = lang;
    }
    out.push(block.kind === 'heading' ? `${'='.repeat(block.level)} ${escapeTypst(block.text)}` : escapeTypst(block.text), '');
  }
  if (open && open !== 'en') out.push(']');
  return out.join('\n') + '\n';
}

export function mixedStats(blocks: MixedBlock[]): { paragraphs: number; headings: number; chars: Record<MixedLang, number> } {
  const chars: Record<MixedLang, number> = { en: 0, fr: 0, ar: 0 };
  for (const b of blocks) chars[b.lang] += b.text.length;
  return { paragraphs: blocks.filter((b) => b.kind === 'paragraph').length, headings: blocks.filter((b) => b.kind === 'heading').length, chars };
}
