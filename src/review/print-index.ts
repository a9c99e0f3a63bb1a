/**
 * Where each text of a language is printed: its documents laid out in memory (as the PDF renderer
 * lays them out, nothing written), and for each page the texts that begin on it. A unit from a
 * Markdown source is found by its place (file and line); any other (a template's or the
 * configuration's wording) by its printed text.
 */
import path from 'node:path';
import { plainText } from '../document/contents.js';
import type { CheckedDocument, PlannedPack } from '../build/jobs.js';
import type { FontLibrary } from '../text/fonts.js';
import { layoutDocument, type PageItems } from '../render/pdf/render-pdf.js';
import { layoutPack } from '../render/pdf/pack.js';

export interface PrintedAt {
  /** The PDF, relative to the output folder (`fr/handbook.pdf`). */
  pdf: string;
  /** 1-based page. */
  page: number;
}

export interface PrintIndex {
  /** By `file:line` of the source (the file relative to the project). */
  byPlace: Map<string, PrintedAt>;
  /** Every text that begins a box, in document and page order, spaces made plain. */
  texts: { text: string; at: PrintedAt }[];
  /** The PDFs laid out, with their page counts. */
  documents: Map<string, number>;
  /** The PDFs each source file prints in (by the places found in them). */
  pdfsOf: Map<string, Set<string>>;
}

/**
 * Every separator (no-break, narrow, thin spaces) as one space; soft hyphens and direction
 * controls (the isolates around a value, marks) gone: the text as a reader would type it.
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00ad\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/[\s\u00a0\u202f\u2009]+/gu, ' ').trim();
}

/**
 * The documents first, then the packs (not the personalised ones, alike but for their cover):
 * a text printed both in a document of its own and in a pack is found in the document.
 */
export function printIndex(documents: readonly CheckedDocument[], packs: readonly PlannedPack[], fonts: FontLibrary, root: string): PrintIndex {
  const index: PrintIndex = { byPlace: new Map(), texts: [], documents: new Map(), pdfsOf: new Map() };
  const add = (pdf: string, pages: readonly PageItems[]) => {
    index.documents.set(pdf, pages.length);
    pages.forEach((page, i) => {
      const at = { pdf, page: i + 1 };
      for (const origin of page.origins ?? []) {
        if (origin.place) {
          const file = path.isAbsolute(origin.place.file) ? path.relative(root, origin.place.file) : origin.place.file;
          const stored = file.split(path.sep).join('/');
          const key = `${stored}:${origin.place.line}`;
          if (!index.byPlace.has(key)) index.byPlace.set(key, at);
          const pdfs = index.pdfsOf.get(stored) ?? new Set<string>();
          index.pdfsOf.set(stored, pdfs.add(pdf));
        }
        const text = plainSpaces(plainText(origin.inlines));
        if (text !== '') index.texts.push({ text, at });
      }
    });
  };
  for (const doc of documents) {
    // The documents written as PDF files of their own (a pack's practical part is not one).
    if (doc.plan.internal || (doc.plan.formats && !doc.plan.formats.includes('pdf'))) continue;
    add(`${doc.plan.path}.pdf`, layoutDocument(doc.model, fonts).pages);
  }
  for (const pack of packs) if (!pack.delegate) add(`${pack.path}.pdf`, layoutPack(pack.input, fonts).pages);
  return index;
}

/**
 * The first place a text is printed: the page of the first box whose text holds all of its
 * literal pieces, in order (a message's placeholders are filled in the documents, so only the
 * text between them can be looked for), in the PDFs its source file prints in first (a chapter's
 * title is also a session of the agenda). A text whose longest piece is under 4 characters says
 * too little to be looked for.
 */
export function findPrinted(index: PrintIndex, pieces: readonly string[], sourceFile?: string): PrintedAt | undefined {
  const wanted = pieces.map(plainSpaces).filter((p) => p.length >= 2);
  if (wanted.length === 0 || Math.max(...wanted.map((p) => p.length)) < 4) return undefined;
  const holds = (text: string) => {
    let at = 0;
    for (const piece of wanted) {
      const found = text.indexOf(piece, at);
      if (found < 0) return false;
      at = found + piece.length;
    }
    return true;
  };
  const preferred = sourceFile === undefined ? undefined : index.pdfsOf.get(sourceFile);
  for (const within of preferred ? [preferred, undefined] : [undefined]) {
    const found = index.texts.find((t) => (within === undefined || within.has(t.at.pdf)) && holds(t.text));
    if (found) return found.at;
  }
  return undefined;
}
