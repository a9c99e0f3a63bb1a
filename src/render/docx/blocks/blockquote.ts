/**
 * A block quote → its blocks one level deeper: paragraphs take the Quote style
 * (indented, with a border on the start side); nested quotes indent further.
 */
import type { BlockQuote } from '../../../document/model.js';
import type { BlockContext, BodyChild } from '../context.js';

export function renderBlockquote(quote: BlockQuote, ctx: BlockContext): BodyChild[] {
  return ctx.renderBlocks(quote.children, { ...ctx, quoteDepth: ctx.quoteDepth + 1 });
}
