/**
 * Text from a returned form or its file name, made safe to print in a diagnostic: control
 * characters (a line break could forge a second diagnostic line, an escape sequence could
 * drive the terminal) and bidirectional controls (which reorder what the eye reads) are shown
 * as `\u{…}` escapes, and a long text is cut.
 */
const UNSAFE = /[\p{Cc}\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\u061c\ufeff]/gu;

export function printable(text: string, max = 80): string {
  // Code points, not UTF-16 units, so that a cut never splits a character; never the whole of a long text.
  const head = Array.from(text.slice(0, 2 * max + 1));
  const cut = head.length > max ? `${head.slice(0, max).join('')}…` : text;
  return cut.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
