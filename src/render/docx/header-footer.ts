/**
 * The running header (the model's header text) and footer (its page-number pattern,
 * `{page}` and `{pages}` becoming PAGE and NUMPAGES fields, ECMA-376 §17.16.5.43/.39).
 */
import { Footer, Header, PageNumber, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { DocumentContext } from './context.js';
import { paragraphDirection } from './direction.js';
import { PARAGRAPH_STYLE } from './styles.js';
import { textRuns } from './text-runs.js';

/** A piece of a footer pattern: literal text or a page-number field. */
export type FooterPiece = { text: string } | { field: 'page' | 'pages' };

/** Splits a footer pattern on `{page}` and `{pages}`; everything else is literal text. */
export function parseFooterPattern(pattern: string): FooterPiece[] {
  const pieces: FooterPiece[] = [];
  let last = 0;
  for (const match of pattern.matchAll(/\{(pages?)\}/g)) {
    if (match.index > last) pieces.push({ text: pattern.slice(last, match.index) });
    pieces.push({ field: match[1] as 'page' | 'pages' });
    last = match.index + match[0].length;
  }
  if (last < pattern.length) pieces.push({ text: pattern.slice(last) });
  return pieces;
}

/** The header, or nothing when the model's header text is empty. */
export function buildHeader(text: string, doc: DocumentContext): Header | undefined {
  if (text.trim() === '') return undefined;
  return new Header({
    children: [
      new Paragraph({
        style: PARAGRAPH_STYLE.header,
        ...paragraphDirection(doc.direction),
        children: textRuns(text, {}, doc, doc.direction),
      }),
    ],
  });
}

/** The footer, or nothing when the model's footer pattern is empty. */
export function buildFooter(pattern: string, doc: DocumentContext): Footer | undefined {
  if (pattern.trim() === '') return undefined;
  const children: ParagraphChild[] = parseFooterPattern(pattern).flatMap((piece): ParagraphChild[] =>
    'text' in piece
      ? textRuns(piece.text, {}, doc, doc.direction)
      : [new TextRun({ children: [piece.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES] })],
  );
  return new Footer({
    children: [new Paragraph({ style: PARAGRAPH_STYLE.footer, ...paragraphDirection(doc.direction), children })],
  });
}

/**
 * A letter's continuation header (pages 2 and on, the first page having none): its reference
 * and the footer's "Page N of M".
 */
export function buildContinuationHeader(reference: string, pattern: string, doc: DocumentContext): Header {
  const pieces: ParagraphChild[] = [
    ...textRuns(reference, {}, doc, doc.direction),
    ...(pattern.trim() === ''
      ? []
      : [
        ...textRuns(' · ', {}, doc, doc.direction),
        ...parseFooterPattern(pattern).flatMap((piece): ParagraphChild[] =>
          'text' in piece
            ? textRuns(piece.text, {}, doc, doc.direction)
            : [new TextRun({ children: [piece.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES] })]),
      ]),
  ];
  return new Header({ children: [new Paragraph({ style: PARAGRAPH_STYLE.header, ...paragraphDirection(doc.direction), children: pieces })] });
}
