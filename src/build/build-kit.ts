/**
 * `folio build`: load and check the kit, compose every document, render PDF and DOCX in memory,
 * and only when everything succeeded write the files (atomically) and the build report.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { FontLibrary } from '../text/fonts.js';
import { availableLanguages, composeKit, loadKit, type ComposedDocument } from './load-kit.js';
import { OUTPUT_KINDS, FORMATS, type Format, type OutputKind } from './plan.js';
import { writeAtomically } from './write-outputs.js';
import { checkGlyphs } from './check-glyphs.js';
import { UsageError } from '../diagnostics/diagnostic.js';
import { checkStore } from '../translate/qa.js';
import { docxFonts, fontStacks } from './fonts.js';
import { licenceJobs, planJobs } from './jobs.js';
import { nominationJobs, planNominations, type PlannedForm } from './nomination-jobs.js';
import { hashInputs, MANIFEST_FILE, readManifest, sha256, type Manifest, type ManifestEntry } from './manifest.js';
import { acquireLock } from './lock.js';
import { FOLIO_VERSION } from './version.js';
import type { PackTexts } from './load-kit.js';
import { storeFile } from '../translate/store.js';

export interface BuildOptions {
  root: string;
  outDir: string;
  langs?: string[];
  formats?: Format[];
  kinds?: OutputKind[];
  /** Publish fuzzy translations (default: print the source text instead). */
  allowFuzzy?: boolean;
  /** Fail while any published unit is untranslated or fuzzy. */
  strict?: boolean;
  /** Packs for a duplex printer (blank pages, mirrored margins); false: for screens. Default true. */
  duplex?: boolean;
  /** Rebuild everything, ignoring the manifest. */
  force?: boolean;
  /** Build nothing: report which outputs are stale. */
  check?: boolean;
  /** Called after each document is rendered. */
  progress?: (done: number, total: number, label: string) => void;
}

export interface OutputRecord {
  path: string;
  lang: string;
  kind: string;
  format: string;
  sha256: string;
  bytes: number;
  pages?: number;
  /** built: written now; skipped: up to date; removed: no longer produced; stale: needs a build (--check). */
  status: 'built' | 'skipped' | 'removed' | 'stale';
}

export interface BuildReport {
  outputs: OutputRecord[];
  diagnostics: Diagnostic[];
  /** Milliseconds per stage (not written to build-report.json, which stays byte-stable). */
  timings?: Record<string, number>;
}

/** Loads, checks and composes: shared by `build` and `validate`. */
export async function prepareKit(options: Pick<BuildOptions, 'root' | 'langs' | 'kinds' | 'allowFuzzy' | 'strict'>): Promise<{ documents: ComposedDocument[]; diagnostics: Diagnostic[]; fonts: FontLibrary; langs: string[]; packTexts: Map<string, PackTexts>; fontKey: unknown; nominations: PlannedForm[] }> {
  const loaded = await loadKit(options.root);
  if (!loaded.kit) throw new ContentError(sortDiagnostics(loaded.diagnostics));
  const available = availableLanguages(loaded.kit);
  const langs = options.langs ?? available;
  for (const lang of langs) {
    if (!loaded.kit.config.event.languages.includes(lang)) {
      throw new UsageError(`--lang ${lang}: the seminar's languages are ${loaded.kit.config.event.languages.join(', ')}.`);
    }
    if (!available.includes(lang)) {
      throw new UsageError(`--lang ${lang}: there is no translations/${lang}.po yet (run \`folio extract\` to create it); folio can build ${available.join(', ')}.`);
    }
  }
  const composed = composeKit(loaded.kit, langs, options.kinds ?? OUTPUT_KINDS, { allowFuzzy: options.allowFuzzy === true, strict: options.strict === true });
  const fonts = await FontLibrary.load(fontStacks(loaded.kit.config.fonts));
  const glyphs = composed.documents.flatMap((d) => checkGlyphs(d.model, fonts, d.plan.path));
  const qa = [...loaded.kit.stores].flatMap(([lang, store]) => checkStore(store, lang, storeFile(lang)));
  const diagnostics = [...loaded.diagnostics, ...qa, ...composed.diagnostics, ...glyphs];
  if (hasErrors(diagnostics)) throw new ContentError(sortDiagnostics(diagnostics));
  const fontKey = { stacks: fontStacks(loaded.kit.config.fonts), docx: docxFonts(fonts) };
  const nominations = (options.kinds ?? OUTPUT_KINDS).includes('nominations') ? planNominations(loaded.kit, composed.localisations) : [];
  const formGlyphs = nominations.flatMap((n) => checkGlyphs(n.model, fonts, n.path));
  if (hasErrors(formGlyphs)) throw new ContentError(sortDiagnostics([...diagnostics, ...formGlyphs]));
  return { documents: composed.documents, diagnostics, fonts, langs, packTexts: composed.packTexts, fontKey, nominations };
}

