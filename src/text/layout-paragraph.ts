/**
 * Paragraph layout: styled spans in, lines of positioned glyphs out.
 *
 * Pipeline: bidi levels (UAX #9) → break opportunities (UAX #14) → fonts per
 * character → pieces of one style, face, level and script, mirrored at odd
 * levels and shaped by HarfBuzz (cached) → line breaking (justified text: Knuth–Plass with
 * hyphenation, optimal-lines.ts; otherwise, and as the fallback, greedy filling) → per line:
 * kashida (justified Arabic), visual order (L2), justification, alignment.
 */
import { justifyWithKashida } from './kashida.js';
import { fillLines } from './line-fill.js';
import { optimalLines } from './optimal-lines.js';
import { placeLine, type LaidLine } from './place-line.js';
import { prepareParagraph, type MissingChar, type PreparedParagraph } from './prepare.js';
import type { FontLibrary } from './fonts.js';
import type { StyledSpan } from './style.js';

export type { LaidLine, PlacedGlyph } from './place-line.js';
export type { MissingChar } from './prepare.js';

export interface ParagraphOptions {
  /** Box width, pt. */
  width: number;
  align: 'start' | 'center' | 'end' | 'justify';
  /** Base direction; `auto` = first strong character (UAX #9 P2–P3), LTR if none. */
  direction: 'ltr' | 'rtl' | 'auto';
  /** BCP 47 language, for shaping (e.g. `ar`, `fr`). */
  lang: string;
  /** Baseline-to-baseline distance as a multiple of the font size, e.g. 1.35. */
  lineHeight: number;
  /**
   * Indent of the first line on the start side, pt. Negative: a hanging
   * (outdented) first line, which may then start left of 0 (LTR) or end
   * right of `width` (RTL).
   */
  firstLineIndent?: number;
  /** Justified text: hyphenate by `lang` (default true; never in ragged text). */
  hyphenate?: boolean;
  /** Justified Arabic: widen lines by kashida before stretching spaces (default true). */
  kashida?: boolean;
}

export interface LaidParagraph {
  /** No lines for empty text. */
  lines: LaidLine[];
  direction: 'ltr' | 'rtl';
  /** Characters no face of the stacks can draw; left out of the lines. */
  missing: MissingChar[];
}

/**
 * Lays out one paragraph. `\n` in a span is a forced line break (so are CR,
 * CR LF, VT, FF, NEL, U+2028 and U+2029); tabs become spaces. No line is wider than `options.width` unless a single grapheme is.
 */
export function layoutParagraph(fonts: FontLibrary, spans: StyledSpan[], options: ParagraphOptions): LaidParagraph {
  // The same paragraph is laid out again in the same column by the packs (and the running
  // heads on every page): laid paragraphs are kept per font library, and shared, read-only.
  let cache = laidCache.get(fonts);
  if (!cache) { cache = new Map(); laidCache.set(fonts, cache); }
  const key = cacheKey(spans, options);
  const cached = cache.get(key);
  if (cached) return cached;
  const laid = layoutUncached(fonts, spans, options);
  if (laid.missing.length === 0 && key.length <= MAX_CACHED_KEY) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, laid);
  }
  return laid;
}

const laidCache = new WeakMap<FontLibrary, Map<string, LaidParagraph>>();
const MAX_CACHED = 20_000;
/**
 * Paragraphs longer than this are not kept: a laid character weighs some
 * hundred bytes of glyphs, and a few huge paragraphs must not pin gigabytes
 * for the rest of the process.
 */
const MAX_CACHED_KEY = 50_000;

/** Everything a layout depends on besides the fonts: the options, and each span's text and style. */
function cacheKey(spans: StyledSpan[], o: ParagraphOptions): string {
  let key = `${o.width}|${o.align}|${o.direction}|${o.lang}|${o.lineHeight}|${o.firstLineIndent ?? 0}|${o.hyphenate ?? true}|${o.kashida ?? true}`;
  for (const { text, style: s } of spans) {
    key += `\u0000${s.family}|${s.bold ? 1 : 0}${s.italic ? 1 : 0}${s.superscript ? 1 : 0}|${s.size}|${s.color?.join(',') ?? ''}|${s.link ?? ''}|${s.linkTitle ?? ''}\u0001${text}`;
  }
  return key;
}

function layoutUncached(fonts: FontLibrary, spans: StyledSpan[], options: ParagraphOptions): LaidParagraph {
  const para = prepareParagraph(fonts, spans, options.direction, options.lang);
  const indent = options.firstLineIndent ?? 0;
  const justify = options.align === 'justify';
  const kashida = justify && (options.kashida ?? true);
  const specs =
    (justify && optimalLines(para, { width: options.width, firstLineIndent: indent, hyphenate: options.hyphenate ?? true, kashida })) ||
    fillLines(para, options.width, indent);
  const lines = specs.map((spec, i) =>
    placeLine(kashida && !spec.last && !spec.forced ? justifyWithKashida(para, spec, Math.max(0, options.width - (i === 0 ? indent : 0))) : spec, {
      width: options.width,
      indent: i === 0 ? indent : 0,
      align: options.align,
      baseLevel: para.baseLevel,
      lineHeight: options.lineHeight,
      empty: emptyLineMetrics(para, spec.start),
    }),
  );
  return { lines, direction: para.baseLevel & 1 ? 'rtl' : 'ltr', missing: para.missing };
}

/**
 * Widths for table column sizing: the widest piece that cannot be broken
 * (a word with what sticks to it) and the width of the text unwrapped (the
 * widest line between forced breaks). Hanging spaces count in neither.
 */
export function measureSpans(
  fonts: FontLibrary,
  spans: StyledSpan[],
  /** Pass the same values as to the later layoutParagraph call, so shaping is cached once. */
  options: Partial<Pick<ParagraphOptions, 'direction' | 'lang'>> = {},
): { minWidth: number; maxWidth: number } {
  const para = prepareParagraph(fonts, spans, options.direction ?? 'auto', options.lang ?? '');
  let minWidth = 0;
  let maxWidth = 0;
  let line = 0;
  for (const seg of para.segments) {
    minWidth = Math.max(minWidth, seg.contentWidth);
    maxWidth = Math.max(maxWidth, line + seg.contentWidth);
    line += seg.width;
    if (seg.forced) line = 0;
  }
  return { minWidth, maxWidth };
}

function emptyLineMetrics(para: PreparedParagraph, at: number) {
  const span = para.spans[para.spanOf[Math.min(at, para.text.length - 1)] ?? 0] ?? para.spans[0]!;
  const script = para.scripts[Math.min(at, para.text.length - 1)] ?? 'Latn';
  return { face: para.fonts.primaryFace(span.style, script), size: span.style.size };
}
