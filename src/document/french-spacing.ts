/**
 * French spacing as a language rule: the spaces French typography puts before `; ! ? :` and
 * inside « », applied to a document's own words (templates, sources, translations) whether they
 * were written with ordinary spaces, no-break spaces or none. Data values are never touched:
 * at this stage they are still tokens (literal-values.ts), resolved afterwards.
 *
 * - France and the other French locales (Imprimerie nationale): U+202F NARROW NO-BREAK SPACE
 *   before `; ! ?` and inside « », U+00A0 NO-BREAK SPACE before `:`;
 * - fr-CA (Office québécois de la langue française): no space before `; ! ?`, U+00A0 before `:`
 *   and inside « »;
 * - fr-CH: U+202F before `; ! ? :` and inside « ».
 *
 * A mark is spaced only where it ends a phrase (followed by a space, a closing mark, a line's
 * end), so that `10:30`, `https://…` or `index.php?id=1` stay as written; code and links whose
 * text is an address are left alone.
 */
import type { Nodes, Parent, Root } from 'mdast';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

export interface FrenchSpacing {
  /** Before ; ! ? */
  high: string;
  /** Before : */
  colon: string;
  /** Inside « » */
  quotes: string;
}

/** The rule of a French locale; undefined for any other language. */
export function frenchSpacingFor(locale: string): FrenchSpacing | undefined {
  const tag = locale.toLowerCase();
  if (!/^fr(?:-|$)/.test(tag)) return undefined;
  const region = /^fr(?:-[a-z]{4})?-([a-z]{2}|\d{3})(?:-|$)/.exec(tag)?.[1];
  if (region === 'ca') return { high: '', colon: NBSP, quotes: NBSP };
  if (region === 'ch') return { high: NNBSP, colon: NNBSP, quotes: NNBSP };
  return { high: NNBSP, colon: NBSP, quotes: NNBSP };
}

/** Spaces that may stand before a mark or inside guillemets, replaced by the rule's. */
const SPACES = '[ \\u00a0\\u202f\\u2009]*';
/** What may follow a mark that ends a phrase. */
const AFTER = '(?=$|[\\s\\u00a0\\u202f»)\\]"”’.,;:!?…]|\\uE000)';

/**
 * One text: the rule applied. `afterInline`: the text follows an inline element (`**Objet** : …`),
 * so a mark at its very start ends that element's phrase.
 */
export function applyFrenchSpacing(text: string, rule: FrenchSpacing, afterInline = false): string {
  const start = afterInline
    ? text.replace(new RegExp(`^${SPACES}([;!?])${AFTER}`, 'u'), `${rule.high}$1`).replace(new RegExp(`^${SPACES}(:)${AFTER}`, 'u'), `${rule.colon}$1`)
    : text;
  return start
    // Before ; ! ? — after a word, a number, a closing mark or a value (not after another ! ?).
    .replace(new RegExp(`([^\\s\\u00a0\\u202f!?;:])${SPACES}([;!?])${AFTER}`, 'gu'), `$1${rule.high}$2`)
    .replace(new RegExp(`([^\\s\\u00a0\\u202f!?;:])${SPACES}(:)${AFTER}`, 'gu'), `$1${rule.colon}$2`)
    .replace(new RegExp(`«${SPACES}`, 'gu'), `«${rule.quotes}`)
    .replace(new RegExp(`${SPACES}»`, 'gu'), `${rule.quotes}»`);
}

const ADDRESS = /:\/\/|^www\.|@/u;

/** Every text node of the tree, in place; code, HTML and links that show an address are left as they are. */
export function frenchSpacingInTree(tree: Root, rule: FrenchSpacing): void {
  const walk = (node: Nodes, afterInline: boolean) => {
    if (node.type === 'text') { node.value = applyFrenchSpacing(node.value, rule, afterInline); return; }
    if (node.type === 'link' && node.children.every((c) => c.type === 'text' && ADDRESS.test(c.value))) return;
    if (!('children' in node)) return;
    (node as Parent).children.forEach((child, i, all) => {
      const previous = all[i - 1];
      walk(child as Nodes, previous !== undefined && previous.type !== 'break' && previous.type !== 'text');
    });
  };
  walk(tree, false);
}
