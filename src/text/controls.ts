/**
 * Characters the text engine treats specially: invisible format controls,
 * forced breaks and breaking spaces.
 */

/**
 * Default_Ignorable_Code_Point characters that matter in practice: soft hyphen,
 * Arabic letter mark, ZWSP, ZWNJ, ZWJ, LRM/RLM, bidi embeddings and isolates,
 * word joiner and invisible operators, variation selectors, BOM/ZWNBSP.
 * They take part in bidi and shaping (ZWJ/ZWNJ steer Arabic joining) but
 * draw nothing: HarfBuzz removes them (BufferFlag.REMOVE_DEFAULT_IGNORABLES).
 */
export function isInvisibleControl(cp: number): boolean {
  return (
    cp === SOFT_HYPHEN ||
    cp === 0x034f ||
    cp === 0x061c ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0xe0000 && cp <= 0xe0fff) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** A forced line break inside a paragraph. */
export const FORCED_BREAK = 0x0a;
/** U+00AD: a place a word may be hyphenated, drawn only when a line ends there. */
export const SOFT_HYPHEN = 0x00ad;

/**
 * Mandatory line breaks (UAX #14 LB4–LB5: classes BK, LF, NL; CR is turned
 * into LF before this): LF, VT, FF, NEL, LINE SEPARATOR, PARAGRAPH
 * SEPARATOR. Each ends a line of the same paragraph and draws nothing.
 */
export function isForcedBreak(cp: number): boolean {
  return cp === FORCED_BREAK || cp === 0x0b || cp === 0x0c || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

/**
 * Spaces that may hang at the end of a line (dropped there) and, for U+0020
 * and NBSP, stretch in justified lines. NBSP and U+202F never allow a break
 * (UAX #14 class GL) but U+202F is French thin spacing and keeps its width.
 */
export function isBreakingSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x3000 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a && cp !== 0x2007) || cp === 0x205f;
}

/** Spaces whose width justification may stretch. */
export function isStretchableSpace(text: string): boolean {
  return text === ' ' || text === '\u00a0';
}

/** Other C0/C1 controls: never drawn (tabs are turned into spaces before this). */
export function isOtherControl(cp: number): boolean {
  return (cp < 0x20 && cp !== FORCED_BREAK) || (cp >= 0x7f && cp < 0xa0);
}
