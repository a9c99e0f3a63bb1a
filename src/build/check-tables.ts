/**
 * A table must fit its page: with more columns than the text width can hold at a readable
 * width, the columns would shrink below one letter and their text would overlap. Checked on
 * the model, before rendering, like the glyphs.
 */
import type { Block, DocumentModel } from '../document/model.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CELL_PADDING, CONTENT_WIDTH } from '../render/pdf/styles.js';

/** The narrowest column worth printing: its padding and about two letters of cell text. */
export const MIN_COLUMN_WIDTH = CELL_PADDING.x * 2 + 14;
/** The most columns a table may have on an A4 page. */
export const MAX_TABLE_COLUMNS = Math.floor(CONTENT_WIDTH / MIN_COLUMN_WIDTH);

export function checkTables(model: DocumentModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.type === 'list') block.items.forEach(visit);
      else if (block.type === 'blockquote') visit(block.children);
      else if (block.type === 'table') {
        const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length));
        if (columns > MAX_TABLE_COLUMNS) {
          out.push(diagnostic(block.place ?? { file: model.origin }, 'error', 'table/too-wide',
            `This table has ${columns} columns; at most ${MAX_TABLE_COLUMNS} fit the width of the page, or their text would overlap: split it into several tables, or turn it into a list.`));
        }
      }
    }
  };
  visit(model.blocks);
  for (const note of model.footnotes) visit(note.children);
  return out;
}
