/**
 * Blocks of the document model → boxes (pure: no PDF here). Lists, quotes and footnotes
 * are laid out by the same function with a narrower column; in right-to-left documents
 * indents, markers and rules sit on the right.
 */
import type { Block, Direction, Inline, Paragraph, ListBlock } from '../../document/model.js';
import type { FontLibrary } from '../../text/fonts.js';
import { layoutParagraph, type LaidLine, type MissingChar } from '../../text/layout-paragraph.js';
import type { StyledSpan } from '../../text/style.js';
import { lineItems, tagItems, type Box, type DrawItem } from './boxes.js';
import { childNode, type StructNode } from './structure.js';
import { footnoteRefs, inlinesToSpans, plainText } from './spans.js';
import {
  CODE_STYLE, HEADING_STYLES, LIST_INDENT, QUOTE_INDENT, ROLE_STYLES, RULE_GREY, SHADE, type BlockStyle,
} from './styles.js';
import { layoutTable } from './layout-table.js';
import { contentsTargets } from '../../document/contents.js';
import { layoutContents } from './layout-contents.js';
import { layoutLetterhead } from './layout-letterhead.js';

export interface LayoutContext {
  fonts: FontLibrary;
  lang: string;
  direction: Direction;
  /** Collects characters no font can draw. */
  missing: MissingChar[];
  /** Available width of the column. */
  width: number;
  /** Scale of text (footnotes use smaller text). */
  bodyStyle?: BlockStyle;
  /** Inside a list item: paragraphs are set closer together. */
  inList?: boolean;
  /** Locale for numbers (page numbers of a contents list); default: `lang`. */
  locale?: string;
  /** Page index of each heading (by id), from a first layout: the numbers of a contents list. */
  headingPages?: ReadonlyMap<string, number>;
  /** The number printed for a page index (default: index + 1; a pack numbers its main matter from 1). */
  pageNumber?: (index: number) => number;
  /** Hyphenation and kashida justification (default: both on; `event.typesetting` turns them off per language). */
  typesetting?: { hyphenate?: boolean; kashida?: boolean };
  /** The structure element the blocks go into (tagged PDF); none: laid out untagged. */
  struct?: StructNode;
  /** The element of the paragraph that first refers to each footnote (a note follows it in reading order). */
  noteAnchors?: Map<number, StructNode>;
}

/** Lays out spans as a paragraph and returns one box per line (widow/orphan-aware). */
export function paragraphBoxes(
  ctx: LayoutContext,
  spans: StyledSpan[],
  style: BlockStyle,
  align: 'start' | 'center' | 'end' | 'justify',
  footnotes: number[],
  options: { width?: number; keepAll?: boolean; direction?: 'ltr' | 'rtl' | 'auto'; node?: StructNode } = {},
): { boxes: Box[]; lines: LaidLine[] } {
  const width = options.width ?? ctx.width;
  const laid = layoutParagraph(ctx.fonts, spans, {
    width,
    align,
    direction: options.direction ?? ctx.direction,
    lang: ctx.lang,
    lineHeight: style.lineHeight,
    hyphenate: ctx.typesetting?.hyphenate ?? true,
    kashida: ctx.typesetting?.kashida ?? true,
  });
  ctx.missing.push(...laid.missing);
  const n = laid.lines.length;
  // Each footnote goes with the line that shows its number (the page of that line prints it).
  const refs = refsPerLine(laid.lines, footnotes.length);
  let nextRef = 0;
  const boxes = laid.lines.map((line, i): Box => ({
    height: line.height,
    spaceBefore: i === 0 ? style.spaceBefore : 0,
    // Orphans and widows: keep the first two and the last two lines of a paragraph together.
    keepWithNext: options.keepAll === true ? i < n - 1 : (i === 0 && n > 1) || (i === n - 2 && n > 2),
    footnotes: refs ? footnotes.slice(nextRef, (nextRef += refs[i]!)) : i === 0 ? footnotes : [],
    draw: (x, top) => tagItems(lineItems(line, x, top), options.node),
  }));
  if (options.node && ctx.noteAnchors) for (const n of footnotes) if (!ctx.noteAnchors.has(n)) ctx.noteAnchors.set(n, options.node);
  if (boxes.length > 0) {
    boxes[boxes.length - 1]!.spaceAfter = style.spaceAfter;
  }
  return { boxes, lines: laid.lines };
}

/**
 * How many footnote numbers each line shows: runs of raised digits (only footnote references are
 * set as superscripts, spans.ts). Undefined when the count is not the paragraph's (two numbers
 * side by side read as one): the paragraph's first line then takes them all.
 */
