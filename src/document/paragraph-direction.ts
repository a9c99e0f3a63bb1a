/**
 * Paragraph direction: from the document's language, except for quotations, whose direction
 * comes from their first strong character (UAX #9 rules P2–P3), so that an English quotation
 * in an Arabic brief stays left to right and an Arabic one in an English brief right to left.
 */
import type { Block, Direction, Inline } from './model.js';

const RTL_STRONG = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const LTR_STRONG = /[\p{L}]/u;

/** The direction of the first strong character of a text, if any (P2, ignoring isolates). */
export function firstStrongDirection(text: string): Direction | undefined {
  for (const ch of text) {
    if (RTL_STRONG.test(ch) && /\p{L}/u.test(ch)) return 'rtl';
    if (LTR_STRONG.test(ch)) return 'ltr';
  }
  return undefined;
}

function inlineText(list: Inline[]): string {
  return list.map((n) => (n.type === 'text' || n.type === 'code' ? n.value : 'children' in n ? inlineText(n.children) : ' ')).join('');
}

/** Sets `direction` on paragraphs inside block quotes whose script runs the other way. */
export function markQuotationDirections(blocks: Block[], documentDirection: Direction, inQuote = false): void {
  for (const block of blocks) {
    if (block.type === 'paragraph' && inQuote) {
      const found = firstStrongDirection(inlineText(block.children));
      if (found && found !== documentDirection) block.direction = found;
    } else if (block.type === 'blockquote') {
      markQuotationDirections(block.children, documentDirection, true);
    } else if (block.type === 'list') {
      for (const item of block.items) markQuotationDirections(item, documentDirection, inQuote);
    }
  }
}
