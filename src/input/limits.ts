/**
 * The limits folio puts on what it reads, so that inputs that are legal but extreme end in a
 * clear diagnostic instead of a hang or an exhausted memory. Each is listed in the README
 * (section "Limits"); the nomination forms' own limits are in nominations/form-limits.ts and
 * the images' in document/images.ts.
 */
export const LIMITS = {
  /** `sources/seminar.yaml` and `sources/participants.yaml`. */
  configBytes: 2 * 1024 * 1024,
  /** One Markdown source (concept note, theme brief, handbook chapter) or template. */
  sourceBytes: 1024 * 1024,
  /** One block of Markdown (lines without a blank line between them; a table's row), in characters. */
  blockChars: 20_000,
  /**
   * Markdown punctuation that can open or close inline markup (`*`, `_`, `[`, `]`, `` ` ``,
   * `~`, `<`, `>`, `!`, `^`), per block and per file: the Markdown parser's time grows fast
   * with them (10 000 characters of `*_[` take it seconds), while prose has a few per paragraph.
   */
  delimitersPerBlock: 2_000,
  delimitersPerFile: 20_000,
  /** Nesting of block containers (lists, quotes): the parser itself overflows its stack near 10 000. */
  nestingDepth: 32,
  /** One translation store `translations/<lang>.po`, or a file given to `folio import`. */
  storeBytes: 64 * 1024 * 1024,
  /** One translation memory `translations/memory/*.tmx`. */
  memoryBytes: 64 * 1024 * 1024,
} as const;

/** `12 MiB`, `640 KiB`: a size as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
