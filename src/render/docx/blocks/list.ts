/**
 * A list → numbered paragraphs (`w:numPr`, ECMA-376 §17.3.1.19). Each list is a new
 * numbering instance, so it restarts at its `start`; its level is the number of list
 * items around it. An item's first paragraph carries the number; its other blocks
 * follow, indented to the item's text.
 */
import { Paragraph as DocxParagraph, type IParagraphOptions } from 'docx';
import type { ListBlock } from '../../../document/model.js';
import { containerIndent, type BlockContext, type BodyChild } from '../context.js';
import { paragraphDirection, startIndent } from '../direction.js';
import { LIST_HANGING } from '../numbering.js';
import { buildParagraph, paragraphStyle } from './paragraph.js';

/** Word has nine list levels (0–8). */
const DEEPEST_LEVEL = 8;

export function renderList(list: ListBlock, ctx: BlockContext): BodyChild[] {
  const { reference, instance } = ctx.doc.numbering.startList(list.ordered, list.start);
  const level = Math.min(ctx.listDepth, DEEPEST_LEVEL);
  const inner: BlockContext = { ...ctx, listDepth: ctx.listDepth + 1 };
  const numbered: IParagraphOptions = {
    numbering: { reference, instance, level },
    // Inside a quote the quote's indentation adds to the level's own.
    ...(ctx.quoteDepth > 0 ? { indent: startIndent(containerIndent(inner), ctx.doc.direction, LIST_HANGING) } : {}),
  };

  const out: BodyChild[] = [];
  for (const item of list.items) {
    const [first, ...rest] = item;
    if (first?.type === 'paragraph') {
      out.push(buildParagraph(first, inner, numbered));
      out.push(...ctx.renderBlocks(rest, inner));
    } else {
      // An item that starts with a nested list, code or nothing still shows its number.
      out.push(
        new DocxParagraph({ style: paragraphStyle('body', inner, true), ...paragraphDirection(ctx.doc.direction), ...numbered }),
      );
      out.push(...ctx.renderBlocks(item, inner));
    }
  }
  return out;
}
