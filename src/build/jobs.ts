/**
 * What a build writes, as jobs: each output with the inputs it is made from (an object whose
 * hash identifies it: the document model, the format, the fonts, folio's version) and how to
 * render it. The executor skips a job whose inputs and file on disk are unchanged.
 */
import { readFile } from 'node:fs/promises';
import type { FontLibrary } from '../text/fonts.js';
import { renderPdf } from '../render/pdf/render-pdf.js';
import { renderDocx } from '../render/docx/render-docx.js';
import { layoutPack, renderPack, renderPrintFile, type PackInput, type PackSection } from '../render/pdf/pack.js';
import type { ComposedDocument, PackTexts } from './load-kit.js';
import type { Format } from './plan.js';
import { docxFonts } from './fonts.js';

export interface OutputJob {
  path: string;
  lang: string;
  kind: string;
  format: string;
  /** Everything the output is made from; hashed (see manifest.ts). */
  inputs: unknown;
  render: () => Promise<{ bytes: Uint8Array; pages?: number }>;
}

export interface JobOptions {
  formats: readonly Format[];
  duplex: boolean;
  fonts: FontLibrary;
  /** Identifies the fonts and their settings (a font change rebuilds what uses them). */
  fontKey: unknown;
}

export function planJobs(documents: ComposedDocument[], packTexts: Map<string, PackTexts>, options: JobOptions): OutputJob[] {
  const { fonts, fontKey } = options;
  const docxNames = docxFonts(fonts);
  const jobs: OutputJob[] = [];
  for (const { plan, model } of documents.filter((d) => !d.plan.internal)) {
    for (const format of options.formats) {
      jobs.push({
        path: `${plan.path}.${format}`, lang: plan.lang, kind: plan.kind, format,
        inputs: { format, model, fonts: format === 'pdf' ? fontKey : docxNames },
        render: async () => {
          if (format === 'docx') return { bytes: await renderDocx(model, { fonts: docxNames }) };
          const result = await renderPdf(model, fonts);
          // The glyph check found nothing missing, so this is the renderer disagreeing with it: a bug.
          if (result.missing.length > 0) throw new Error(`internal: the PDF renderer found characters without a font in ${plan.path} that the glyph check missed`);
          return { bytes: result.bytes, pages: result.pages };
        },
      });
    }
  }
  if (options.formats.includes('pdf')) jobs.push(...packJobs(documents, packTexts, options));
  return jobs;
}

function packJobs(documents: ComposedDocument[], packTexts: Map<string, PackTexts>, options: JobOptions): OutputJob[] {
  const jobs: OutputJob[] = [];
  for (const [lang, texts] of packTexts) {
    const docs = documents.filter((d) => d.plan.lang === lang);
    const practical = docs.find((d) => d.plan.packPart === 'practical');
    const sections: PackSection[] = [
      ...docs.filter((d) => d.plan.kind === 'concept-note').map((d) => ({ title: d.plan.title, model: d.model })),
      ...docs.filter((d) => d.plan.kind === 'agenda').map((d) => ({ title: texts.agenda, model: d.model })),
      ...docs.filter((d) => d.plan.kind === 'briefs').map((d) => ({ title: d.plan.title, model: d.model })),
      ...(practical ? [{ title: texts.practical, model: practical.model }] : []),
    ];
    const inputs: PackInput[] = [];
    for (const cover of docs.filter((d) => d.plan.packPart === 'cover')) {
      const input: PackInput = {
        cover: cover.model, sections, contentsTitle: texts.contents, blankText: texts.blank, footer: texts.footer,
        duplex: options.duplex, meta: { ...cover.model.meta, title: cover.plan.title, keywords: ['pack'] }, direction: cover.model.direction,
      };
      if (cover.plan.delegate) inputs.push(input);
      jobs.push({
        path: `${cover.plan.path}.pdf`, lang, kind: 'packs', format: 'pdf', inputs: { input, fonts: options.fontKey },
        render: async () => {
          const result = await renderPack(input, options.fonts);
          if (result.laid.missing.length > 0) throw new Error(`internal: the pack ${cover.plan.path} has characters without a font that the glyph check missed`);
          return { bytes: result.bytes, pages: result.pages };
        },
      });
    }
    if (inputs.length > 0) {
      const first = inputs[0]!;
      const meta = { ...first.meta, keywords: ['print'] };
      jobs.push({
        path: `print/${lang}.pdf`, lang, kind: 'packs', format: 'pdf', inputs: { inputs, meta, fonts: options.fontKey },
        render: async () => {
          const laid = inputs.map((input) => layoutPack(input, options.fonts));
          return { bytes: await renderPrintFile(laid, meta, first.direction), pages: laid.reduce((n, p) => n + p.pages.length, 0) };
        },
      });
    }
  }
  return jobs;
}

/** The licence of every font family the PDFs may embed. */
export function licenceJobs(fonts: FontLibrary): OutputJob[] {
  const byFile = new Map<string, string>();
  for (const face of fonts.faces()) {
    const family = face.id.replace(/-.*$/, '');
    if (!byFile.has(face.licenceFile)) byFile.set(face.licenceFile, family);
  }
  return [...byFile].sort((a, b) => a[1].localeCompare(b[1])).map(([file, name]) => ({
    path: `licences/${name}.txt`, lang: '', kind: 'licence', format: 'txt', inputs: { file },
    render: async () => ({ bytes: new Uint8Array(await readFile(file)) }),
  }));
}
