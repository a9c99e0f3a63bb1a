/**
 * A render job as plain data, so that it can be posted to a worker thread: the document model
 * (or the pack's parts) and what the renderer needs besides the fonts, which each worker loads
 * once. `runTask` is the same code in the main thread and in the workers.
 */
import { isLetter, type DocumentModel, type DocumentMetadata, type Direction } from '../document/model.js';
import type { FontLibrary } from '../text/fonts.js';
import type { DocxFonts } from '../render/docx/fonts.js';
import type { PackInput } from '../render/pdf/pack.js';

export type RenderTask =
  | { type: 'pdf'; path: string; model: DocumentModel }
  | { type: 'docx'; model: DocumentModel; fonts: DocxFonts }
  | { type: 'pack'; path: string; input: PackInput }
  | { type: 'print'; inputs: PackInput[]; meta: DocumentMetadata; direction: Direction };

export interface RenderResult {
  bytes: Uint8Array;
  pages?: number;
}

/** Renders one task. Renderers are imported on first use: `validate` and `--check` never load them. */
export async function runTask(task: RenderTask, fonts: FontLibrary): Promise<RenderResult> {
  switch (task.type) {
    case 'pdf': {
      const { renderPdf } = await import('../render/pdf/render-pdf.js');
      const result = await renderPdf(task.model, fonts);
      // The glyph check found nothing missing, so this is the renderer disagreeing with it: a bug.
      if (result.missing.length > 0) throw new Error(`internal: the PDF renderer found characters without a font in ${task.path} that the glyph check missed`);
      return { bytes: result.bytes, pages: result.pages };
    }
    case 'docx': {
      const { renderDocx } = await import('../render/docx/render-docx.js');
      const { docxEmbeddedFaces } = await import('./fonts.js');
      // A letter is set as closely as its PDF had to be to keep to one page.
      const letterTier = isLetter(task.model) ? (await import('../render/pdf/render-pdf.js')).fitLetter(task.model, fonts).tier : 0;
      return { bytes: await renderDocx(task.model, { fonts: task.fonts, embed: docxEmbeddedFaces(fonts, task.fonts), letterTier }) };
    }
    case 'pack': {
      const { renderPack } = await import('../render/pdf/pack.js');
      const result = await renderPack(task.input, fonts);
      if (result.laid.missing.length > 0) throw new Error(`internal: the pack ${task.path} has characters without a font that the glyph check missed`);
      return { bytes: result.bytes, pages: result.pages };
    }
    case 'print': {
      const { layoutPack, renderPrintFile } = await import('../render/pdf/pack.js');
      const laid = task.inputs.map((input) => layoutPack(input, fonts));
      return { bytes: await renderPrintFile(laid, task.meta, task.direction), pages: laid.reduce((n, p) => n + p.pages.length, 0) };
    }
  }
}
