/**
 * Paragraph direction and alignment. In a right-to-left document every paragraph is
 * bidirectional (`w:bidi`, ECMA-376 §17.3.1.6) and alignment says `start`/`end`
 * (§17.18.44), which follow the paragraph's direction, rather than `left`/`right`,
 * which stay on those sides of the page.
 */
import { AlignmentType } from 'docx';
import type { Align, CellAlign, Direction } from '../../document/model.js';

export type DocxAlignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/** `{ bidirectional: true }` for a right-to-left document, nothing otherwise. */
export function paragraphDirection(direction: Direction): { bidirectional?: boolean } {
  return direction === 'rtl' ? { bidirectional: true } : {};
}

/**
 * The DOCX alignment of a model alignment. Left-to-right documents get `left`/`right`,
 * which every version of Word reads; right-to-left ones get `start`/`end`.
 */
export function alignment(align: Align, direction: Direction): DocxAlignment {
  switch (align) {
    case 'start':
      return direction === 'rtl' ? AlignmentType.START : AlignmentType.LEFT;
    case 'end':
      return direction === 'rtl' ? AlignmentType.END : AlignmentType.RIGHT;
    case 'center':
      return AlignmentType.CENTER;
    case 'justify':
      return AlignmentType.BOTH;
  }
}

/**
 * A table column's alignment. GFM's `left` and `right` are read as the start and end
 * of the line, so that a table translated into Arabic keeps its layout mirrored.
 */
export function cellAlignment(align: CellAlign, direction: Direction): DocxAlignment {
  switch (align) {
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return alignment('end', direction);
    case 'left':
    case null:
      return alignment('start', direction);
  }
}

/**
 * Indentation on the start side. Left-to-right documents write `w:left`, which every
 * version of Word reads; right-to-left ones write `w:start` (§17.3.1.12), the leading edge.
 */
export function startIndent(twips: number, direction: Direction, hanging?: number): { start?: number; left?: number; hanging?: number } {
  const side = direction === 'rtl' ? { start: twips } : { left: twips };
  return hanging === undefined ? side : { ...side, hanging };
}

/** The page side where a line starts: paragraph borders (`w:pBdr`) name physical sides. */
export function startSide(direction: Direction): 'left' | 'right' {
  return direction === 'rtl' ? 'right' : 'left';
}
