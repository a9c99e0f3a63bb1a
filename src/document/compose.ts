/**
 * Template output (Markdown with value tokens) → mdast → literal values swapped in → document model.
 */
import { parseMarkdown } from '../sources/parse-markdown.js';
import type { TemplateOutput } from '../templates/engine.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveLiterals } from './resolve-literals.js';
import { frenchSpacingFor, frenchSpacingInTree } from './french-spacing.js';
import { mdastToBlocks } from './from-mdast.js';
import type { DocumentMetadata, DocumentModel, Direction, Letterhead } from './model.js';
import { languageDirection } from '../config/languages.js';
import { readSourceImage } from './images.js';
import { markQuotationDirections } from './paragraph-direction.js';

export interface ComposeInput {
  kind: string;
  templateFile: string;
  output: TemplateOutput;
  meta: DocumentMetadata;
  header: string;
  footer: string;
  /** See DocumentModel.continuation. */
  continuation?: string;
  /** Collects the files the document reads (images, found or not): absolute path → sha256 of the bytes read, or "missing". */
  reads?: Map<string, string>;
  /** The kit folder: images are read only from inside it (or from `allow`). */
  root?: string;
  /** Folders outside the kit that images may be read from (`files.allow`, real paths). */
  allow?: readonly string[];
  /** The organisers' logos, for `<!-- folio: letterhead -->`. */
  letterhead?: Letterhead;
  /** See DocumentModel.page. */
  page?: { width: number; height: number };
}

export function directionOf(lang: string): Direction {
  return languageDirection(lang);
}

export function composeDocument(input: ComposeInput): { model?: DocumentModel; diagnostics: Diagnostic[] } {
  const parsed = parseMarkdown(input.output.markdown, input.templateFile);
  // Every data value is isolated, in every language: no value can reorder the text around it.
  // The language's own typography, on the document's words before the data values are put in.
  const french = frenchSpacingFor(input.meta.locale ?? input.meta.lang);
  if (french) frenchSpacingInTree(parsed.tree, french);
  const tree = resolveLiterals(parsed.tree, input.output.literals, { isolate: true });
  const converted = mdastToBlocks(tree, {
    file: input.templateFile,
    // Images only come from sources (templates have no folder to resolve them in).
    loadImage: (url, dir) => (dir === undefined ? undefined : readSourceImage(url, dir, { root: input.root, allow: input.allow, reads: input.reads })),
    ...(input.letterhead ? { letterhead: input.letterhead } : {}),
  });
  const diagnostics = [...parsed.diagnostics, ...converted.diagnostics];
  markQuotationDirections(converted.blocks, directionOf(input.meta.lang));
  const model: DocumentModel = {
    kind: input.kind,
    meta: input.meta,
    direction: directionOf(input.meta.lang),
    header: input.header,
    footer: input.footer,
    ...(input.continuation ? { continuation: input.continuation } : {}),
    blocks: converted.blocks,
    footnotes: converted.footnotes,
    origin: input.templateFile,
    ...(input.page && { page: input.page }),
  };
  return { model, diagnostics };
}
