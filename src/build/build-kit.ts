/**
 * `folio build`: load and check the kit, compose every document, render PDF and DOCX in memory,
 * and only when everything succeeded write the files (atomically) and the build report.
 *
 * Incremental in two levels: a language whose files are unchanged since the last build (its
 * fingerprint, freshness.ts) is not even composed; in a language that is composed, an output is
 * rendered only when the hash of what it is made from (its document model, fonts, options)
 * changed, or its file is missing or was edited by hand.
 */
import { lstat, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isOutputPath, isWithin, realPathOf } from '../input/confine.js';
import type { FontLibrary } from '../text/fonts.js';
import type { FontFace } from '../text/font-face.js';
import type { Kit } from './load-kit.js';
import { OUTPUT_KINDS, FORMATS, type Format, type OutputKind } from './kinds.js';
import { removable, removeTemporaryFiles, writeAtomically } from './write-outputs.js';
import { docxFonts, fontStacks } from './fonts.js';
import { licenceJobs, planJobs, type Licence, type OutputJob } from './jobs.js';
import { hashInputs, MANIFEST_FILE, outputsKey, readManifest, sha256, type LanguageRecord, type Manifest, type ManifestEntry } from './manifest.js';
import { acquireLock } from './lock.js';
import { FOLIO_VERSION, folioIdentity } from './version.js';
import { Freshness, outputsIntact, saltOf, storedPath } from './freshness.js';
import type { PdfStandard } from './kinds.js';
import { faceHash, hashFile } from './fingerprint.js';
import type { PreparedLanguage } from './prepare-language.js';
import { defaultThreads, renderAll } from './render-pool.js';
import type { PackTexts } from './load-kit.js';

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
  /** The standard PDFs are written to: `ua1+a2b` (tagged PDF/UA-1 and PDF/A-2b, the default) or `none`. */
  pdfStandard?: PdfStandard;
  /** Rebuild everything, ignoring the manifest. */
  force?: boolean;
  /** Build nothing: report which outputs are stale. */
  check?: boolean;
  /** Threads to render with (default: one per core; 1: no worker threads). */
  threads?: number;
  /** Called after each output is rendered or found up to date. */
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
  /** The standard the PDFs are written to: `ua1+a2b` (tagged PDF/UA-1, PDF/A-2b) or `none`. */
  pdfStandard?: PdfStandard;
  outputs: OutputRecord[];
  diagnostics: Diagnostic[];
  /** Milliseconds per stage (not written to build-report.json, which stays byte-stable). */
  timings?: Record<string, number>;
  /** Languages composed, and worker threads used (not written to build-report.json). */
  work?: { composed: string[]; workers: number };
}

/** One template error is reported once, not once per language or document. */
function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return sortDiagnostics(list).filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A dependency's path as stored; folders keep their trailing "/". */
function storedDependency(root: string, file: string): string {
  return file.endsWith(path.sep) ? `${storedPath(root, file.slice(0, -1))}/` : storedPath(root, file);
}

function languageRecordBase(prepared: PreparedLanguage, root: string): Pick<LanguageRecord, 'documents' | 'diagnostics' | 'dependencies' | 'licences'> & { hashes: Map<string, string> } {
  const hashes = new Map([...prepared.dependencies].map(([file, hash]) => [storedDependency(root, file), hash]));
  return {
    hashes,
    documents: prepared.documents.length,
    diagnostics: dedupe(prepared.diagnostics),
    dependencies: [...hashes.keys()].sort(),
    licences: [...new Map(prepared.licences.map(([name, file]): Licence => [name, storedPath(root, file)]).map((l) => [l.join('\0'), l])).values()]
      .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])),
  };
}

/**
 * `folio validate`: every check of a build, nothing rendered or written. A language whose files
 * are unchanged since the last build into `outDir` reuses that build's diagnostics (`cache: false`
 * checks everything again).
 */
