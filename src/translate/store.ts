/**
 * The translation store on disk: `translations/<lang>.po` per target language, and the
 * translation memories in `translations/memory/*.tmx`.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parsePo, type PoCatalog } from './formats/po.js';
import { readTmx } from './formats/tmx.js';
import type { MemoryPair } from './update-store.js';
import { contentToMarkdown } from './content-markdown.js';

export function storeFile(lang: string): string {
  return `translations/${lang}.po`;
}

export const MEMORY_DIR = 'translations/memory';

/** Reads a store; a missing file is `undefined` (no translations yet), a broken one diagnostics. */
export async function loadStore(root: string, lang: string): Promise<{ catalog?: PoCatalog; exists: boolean; diagnostics: Diagnostic[] }> {
  const file = storeFile(lang);
  let text: string;
  try {
    text = await readFile(path.join(root, file), 'utf8');
  } catch {
    return { exists: false, diagnostics: [] };
  }
  const parsed = parsePo(text);
  const diagnostics = parsed.problems.map((p) => diagnostic({ file, line: p.line, column: p.column }, 'error', p.rule, p.message));
  return { catalog: parsed.catalog, exists: true, diagnostics };
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

/** Source → target pairs for one language from every TMX file in `translations/memory/`. */
export async function loadMemory(root: string, sourceLang: string, lang: string): Promise<{ pairs: MemoryPair[]; diagnostics: Diagnostic[] }> {
  const dir = path.join(root, MEMORY_DIR);
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.tmx')).sort();
  } catch {
    return { pairs: [], diagnostics: [] };
  }
  const pairs: MemoryPair[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const file = `${MEMORY_DIR}/${name}`;
    const read = readTmx(new Uint8Array(await readFile(path.join(dir, name))));
    for (const p of read.problems) diagnostics.push(diagnostic({ file, line: p.line, column: p.column }, 'error', p.rule, p.message));
    if (!read.memory) continue;
    for (const entry of read.memory.entries) {
      let source: string | undefined;
      let target: string | undefined;
      for (const [variantLang, content] of entry.variants) {
        if (source === undefined && sameLanguage(variantLang, sourceLang)) source = contentToMarkdown(content);
        else if (target === undefined && sameLanguage(variantLang, lang)) target = contentToMarkdown(content);
      }
      const context = entry.props?.find((p) => p.type === 'x-folio-context')?.value;
      if (source && target) pairs.push({ source, target, context, origin: name });
    }
  }
  return { pairs, diagnostics };
}
