/**
 * What a build writes, as jobs: each output with the inputs it is made from (an object whose
 * hash identifies it: the document model, the format, the fonts, folio's version) and how to
 * render it. The executor skips a job whose inputs and file on disk are unchanged.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FontLibrary } from '../text/fonts.js';
import type { FontFace } from '../text/font-face.js';
import type { PackInput, PackSection } from '../render/pdf/pack.js';
import type { ComposedDocument, PackTexts } from './load-kit.js';
import type { DocumentModel } from '../document/model.js';
import type { PdfStandard } from './kinds.js';
import type { Format } from './plan.js';
import type { DocxFonts } from '../render/docx/fonts.js';
import { runTask, type RenderResult, type RenderTask } from './render-task.js';

export interface OutputJob {
  path: string;
  lang: string;
  kind: string;
  format: string;
  /** Everything the output is made from; hashed (see manifest.ts). */
  inputs: unknown;
  /** The job as plain data, for a worker thread; absent: rendered in the main thread. */
  task?: RenderTask;
  render: () => Promise<RenderResult>;
  /** Rough relative cost (to start long jobs first). */
  weight: number;
}

export interface JobOptions {
  formats: readonly Format[];
  duplex: boolean;
  /** The standard the PDFs are written to (default ua1+a2b). */
  pdfStandard?: PdfStandard;
  fonts: FontLibrary;
  docxFonts: DocxFonts;
  /**
   * What identifies the fonts of a PDF drawn with these faces: each face that draws one of its
   * characters or its page furniture, by content. A change to the Arabic font
   * rebuilds the PDFs that print Arabic, not the others.
   */
  pdfFontKey: (faces: Iterable<FontFace>) => unknown;
}

/** A composed document with the faces its characters need (from the glyph check). */
export interface CheckedDocument extends ComposedDocument {
  faces: Set<FontFace>;
}

/** A job that is plain data (a worker can render it), rendered the same way in the main thread. */
export function taskJob(base: Omit<OutputJob, 'render' | 'task'>, task: RenderTask, fonts: FontLibrary): OutputJob {
  return { ...base, task, render: () => runTask(task, fonts) };
}

const WEIGHTS: Record<string, number> = { handbook: 40, packs: 50, agenda: 3, 'concept-note': 3 };

export function planJobs(documents: CheckedDocument[], packTexts: Map<string, PackTexts>, options: JobOptions): OutputJob[] {
  const { fonts } = options;
  const jobs: OutputJob[] = [];
  for (const { plan, model, faces } of documents.filter((d) => !d.plan.internal)) {
    for (const format of options.formats) {
      // A declared document is made in the formats it names only.
      if (plan.formats && !plan.formats.includes(format)) continue;
      const weight = (WEIGHTS[plan.kind] ?? 1) * (format === 'pdf' ? 2 : 1);
      const base = { path: `${plan.path}.${format}`, lang: plan.lang, kind: plan.kind, format, weight };
      if (format === 'docx') {
        jobs.push(taskJob({ ...base, inputs: { format, model, fonts: options.docxFonts } }, { type: 'docx', model, fonts: options.docxFonts }, fonts));
      } else {
        const pdfModel = withStandard(model, options.pdfStandard);
        jobs.push(taskJob({ ...base, inputs: { format, model: pdfModel, fonts: options.pdfFontKey(faces) } }, { type: 'pdf', path: plan.path, model: pdfModel }, fonts));
      }
    }
  }
  if (options.formats.includes('pdf')) jobs.push(...packJobs(documents, packTexts, options));
  return jobs;
}

/** A document model whose PDF is written to `standard` (the default needs no mark). */
function withStandard(model: DocumentModel, standard: PdfStandard | undefined): DocumentModel {
  return standard === 'none' ? { ...model, meta: { ...model.meta, pdfStandard: 'none' } } : model;
}

/** A pack to write: its cover document's path (without extension) and what the pack is laid out from. */
export interface PlannedPack {
  path: string;
  lang: string;
  input: PackInput;
  /** A personalised pack (goes into the print file), with its cover's faces. */
  delegate: boolean;
  faces: FontFace[];
}

