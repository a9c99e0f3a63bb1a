/**
 * The units of a language's store as a reviewer sees them: source beside translation, state,
 * the source the fuzzy translation was made for, QA findings, glossary terms, and where the unit
 * is printed.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PoCatalog, PoEntry } from '../translate/formats/po.js';
import { stateOf } from '../translate/status.js';
import { syntaxOf } from '../translate/qa.js';
import { toContent } from '../translate/content-markdown.js';
import { contentText } from '../translate/content.js';
import { termPattern } from '../translate/glossary.js';
import { findPrinted, type PrintedAt, type PrintIndex } from './print-index.js';

export type ReviewState = 'translated' | 'fuzzy' | 'untranslated';

export interface ReviewUnit {
  /** The unit's anchor on the page (`u-` and its position in the store). */
  id: string;
  context?: string;
  source: string;
  sourcePlural?: string;
  /** The translation; a plural message has one per plural form. */
  targets: string[];
  state: ReviewState;
  /** For a fuzzy unit, the source its translation was made for (the store's `#|` line). */
  previousSource?: string;
  references: string[];
  /** The group it is shown in: the file of its first reference. */
  document: string;
  findings: Pick<Diagnostic, 'severity' | 'rule' | 'message'>[];
  /** Glossary terms of the source, with the translations the glossary gives. */
  terms: { source: string; targets: string[] }[];
  printed?: PrintedAt;
}

export type TermPairs = readonly { sources: string[]; targets: string[] }[];

export function reviewUnits(catalog: PoCatalog, options: { file: string; diagnostics: readonly Diagnostic[]; pairs: TermPairs; index: PrintIndex }): ReviewUnit[] {
  // Findings on the store are placed at their entry's first line.
  const findings = new Map<number, Diagnostic[]>();
  for (const d of options.diagnostics) {
    if (d.file !== options.file || d.line === undefined) continue;
    findings.set(d.line, [...(findings.get(d.line) ?? []), d]);
  }
  const units: ReviewUnit[] = [];
  catalog.entries.forEach((entry, position) => {
    if (entry.obsolete) return;
    const state = stateOf(entry);
    const references = entry.references;
    const unit: ReviewUnit = {
      id: `u-${position + 1}`,
      ...(entry.msgctxt !== undefined ? { context: entry.msgctxt } : {}),
      source: entry.msgid,
      ...(entry.msgidPlural !== undefined ? { sourcePlural: entry.msgidPlural } : {}),
      targets: entry.msgstr,
      state,
      ...(state === 'fuzzy' && entry.previous?.msgid !== undefined ? { previousSource: entry.previous.msgid } : {}),
      references,
      document: documentOf(references[0]),
      findings: (entry.line !== undefined ? findings.get(entry.line) ?? [] : []).map((d) => ({ severity: d.severity, rule: d.rule, message: d.message })),
      terms: termsOf(entry.msgid, options.pairs),
    };
    const printed = printedAt(entry, state, options.index);
    if (printed) unit.printed = printed;
    units.push(unit);
  });
  return units;
}

/** The file of a reference (`sources/x.md:12` → `sources/x.md`); units without one are "other". */
function documentOf(reference: string | undefined): string {
  return reference === undefined ? '(no reference)' : reference.replace(/:\d+$/, '');
}

/** The glossary's terms the source uses. */
function termsOf(source: string, pairs: TermPairs): ReviewUnit['terms'] {
  const out: ReviewUnit['terms'] = [];
  for (const pair of pairs) {
    const used = pair.sources.find((term) => termPattern(term).test(source));
    if (used !== undefined) out.push({ source: used, targets: pair.targets });
  }
  return out;
}

/**
 * Where the unit is printed: a Markdown unit at its source line (the same paragraph, whether its
 * translation or, untranslated, its source is printed); any other by its printed text.
 */
function printedAt(entry: PoEntry, state: ReviewState, index: PrintIndex): PrintedAt | undefined {
  const syntax = syntaxOf(entry);
  if (syntax === 'markdown') {
    for (const reference of entry.references) {
      const found = index.byPlace.get(reference);
      if (found) return found;
    }
  }
  const printedText = state === 'translated' ? entry.msgstr[0]! : entry.msgid;
  const file = entry.references[0] === undefined ? undefined : documentOf(entry.references[0]);
  return findPrinted(index, literalPieces(printedText, syntax), file) ?? (printedText === entry.msgid ? undefined : findPrinted(index, literalPieces(entry.msgid, syntax), file));
}

/** The text of a unit as it prints, in the pieces that print literally. */
export function literalPieces(text: string, syntax: ReturnType<typeof syntaxOf>): string[] {
  if (syntax === 'markdown') return [contentText(toContent(text, 'markdown'))];
  if (syntax === 'plain') return [text];
  // An ICU message: the text outside its arguments ({name}, {n, plural, …}); '' quotes a brace.
  const pieces: string[] = [];
  let depth = 0;
  let piece = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" && (text[i + 1] === '{' || text[i + 1] === '}')) {
      const end = text.indexOf("'", i + 1);
      if (depth === 0) piece += text.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? text.length : end;
    } else if (ch === '{') {
      if (depth === 0) { pieces.push(piece); piece = ''; }
      depth++;
    } else if (ch === '}') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0) piece += ch;
  }
  pieces.push(piece);
  // A template's message may hold Markdown emphasis and escapes, which do not print.
  return pieces.map((p) => p.replace(/\\(.)/g, '$1').replace(/\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')).filter((p) => p.trim() !== '');
}