export async function validateKit(options: { root: string; outDir?: string; langs?: string[]; strict?: boolean; allowFuzzy?: boolean; cache?: boolean }): Promise<{ documents: number; diagnostics: Diagnostic[]; composed: string[] }> {
  const policy = { allowFuzzy: options.allowFuzzy === true, strict: options.strict === true };
  const manifestWarnings: Diagnostic[] = [];
  const manifest = options.cache === false ? undefined : await readManifest(options.outDir ?? path.join(options.root, 'out'), options.root, manifestWarnings);
  const freshness = manifest ? await Freshness.open(options.root, manifest, saltOf(policy)) : undefined;
  const request = { kinds: OUTPUT_KINDS };
  const records = new Map<string, LanguageRecord>();
  const isFresh = async (lang: string) => {
    const record = await freshness?.language(lang, request);
    if (record) records.set(lang, record);
    return record !== undefined;
  };
  const unchanged = freshness ? await freshness.everyFresh(options.langs, isFresh) : undefined;
  if (unchanged) {
    const list = unchanged.map((l) => records.get(l)!);
    return { documents: list.reduce((n, r) => n + r.documents, 0), diagnostics: dedupe([...manifestWarnings, ...manifest!.shared!.diagnostics, ...list.flatMap((r) => r.diagnostics)]), composed: [] };
  }
  // The loader, the composer and the fonts are imported only when a language must be checked.
  const { loadChecked, prepareLanguage } = await import('./prepare-language.js');
  const { FontLibrary } = await import('../text/fonts.js');
  const { kit, diagnostics, langs } = await loadChecked(options.root, options.langs);
  const fonts = await FontLibrary.load(fontStacks(kit.config.fonts));
  const all = [...manifestWarnings, ...diagnostics];
  let documents = 0;
  const composed: string[] = [];
  for (const lang of langs) {
    const record = (await isFresh(lang)) ? records.get(lang)! : undefined;
    if (record) { all.push(...record.diagnostics); documents += record.documents; continue; }
    const prepared = await prepareLanguage(kit, lang, OUTPUT_KINDS, policy, fonts);
    composed.push(lang);
    all.push(...prepared.diagnostics);
    documents += prepared.documents.length;
  }
  const result = dedupe(all);
  if (hasErrors(result)) throw new ContentError(result);
  return { documents, diagnostics: result, composed };
}

