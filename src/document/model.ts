/**
 * The one document model both renderers (PDF and DOCX) read.
 * Built from mdast (after templates and sources are merged); carries no Markdown syntax:
 * every string here is literal text to print.
 */
import type { SourcePlace } from '../diagnostics/diagnostic.js';

export type Direction = 'ltr' | 'rtl';

export type Inline =
  | { type: 'text'; value: string; place?: SourcePlace }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'code'; value: string; place?: SourcePlace }
  /** A link; `title` is its description (Markdown's link title), a tooltip and what a screen reader says of it. */
  | { type: 'link'; url: string; title?: string; children: Inline[] }
  /** A hard line break inside a paragraph. */
  | { type: 'break' }
  /** A reference to a footnote; `number` is its 1-based number in the document. */
  | { type: 'footnoteRef'; number: number };

export type Align = 'start' | 'center' | 'end' | 'justify';

/**
 * Paragraph roles beyond body text. Renderers map each to a style
 * (DOCX: a named paragraph style; PDF: font, size and spacing).
 */
export type ParagraphRole =
  | 'body'
  | 'title'        // the document's title (DOCX "Title")
  | 'subtitle'     // a line under the title (DOCX "Subtitle")
  | 'meta'         // small print: reference numbers, dates, addresses
  | 'signature';   // the signature block of a letter

export interface Paragraph {
  type: 'paragraph';
  role: ParagraphRole;
  /** Alignment; when absent: `justify` for body text, `start` otherwise. */
  align?: Align;
  /**
   * The paragraph's own direction when it differs from the document's (a quotation in
   * another script); absent: the document's direction.
   */
  direction?: Direction;
  children: Inline[];
  place?: SourcePlace;
}

export interface Heading {
  type: 'heading';
  level: 1 | 2 | 3 | 4 | 5 | 6;
  children: Inline[];
  /** A stable id (slug) for bookmarks and links. */
  id: string;
  place?: SourcePlace;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  /** First number of an ordered list. */
  start: number;
  /** Each item is a sequence of blocks (paragraphs, nested lists …). */
  items: Block[][];
  /**
   * A table of contents: item N stands for the Nth level-1 heading after the list, and is
   * printed with that heading's page number (PDF: dot leaders, a link to the page).
   */
  contents?: boolean;
  /** The ids a contents list's entries stand for, when they are not the headings after it (a pack's sections). */
  targets?: string[];
  place?: SourcePlace;
}

export interface BlockQuote {
  type: 'blockquote';
  children: Block[];
  place?: SourcePlace;
}

export type CellAlign = 'left' | 'center' | 'right' | null;

export interface Table {
  type: 'table';
  /** Alignment per column, from the GFM delimiter row. */
  align: CellAlign[];
  /** The header row (repeated on each page the table spans). */
  header: Inline[][];
  rows: Inline[][][];
  /** `grid`: ruled cells (DOCX "Table Grid"); `plain`: no rules (letters' signature blocks). */
  style: 'grid' | 'plain';
  place?: SourcePlace;
}

export interface ImageBlock {
  type: 'image';
  /** Raw PNG or JPEG bytes. */
  data: Uint8Array;
  format: 'png' | 'jpeg';
  alt: string;
  /** Intrinsic size in pixels. */
  width: number;
  height: number;
  place?: SourcePlace;
}

/** The organisers' logos heading a letter or a cover (`<!-- folio: letterhead -->`). */
export interface Letterhead {
  type: 'letterhead';
  /** In the organisers' order: the first at the start side (left in LTR, right in RTL). */
  logos: ImageBlock[];
  layout: 'spread' | 'start' | 'center' | 'end';
  /** The logos' height, in points (a logo too wide for its share of the line is set smaller). */
  height: number;
}

export interface CodeBlock {
  type: 'code';
  value: string;
  lang?: string;
  place?: SourcePlace;
}

export interface ThematicBreak {
  type: 'thematicBreak';
}

export interface PageBreak {
  type: 'pageBreak';
}

/** A letter has no running header (its continuation pages name its reference instead). */
export function isLetter(model: Pick<DocumentModel, 'header'>): boolean {
  return model.header.trim() === '';
}

export type Block = Paragraph | Heading | ListBlock | BlockQuote | Table | ImageBlock | Letterhead | CodeBlock | ThematicBreak | PageBreak;

export interface Footnote {
  /** 1-based number, in order of first reference. */
  number: number;
  children: Block[];
}

export interface DocumentMetadata {
  title: string;
  subject?: string;
  author: string;
  keywords?: string[];
  /** BCP 47 language tag, e.g. `en`, `fr`, `ar-MA`. */
  lang: string;
  /** Intl locale for numbers (page numbers), e.g. `ar-MA-u-nu-latn`; defaults to `lang`. */
  locale?: string;
  /** Fixed creation date: the build is reproducible. */
  date: Date;
  /** Typesetting switched off for the language (`event.typesetting`); absent: hyphenation and kashida on. */
  typesetting?: { hyphenate?: boolean; kashida?: boolean };
  /** `none`: a plain PDF (untagged, no PDF/A metadata), `--pdf-standard none`; absent: tagged PDF/UA-1 and PDF/A-2b. */
  pdfStandard?: 'none';
  /**
   * The language text in another script than the document's is in, by script (`Arab` → `ar`):
   * the seminar's first language in that script. Tagged PDF marks such text with its /Lang.
   */
  scriptLanguages?: Record<string, string>;
}

export interface DocumentModel {
  /** Output kind, e.g. `agenda`, `invitation`. */
  kind: string;
  meta: DocumentMetadata;
  direction: Direction;
  /** Running header text (may be empty). */
  header: string;
  /**
   * Footer page-number pattern with `{page}` and `{pages}` placeholders,
   * e.g. `Page {page} of {pages}`.
   */
  footer: string;
  /**
   * A letter's header from its second page on (its reference), when it runs on: letters have
   * no running header, and a continuation page must say which letter it continues.
   */
  continuation?: string;
  blocks: Block[];
  footnotes: Footnote[];
  /** The file the document came from (template or source), for messages. */
  origin: string;
  /** The page size in PDF points; absent: A4 portrait. */
  page?: { width: number; height: number };
}