function refsPerLine(lines: LaidLine[], expected: number): number[] | undefined {
  if (expected === 0) return undefined;
  const counts = lines.map((line) => {
    let runs = 0;
    let inRun = false;
    for (const g of line.glyphs) {
      const raised = g.y > 0 && g.text >= '0' && g.text <= '9' && g.text.length === 1;
      if (raised && !inRun) runs++;
      inRun = raised;
    }
    return runs;
  });
  return counts.reduce((a, b) => a + b, 0) === expected ? counts : undefined;
}

const LIST_ITEM_SPACE = 3;

function paragraphStyle(p: Paragraph, ctx: LayoutContext): BlockStyle {
  const style = p.role === 'body' && ctx.bodyStyle ? ctx.bodyStyle : ROLE_STYLES[p.role];
  return ctx.inList ? { ...style, spaceAfter: Math.min(style.spaceAfter, LIST_ITEM_SPACE) } : style;
}

export function layoutBlocks(blocks: Block[], ctx: LayoutContext): Box[] {
  const out: Box[] = [];
  for (const [at, block] of blocks.entries()) {
    switch (block.type) {
      case 'paragraph': {
        const style = paragraphStyle(block, ctx);
        const align = block.align ?? (block.role === 'body' ? 'justify' : 'start');
        const { boxes } = paragraphBoxes(ctx, inlinesToSpans(block.children, style.text), style, align, footnoteRefs(block.children), {
          keepAll: block.role === 'signature' || block.role === 'title',
          direction: block.direction,
          node: childNode(ctx.struct, 'P'),
        });
        if (boxes[0]) boxes[0].origin = { inlines: block.children, ...(block.place ? { place: block.place } : {}) };
        // A letter's closing formula stays on the page of the signatures that follow it, and
        // takes at least the last line of the text before it along: never signatures alone.
        if (block.role === 'signature' && boxes.length > 0) {
          boxes[boxes.length - 1]!.keepWithNext = true;
          if (out.length > 0) out[out.length - 1]!.keepWithNext = true;
        }
        out.push(...boxes);
        break;
      }
      case 'heading': {
        const style = HEADING_STYLES[block.level];
        const { boxes } = paragraphBoxes(ctx, inlinesToSpans(block.children, style.text), style, 'start', footnoteRefs(block.children), { keepAll: true, node: childNode(ctx.struct, `H${block.level}`) });
        if (boxes.length > 0) {
          boxes[boxes.length - 1]!.keepWithNext = true;
          boxes[0]!.anchor = { level: block.level, title: plainText(block.children), id: block.id };
          boxes[0]!.origin = { inlines: block.children, ...(block.place ? { place: block.place } : {}) };
        }
        out.push(...boxes);
        break;
      }
      case 'list':
        out.push(...(block.contents
          ? layoutContents(block, block.targets ?? contentsTargets(blocks.slice(at + 1)), { ...ctx, struct: childNode(ctx.struct, 'TOC') })
          : layoutList(block, { ...ctx, struct: childNode(ctx.struct, 'L') })));
        break;
      case 'blockquote':
        out.push(...indented(layoutBlocks(block.children, { ...ctx, width: ctx.width - QUOTE_INDENT, struct: childNode(ctx.struct, 'BlockQuote') }), QUOTE_INDENT, ctx, true));
        break;
      case 'table':
        out.push(...layoutTable(block, { ...ctx, struct: childNode(ctx.struct, 'Table') }));
        break;
      case 'code':
        out.push(...layoutCode(block.value, ctx, childNode(ctx.struct, 'P')));
        break;
      case 'image': {
        const maxHeight = 380;
        let width = Math.min(ctx.width, block.width * 0.75);
        let height = (width * block.height) / block.width;
        if (height > maxHeight) { width = (width * maxHeight) / height; height = maxHeight; }
        const image = block;
        // An image without alternative text is decoration (an artifact); folio warns about it (a11y/missing-alt).
        const figure = block.alt.trim() === '' ? undefined : childNode(ctx.struct, 'Figure', { alt: block.alt });
        out.push({
          height, spaceBefore: 6, spaceAfter: 8, keepWithNext: false, footnotes: [],
          draw: (x, top) => {
            const left = ctx.direction === 'rtl' ? x + ctx.width - width : x;
            return tagItems([{ type: 'image', image, x: left + (ctx.width - width) / 2 * (ctx.direction === 'rtl' ? -1 : 1), y: top - height, width, height }], figure);
          },
        });
        break;
      }
      case 'letterhead':
        out.push(layoutLetterhead(block, ctx.width, ctx.direction, ctx.struct));
        break;
      case 'thematicBreak':
        out.push({
          height: 14, spaceBefore: 4, keepWithNext: false, footnotes: [],
          draw: (x, top) => [{ type: 'rule', x1: x + ctx.width * 0.3, y1: top - 7, x2: x + ctx.width * 0.7, y2: top - 7, width: 0.6, color: RULE_GREY }],
        });
        break;
      case 'pageBreak':
        out.push({ height: 0, spaceBefore: 0, keepWithNext: false, footnotes: [], pageBreakBefore: true, draw: () => [] });
        break;
    }
  }
  return out;
}

