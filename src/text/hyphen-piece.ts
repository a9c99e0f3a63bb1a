/**
 * The hyphen drawn at the end of a line that breaks a word: a piece of its own in the face and
 * size of the text before it, drawing "-" without text (extracted text has the word whole).
 */
import type { Piece, PreparedParagraph } from './prepare.js';
import { shapeText } from './shape.js';

export function hyphenRun(para: PreparedParagraph, p: Piece) {
  return shapeText({ face: p.face, text: '-', rtl: false, script: p.script, lang: para.lang, before: '', after: '' });
}

export function hyphenPiece(para: PreparedParagraph, after: Piece, at: number): Piece {
  const run = hyphenRun(para, after);
  const piece: Piece = {
    ...after,
    start: at,
    end: at,
    run: { ...run, textOf: run.textOf.map(() => '') },
    width: (run.advance * after.size) / after.face.unitsPerEm,
    trailing: false,
  };
  return piece;
}
