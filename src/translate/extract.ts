/**
 * `folio extract`: updates every translation store from the sources, templates and configuration.
 */
import { documentDate } from '../build/document-date.js';
import path from 'node:path';
import { ContentError, hasErrors, sortDiagnostics, UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadKit } from '../build/load-kit.js';
import { writeAtomically } from '../build/write-outputs.js';
import { collectSegments } from './collect-segments.js';
import { writePo } from './formats/po.js';
import { loadMemory, loadStore, storeFile } from './store.js';
import { updateStore, type UpdateSummary } from './update-store.js';

export interface ExtractOptions {
  root: string;
  langs?: string[];
  threshold?: number;
}

export interface ExtractResult {
  languages: { lang: string; file: string; created: boolean; changed: boolean; units: number; summary: UpdateSummary }[];
  diagnostics: Diagnostic[];
}

export async function extractTranslations(options: ExtractOptions): Promise<ExtractResult> {
  const loaded = await loadKit(options.root);
  if (!loaded.kit) throw new ContentError(sortDiagnostics(loaded.diagnostics));
  const { config } = loaded.kit;
  const [sourceLang, ...targets] = config.event.languages;
  const langs = options.langs ?? targets;
  for (const lang of langs) {
    if (!targets.includes(lang)) {
      throw new UsageError(`--lang ${lang}: translations are kept for ${targets.join(', ') || 'no language'} (event.languages after the source language ${sourceLang}).`);
    }
  }
  const threshold = options.threshold ?? 75;
  const segments = collectSegments(loaded.kit);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const files: { path: string; bytes: Uint8Array }[] = [];
  const languages: ExtractResult['languages'] = [];
  for (const lang of langs) {
    const store = await loadStore(options.root, lang);
    const memory = await loadMemory(options.root, sourceLang!, lang);
    diagnostics.push(...store.diagnostics, ...memory.diagnostics);
    if (hasErrors(store.diagnostics) || hasErrors(memory.diagnostics)) continue;
    const { catalog, summary } = updateStore(store.catalog, segments, memory.pairs, { lang, threshold, revised: documentDate(config) });
    const before = store.catalog ? writePo(store.catalog) : '';
    const after = writePo(catalog);
    const file = storeFile(lang);
    if (after !== before) files.push({ path: path.join(options.root, file), bytes: new TextEncoder().encode(after) });
    languages.push({ lang, file, created: !store.exists, changed: after !== before, units: catalog.entries.filter((e) => !e.obsolete).length, summary });
  }
  // A broken store or memory stops everything: nothing in translations/ changes.
  if (hasErrors(diagnostics)) throw new ContentError(sortDiagnostics(diagnostics));
  await writeAtomically(files, { within: options.root });
  return { languages, diagnostics };
}
