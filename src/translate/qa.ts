/**
 * Quality gates on a translation store: every translated unit is checked against its source
 * before anything is printed. Errors stop the build; warnings are reported.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PoCatalog, PoEntry } from './formats/po.js';
import type { Segment } from '../segments/segment.js';
import { toContent } from './content-markdown.js';
import { contentText, type Content } from './content.js';
import { markdownToPhrasing } from '../segments/inline-markdown.js';

export function syntaxOf(entry: Pick<PoEntry, 'msgctxt' | 'flags'>): Segment['syntax'] {
  const ctx = entry.msgctxt ?? '';
  if (entry.flags.includes('icu-format') || ctx.startsWith('template:') || ctx === 'layout') return 'icu';
  if (ctx === 'config') return 'plain';
  return 'markdown';
}

const LONG_SOURCE = 40;

export function checkStore(catalog: PoCatalog, lang: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of catalog.entries) {
    if (entry.obsolete) continue;
    const target = entry.msgstr[0] ?? '';
    if (target === '') continue;
    const at = { file, line: entry.line ?? 1, column: 1 };
    const report = (severity: 'error' | 'warning', rule: string, message: string) =>
      out.push(diagnostic(at, severity, rule, `${message} (msgid "${preview(entry.msgid)}")`));
    const syntax = syntaxOf(entry);

    if (leading(entry.msgid) !== leading(target) || trailing(entry.msgid) !== trailing(target)) {
      report('warning', 'qa/whitespace', 'Leading or trailing white space differs from the source: keep it as in the source.');
    }
    // Names in the configuration (venues, ministries already in the target language) may rightly stay as they are.
    if (syntax !== 'plain' && target === entry.msgid && entry.msgid.length >= LONG_SOURCE && /\p{L}{3}/u.test(entry.msgid)) {
      report('warning', 'qa/identical', 'The translation is identical to a long source text: is it translated?');
    }
    if (syntax === 'icu') {
      out.push(...checkIcu(entry, target, lang, at));
    } else if (syntax === 'markdown') {
      const labels = [...entry.msgid.matchAll(/\[\^([^\]]+)\]/g)].map((m) => m[1]!);
      if (!markdownToPhrasing(target, labels)) {
        report('error', 'qa/markdown', 'The translation does not read as one paragraph of text (it starts like a heading or list, or has a blank line): keep it to running text.');
        continue;
      }
      const problem = compareCodes(toContent(entry.msgid, 'markdown', labels), toContent(target, 'markdown', labels));
      if (problem) report('error', 'qa/inline-codes', problem);
    }
    const sourceNumbers = numbers(syntax === 'markdown' ? contentText(toContent(entry.msgid, 'markdown')) : entry.msgid);
    const targetNumbers = numbers(syntax === 'markdown' ? contentText(toContent(target, 'markdown')) : target);
    if (sourceNumbers.join(' ') !== targetNumbers.join(' ')) {
      report('warning', 'qa/numbers', `Numbers differ: the source has ${sourceNumbers.join(', ') || 'none'}, the translation ${targetNumbers.join(', ') || 'none'}.`);
    }
  }
  return out;
}

function checkIcu(entry: PoEntry, target: string, lang: string, at: { file: string; line: number; column: number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  let source: MessageFormatElement[];
  let translated: MessageFormatElement[];
  try {
    source = parse(entry.msgid, { ignoreTag: true });
  } catch {
    return out; // The template's own message is checked when the template runs.
  }
  try {
    translated = parse(target, { ignoreTag: true });
  } catch (error) {
    out.push(diagnostic(at, 'error', 'qa/icu-syntax', `The translation is not valid ICU MessageFormat (${error instanceof Error ? error.message : String(error)}): check the braces and the plural/select syntax (msgid "${preview(entry.msgid)}").`));
    return out;
  }
  const a = argumentNames(source);
  const b = argumentNames(translated);
  const missing = [...a].filter((n) => !b.has(n));
  const added = [...b].filter((n) => !a.has(n));
  if (missing.length || added.length) {
    out.push(diagnostic(at, 'error', 'qa/placeholders',
      `${missing.length ? `Missing placeholder${missing.length > 1 ? 's' : ''} ${missing.map((n) => `{${n}}`).join(', ')}` : ''}${missing.length && added.length ? '; ' : ''}${added.length ? `unknown placeholder${added.length > 1 ? 's' : ''} ${added.map((n) => `{${n}}`).join(', ')}` : ''}: use exactly the placeholders of the source (msgid "${preview(entry.msgid)}").`));
  }
  const order = ['zero', 'one', 'two', 'few', 'many', 'other'];
  const required = pluralCategories(lang, order);
  for (const plural of plurals(translated)) {
    const have = new Set(Object.keys(plural.options));
    const lacking = required.filter((c) => !have.has(c));
    if (lacking.length) {
      out.push(diagnostic(at, 'error', 'qa/plural-categories',
        `The plural of {${plural.value}} lacks the ${lang} categories ${lacking.join(', ')} (${lang} needs ${required.join(', ')}) (msgid "${preview(entry.msgid)}").`));
    }
  }
  const sourceCodes = (entry.msgid.match(/\*\*|\*/g) ?? []).length;
  const targetCodes = (target.match(/\*\*|\*/g) ?? []).length;
  if (sourceCodes > 0 && targetCodes === 0) {
    out.push(diagnostic(at, 'warning', 'qa/inline-codes', `The source has emphasis (**…**) that the translation dropped (msgid "${preview(entry.msgid)}").`));
  }
  return out;
}