/** The packs of each language: one per cover document, with the sections they share. */
export function planPacks(documents: readonly CheckedDocument[], packTexts: Map<string, PackTexts>, duplex: boolean): PlannedPack[] {
  const packs: PlannedPack[] = [];
  for (const [lang, texts] of packTexts) {
    const docs = documents.filter((d) => d.plan.lang === lang);
    const practical = docs.find((d) => d.plan.packPart === 'practical');
    const parts = [
      ...docs.filter((d) => d.plan.kind === 'concept-note').map((d) => ({ doc: d, title: d.plan.title })),
      ...docs.filter((d) => d.plan.kind === 'agenda').map((d) => ({ doc: d, title: texts.agenda })),
      ...docs.filter((d) => d.plan.kind === 'briefs').map((d) => ({ doc: d, title: d.plan.title })),
      ...(practical ? [{ doc: practical, title: texts.practical }] : []),
    ];
    const sections: PackSection[] = parts.map((p) => ({ title: p.title, model: p.doc.model }));
    const sectionFaces = parts.flatMap((p) => [...p.doc.faces]);
    for (const cover of docs.filter((d) => d.plan.packPart === 'cover')) {
      const input: PackInput = {
        cover: cover.model, sections, contentsTitle: texts.contents, blankText: texts.blank, footer: texts.footer,
        duplex, meta: { ...cover.model.meta, title: cover.plan.title, keywords: ['pack'] }, direction: cover.model.direction,
      };
      packs.push({ path: cover.plan.path, lang, input, delegate: cover.plan.delegate !== undefined, faces: [...sectionFaces, ...cover.faces] });
    }
  }
  return packs;
}

function packJobs(documents: CheckedDocument[], packTexts: Map<string, PackTexts>, options: JobOptions): OutputJob[] {
  const jobs: OutputJob[] = [];
  const packs = planPacks(documents, packTexts, options.duplex).map((p) => (options.pdfStandard === 'none' ? { ...p, input: { ...p.input, meta: { ...p.input.meta, pdfStandard: 'none' as const } } } : p));
  for (const lang of packTexts.keys()) {
    const inputs: PackInput[] = [];
    const printFaces = new Set<FontFace>();
    for (const pack of packs.filter((p) => p.lang === lang)) {
      if (pack.delegate) { inputs.push(pack.input); for (const f of pack.faces) printFaces.add(f); }
      jobs.push(taskJob(
        { path: `${pack.path}.pdf`, lang, kind: 'packs', format: 'pdf', weight: WEIGHTS.packs!, inputs: { input: pack.input, fonts: options.pdfFontKey(pack.faces) } },
        { type: 'pack', path: pack.path, input: pack.input }, options.fonts,
      ));
    }
    if (inputs.length > 0) {
      const first = inputs[0]!;
      const meta = { ...first.meta, keywords: ['print'] };
      jobs.push(taskJob(
        { path: `print/${lang}.pdf`, lang, kind: 'packs', format: 'pdf', weight: WEIGHTS.packs! * inputs.length, inputs: { inputs, meta, fonts: options.pdfFontKey(printFaces) } },
        { type: 'print', inputs, meta, direction: first.direction }, options.fonts,
      ));
    }
  }
  return jobs;
}

/** A font family's licence, as `[family, licence file]`. */
export type Licence = [string, string];

/** The licences of the families of these faces (those with a licence file). */
export function licencesOf(faces: Iterable<FontFace>): Licence[] {
  return [...faces].filter((f) => f.licenceFile !== '').map((f): Licence => [f.id.replace(/-.*$/, ''), f.licenceFile]);
}

/**
 * The licence of every font family the PDFs embed: one file per family, the first list taking
 * precedence over the second (the languages built now over those kept from earlier builds).
 * Licence files are given as stored in the manifest (relative to the project when inside it),
 * read from `root`, and identified by their content.
 */
export async function licenceJobs(current: Iterable<Licence>, kept: Iterable<Licence>, root: string): Promise<OutputJob[]> {
  const byName = new Map<string, string>();
  const order = (list: Iterable<Licence>) => [...list].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
  for (const [name, file] of [...order(current), ...order(kept)]) if (!byName.has(name)) byName.set(name, file);
  const jobs = await Promise.all([...byName].sort(([a], [b]) => a.localeCompare(b)).map(async ([name, file]): Promise<OutputJob | undefined> => {
    // A licence file that has gone (a font folder removed since an earlier build) is not shipped.
    const bytes = await readFile(path.resolve(root, file)).then((b) => new Uint8Array(b), () => undefined);
    if (!bytes) return undefined;
    return {
      path: `licences/${name}.txt`, lang: '', kind: 'licence', format: 'txt', inputs: { sha256: createHash('sha256').update(bytes).digest('hex') }, weight: 0,
      render: async () => ({ bytes }),
    };
  }));
  return jobs.filter((j): j is OutputJob => j !== undefined);
}
