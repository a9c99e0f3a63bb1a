/**
 * Distributes boxes over pages: headings stay with what follows, paragraphs keep two lines
 * together at page ends, table rows bring their header row to each new page, and each
 * footnote lands at the foot of the page that first refers to it.
 *
 * A footnote is split across pages only when it must: when it cannot stand whole, with the line
 * that refers to it, on any page. Then the page of the reference takes as many of its lines as
 * fit (two at least), and the rest opens the footnotes of the next page(s), before their own.
 */
import type { Box } from './boxes.js';
import { FootnoteArea, type FootnotePart } from './footnote-area.js';

export type { FootnotePart } from './footnote-area.js';
export { FOOTNOTE_SEPARATOR } from './footnote-area.js';

export interface PlacedBox {
  box: Box;
  /** Distance from the top of the content area to the top of the box. */
  offset: number;
}

export interface PageLayout {
  boxes: PlacedBox[];
  /** Footnotes (or the parts of them) printed at the foot of this page, in order. */
  footnotes: FootnotePart[];
}

/**
 * @param noteBoxes the boxes of footnote `n` (its lines), laid out at the footnote style.
 */
export function paginate(boxes: Box[], contentHeight: number, noteBoxes: (n: number) => readonly Box[]): PageLayout[] {
  const pages: PageLayout[] = [];
  const notes = new FootnoteArea(noteBoxes);
  let page: PageLayout = { boxes: [], footnotes: [] };
  let used = 0;
  // Space below the last placed box; collapses with the next box's space above (the larger wins).
  let pendingAfter = 0;

  /**
   * A new page; the lines of footnotes carried from the last one go first at its foot, leaving
   * `reserve` for the text that opens it and its footnotes (`minimum` for the text alone, if need be).
   */
  const newPage = (reserve: number, minimum = reserve) => {
    pages.push(page);
    page = { boxes: [], footnotes: notes.startPage(contentHeight, reserve, minimum) };
    used = 0;
    pendingAfter = 0;
  };
  /** Places a box, and its footnotes in the room it leaves but `keep` (the boxes that must follow it on this page). */
  const place = (box: Box, space: number, keep = 0) => {
    page.boxes.push({ box, offset: used + space });
    used += space + box.height;
    pendingAfter = box.spaceAfter ?? 0;
    // Whole where they fit, which is always the case but after lines carried from the last page
    // or for a footnote that could not stand whole with this box on any page.
    page.footnotes.push(...notes.place(box.footnotes, contentHeight - used - keep));
  };

  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i]!;
    if (box.pageBreakBefore) {
      if (page.boxes.length > 0) newPage(0);
      continue;
    }
    // A page that holds only lines of footnotes carried over is not empty.
    const empty = page.boxes.length === 0 && notes.used === 0;
    const space = page.boxes.length === 0 ? 0 : Math.max(pendingAfter, box.spaceBefore);
    const need = space + box.height + notes.heightOf(box.footnotes, new Set());
    // The chain of boxes that must stay together with this one, with and without their footnotes.
    let chain = need;
    let kept = 0;
    if (box.keepWithNext) {
      const pending = new Set<number>(box.footnotes);
      for (let j = i + 1, count = 0; j < boxes.length && count < 6; j++, count++) {
        const next = boxes[j]!;
        if (next.pageBreakBefore) break;
        const step = Math.max(boxes[j - 1]!.spaceAfter ?? 0, next.spaceBefore) + next.height;
        kept += step;
        chain += step + notes.heightOf(next.footnotes, pending);
        if (!next.keepWithNext) break;
      }
    }
    if (box.height + kept > contentHeight) kept = 0;
    // Footnotes that cannot stand whole with this box on any page are split, starting on this
    // page when it takes the box, the boxes kept with it and two lines of them.
    const mustSplit = notes.heightOf(box.footnotes, new Set(), true) + box.height > contentHeight;
    const breakHere = !empty && (mustSplit
      ? !notes.canStart(box.footnotes, contentHeight - used - space - box.height - kept)
      : need > contentHeight - used - notes.used || (box.keepWithNext && chain > contentHeight - used - notes.used && chain <= contentHeight));
    const keep = mustSplit ? kept : 0;
    if (breakHere) {
      const header = box.repeatHeader;
      // Room for the boxes that open the page together (a paragraph's first two lines), whatever
      // lines of footnotes the last page carries over.
      const top = box.height + (header ? header.height : 0) + kept;
      newPage(top + notes.heightOf(box.footnotes, new Set(), true), top);
      if (header) place(header, 0);
      place(box, 0, keep);
    } else {
      place(box, space, keep);
    }
  }
  // Parts of footnotes still to print get pages of their own.
  while (notes.carried) newPage(0);
  if (page.boxes.length > 0 || page.footnotes.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}
