/**
 * The problem for a well-formed file of another kind than the reader expects, naming what it
 * is when folio can tell, so the user knows which import to use instead.
 */
import type { FormatProblem } from './exchange.js';
import { FORMAT_RULES, formatProblem } from './format-rules.js';
import { attribute, type XmlElement } from './xml-tree.js';

const NAMES = { xliff12: 'XLIFF 1.2', xliff2: 'XLIFF 2', tmx: 'TMX' } as const;

/** Which exchange format a root element belongs to, by name, version and namespace. */
export function formatOfRoot(root: XmlElement): keyof typeof NAMES | undefined {
  if (root.local === 'tmx') return 'tmx';
  if (root.local !== 'xliff') return undefined;
  const version = attribute(root, 'version') ?? '';
  if (/^2\./.test(version) || root.uri.startsWith('urn:oasis:names:tc:xliff:document:2.')) return 'xliff2';
  return 'xliff12';
}

export function wrongFormat(root: XmlElement, expected: string): FormatProblem {
  const actual = formatOfRoot(root);
  const what = actual ? `${actual === 'tmx' ? 'a' : 'an'} ${NAMES[actual]} file` : `an XML file whose root element is <${root.name}>`;
  const instead = actual ? `Import it as ${NAMES[actual]}, or export` : 'Export';
  return formatProblem(root, FORMAT_RULES.wrongFormat, `This is ${what}, not ${expected}. ${instead} ${expected} from the translation tool.`);
}
