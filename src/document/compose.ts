/**
 * Template output (Markdown with value tokens) → mdast → literal values swapped in → document model.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMarkdown } from '../sources/parse-markdown.js';
import type { TemplateOutput } from '../templates/engine.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveLiterals } from './resolve-literals.js';
import { mdastToBlocks } from './from-mdast.js';
import type { DocumentMetadata, DocumentModel, Direction } from './model.js';
import { readImage } from './images.js';
import { markQuotationDirections } from './paragraph-direction.js';

export interface ComposeInput {
  kind: string;
  templateFile: string;
  output: TemplateOutput;
  meta: DocumentMetadata;
  header: string;
  footer: string;
  /** Collects the files the document reads (images, found or not): absolute path → sha256 of the bytes read, or "missing". */
  reads?: Map<string, string>;
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi']);

export function directionOf(lang: string): Direction {
  return RTL_LANGUAGES.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

export function composeDocument(input: ComposeInput): { model?: DocumentModel; diagnostics: Diagnostic[] } {
  const parsed = parseMarkdown(input.output.markdown, input.templateFile);
  const tree = resolveLiterals(parsed.tree, input.output.literals, { isolate: directionOf(input.meta.lang) === 'rtl' });
  const converted = mdastToBlocks(tree, {
    file: input.templateFile,
    loadImage: (url, dir) => {
      if (/^[a-z]+:/i.test(url) || !dir) return undefined;
      const file = path.resolve(dir, decodeURIComponent(url));
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        input.reads?.set(file, 'missing');
        return undefined;
      }
      // The hash of the bytes used, not of the file later: an image changed during a build is seen by the next one.
      input.reads?.set(file, createHash('sha256').update(bytes).digest('hex'));
      return readImage(bytes);
    },
  });
  const diagnostics = [...parsed.diagnostics, ...converted.diagnostics];
  markQuotationDirections(converted.blocks, directionOf(input.meta.lang));
  const model: DocumentModel = {
    kind: input.kind,
    meta: input.meta,
    direction: directionOf(input.meta.lang),
    header: input.header,
    footer: input.footer,
    blocks: converted.blocks,
    footnotes: converted.footnotes,
    origin: input.templateFile,
  };
  return { model, diagnostics };
}
