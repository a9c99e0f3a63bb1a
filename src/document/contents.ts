/** Tables of contents in the document model: what a contents list's entries stand for. */
import type { Block, Inline, ListBlock } from './model.js';

/** The ids of the level-1 headings among `blocks`, in order: the targets of a contents list before them. */
export function contentsTargets(blocks: readonly Block[]): string[] {
  return blocks.filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading' && b.level === 1).map((b) => b.id);
}

/** The text of each entry of a contents list: its item's paragraphs, after "N. " in an ordered list. */
export function contentsEntries(list: ListBlock, formatNumber: (n: number) => string): Inline[][] {
  return list.items.map((item, index) => {
    const text = item.flatMap((b) => (b.type === 'paragraph' ? b.children : []));
    return list.ordered ? [{ type: 'text', value: `${formatNumber(list.start + index)}. ` }, ...text] : text;
  });
}

/** Plain text of inlines (bookmark titles, alt text, contents entries). */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((n) => (n.type === 'text' || n.type === 'code' ? n.value : n.type === 'break' ? ' ' : 'children' in n ? plainText(n.children) : ''))
    .join('');
}
