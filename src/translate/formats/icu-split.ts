/**
 * An ICU message with one plural (or select) as parts a translator edits one by one: the text
 * before it, one branch per category, the text after it, and the syntax between them, which is
 * not to be translated. XLIFF 2 carries the parts as `<segment>`s and the syntax as
 * `<ignorable>`s, so a CAT tool shows "one sponsored place" and "# sponsored places" as two
 * sentences instead of one line of braces.
 *
 * A plural is given the categories the target language needs (CLDR: French adds `many`, Arabic
 * has six), each new one starting from the source's `other`: the source so written is the same
 * message for that language (English never selects `many`), and reading a file back accepts it
 * as the store's source (`expandedSource`).
 */
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { Content } from '../content.js';
import { contentText, normaliseContent } from '../content.js';

export interface IcuBranch {
  key: string;
  /** From the opening brace of the branch's text to its closing brace, exclusive. */
  content: Content;
}

export interface IcuSplit {
  before: Content;
  /** `{seats, plural, ` (or `…, plural, offset:1 `): up to the first key. */
  head: string;
  kind: 'plural' | 'selectordinal' | 'select';
  branches: IcuBranch[];
  after: Content;
}

const PLURAL_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

/**
 * The message's one top-level plural, selectordinal or select, when it has exactly one (two
 * side by side would multiply each other's branches: those stay whole) and it parses.
 */
export function splitIcu(content: Content): IcuSplit | undefined {
  // Flatten to characters and codes: codes ({country}) are atomic, braces live in the text.
  const items: (string | Content[number])[] = [];
  for (const part of content) {
    if (typeof part === 'string') items.push(...part);
    else items.push(part);
  }
  const isChar = (i: number, ch: string) => items[i] === ch;
  // Top-level complex arguments: [start, end) over items.
  const found: { start: number; end: number }[] = [];
  let depth = 0;
  let quoted = false;
  let start = -1;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (typeof it !== 'string') continue;
    if (it === "'") {
      if (isChar(i + 1, "'")) { i++; continue; }
      if (quoted) { quoted = false; continue; }
      if (isChar(i + 1, '{') || isChar(i + 1, '}') || isChar(i + 1, '#')) { quoted = true; continue; }
      continue;
    }
    if (quoted) continue;
    if (it === '{') { if (depth === 0) start = i; depth++; }
    else if (it === '}') {
      depth--;
      if (depth < 0) return undefined;
      if (depth === 0) found.push({ start, end: i + 1 });
    }
  }
  if (depth !== 0 || quoted || found.length !== 1) return undefined;
  const { start: s, end: e } = found[0]!;
  // The head: `{name, kind,` then options.
  let i = s + 1;
  const textUntil = (stop: (ch: string) => boolean): string => {
    let out = '';
    while (i < e && typeof items[i] === 'string' && !stop(items[i] as string)) out += items[i++];
    return out;
  };
  const name = textUntil((ch) => ch === ',' || ch === '}');
  if (!isChar(i, ',') || !/^\s*[\p{L}_][\p{L}\p{N}_]*\s*$/u.test(name)) return undefined;
  i++;
  const kindText = textUntil((ch) => ch === ',' || ch === '}');
  const kind = kindText.trim();
  if (!isChar(i, ',') || (kind !== 'plural' && kind !== 'select' && kind !== 'selectordinal')) return undefined;
  i++;
  let headEnd = i;
  const branches: IcuBranch[] = [];
  for (;;) {
    const spaceAndKey = textUntil((ch) => ch === '{' || ch === '}');
    if (!isChar(i, '{')) {
      if (spaceAndKey.trim() !== '' || i !== e - 1) return undefined;
      break;
    }
    let key = spaceAndKey.trim();
    // `offset:1` sits before the first key and belongs to the head.
    const offset = /^(offset:\s*\d+)\s+(\S+)$/.exec(key);
    if (offset && branches.length === 0 && kind !== 'select') key = offset[2]!;
    if (!/^(=\d+|[\p{L}_][\p{L}\p{N}_-]*)$/u.test(key)) return undefined;
    if (branches.length === 0) headEnd = i - spaceAndKey.length + spaceAndKey.lastIndexOf(key);
    // The branch: to its matching brace (quotes and nested braces inside are the branch's own).
    const open = i++;
    let level = 1;
    let q = false;
    for (; i < e && level > 0; i++) {
      const it = items[i];
      if (typeof it !== 'string') continue;
      if (it === "'") {
        if (isChar(i + 1, "'")) { i++; continue; }
        if (q) q = false;
        else if (isChar(i + 1, '{') || isChar(i + 1, '}') || isChar(i + 1, '#')) q = true;
        continue;
      }
      if (q) continue;
      if (it === '{') level++;
      else if (it === '}') level--;
    }
    if (level !== 0) return undefined;
    branches.push({ key, content: toContentParts(items.slice(open + 1, i - 1)) });
  }
  if (branches.length === 0 || !branches.some((b) => b.key === 'other')) return undefined;
  if (new Set(branches.map((b) => b.key)).size !== branches.length) return undefined;
  // The ICU parser (as QA reads messages) must see the same one argument with the same options:
  // where their quoting rules differ ('# outside a plural, '<), the message is left whole.
  if (!sameAsParser(content, kind, branches.map((b) => b.key))) return undefined;
  const head = items.slice(s, headEnd);
  if (head.some((h) => typeof h !== 'string')) return undefined;
  return {
    before: toContentParts(items.slice(0, s)),
    head: (head as string[]).join(''),
    kind,
    branches,
    after: toContentParts(items.slice(e)),
  };
}

