/**
 * The translation store on disk: `translations/<lang>.po` per target language, and the
 * translation memories in `translations/memory/*.tmx`.
 */
import { readdir, realpath } from 'node:fs/promises';
import { existsInside, FOLIO_HOME } from '../input/confine.js';
import { readBoundedFile, decodeText } from '../input/read-text.js';
import { LIMITS } from '../input/limits.js';
import { describeBidiProblem, findBidiControlProblems } from '../input/bidi-controls.js';
import { checkMarkdownLimits } from '../sources/markdown-limits.js';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parsePo, type PoCatalog } from './formats/po.js';
import { readTmx } from './formats/tmx.js';
import type { MemoryPair } from './update-store.js';
import { contentToMarkdown, foreignSegmentToMarkdown, fromContent } from './content-markdown.js';
import type { Content } from './content.js';
import { syntaxOf } from './qa.js';

export function storeFile(lang: string): string {
  return `translations/${lang}.po`;
}

export const MEMORY_DIR = 'translations/memory';

/** Reads a store; a missing file is `undefined` (no translations yet), a broken one diagnostics. */
export async function loadStore(root: string, lang: string): Promise<{ catalog?: PoCatalog; exists: boolean; diagnostics: Diagnostic[] }> {
  const file = storeFile(lang);
  const full = path.join(root, file);
  if (!(await existsInside(full, [root])) && (await realpath(full).catch(() => undefined)) !== undefined) {
    return { exists: true, diagnostics: [diagnostic({ file }, 'error', 'input/outside-kit', `The translation store ${file} is a symbolic link to a file outside the project: folio reads only the kit's own files. Copy the file into translations/ instead.`)] };
  }
  const read = await readBoundedFile(full, file, LIMITS.storeBytes, 'translation store');
  if ('missing' in read) return { exists: false, diagnostics: [] };
  if ('diagnostic' in read) return { exists: true, diagnostics: [read.diagnostic] };
  return { ...readPoBytes(read.bytes, file), exists: true };
}

/**
 * A PO file's bytes → catalog: decoded in the charset its header declares (UTF-8 when it
 * declares none, UTF-16 with a byte-order mark), strictly, so a store saved in the wrong
 * encoding is refused with the place of the first bad byte instead of being read as U+FFFD.
 * Translations are checked for bidirectional controls (a warning: they are prose) and for the
 * Markdown limits every source obeys.
 */
export function readPoBytes(bytes: Uint8Array, file: string): { catalog?: PoCatalog; diagnostics: Diagnostic[] } {
  const decoded = decodeText(bytes, file, declaredCharset(bytes));
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  const parsed = parsePo(decoded.text);
  const diagnostics = parsed.problems.map((p) => diagnostic({ file, line: p.line, column: p.column }, 'error', p.rule, p.message));
  for (const entry of parsed.catalog?.entries ?? []) {
    if (entry.obsolete) continue;
    const line = entry.line ?? 1;
    for (const text of entry.msgstr) {
      const bidi = findBidiControlProblems(text);
      if (bidi.length > 0) diagnostics.push(diagnostic({ file, line, column: 1 }, 'warning', 'translate/bidi-control', `This translation: ${describeBidiProblem(bidi[0]!)}.`));
      for (const d of checkMarkdownLimits(text, file)) diagnostics.push({ ...d, line, column: 1 });
    }
  }
  return { catalog: parsed.catalog, diagnostics };
}

/** The `charset=` of a PO header, read from the raw bytes (it says how to decode the rest). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
  return /Content-Type:[^"\n]*charset=([A-Za-z0-9_.:-]+)/i.exec(head)?.[1];
}

/** The languages that have a store. */
export async function storeLanguages(root: string): Promise<string[]> {
  try {
    return (await readdir(path.join(root, 'translations'))).filter((n) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*\.po$/.test(n)).map((n) => n.slice(0, -3)).sort();
  } catch {
    return [];
  }
}

/** Language tags match when their primary subtags are equal (`fr`, `fr-FR`, `FR-CA`). */
export function sameLanguage(a: string, b: string): boolean {
  return a.split(/[-_]/)[0]!.toLowerCase() === b.split(/[-_]/)[0]!.toLowerCase();
}

