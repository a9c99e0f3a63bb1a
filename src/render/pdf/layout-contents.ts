/**
 * A table of contents (a list marked `<!-- folio: contents -->`): each entry is its title on
 * the start side, the page number of its heading on the end side, dot leaders between them,
 * and a link to the page over the whole entry. The page numbers come from a first layout of
 * the document (render-pdf.ts lays a document with contents out twice); until then an entry
 * shows no number but keeps the room for one, so both layouts paginate alike.
 */
import { contentsEntries } from '../../document/contents.js';
import type { ListBlock } from '../../document/model.js';
import { layoutParagraph } from '../../text/layout-paragraph.js';
import { lineItems, tagItems, type Box, type DrawItem } from './boxes.js';
import { childNode } from './structure.js';
import type { LayoutContext } from './layout-blocks.js';
import { inlinesToSpans } from './spans.js';
import { ROLE_STYLES } from './styles.js';

/** Room for the page number, and the gap on each side of the leaders, pt. */
const NUMBER_ROOM = 26;
const GAP = 6;

/** Link target of a page, resolved by the PDF writer into a destination (a GoTo, not a URI). */
export function pageLink(pageIndex: number): string {
  return `#page=${pageIndex}`;
}

export function layoutContents(list: ListBlock, targets: readonly string[], ctx: LayoutContext): Box[] {
  const style = ctx.bodyStyle ?? ROLE_STYLES.body;
  const rtl = ctx.direction === 'rtl';
  const digits = new Intl.NumberFormat(ctx.locale ?? ctx.lang, { useGrouping: false });
  // Leaders: dots a thin space apart, as many as the gap takes.
  const leaderStyle = { ...style.text, color: [0.45, 0.45, 0.48] as [number, number, number] };
  const leaderLine = (count: number) => (count < 2 ? undefined : layoutParagraph(ctx.fonts, [{ text: Array(count).fill('.').join('\u2009'), style: leaderStyle }], {
    width: 1e5, align: 'start', direction: 'ltr', lang: ctx.lang, lineHeight: style.lineHeight,
  }).lines[0]);
  // The advance of one dot and its space, rounded up: a run of leaders never outgrows its gap.
  const step = (leaderLine(101)?.contentWidth ?? 300) / 100;
  const out: Box[] = [];
  contentsEntries(list, (n) => digits.format(n)).forEach((title, index) => {
    // An entry (TOCI) shows its title and page number; the leaders are furniture.
    const entry = childNode(ctx.struct, 'TOCI');
    const target = targets[index];
    const pageIndex = target !== undefined ? ctx.headingPages?.get(target) : undefined;
    const laid = layoutParagraph(ctx.fonts, inlinesToSpans(title, style.text), {
      width: ctx.width - NUMBER_ROOM - GAP, align: 'start', direction: ctx.direction, lang: ctx.lang, lineHeight: style.lineHeight,
    });
    ctx.missing.push(...laid.missing);
    const number = pageIndex === undefined ? undefined : layoutParagraph(ctx.fonts, [{ text: digits.format(ctx.pageNumber ? ctx.pageNumber(pageIndex) : pageIndex + 1), style: style.text }], {
      width: NUMBER_ROOM, align: 'end', direction: ctx.direction, lang: ctx.lang, lineHeight: style.lineHeight,
    }).lines[0];
    const height = laid.lines.reduce((h, l) => h + l.height, 0);
    out.push({
      height,
      spaceBefore: index === 0 ? 2 : 3,
      keepWithNext: false,
      footnotes: [],
      draw: (x, top) => {
        const items: DrawItem[] = [];
        const titleX = rtl ? x + NUMBER_ROOM + GAP : x;
        let y = top;
        let last: { start: number; end: number; baseline: number } | undefined;
        for (const line of laid.lines) {
          const placed = tagItems(lineItems(line, titleX, y), entry);
          items.push(...placed);
          const start = titleX + line.x;
          last = { start, end: start + line.contentWidth, baseline: (placed[0] as { y: number }).y };
          y -= line.height;
        }
        if (number && last) {
          // The number on the end side, on the last line's baseline; leaders fill the gap,
          // flush with the numbers so that the leaders of all entries line up.
          const numberX = rtl ? x : x + ctx.width - NUMBER_ROOM;
          items.push({ type: 'line', line: number, x: numberX, y: last.baseline, ...(entry ? { tag: entry } : {}) });
          const numberStart = numberX + number.x;
          const from = rtl ? numberStart + number.contentWidth + GAP : last.end + GAP;
          const to = rtl ? last.start - GAP : numberStart - GAP;
          const leaders = leaderLine(Math.floor((to - from) / step));
          if (leaders) items.push({ type: 'line', line: leaders, x: (rtl ? from : to - leaders.contentWidth) - leaders.x, y: last.baseline });
        }
        if (pageIndex !== undefined) items.push({ type: 'link', x, y: top - height, width: ctx.width, height, url: pageLink(pageIndex), ...(entry ? { tag: entry } : {}) });
        return items;
      },
    });
  });
  const lastBox = out[out.length - 1];
  if (lastBox) lastBox.spaceAfter = style.spaceAfter;
  return out;
}