function toContentParts(items: readonly (string | Content[number])[]): Content {
  return normaliseContent([...items]);
}

/** The categories a target language's plural needs, in CLDR order (none for select). */
export function languageCategories(lang: string, kind: IcuSplit['kind']): string[] {
  if (kind === 'select') return [];
  try {
    const categories = new Intl.PluralRules(lang, { type: kind === 'selectordinal' ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories;
    return PLURAL_ORDER.filter((c) => categories.includes(c as Intl.LDMLPluralRule));
  } catch {
    return [];
  }
}

/**
 * The source's branches with those the language needs and the source lacks (a copy of its
 * `other`), in order: exact values (`=0`) first as written, then CLDR order, then other keys.
 */
export function expandBranches(split: IcuSplit, lang: string): IcuBranch[] {
  const own = new Map(split.branches.map((b) => [b.key, b.content]));
  const other = own.get('other')!;
  const keys = [...split.branches.map((b) => b.key).filter((k) => k.startsWith('='))];
  const cldr = split.kind === 'select' ? [] : PLURAL_ORDER.filter((c) => own.has(c) || languageCategories(lang, split.kind).includes(c));
  for (const k of cldr) if (k !== 'other') keys.push(k);
  for (const b of split.branches) if (!keys.includes(b.key) && b.key !== 'other') keys.push(b.key);
  keys.push('other');
  return keys.map((key) => ({ key, content: own.get(key) ?? other }));
}

/** The message written back from its parts (what a file's segments and ignorables join to). */
export function joinIcu(split: Pick<IcuSplit, 'before' | 'head' | 'after'>, branches: readonly IcuBranch[]): Content {
  const out: Content = [...split.before, split.head];
  branches.forEach((b, i) => out.push(`${i > 0 ? ' ' : ''}${b.key} {`, ...b.content, '}'));
  out.push('}', ...split.after);
  return normaliseContent(out);
}

/** The source as a split file writes it for `lang`, when it is split; else undefined. */
export function expandedSource(source: Content, lang: string): Content | undefined {
  const split = splitIcu(source);
  return split ? joinIcu(split, expandBranches(split, lang)) : undefined;
}

/** Whether two contents have the same text (codes aside), for tests and comparisons. */
export function sameText(a: Content, b: Content): boolean {
  return contentText(a) === contentText(b);
}

/** Whether formatjs reads the message as one top-level plural/select with exactly these keys. */
function sameAsParser(content: Content, kind: IcuSplit['kind'], keys: readonly string[]): boolean {
  const text = content.map((p) => (typeof p === 'string' ? p : p.data)).join('');
  try {
    const complex = parse(text, { ignoreTag: true }).filter((e) => e.type === TYPE.plural || e.type === TYPE.select);
    if (complex.length !== 1) return false;
    const element = complex[0]!;
    const parsedKind = element.type === TYPE.select ? 'select' : element.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
    return parsedKind === kind && Object.keys(element.options).join('\u0000') === keys.join('\u0000');
  } catch {
    return false;
  }
}