/** folio's own memory: the translations of its built-in templates' messages (defaults/memory/). */
export const BUILT_IN_MEMORY = path.join(FOLIO_HOME, 'defaults', 'memory');

/**
 * Source → target pairs for one language from every TMX file in `translations/memory/`, then
 * from folio's built-in memory (so that a new kit's stores start with the built-in templates'
 * messages translated where folio has them). The kit's own pairs come first, and win.
 */
export async function loadMemory(root: string, sourceLang: string, lang: string, builtIn: string = BUILT_IN_MEMORY): Promise<{ pairs: MemoryPair[]; diagnostics: Diagnostic[] }> {
  const pairs: MemoryPair[] = [];
  const diagnostics: Diagnostic[] = [];
  const dir = path.join(root, MEMORY_DIR);
  for (const name of await tmxFiles(dir)) {
    const file = `${MEMORY_DIR}/${name}`;
    if (!(await existsInside(path.join(dir, name), [root]))) {
      diagnostics.push(diagnostic({ file }, 'error', 'input/outside-kit', `The translation memory ${file} lies outside the project (a symbolic link): copy the file into ${MEMORY_DIR}/ instead.`));
      continue;
    }
    const bytes = await readBoundedFile(path.join(dir, name), file, LIMITS.memoryBytes, 'translation memory');
    if ('diagnostic' in bytes) { diagnostics.push(bytes.diagnostic); continue; }
    if ('missing' in bytes) continue;
    readPairs(bytes.bytes, file, name, sourceLang, lang, pairs, diagnostics);
  }
  // folio's own files: part of its installation, read as they are.
  for (const name of await tmxFiles(builtIn)) {
    const file = `folio:memory/${name}`;
    const bytes = await readBoundedFile(path.join(builtIn, name), file, LIMITS.memoryBytes, 'translation memory');
    // folio's memory translates its built-in templates, written in English, whatever the kit's source language.
    if ('bytes' in bytes) readPairs(bytes.bytes, file, file, FOLIO_SOURCE_LANG, lang, pairs, diagnostics);
  }
  return { pairs, diagnostics };
}

/** The language folio's own texts (built-in templates, form and layout messages) are written in. */
export const FOLIO_SOURCE_LANG = 'en';

/**
 * folio's own texts in a kit's source language when that is not English: the pairs English →
 * `lang` of the kit's memories (translations/memory/*.tmx, units whose source is English), then of
 * folio's. The build prints the source-language documents of built-in templates with them.
 */
export function loadFolioWording(root: string, lang: string, builtIn: string = BUILT_IN_MEMORY): Promise<{ pairs: MemoryPair[]; diagnostics: Diagnostic[] }> {
  return loadMemory(root, FOLIO_SOURCE_LANG, lang, builtIn);
}

async function tmxFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.tmx')).sort();
  } catch {
    return [];
  }
}

/** The source → target pairs of one TMX file; its problems reported at `file`. */
function readPairs(bytes: Uint8Array, file: string, origin: string, sourceLang: string, lang: string, pairs: MemoryPair[], diagnostics: Diagnostic[]): void {
  const read = readTmx(bytes);
  for (const p of read.problems) diagnostics.push(diagnostic({ file, line: p.line, column: p.column }, 'error', p.rule, p.message));
  if (!read.memory) return;
  for (const entry of read.memory.entries) {
    const context = entry.props?.find((p) => p.type === 'x-folio-context')?.value;
    // A unit folio wrote says its context, hence its syntax: an ICU message keeps its
    // placeholders' codes as they are; anything else is read as Markdown. Another tool's
    // segment is Markdown as written (foreignSegmentToMarkdown).
    const syntax = context === undefined ? 'markdown' : syntaxOf({ msgctxt: context, flags: [] });
    const text = (content: Content) =>
      context === undefined ? foreignSegmentToMarkdown(content) : syntax === 'markdown' ? contentToMarkdown(content) : fromContent(content, syntax);
    let source: string | undefined;
    let target: string | undefined;
    for (const [variantLang, content] of entry.variants) {
      if (source === undefined && sameLanguage(variantLang, sourceLang)) source = text(content);
      else if (target === undefined && sameLanguage(variantLang, lang)) target = text(content);
    }
    if (source && target) pairs.push({ source, target, context, origin });
  }
}