/** Shifts boxes inward from the start side (left in LTR, right in RTL); optionally with a quote rule. */
function indented(boxes: Box[], indent: number, ctx: LayoutContext, rule: boolean): Box[] {
  const rtl = ctx.direction === 'rtl';
  return boxes.map((box) => ({
    ...box,
    draw: (x: number, top: number) => {
      const items = box.draw(rtl ? x : x + indent, top);
      if (rule) {
        const rx = rtl ? x + ctx.width - 4 : x + 4;
        items.push({ type: 'rule', x1: rx, y1: top + 2, x2: rx, y2: top - box.height + 2, width: 1.6, color: RULE_GREY });
      }
      return items;
    },
  }));
}

function layoutList(list: ListBlock, ctx: LayoutContext): Box[] {
  const out: Box[] = [];
  const inner: LayoutContext = { ...ctx, width: ctx.width - LIST_INDENT, inList: true };
  const rtl = ctx.direction === 'rtl';
  list.items.forEach((item, index) => {
    const li = childNode(ctx.struct, 'LI');
    const label = childNode(li, 'Lbl');
    const boxes = indented(layoutBlocks(item, { ...inner, struct: childNode(li, 'LBody') }), LIST_INDENT, ctx, false);
    if (boxes.length === 0) {
      if (li) ctx.struct!.children.pop();
      return;
    }
    const marker = list.ordered ? `${list.start + index}.` : '•';
    const style = ctx.bodyStyle ?? ROLE_STYLES.body;
    const markerLine = layoutParagraph(ctx.fonts, [{ text: marker, style: style.text }], {
      width: LIST_INDENT - 4, align: 'end', direction: ctx.direction, lang: ctx.lang, lineHeight: style.lineHeight,
    });
    ctx.missing.push(...markerLine.missing);
    const first = boxes[0]!;
    const firstDraw = first.draw;
    boxes[0] = {
      ...first,
      draw: (x, top) => {
        const items = firstDraw(x, top);
        const textLine = items.find((i): i is Extract<DrawItem, { type: 'line' }> => i.type === 'line');
        const line = markerLine.lines[0];
        if (line && textLine) {
          // The marker sits on the first line's baseline, in the indent on the start side.
          const mx = rtl ? x + ctx.width - LIST_INDENT + 4 : x;
          const markerItem: DrawItem = { type: 'line', line, x: mx, y: textLine.y, ...(label ? { tag: label } : {}) };
          items.push(markerItem);
        }
        return items;
      },
    };
    out.push(...boxes);
  });
  // The list as a whole is followed by the space of a paragraph (unless nested in another list).
  const last = out[out.length - 1];
  if (last && !ctx.inList) last.spaceAfter = Math.max(last.spaceAfter ?? 0, (ctx.bodyStyle ?? ROLE_STYLES.body).spaceAfter);
  return out;
}

function layoutCode(value: string, ctx: LayoutContext, node: StructNode | undefined): Box[] {
  const lines = value.replace(/\t/g, '    ').split('\n');
  const boxes: Box[] = [];
  lines.forEach((text, i) => {
    const laid = layoutParagraph(ctx.fonts, [{ text: text === '' ? ' ' : text, style: CODE_STYLE.text }], {
      width: ctx.width - 12, align: 'start', direction: 'ltr', lang: ctx.lang, lineHeight: CODE_STYLE.lineHeight,
    });
    ctx.missing.push(...laid.missing);
    for (const line of laid.lines) {
      const pad = i === 0 ? 4 : 0;
      const padBottom = i === lines.length - 1 ? 4 : 0;
      boxes.push({
        height: line.height + pad + padBottom,
        spaceAfter: padBottom ? CODE_STYLE.spaceAfter : 0,
        spaceBefore: boxes.length === 0 ? CODE_STYLE.spaceBefore : 0,
        keepWithNext: false,
        footnotes: [],
        draw: (x, top) => [
          { type: 'rect', x, y: top - line.height - pad - padBottom, width: ctx.width, height: line.height + pad + padBottom, fill: SHADE },
          ...tagItems(lineItems(line, x + 6, top - pad), node),
        ],
      });
    }
  });
  return boxes;
}

export type { Inline };
