/**
 * Distributes boxes over pages: headings stay with what follows, paragraphs keep two lines
 * together at page ends, table rows bring their header row to each new page, and each
 * footnote lands at the foot of the page that first refers to it.
 */
import type { Box } from './boxes.js';

export interface PlacedBox {
  box: Box;
  /** Distance from the top of the content area to the top of the box. */
  offset: number;
}

export interface PageLayout {
  boxes: PlacedBox[];
  /** Footnote numbers printed at the foot of this page, in order. */
  footnotes: number[];
}

export const FOOTNOTE_SEPARATOR = 12;

export function paginate(boxes: Box[], contentHeight: number, footnoteHeight: (n: number) => number): PageLayout[] {
  const pages: PageLayout[] = [];
  let page: PageLayout = { boxes: [], footnotes: [] };
  let used = 0;
  let footUsed = 0;
  // Space below the last placed box; collapses with the next box's space above (the larger wins).
  let pendingAfter = 0;
  const placedNotes = new Set<number>();

  const newPage = () => {
    pages.push(page);
    page = { boxes: [], footnotes: [] };
    used = 0;
    footUsed = 0;
    pendingAfter = 0;
  };
  const notesHeight = (notes: number[], pending: Set<number>) => {
    let h = 0;
    let first = page.footnotes.length === 0;
    for (const n of notes) {
      if (placedNotes.has(n) || pending.has(n)) continue;
      pending.add(n);
      h += footnoteHeight(n) + (first ? FOOTNOTE_SEPARATOR : 0);
      first = false;
    }
    return h;
  };
  const place = (box: Box, space: number) => {
    page.boxes.push({ box, offset: used + space });
    used += space + box.height;
    pendingAfter = box.spaceAfter ?? 0;
    for (const n of box.footnotes) {
      if (placedNotes.has(n)) continue;
      footUsed += footnoteHeight(n) + (page.footnotes.length === 0 ? FOOTNOTE_SEPARATOR : 0);
      page.footnotes.push(n);
      placedNotes.add(n);
    }
  };

  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i]!;
    if (box.pageBreakBefore) {
      if (page.boxes.length > 0) newPage();
      continue;
    }
    const empty = page.boxes.length === 0;
    const space = empty ? 0 : Math.max(pendingAfter, box.spaceBefore);
    const need = space + box.height + notesHeight(box.footnotes, new Set());
    // The chain of boxes that must stay together with this one.
    let chain = need;
    if (box.keepWithNext) {
      const pending = new Set<number>(box.footnotes.filter((n) => !placedNotes.has(n)));
      for (let j = i + 1, count = 0; j < boxes.length && count < 6; j++, count++) {
        const next = boxes[j]!;
        if (next.pageBreakBefore) break;
        chain += Math.max(boxes[j - 1]!.spaceAfter ?? 0, next.spaceBefore) + next.height + notesHeight(next.footnotes, pending);
        if (!next.keepWithNext) break;
      }
    }
    const available = contentHeight - used - footUsed;
    const breakHere = !empty && (need > available || (box.keepWithNext && chain > available && chain <= contentHeight));
    if (breakHere) {
      newPage();
      if (box.repeatHeader) place(box.repeatHeader, 0);
      place(box, 0);
    } else {
      place(box, space);
    }
  }
  if (page.boxes.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}