const categories = new Map<string, string[]>();
/** The plural categories a language needs (CLDR), in the usual order; built once per language. */
function pluralCategories(lang: string, order: string[]): string[] {
  let list = categories.get(lang);
  if (!list) {
    list = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort((x, y) => order.indexOf(x) - order.indexOf(y));
    categories.set(lang, list);
  }
  return list;
}

function argumentNames(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) names.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      names.add(el.value);
      for (const option of Object.values(el.options)) argumentNames(option.value, names);
    }
  }
  return names;
}

function plurals(elements: MessageFormatElement[], out: { value: string; options: Record<string, unknown> }[] = []) {
  for (const el of elements) {
    if (el.type === TYPE.plural && el.pluralType !== 'ordinal') out.push({ value: el.value, options: el.options });
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) plurals(option.value, out);
  }
  return out;
}

/** Compares the inline codes of source and translation: same markup, same links, same code, same footnotes. */
export function compareCodes(source: Content, target: Content): string | undefined {
  const describe = (content: Content) =>
    content.filter((p) => typeof p !== 'string').map((p) => (typeof p === 'string' ? '' : p.kind === 'open' ? `${p.data}…` : p.kind === 'close' ? `…${p.data}` : p.data)).sort();
  const a = describe(source);
  const b = describe(target);
  const missing = diff(a, b);
  const added = diff(b, a);
  if (!missing.length && !added.length) return undefined;
  return `Inline markup differs from the source:${missing.length ? ` missing ${missing.join(' ')}` : ''}${added.length ? ` added ${added.join(' ')}` : ''}. Keep the same emphasis, links, inline code and footnote marks.`;
}

function diff(a: string[], b: string[]): string[] {
  const rest = [...b];
  const out: string[] = [];
  for (const x of a) {
    const i = rest.indexOf(x);
    if (i >= 0) rest.splice(i, 1);
    else out.push(x);
  }
  return out;
}

/** Digit sequences, Arabic-Indic digits read as Latin ones, in sorted order. */
function numbers(text: string): string[] {
  const latin = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  return (latin.match(/\d+/g) ?? []).map((n) => String(Number(n))).sort();
}

function leading(text: string): string {
  return /^\s*/.exec(text)![0];
}
function trailing(text: string): string {
  return /\s*$/.exec(text)![0];
}
function preview(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47)}…` : text;
}
