import type { SourcePlace } from '../diagnostics/diagnostic.js';

/** Where a unit comes from. */
export type SegmentKind = 'title' | 'heading' | 'paragraph' | 'cell' | 'message' | 'config' | 'alt' | 'link-title';

/**
 * One translatable unit. Its identity is `context` + `source` (PO msgctxt + msgid), so an
 * unchanged paragraph keeps its translation wherever it moves in its document.
 */
export interface Segment {
  context: string;
  /** Markdown (sources), ICU MessageFormat (template messages) or plain text (titles, config values). */
  source: string;
  kind: SegmentKind;
  /** How the text is read back: Markdown inline content, an ICU message, or plain text. */
  syntax: 'markdown' | 'icu' | 'plain';
  place: SourcePlace;
  /** A note for translators (PO extracted comment). */
  note?: string;
  /** Footnote labels the source uses (needed to parse a translation back). */
  footnoteLabels?: string[];
}

/** A template or layout message (ICU MessageFormat) as a translation unit. */
export function messageSegment(context: string, source: string, place: SourcePlace, note?: string): Segment {
  return { context, source, kind: 'message', syntax: 'icu', place, ...(note ? { note } : {}) };
}

export function segmentKey(context: string, source: string): string {
  return `${context}\u0004${source}`;
}
