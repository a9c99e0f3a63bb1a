/**
 * Block dispatch: one handler per block kind of the document model.
 */
import type { Block } from '../../../document/model.js';
import type { BlockContext, BodyChild } from '../context.js';
import { renderBlockquote } from './blockquote.js';
import { renderCode } from './code.js';
import { renderContents } from './contents.js';
import { contentsTargets, plainText } from '../../../document/contents.js';
import { renderHeading } from './heading.js';
import { renderImage } from './image.js';
import { renderLetterhead } from './letterhead.js';
import { renderList } from './list.js';
import { renderPageBreak } from './page-break.js';
import { renderParagraph } from './paragraph.js';
import { renderTable } from './table.js';
import { renderThematicBreak } from './thematic-break.js';

type Handlers = { [K in Block['type']]: (block: Extract<Block, { type: K }>, ctx: BlockContext) => BodyChild[] };

const HANDLERS: Handlers = {
  paragraph: renderParagraph,
  heading: renderHeading,
  list: renderList,
  blockquote: renderBlockquote,
  table: renderTable,
  image: renderImage,
  letterhead: renderLetterhead,
  code: renderCode,
  thematicBreak: renderThematicBreak,
  pageBreak: renderPageBreak,
};

/** Renders blocks in order; nested blocks come back here through `ctx.renderBlocks`. */
export function renderBlocks(blocks: readonly Block[], ctx: BlockContext): BodyChild[] {
  return blocks.flatMap((block, at) => {
    // A contents list stands for the level-1 headings after it: a TOC field.
    if (block.type === 'list' && block.contents) return renderContents(block, contentsTargets(blocks.slice(at + 1)), ctx);
    // A table is named by the heading it follows.
    if (block.type === 'table') return renderTable(block, ctx, captionOf(blocks, at));
    return (HANDLERS[block.type] as (b: Block, c: BlockContext) => BodyChild[])(block, ctx);
  });
}

/** The text of the last heading before blocks[at], if any. */
function captionOf(blocks: readonly Block[], at: number): string | undefined {
  for (let i = at - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.type === 'heading') return plainText(b.children);
  }
  return undefined;
}