export async function buildKit(options: BuildOptions): Promise<BuildReport> {
  const timings: Record<string, number> = {};
  let clock = Date.now();
  const lap = (stage: string) => { const now = Date.now(); timings[stage] = now - clock; clock = now; };
  const formats = options.formats ?? [...FORMATS];
  const prepared = await prepareKit(options);
  lap('load-and-compose');
  const { documents, diagnostics, fonts, packTexts, fontKey, nominations } = prepared;
  const jobs = planJobs(documents, packTexts, { formats, duplex: options.duplex !== false, fonts, fontKey });
  jobs.push(...nominationJobs(nominations, { formats, duplex: options.duplex !== false, fonts, fontKey }));
  if (formats.includes('pdf')) jobs.push(...licenceJobs(fonts));
  const release = options.check ? undefined : await acquireLock(options.outDir);
  try {
    const manifest = options.force ? undefined : await readManifest(options.outDir);
    const outputs: OutputRecord[] = [];
    const files: { path: string; bytes: Uint8Array }[] = [];
    const entries: Manifest['outputs'] = {};
    const total = jobs.length;
    let done = 0;
    for (const job of jobs) {
      const inputs = hashInputs(job.inputs, FOLIO_VERSION);
      const previous = manifest?.outputs[job.path];
      const target = path.join(options.outDir, job.path);
      const base = { path: job.path, lang: job.lang, kind: job.kind, format: job.format };
      if (previous && previous.inputs === inputs && (await fileHash(target)) === previous.sha256) {
        outputs.push({ ...base, sha256: previous.sha256, bytes: previous.bytes, ...(previous.pages ? { pages: previous.pages } : {}), status: 'skipped' });
        entries[job.path] = previous;
      } else if (options.check) {
        outputs.push({ ...base, sha256: previous?.sha256 ?? '', bytes: previous?.bytes ?? 0, status: 'stale' });
      } else {
        const { bytes, pages } = await job.render();
        const sha = sha256(bytes);
        files.push({ path: target, bytes });
        outputs.push({ ...base, sha256: sha, bytes: bytes.length, ...(pages ? { pages } : {}), status: 'built' });
        entries[job.path] = { inputs, sha256: sha, bytes: bytes.length, ...(pages ? { pages } : {}), lang: job.lang, kind: job.kind, format: job.format };
      }
      options.progress?.(++done, total, job.path);
    }
    lap('render');
    // Outputs the kit no longer produces (a country removed, a language dropped) are removed,
    // but only those of the languages, kinds and formats this build covers.
    const covered = (e: ManifestEntry) =>
      (e.kind === 'licence' ? formats.includes('pdf') : formats.includes(e.format as Format)) &&
      (e.lang === '' || prepared.langs.includes(e.lang)) &&
      (e.kind === 'licence' || (options.kinds ?? OUTPUT_KINDS).includes(e.kind as OutputKind));
    const removed: string[] = [];
    const produced = new Set(jobs.map((j) => j.path));
    for (const [file, entry] of Object.entries(manifest?.outputs ?? {})) {
      if (produced.has(file)) continue;
      if (!covered(entry)) { entries[file] = entry; continue; }
      removed.push(file);
      outputs.push({ path: file, lang: entry.lang, kind: entry.kind, format: entry.format, sha256: entry.sha256, bytes: entry.bytes, status: options.check ? 'stale' : 'removed' });
    }
    outputs.sort((a, b) => a.path.localeCompare(b.path));
    const report: BuildReport = { outputs, diagnostics: sortDiagnostics(diagnostics), timings };
    if (options.check) return report;
    const sorted: Manifest = { folio: FOLIO_VERSION, outputs: Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))) };
    files.push({ path: path.join(options.outDir, MANIFEST_FILE), bytes: new TextEncoder().encode(`${JSON.stringify(sorted, null, 2)}\n`) });
    const { timings: _t, ...stable } = report;
    files.push({ path: path.join(options.outDir, 'build-report.json'), bytes: new TextEncoder().encode(`${JSON.stringify(stable, null, 2)}\n`) });
    await writeAtomically(files);
    await Promise.all(removed.map((file) => rm(path.join(options.outDir, file), { force: true })));
    lap('write');
    return report;
  } finally {
    await release?.();
  }
}

async function fileHash(file: string): Promise<string | undefined> {
  try {
    return sha256(new Uint8Array(await readFile(file)));
  } catch {
    return undefined;
  }
}

