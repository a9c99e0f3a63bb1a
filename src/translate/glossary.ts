/**
 * The kit's glossary, `translations/glossary.tbx` (TBX, as Weblate and Pontoon read and write
 * it): the terms a translation should use, and the QA rule `qa/glossary`, a warning when a unit's
 * source has a term and its translation none of the glossary's terms for that language.
 */
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { existsInside } from '../input/confine.js';
import { LIMITS } from '../input/limits.js';
import { readBoundedFile } from '../input/read-text.js';
import type { PoCatalog } from './formats/po.js';
import { readTbx, type TermEntry } from './formats/tbx.js';
import { toContent } from './content-markdown.js';
import { contentText } from './content.js';
import { syntaxOf } from './qa.js';
import { sameLanguage } from './store.js';

export const GLOSSARY_FILE = 'translations/glossary.tbx';

/** The glossary's concepts (none when the kit has no glossary). */
export async function loadGlossary(root: string): Promise<{ entries: TermEntry[]; diagnostics: Diagnostic[] }> {
  const file = path.join(root, GLOSSARY_FILE);
  if (!(await existsInside(file, [root]))) {
    const bytes = await readBoundedFile(file, GLOSSARY_FILE, LIMITS.memoryBytes, 'glossary');
    if ('missing' in bytes) return { entries: [], diagnostics: [] };
    return { entries: [], diagnostics: [diagnostic({ file: GLOSSARY_FILE }, 'error', 'input/outside-kit', `The glossary ${GLOSSARY_FILE} lies outside the project (a symbolic link): copy the file into translations/ instead.`)] };
  }
  const bytes = await readBoundedFile(file, GLOSSARY_FILE, LIMITS.memoryBytes, 'glossary');
  if ('missing' in bytes) return { entries: [], diagnostics: [] };
  if ('diagnostic' in bytes) return { entries: [], diagnostics: [bytes.diagnostic] };
  const read = readTbx(bytes.bytes);
  const diagnostics = read.problems.map((p) => diagnostic({ file: GLOSSARY_FILE, line: p.line, column: p.column }, 'error', p.rule, p.message));
  return { entries: read.entries ?? [], diagnostics };
}

/** Term pairs for one language pair: each concept with terms on both sides. */
export function termPairs(entries: readonly TermEntry[], sourceLang: string, lang: string): { sources: string[]; targets: string[] }[] {
  const of = (entry: TermEntry, tag: string) => [...entry.terms].filter(([t]) => sameLanguage(t, tag)).flatMap(([, terms]) => terms);
  return entries.map((e) => ({ sources: of(e, sourceLang), targets: of(e, lang) })).filter((p) => p.sources.length > 0 && p.targets.length > 0);
}

/** `qa/glossary` warnings for a store's translated units. */
export function checkGlossary(catalog: PoCatalog, pairs: readonly { sources: string[]; targets: string[] }[], file: string): Diagnostic[] {
  if (pairs.length === 0) return [];
  const out: Diagnostic[] = [];
  // Patterns are made when a unit first needs them (compiling one is the costly part).
  const matchers = pairs.map((p) => ({ ...p, source: lazyPatterns(p.sources), target: lazyPatterns(p.targets) }));
  // Terms by their first word: a unit is tried only against the terms its own words can start
  // (a glossary of thousands of concepts costs little per unit).
  const byFirstWord = new Map<string, Set<number>>();
  matchers.forEach((m, i) => {
    for (const term of m.sources) {
      const first = words(term)[0];
      if (first !== undefined) byFirstWord.set(first, (byFirstWord.get(first) ?? new Set()).add(i));
    }
  });
  for (const entry of catalog.entries) {
    const translation = entry.msgstr[0] ?? '';
    if (entry.obsolete || translation === '' || entry.flags.includes('fuzzy')) continue;
    const syntax = syntaxOf(entry);
    const plain = (text: string) => (syntax === 'markdown' ? contentText(toContent(text, 'markdown')) : text);
    const source = plain(entry.msgid);
    const target = plain(translation);
    const candidates = new Set<number>();
    for (const w of words(source)) for (const i of byFirstWord.get(w) ?? []) candidates.add(i);
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const m = matchers[index]!;
      const used = m.sources.find((_, i) => m.source(i).test(source));
      if (used === undefined || m.targets.some((_, i) => m.target(i).test(target))) continue;
      out.push(diagnostic({ file, line: entry.line ?? 1, column: 1 }, 'warning', 'qa/glossary',
        `The source says "${used}"; the glossary (${GLOSSARY_FILE}) translates it ${m.targets.map((t) => `"${t}"`).join(' or ')}, which the translation does not use. Use the glossary's term, or add this translation to the glossary.`));
    }
  }
  return out;
}

/** The whole-word patterns of some terms, each compiled when first asked for. */
function lazyPatterns(terms: readonly string[]): (i: number) => RegExp {
  const made: RegExp[] = [];
  return (i) => (made[i] ??= termPattern(terms[i]!));
}

/** The words of a text, lower-cased (letters and digits of any script). */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A term as a whole-word, case-insensitive pattern (letters of any script). */
export function termPattern(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}
