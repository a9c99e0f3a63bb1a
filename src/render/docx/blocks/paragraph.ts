/**
 * A model paragraph → one `w:p` (ECMA-376 §17.3.1) in the style of its role.
 */
import { Paragraph as DocxParagraph, type IParagraphOptions } from 'docx';
import type { Paragraph, ParagraphRole } from '../../../document/model.js';
import { containerIndent, type BlockContext, type BodyChild } from '../context.js';
import { alignment, paragraphDirection, startIndent } from '../direction.js';
import { renderInlines } from '../inlines.js';
import { PARAGRAPH_STYLE } from '../styles.js';

const ROLE_STYLE: Record<Exclude<ParagraphRole, 'body'>, string> = {
  title: PARAGRAPH_STYLE.title,
  subtitle: PARAGRAPH_STYLE.subtitle,
  meta: PARAGRAPH_STYLE.meta,
  signature: PARAGRAPH_STYLE.signature,
};

/** The paragraph style of a role where the paragraph sits (a note, a quote, a list item). */
export function paragraphStyle(role: ParagraphRole, ctx: BlockContext, listItem = false): string {
  if (role !== 'body') return ROLE_STYLE[role];
  if (ctx.inNote) return PARAGRAPH_STYLE.footnote;
  if (ctx.quoteDepth > 0) return PARAGRAPH_STYLE.quote;
  if (listItem || ctx.listDepth > 0) return 'ListParagraph';
  return PARAGRAPH_STYLE.body;
}

/**
 * Builds the paragraph; `extra` adds or overrides properties (the list handler adds numbering).
 * Alignment is written only when the model gives one: the styles carry the defaults
 * (justified body text, start-aligned everything else).
 */
export function buildParagraph(paragraph: Paragraph, ctx: BlockContext, extra: IParagraphOptions = {}): DocxParagraph {
  // A quotation in another script keeps its own direction (see document/paragraph-direction.ts).
  const direction = paragraph.direction ?? ctx.doc.direction;
  const nested = ctx.listDepth > 0 || ctx.quoteDepth > 1;
  return new DocxParagraph({
    style: paragraphStyle(paragraph.role, ctx, extra.numbering !== undefined),
    ...paragraphDirection(direction),
    ...(paragraph.align ? { alignment: alignment(paragraph.align, direction) } : {}),
    ...(nested && extra.numbering === undefined ? { indent: startIndent(containerIndent(ctx), direction) } : {}),
    children: renderInlines(paragraph.children, { doc: ctx.doc, direction }),
    ...extra,
  });
}

export function renderParagraph(paragraph: Paragraph, ctx: BlockContext): BodyChild[] {
  return [buildParagraph(paragraph, ctx)];
}
