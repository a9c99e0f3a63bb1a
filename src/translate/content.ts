/**
 * Segment content as translation tools see it: text with inline codes that stand for markup
 * (emphasis, strong, links, inline code, line breaks, footnote marks, message arguments).
 * Translators may move codes but not break them. PO shows the same content as Markdown;
 * XLIFF and TMX show it as <g>/<x>/<ph>/<pc>/<bpt>/<ept> elements.
 */

/** One inline code. Paired codes (an `open` and its `close`) share the same `id`. */
export interface InlineCode {
  kind: 'open' | 'close' | 'standalone';
  /** Unique within the segment; pairs share it. Plain digits ("1", "2", …) in folio's own exports. */
  id: string;
  /** The original markup this code stands for, e.g. `**`, `[`, `](https://…)`, `` `x` ``, `{country}`. */
  data: string;
  /** A short human-readable form for tools that show codes (XLIFF `equiv-text`, `disp`). */
  equiv?: string;
}

export type ContentPart = string | InlineCode;

/** A segment's content: text runs and codes, in order. */
export type Content = ContentPart[];

export function isCode(part: ContentPart): part is InlineCode {
  return typeof part !== 'string';
}

/** The plain text of content, codes left out (for matching and word counts). */
export function contentText(content: Content): string {
  return content.filter((p): p is string => typeof p === 'string').join('');
}

/** Adjacent text parts merged, empty ones dropped: a canonical form for comparisons. */
export function normaliseContent(content: Content): Content {
  const out: Content = [];
  for (const part of content) {
    if (typeof part === 'string') {
      if (part === '') continue;
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + part;
      else out.push(part);
    } else out.push(part);
  }
  return out;
}
