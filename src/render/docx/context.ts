/**
 * What every handler needs to know besides the block itself: document-wide settings,
 * the registries that hand out numbers, and where the block sits (list, quote, note).
 */
import type { Paragraph, Table, TableOfContents } from 'docx';
import type { Block, Direction } from '../../document/model.js';
import type { DocxFonts } from './fonts.js';
import type { ScriptFamily } from './script-runs.js';
import type { NumberingRegistry } from './numbering.js';

/** Settings and counters shared by the whole document. */
export interface DocumentContext {
  readonly direction: Direction;
  /** BCP 47 tag of the document's language. */
  readonly lang: string;
  readonly fonts: DocxFonts;
  /** The RTL script family of the document's language (`arabic` unless it is Hebrew or Yiddish). */
  readonly rtlScript: ScriptFamily;
  /** A letter (no running header): set closer, on narrower margins, to keep to one page as the PDF does. */
  readonly letter: boolean;
  /**
   * How closely a letter is set: the index of the PDF's letter style it fits one page with
   * (0, the roomiest, to 3), so that the DOCX tightens where the PDF had to.
   */
  readonly letterTier: number;
  readonly numbering: NumberingRegistry;
  /** Hands out drawing ids (`wp:docPr/@id`), unique in the document, from 1. */
  nextDrawingId(): number;
}

/** A document context plus where the current block sits. */
export interface BlockContext {
  readonly doc: DocumentContext;
  /** Number of list items around the block (0 at the top level). */
  readonly listDepth: number;
  /** Number of block quotes around the block. */
  readonly quoteDepth: number;
  /** Whether the block is in a footnote (paragraphs take Footnote Text). */
  readonly inNote: boolean;
  /** Renders nested blocks (list items, quotes, notes): passed in so that handlers do not import each other. */
  readonly renderBlocks: (blocks: readonly Block[], ctx: BlockContext) => BodyChild[];
}

/** What a block handler returns: body-level DOCX elements. */
export type BodyChild = Paragraph | Table | TableOfContents;

/** Twips a list level or a quote level indents its content. */
export const LIST_INDENT = 720;
export const QUOTE_INDENT = 567;

/** Start-side indentation of content at this depth of lists and quotes, in twips. */
export function containerIndent(ctx: BlockContext): number {
  return ctx.listDepth * LIST_INDENT + ctx.quoteDepth * QUOTE_INDENT;
}
