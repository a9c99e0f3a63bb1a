/**
 * Font per character, through the stacks' fallback; characters no face has
 * are reported with their span's place and left out.
 */
import { isForcedBreak, isInvisibleControl, isOtherControl } from './controls.js';
import type { FontFace } from './fonts.js';
import type { MissingChar, PreparedParagraph } from './prepare.js';
import { isNeutralScript, scriptOf } from './scripts.js';
import type { StyledSpan } from './style.js';

/** `faceOf` value: nothing to draw (forced break, control, missing character). */
export const SKIP = -1;
/** `faceOf` value while choosing: an invisible control that takes its neighbour's face. */
const ATTACH = -2;

/**
 * Picks a face per character: Common and Inherited characters (spaces,
 * punctuation, digits, marks) stay with the face before them when it has the
 * glyph and their resolved script is the same; others take the first face of the stack for their script that does.
 */
export function chooseFaces(para: PreparedParagraph): void {
  const { text, faceOf, scripts, spanOf, spans, fonts } = para;
  const index = new Map<FontFace, number>();
  let prevFace = SKIP;
  let prevGroup = -1;
  let prevScript = '';
  const reported = new Set<string>();
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const n = cp > 0xffff ? 2 : 1;
    let f: number;
    if (isForcedBreak(cp) || isOtherControl(cp)) {
      f = SKIP;
    } else if (isInvisibleControl(cp)) {
      f = ATTACH;
    } else {
      const span = spanOf[i]!;
      const group = para.styleGroupOf[span]!;
      const own = scriptOf(cp);
      const sameStyle = group === prevGroup || own === 'Zinh';
      // A neutral stays with the face before it only within the same resolved script: after a
      // forced break or an isolate that starts a Latin line, a digit takes the Latin face.
      const sameScript = scripts[i] === prevScript || own === 'Zinh';
      if (prevFace >= 0 && sameStyle && sameScript && isNeutralScript(own) && para.faces[prevFace]!.hasCodePoint(cp)) {
        f = prevFace;
      } else {
        const face = fonts.faceFor(spans[span]!.style, cp, scripts[i]!);
        if (face) {
          f = index.get(face) ?? -1;
          if (f < 0) {
            f = para.faces.length;
            para.faces.push(face);
            index.set(face, f);
          }
        } else {
          f = SKIP;
          const key = `${cp}|${span}`;
          if (!reported.has(key)) {
            reported.add(key);
            para.missing.push(missingChar(cp, spans[span]!));
          }
        }
      }
      prevGroup = group;
      prevScript = scripts[i]!;
      if (f >= 0) prevFace = f;
    }
    faceOf[i] = f;
    if (n === 2) faceOf[i + 1] = f;
    i += n;
  }
  // Invisible controls ride along with the character before them (or after,
  // at the start), taking its face and level, so they never split a piece:
  // the shaper sees ZWJ/ZWNJ in context and removes the rest.
  const { levels } = para;
  let last = SKIP;
  for (let i = 0; i < text.length; i++) {
    if (faceOf[i] === ATTACH) {
      if (last >= 0) {
        faceOf[i] = faceOf[last]!;
        levels[i] = levels[last]!;
      }
    } else if (faceOf[i]! >= 0) {
      last = i;
    }
  }
  let next = SKIP;
  for (let i = text.length - 1; i >= 0; i--) {
    if (faceOf[i] === ATTACH) {
      faceOf[i] = next >= 0 ? faceOf[next]! : SKIP;
      if (next >= 0) levels[i] = levels[next]!;
    } else if (faceOf[i]! >= 0) {
      next = i;
    }
  }
}

export function missingChar(cp: number, span: StyledSpan): MissingChar {
  const m: MissingChar = { codePoint: cp, char: String.fromCodePoint(cp) };
  if (span.place) m.place = span.place;
  return m;
}

