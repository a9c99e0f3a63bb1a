/** Inline content of the document model → styled spans for the text engine. */
import type { Inline } from '../../document/model.js';
import type { StyledSpan, TextStyle } from '../../text/style.js';
import { LINK_BLUE } from './styles.js';

export function inlinesToSpans(inlines: Inline[], base: TextStyle): StyledSpan[] {
  const spans: StyledSpan[] = [];
  const walk = (list: Inline[], style: TextStyle) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          spans.push({ text: node.value, style, place: node.place });
          break;
        case 'emphasis':
          walk(node.children, { ...style, italic: !style.italic });
          break;
        case 'strong':
          walk(node.children, { ...style, bold: true });
          break;
        case 'code':
          spans.push({ text: node.value, style: { ...style, family: 'mono', size: style.size * 0.92 }, place: node.place });
          break;
        case 'link':
          walk(node.children, { ...style, link: node.url, linkTitle: node.title, color: LINK_BLUE });
          break;
        case 'break':
          spans.push({ text: '\n', style });
          break;
        case 'footnoteRef':
          spans.push({ text: String(node.number), style: { ...style, superscript: true, link: undefined } });
          break;
      }
    }
  };
  walk(inlines, base);
  return spans;
}

/** The footnote numbers an inline list references, in order. */
export function footnoteRefs(inlines: Inline[]): number[] {
  const out: number[] = [];
  const walk = (list: Inline[]) => {
    for (const node of list) {
      if (node.type === 'footnoteRef') out.push(node.number);
      else if ('children' in node) walk(node.children);
    }
  };
  walk(inlines);
  return out;
}

export { plainText } from '../../document/contents.js';
