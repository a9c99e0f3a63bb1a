/**
 * `folio review`: per target language, `<out>/review/<lang>.html`. The language is composed and
 * checked as a build would (its QA findings are the build's), its documents laid out in memory
 * to know where each unit prints; nothing else is written. The links open the PDFs a build
 * writes into the same output folder.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { OUTPUT_KINDS } from '../build/kinds.js';
import { fontStacks } from '../build/fonts.js';
import { loadChecked, prepareLanguage } from '../build/prepare-language.js';
import { planPacks } from '../build/jobs.js';
import { readManifest } from '../build/manifest.js';
import { Freshness, saltOf } from '../build/freshness.js';
import { writeAtomically } from '../build/write-outputs.js';
import { UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { FontLibrary } from '../text/fonts.js';
import { termPairs } from '../translate/glossary.js';
import { storeFile } from '../translate/store.js';
import { printIndex } from './print-index.js';
import { reviewHtml } from './review-html.js';
import { reviewUnits, type ReviewUnit } from './review-units.js';

export interface ReviewResult {
  pages: {
    lang: string; file: string; units: number; printed: number; missingPdfs: string[];
    /** The output folder's PDFs were not built from the kit as it is now (its pages may differ from the links). */
    stale: boolean;
    /** The output folder has a build at all (a manifest). */
    built: boolean;
  }[];
  diagnostics: Diagnostic[];
}

export async function writeReview(options: { root: string; outDir: string; langs?: string[] }): Promise<ReviewResult> {
  const { kit, diagnostics, langs } = await loadChecked(options.root, options.langs);
  const source = kit.config.event.languages[0]!;
  const targets = langs.filter((l) => l !== source);
  if (targets.length === 0 && options.langs === undefined) throw new UsageError('The kit has no translation store yet (translations/<lang>.po): run `folio extract` first, then review.');
  if (targets.length === 0) throw new UsageError(`--lang ${source} is the source language: a review compares a translation with it; give a target language (${kit.config.event.languages.slice(1).join(', ') || 'none configured'}).`);
  const fonts = await FontLibrary.load(fontStacks(kit.config.fonts));
  const result: ReviewResult = { pages: [], diagnostics: [...diagnostics] };
  const warnings: Diagnostic[] = [];
  const manifest = await readManifest(options.outDir, options.root, warnings);
  const freshness = manifest ? await Freshness.open(options.root, manifest, saltOf({})) : undefined;
  // The language's files unchanged since its last build, whichever kinds it built (those it did not are missing PDFs).
  const isFresh = async (lang: string) => (await freshness?.everyFresh([lang], async (l) => (await freshness.language(l, { kinds: [] })) !== undefined)) !== undefined;
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const lang of targets) {
    const store = kit.stores.get(lang)!;
    // Fuzzy translations are not published (the default policy): the documents print the source there.
    const prepared = await prepareLanguage(kit, lang, OUTPUT_KINDS, { allowFuzzy: false, strict: false }, fonts);
    result.diagnostics.push(...prepared.diagnostics);
    const packs = prepared.packTexts ? planPacks(prepared.documents, new Map([[lang, prepared.packTexts]]), true) : [];
    const index = printIndex(prepared.documents, packs, fonts, options.root);
    const units: ReviewUnit[] = reviewUnits(store, { file: storeFile(lang), diagnostics: prepared.diagnostics, pairs: termPairs(kit.glossary, source, lang), index });
    const file = path.join(options.outDir, 'review', `${lang}.html`);
    files.push({ path: file, bytes: new TextEncoder().encode(reviewHtml({ lang, sourceLang: source, units, pdfHref: (pdf) => `../${pdf}` })) });
    const linked = new Set(units.flatMap((u) => (u.printed ? [u.printed.pdf] : [])));
    result.pages.push({
      lang, file, units: units.length, printed: units.filter((u) => u.printed).length,
      missingPdfs: [...linked].filter((pdf) => !existsSync(path.join(options.outDir, pdf))).sort(),
      stale: !(await isFresh(lang)),
      built: manifest !== undefined,
    });
  }
  await writeAtomically(files, { within: options.outDir });
  return result;
}
