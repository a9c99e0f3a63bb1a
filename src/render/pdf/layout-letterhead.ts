/** The organisers' logos across the top of a letter or a cover (placed by logo-row.ts), over a hairline rule. */
import type { Direction, Letterhead } from '../../document/model.js';
import { placeLogos } from '../../document/logo-row.js';
import type { Box, DrawItem } from './boxes.js';
import { childNode, type StructNode } from './structure.js';
import { RULE_GREY } from './styles.js';

/** From the logos' foot to the rule, and the rule's weight. */
const RULE_DROP = 7;
const RULE_WIDTH = 0.5;
/**
 * A letterhead hangs into the top margin, as a printed letterhead does: its logos start about
 * 10 mm from the top edge (the page's top margin less this), which leaves the letter's text
 * the room it had without one.
 */
const HANG = 18;
const SPACE_AFTER = 12;

/** Each logo is a figure (its alternative text names the organisation); the rule is furniture. */
export function layoutLetterhead(letterhead: Letterhead, width: number, direction: Direction, struct?: StructNode): Box {
  const placed = placeLogos(letterhead, width, direction);
  // In reading order: the first organiser first, wherever the layout puts it.
  const figures = letterhead.logos.map((logo) => childNode(struct, 'Figure', { alt: logo.alt }));
  const height = Math.max(...placed.map((p) => p.height));
  return {
    height: Math.max(0, height + RULE_DROP - HANG),
    spaceBefore: 0,
    spaceAfter: SPACE_AFTER,
    keepWithNext: true,
    footnotes: [],
    draw: (x, box): DrawItem[] => {
      const top = box + HANG;
      return [
        ...placed.map((p, i): DrawItem => {
          const figure = figures[i];
          return { type: 'image', image: p.image, x: x + p.x, y: top - (height + p.height) / 2, width: p.width, height: p.height, ...(figure ? { tag: figure } : {}) };
        }),
        { type: 'rule', x1: x, y1: top - height - RULE_DROP, x2: x + width, y2: top - height - RULE_DROP, width: RULE_WIDTH, color: RULE_GREY },
      ];
    },
  };
}
