/**
 * The model's footnotes → real Word footnotes (footnotes part, ECMA-376 §17.11), keyed
 * by their number, which the `footnoteRef` inlines refer to. Their paragraphs take
 * Footnote Text.
 */
import { Paragraph, Table } from 'docx';
import type { Block, Footnote, Inline } from '../../document/model.js';
import type { BlockContext } from './context.js';
import { paragraphDirection } from './direction.js';
import { PARAGRAPH_STYLE } from './styles.js';

export function buildFootnotes(footnotes: readonly Footnote[], ctx: BlockContext): Record<string, { children: Paragraph[] }> {
  const noteContext: BlockContext = { ...ctx, inNote: true, listDepth: 0, quoteDepth: 0 };
  const out: Record<string, { children: Paragraph[] }> = {};
  for (const note of footnotes) {
    const children = ctx.renderBlocks(note.children, noteContext);
    const empty = () => new Paragraph({ style: PARAGRAPH_STYLE.footnote, ...paragraphDirection(ctx.doc.direction) });
    // docx puts the note's own number into its first paragraph, so a note must start with one;
    // and, like a table cell, it must end with one (a trailing table is unreadable content to Word).
    if (!(children[0] instanceof Paragraph)) children.unshift(empty());
    if (children[children.length - 1] instanceof Table) children.push(empty());
    // docx types notes as paragraphs only, but writes any body element; Word allows tables in notes (§17.11.10).
    out[String(note.number)] = { children: children as Paragraph[] };
  }
  return out;
}

/**
 * Every `footnoteRef` must have its note: Word refuses a reference to a missing one.
 * A dangling reference is a bug in the model builder, not in the user's content.
 */
export function assertFootnotesResolve(blocks: readonly Block[], footnotes: readonly Footnote[]): void {
  const known = new Set(footnotes.map((note) => note.number));
  const missing = new Set<number>();
  const visitInlines = (inlines: readonly Inline[]): void => {
    for (const inline of inlines) {
      if (inline.type === 'footnoteRef' && !known.has(inline.number)) missing.add(inline.number);
      if ('children' in inline) visitInlines(inline.children);
    }
  };
  const visitBlocks = (list: readonly Block[]): void => {
    for (const block of list) {
      if (block.type === 'paragraph' || block.type === 'heading') visitInlines(block.children);
      else if (block.type === 'blockquote') visitBlocks(block.children);
      else if (block.type === 'list') block.items.forEach(visitBlocks);
      else if (block.type === 'table') [block.header, ...block.rows].forEach((row) => row.forEach(visitInlines));
    }
  };
  visitBlocks(blocks);
  footnotes.forEach((note) => visitBlocks(note.children));
  if (missing.size > 0) {
    throw new Error(
      `Bug: the document model refers to footnote ${[...missing].sort((a, b) => a - b).join(', ')} but has no such footnote (the model builder must add every footnote it numbers).`,
    );
  }
}