export async function buildKit(options: BuildOptions): Promise<BuildReport> {
  const timings: Record<string, number> = {};
  let clock = Date.now();
  const lap = (stage: string) => { const now = Date.now(); timings[stage] = (timings[stage] ?? 0) + now - clock; clock = now; };
  const formats = options.formats ?? [...FORMATS];
  const kinds = options.kinds ?? [...OUTPUT_KINDS];
  const duplex = options.duplex !== false;
  const pdfStandard: PdfStandard = options.pdfStandard ?? 'ua1+a2b';
  const policy = { allowFuzzy: options.allowFuzzy === true, strict: options.strict === true };
  const request = { kinds, formats, duplex };
  const release = options.check ? undefined : await acquireLock(options.outDir);
  try {
    // A build killed earlier may have left temporary files: they are removed now, under the lock.
    if (!options.check) await removeTemporaryFiles(options.outDir);
    const manifestWarnings: Diagnostic[] = [];
    const manifest = options.force ? undefined : await readManifest(options.outDir, options.root, manifestWarnings);
    const freshness = await Freshness.open(options.root, manifest, saltOf({ ...policy, pdfStandard }));
    // Languages that need nothing: unchanged files, outputs intact.
    const fresh = new Map<string, LanguageRecord>();
    const checked = new Map<string, Promise<boolean>>();
    const tryFresh = (lang: string) => {
      let result = checked.get(lang);
      if (!result) {
        result = (async () => {
          const record = await freshness.language(lang, request);
          if (!record || !(await outputsIntact(options.outDir, freshness.outputsOf(lang, request)))) return false;
          fresh.set(lang, record);
          return true;
        })();
        checked.set(lang, result);
      }
      return result;
    };
    let langs = await freshness.everyFresh(options.langs, tryFresh);
    let available = langs ? manifest!.shared!.langs : undefined;
    let loaderDiagnostics = langs ? manifest!.shared!.diagnostics : undefined;
    lap('fingerprint');
    let kit: Kit | undefined;
    const prepared: PreparedLanguage[] = [];
    let fonts: FontLibrary | undefined;
    if (!langs) {
      const { loadChecked, prepareLanguage } = await import('./prepare-language.js');
      const { FontLibrary } = await import('../text/fonts.js');
      const loaded = await loadChecked(options.root, options.langs);
      kit = loaded.kit;
      langs = loaded.langs;
      available = loaded.available;
      loaderDiagnostics = loaded.diagnostics;
      lap('load');
      for (const lang of langs) await tryFresh(lang);
      lap('fingerprint');
      if (langs.some((l) => !fresh.has(l))) fonts = await FontLibrary.load(fontStacks(kit.config.fonts));
      for (const lang of langs) {
        if (!fresh.has(lang)) prepared.push(await prepareLanguage(kit, lang, kinds, policy, fonts!));
      }
      lap('compose');
    }
    const diagnostics = dedupe([...manifestWarnings, ...loaderDiagnostics!, ...[...fresh.values()].flatMap((r) => r.diagnostics), ...prepared.flatMap((p) => p.diagnostics)]);
    if (hasErrors(diagnostics)) throw new ContentError(diagnostics);

    // The jobs of the composed languages; the outputs of fresh ones are kept as they are.
    const jobs: OutputJob[] = [];
    if (prepared.length > 0) {
      const docxNames = docxFonts(fonts!);
      const jobOptions = {
        formats, duplex, pdfStandard, fonts: fonts!, docxFonts: docxNames,
        pdfFontKey: (faces: Iterable<FontFace>) => [...new Set([...faces].map((f) => `${f.id}:${faceHash(f)}`))].sort(),
      };
      const packTexts = new Map<string, PackTexts>(prepared.flatMap((p) => (p.packTexts ? [[p.lang, p.packTexts] as [string, PackTexts]] : [])));
      jobs.push(...planJobs(prepared.flatMap((p) => p.documents), packTexts, jobOptions));
      const { nominationJobs } = await import('./nomination-jobs.js');
      jobs.push(...nominationJobs(prepared.flatMap((p) => p.forms), jobOptions));
      const { badgeJobs } = await import('./badge-jobs.js');
      jobs.push(...badgeJobs(prepared.flatMap((p) => p.badges), jobOptions));
    }
    // Licences of the fonts of every language still in the output folder: those of the languages
    // built now first, then those of languages this build leaves as they were (--lang).
    // What each composed language's record will hold (project-relative paths, read-time hashes).
    const bases = new Map(prepared.map((p) => [p.lang, languageRecordBase(p, options.root)]));
    const current: Licence[] = [...[...bases.values()].flatMap((b) => b.licences), ...[...fresh.values()].flatMap((r) => r.licences)];
    const others = options.langs ? Object.keys(manifest?.languages ?? {}).filter((l) => !langs!.includes(l)) : [];
    const kept: Licence[] = others.flatMap((l) => manifest?.languages?.[l]?.licences ?? []);
    if (formats.includes('pdf')) jobs.push(...(await licenceJobs(current, kept, options.root)));

    const outputs: OutputRecord[] = [];
    const entries: Manifest['outputs'] = {};
    const files: { path: string; bytes: Uint8Array }[] = [];
    const keptPaths = new Set<string>();
    const total = jobs.length + [...fresh.keys()].reduce((n, l) => n + freshness.outputsOf(l, request).length, 0);
    let done = 0;
    const skip = (file: string, entry: ManifestEntry) => {
      outputs.push({ path: file, lang: entry.lang, kind: entry.kind, format: entry.format, sha256: entry.sha256, bytes: entry.bytes, ...(entry.pages ? { pages: entry.pages } : {}), status: 'skipped' });
      entries[file] = entry;
      keptPaths.add(file);
      options.progress?.(++done, total, file);
    };
    for (const lang of fresh.keys()) for (const [file, entry] of freshness.outputsOf(lang, request)) skip(file, entry);

    const toRender: { job: OutputJob; inputs: string }[] = [];
    for (const job of jobs) {
      // Every output path is made of checked names (country codes, participant ids, slugs): a
      // path of any other shape is a bug, and is never written.
      if (!isOutputPath(job.path)) throw new Error(`refusing to write the output path ${JSON.stringify(job.path)}, which is not of the form folio writes`);
      const inputs = hashInputs(job.inputs, folioIdentity());
      const previous = manifest?.outputs[job.path];
      if (previous && previous.inputs === inputs && (await hashFile(path.join(options.outDir, job.path), { noFollow: true })) === previous.sha256) skip(job.path, previous);
      else if (options.check) {
        outputs.push({ path: job.path, lang: job.lang, kind: job.kind, format: job.format, sha256: previous?.sha256 ?? '', bytes: previous?.bytes ?? 0, status: 'stale' });
        keptPaths.add(job.path);
        options.progress?.(++done, total, job.path);
      } else toRender.push({ job, inputs });
    }
    lap('plan');
    let workers = 0;
    if (toRender.length > 0) {
      const pool = await renderAll(toRender.map((r) => r.job), {
        threads: options.threads ?? defaultThreads(),
        stacks: fonts ? fontStacks(kit!.config.fonts) : {},
        onDone: (index, { bytes, pages }) => {
          const { job, inputs } = toRender[index]!;
          const sha = sha256(bytes);
          files.push({ path: path.join(options.outDir, job.path), bytes });
          outputs.push({ path: job.path, lang: job.lang, kind: job.kind, format: job.format, sha256: sha, bytes: bytes.length, ...(pages ? { pages } : {}), status: 'built' });
          entries[job.path] = { inputs, sha256: sha, bytes: bytes.length, ...(pages ? { pages } : {}), lang: job.lang, kind: job.kind, format: job.format };
          keptPaths.add(job.path);
          options.progress?.(++done, total, job.path);
        },
      });
      workers = pool.workers;
    }
    lap('render');

    // Outputs the kit no longer produces (a country removed, a language dropped) are removed,
    // but only those of the languages, kinds and formats this build covers.
    const covered = (e: ManifestEntry) =>
      (e.kind === 'licence' ? formats.includes('pdf') : formats.includes(e.format as Format)) &&
      (e.lang === '' || langs!.includes(e.lang) || (!options.langs && !available!.includes(e.lang))) &&
      (e.kind === 'licence' || kinds.includes(e.kind as OutputKind));
    const removed: string[] = [];
    for (const [file, entry] of Object.entries(manifest?.outputs ?? {})) {
      if (keptPaths.has(file)) continue;
      if (!covered(entry)) { entries[file] = entry; continue; }
      // Only a file folio wrote is removed: a regular file (not a link) inside the output
      // folder with the bytes the manifest records. Anything else stays, with a warning.
      if (!options.check && !(await removable(options.outDir, file, entry))) {
        diagnostics.push(diagnostic({ file: storedPath(options.root, path.join(options.outDir, MANIFEST_FILE)) }, 'warning', 'build/manifest-foreign',
          `The build manifest lists ${file} as an output no longer produced, but the file there is not the one folio wrote (changed, replaced or a link): it is left as it is. Remove it by hand if it should go.`));
        continue;
      }
      removed.push(file);
      outputs.push({ path: file, lang: entry.lang, kind: entry.kind, format: entry.format, sha256: entry.sha256, bytes: entry.bytes, status: options.check ? 'stale' : 'removed' });
    }
    outputs.sort((a, b) => a.path.localeCompare(b.path));
    const report: BuildReport = { pdfStandard, outputs, diagnostics, timings, work: { composed: prepared.map((p) => p.lang), workers } };
    if (jobs.length === 0 && fresh.size === 0) {
      report.diagnostics = dedupe([...diagnostics, { file: 'sources/seminar.yaml', line: 1, column: 1, severity: 'warning', rule: 'build/empty', message: 'Nothing to build for the languages and kinds asked for.' }]);
    }
    if (options.check) return report;

    // The manifest: each composed language's new record; the others' as they were.
    // A build of some languages (--lang) keeps the others' records, as it keeps their outputs;
    // a build of all drops those of languages no longer built.
    const languages: Record<string, LanguageRecord> = Object.fromEntries(Object.entries(manifest?.languages ?? {}).filter(([l]) => options.langs !== undefined || available!.includes(l)));
    for (const [lang, { hashes, ...base }] of bases) {
      // The fingerprint of what was read (hashed as it was read), not of the files now.
      languages[lang] = { fingerprint: freshness.languageFingerprintOf(lang, hashes), duplex, kinds: [...kinds].sort(), formats: [...formats].sort(), ...base, outputs: outputsKey(entries, lang) };
    }
    const sharedRecord = kit
      ? { fingerprint: await freshness.sharedFingerprint(languages), langs: available!, diagnostics: dedupe(loaderDiagnostics!) }
      : manifest!.shared!;
    const sortKeys = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
    const written: Manifest = { folio: FOLIO_VERSION, shared: sharedRecord, languages: sortKeys(languages), outputs: sortKeys(entries) };
    files.push({ path: path.join(options.outDir, MANIFEST_FILE), bytes: new TextEncoder().encode(`${JSON.stringify(written, null, 2)}\n`) });
    const { timings: _t, work: _w, ...stable } = report;
    files.push({ path: path.join(options.outDir, 'build-report.json'), bytes: new TextEncoder().encode(`${JSON.stringify(stable, null, 2)}\n`) });
    await writeAtomically(files, { within: options.outDir });
    await Promise.all(removed.map((file) => rm(path.join(options.outDir, file), { force: true })));
    await removeEmptyFolders(options.outDir, removed);
    lap('write');
    return report;
  } finally {
    await release?.();
  }
}

/**
 * The folders of removed outputs (out/en/briefs when a kit drops its themes) go when nothing is
 * left in them; never the output folder itself, and never a folder that holds anything else.
 */
async function removeEmptyFolders(outDir: string, removed: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of removed) {
    for (let dir = path.posix.dirname(file); dir !== '.' && dir !== ''; dir = path.posix.dirname(dir)) folders.add(dir);
  }
  // Deepest first, so that a parent emptied by its child's removal goes too.
  const root = realPathOf(outDir);
  for (const dir of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    const full = path.join(outDir, dir);
    // A real folder of the output folder only: never a link, nor a folder a link leads to.
    const info = await lstat(full).catch(() => undefined);
    if (!info?.isDirectory() || !isWithin(root, realPathOf(path.dirname(full)))) continue;
    await rmdir(full).catch(() => undefined); // not empty: it stays
  }
}
