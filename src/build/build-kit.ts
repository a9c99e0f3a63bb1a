/**
 * `folio build`: load and check the kit, compose every document, render PDF and DOCX in memory,
 * and only when everything succeeded write the files (atomically) and the build report.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { FontLibrary } from '../text/fonts.js';
import { renderPdf } from '../render/pdf/render-pdf.js';
import { renderDocx } from '../render/docx/render-docx.js';
import { availableLanguages, composeKit, loadKit, type ComposedDocument } from './load-kit.js';
import { OUTPUT_KINDS, FORMATS, type Format, type OutputKind } from './plan.js';
import { writeAtomically } from './write-outputs.js';
import { checkGlyphs } from './check-glyphs.js';
import { UsageError } from '../diagnostics/diagnostic.js';
import { checkStore } from '../translate/qa.js';
import { docxFonts, fontStacks } from './fonts.js';
import { renderPack, renderPrintFile, type LaidPack, type PackInput, type PackSection } from '../render/pdf/pack.js';
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
  status: 'built';
}

export interface BuildReport {
  outputs: OutputRecord[];
  diagnostics: Diagnostic[];
}

/** Loads, checks and composes: shared by `build` and `validate`. */
export async function prepareKit(options: Pick<BuildOptions, 'root' | 'langs' | 'kinds' | 'allowFuzzy' | 'strict'>): Promise<{ documents: ComposedDocument[]; diagnostics: Diagnostic[]; fonts: FontLibrary; langs: string[]; packTexts: Map<string, PackTexts> }> {
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
  return { documents: composed.documents, diagnostics, fonts, langs, packTexts: composed.packTexts };
}

export async function buildKit(options: BuildOptions): Promise<BuildReport> {
  const formats = options.formats ?? [...FORMATS];
  const { documents, diagnostics, fonts, packTexts } = await prepareKit(options);
  const docxNames = docxFonts(fonts);
  const files: { path: string; bytes: Uint8Array }[] = [];
  const outputs: OutputRecord[] = [];
  const ownFiles = documents.filter((d) => !d.plan.internal);
  const packCount = [...packTexts.keys()].reduce((n, lang) => n + documents.filter((d) => d.plan.lang === lang && d.plan.packPart === 'cover').length, 0);
  const total = ownFiles.length * formats.length + (formats.includes('pdf') ? packCount : 0);
  let done = 0;
  const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  for (const { plan, model } of ownFiles) {
    for (const format of formats) {
      let bytes: Uint8Array;
      let pages: number | undefined;
      if (format === 'pdf') {
        const result = await renderPdf(model, fonts);
        if (result.missing.length > 0) {
          // checkGlyphs found none, so this is the renderer disagreeing with it: a bug.
          throw new Error(`internal: the PDF renderer found characters without a font in ${plan.path} that the glyph check missed`);
        }
        bytes = result.bytes;
        pages = result.pages;
      } else {
        bytes = await renderDocx(model, { fonts: docxNames });
      }
      const relative = `${plan.path}.${format}`;
      files.push({ path: path.join(options.outDir, relative), bytes });
      outputs.push({
        path: relative, lang: plan.lang, kind: plan.kind, format,
        sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, ...(pages ? { pages } : {}), status: 'built',
      });
      options.progress?.(++done, total, relative);
    }
  }
  // Delegate packs (PDF only: they are for printing).
  if (formats.includes('pdf')) {
    for (const [lang, texts] of packTexts) {
      const docs = documents.filter((d) => d.plan.lang === lang);
      const practical = docs.find((d) => d.plan.packPart === 'practical');
      const sections: PackSection[] = [
        ...docs.filter((d) => d.plan.kind === 'concept-note').map((d) => ({ title: d.plan.title, model: d.model })),
        ...docs.filter((d) => d.plan.kind === 'agenda').map((d) => ({ title: texts.agenda, model: d.model })),
        ...docs.filter((d) => d.plan.kind === 'briefs').map((d) => ({ title: d.plan.title, model: d.model })),
        ...(practical ? [{ title: texts.practical, model: practical.model }] : []),
      ];
      const personal: LaidPack[] = [];
      for (const cover of docs.filter((d) => d.plan.packPart === 'cover')) {
        const input: PackInput = {
          cover: cover.model, sections, contentsTitle: texts.contents, blankText: texts.blank, footer: texts.footer,
          duplex: options.duplex !== false, meta: { ...cover.model.meta, title: cover.plan.title, keywords: ['pack'] }, direction: cover.model.direction,
        };
        const result = await renderPack(input, fonts);
        if (result.laid.missing.length > 0) throw new Error(`internal: the pack ${cover.plan.path} has characters without a font that the glyph check missed`);
        const relative = `${cover.plan.path}.pdf`;
        files.push({ path: path.join(options.outDir, relative), bytes: result.bytes });
        outputs.push({ path: relative, lang, kind: 'packs', format: 'pdf', sha256: hash(result.bytes), bytes: result.bytes.length, pages: result.pages, status: 'built' });
        if (cover.plan.delegate) personal.push(result.laid);
        options.progress?.(++done, total, relative);
      }
      if (personal.length > 0) {
        const first = docs.find((d) => d.plan.packPart === 'cover')!;
        const bytes = await renderPrintFile(personal, { ...first.model.meta, title: first.plan.title, keywords: ['print'] }, first.model.direction);
        const relative = `print/${lang}.pdf`;
        files.push({ path: path.join(options.outDir, relative), bytes });
        outputs.push({ path: relative, lang, kind: 'packs', format: 'pdf', sha256: hash(bytes), bytes: bytes.length, pages: personal.reduce((n, p) => n + p.pages.length, 0), status: 'built' });
      }
    }
  }
  // The licences of the fonts the PDFs embed travel with them.
  if (formats.includes('pdf')) {
    for (const face of usedLicenceFiles(fonts)) {
      const bytes = new Uint8Array(await readFile(face.file));
      const relative = `licences/${face.name}.txt`;
      files.push({ path: path.join(options.outDir, relative), bytes });
      outputs.push({ path: relative, lang: '', kind: 'licence', format: 'txt', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, status: 'built' });
    }
  }
  outputs.sort((a, b) => a.path.localeCompare(b.path));
  const report: BuildReport = { outputs, diagnostics: sortDiagnostics(diagnostics) };
  files.push({ path: path.join(options.outDir, 'build-report.json'), bytes: new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`) });
  await writeAtomically(files);
  return report;
}

function usedLicenceFiles(fonts: FontLibrary): { name: string; file: string }[] {
  const byFile = new Map<string, string>();
  for (const face of fonts.faces()) {
    const family = face.id.replace(/-.*$/, '');
    if (!byFile.has(face.licenceFile)) byFile.set(face.licenceFile, family);
  }
  return [...byFile].map(([file, name]) => ({ file, name })).sort((a, b) => a.name.localeCompare(b.name));
}

export { diagnostic };
