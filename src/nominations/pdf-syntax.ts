/**
 * Just enough of the PDF syntax (PDF 32000-1:2008 §7.2 lexical conventions, §7.3 objects) to
 * read the dictionaries in front of streams before the file is given to pdf-lib: names
 * (with `#xx` escapes, §7.3.5), numbers, references, arrays, dictionaries; strings and
 * everything else are skipped. Works on the file as a latin1 string (one character a byte).
 * It never reads past the end it is given, never recurses deeper than MAX_DEPTH and keeps at
 * most MAX_ITEMS items of an array or dictionary, so a hostile file costs it time
 * proportional to its size, no more.
 */
export type PdfValue =
  | { kind: 'name'; name: string }
  | { kind: 'number'; value: number }
  | { kind: 'ref'; num: number; gen: number }
  | { kind: 'array'; items: PdfValue[] }
  | { kind: 'dict'; entries: Map<string, PdfValue> }
  | { kind: 'other' };

const MAX_DEPTH = 32;
const MAX_ITEMS = 256;

/** Character classes by code (§7.2.2): 1 white space, 2 delimiter, 0 regular. */
const CLASS = new Uint8Array(256);
for (const c of '\0\t\n\f\r ') CLASS[c.charCodeAt(0)] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;
const regular = (code: number) => CLASS[code & 0xff] === 0;
const digit = (code: number) => code >= 0x30 && code <= 0x39;

const OTHER: PdfValue = { kind: 'other' };

/**
 * What the reader returns for syntax it does not follow (nested too deep, or cut off at the
 * end it was given): a value, not an exception, because a hostile file can make every one of
 * its objects fail, deep down, and unwinding costs more than returning.
 */
export const UNREADABLE: PdfValue = { kind: 'other' };

export class PdfLexer {
  /** Reads `text` from `pos`, never past `end` (the next object's header: an object ends before it). */
  constructor(private readonly text: string, public pos: number, private readonly end = text.length) {}

  /** Skips white space and comments (§7.2.3). */
  skipSpace(): void {
    const t = this.text;
    while (this.pos < this.end) {
      const code = t.charCodeAt(this.pos);
      if (CLASS[code] === 1) this.pos++;
      else if (code === 0x25 /* % */) {
        while (this.pos < this.end && t.charCodeAt(this.pos) !== 0x0a && t.charCodeAt(this.pos) !== 0x0d) this.pos++;
      } else break;
    }
  }

  /** The next value, or UNREADABLE. */
  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) return UNREADABLE;
    this.skipSpace();
    if (this.pos >= this.end) return UNREADABLE;
    const t = this.text;
    const code = t.charCodeAt(this.pos);
    if (code === 0x2f /* / */) return { kind: 'name', name: this.name() };
    if (code === 0x3c /* < */ && t.charCodeAt(this.pos + 1) === 0x3c) return this.dict(depth);
    if (code === 0x3c) return this.skipTo(0x3e /* > */);
    if (code === 0x28 /* ( */) return this.literalString();
    if (code === 0x5b /* [ */) return this.array(depth);
    if (digit(code) || code === 0x2b || code === 0x2d || code === 0x2e) return this.number();
    // A keyword (true, false, null, or anything else): up to the next delimiter.
    const start = this.pos;
    while (this.pos < this.end && regular(t.charCodeAt(this.pos))) this.pos++;
    if (this.pos === start) this.pos++; // a stray delimiter: `)`, `>`, `]`, `{`, `}`
    return OTHER;
  }

  /** §7.3.3 numbers, and `n g R` references (§7.3.10) after an integer. */
  private number(): PdfValue {
    const t = this.text;
    const start = this.pos;
    let pos = start;
    if (t.charCodeAt(pos) === 0x2b || t.charCodeAt(pos) === 0x2d) pos++;
    const digitsFrom = pos;
    while (pos < this.end && digit(t.charCodeAt(pos))) pos++;
    let integer = pos > digitsFrom && start === digitsFrom;
    if (pos < this.end && t.charCodeAt(pos) === 0x2e) {
      integer = false;
      pos++;
      while (pos < this.end && digit(t.charCodeAt(pos))) pos++;
    }
    const value = Number(t.slice(start, pos));
    this.pos = pos;
    if (Number.isNaN(value)) return OTHER; // a sign or dot alone
    if (integer && pos < this.end - 3) {
      // ws+ digits ws+ R, then a delimiter, white space or the end
      let p = pos;
      while (p < this.end && CLASS[t.charCodeAt(p)] === 1) p++;
      const gen = p;
      while (p < this.end && digit(t.charCodeAt(p))) p++;
      if (p > gen && gen > pos && p < this.end && CLASS[t.charCodeAt(p)] === 1) {
        const genEnd = p;
        while (p < this.end && CLASS[t.charCodeAt(p)] === 1) p++;
        if (p < this.end && t.charCodeAt(p) === 0x52 /* R */ && (p + 1 >= this.end || !regular(t.charCodeAt(p + 1)))) {
          this.pos = p + 1;
          return { kind: 'ref', num: value, gen: Number(t.slice(gen, genEnd)) };
        }
      }
    }
    return { kind: 'number', value };
  }

  private name(): string {
    const t = this.text;
    let end = this.pos + 1;
    while (end < this.end && regular(t.charCodeAt(end))) end++;
    const raw = t.slice(this.pos + 1, end);
    this.pos = end;
    return raw.includes('#') ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw;
  }

  private dict(depth: number): PdfValue {
    this.pos += 2;
    const entries = new Map<string, PdfValue>();
    const t = this.text;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) return UNREADABLE;
      if (t.charCodeAt(this.pos) === 0x3e && t.charCodeAt(this.pos + 1) === 0x3e) {
        this.pos += 2;
        return { kind: 'dict', entries };
      }
      if (t.charCodeAt(this.pos) !== 0x2f) {
        if (this.value(depth + 1) === UNREADABLE) return UNREADABLE; // not a key: skipped, as lenient readers do
        continue;
      }
      const key = this.name();
      const value = this.value(depth + 1);
      if (value === UNREADABLE) return UNREADABLE;
      if (entries.size < MAX_ITEMS || entries.has(key)) entries.set(key, value);
    }
  }

  private array(depth: number): PdfValue {
    this.pos += 1;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) return UNREADABLE;
      if (this.text.charCodeAt(this.pos) === 0x5d /* ] */) {
        this.pos += 1;
        return { kind: 'array', items };
      }
      const item = this.value(depth + 1);
      if (item === UNREADABLE) return UNREADABLE;
      if (items.length < MAX_ITEMS) items.push(item);
    }
  }

  /** §7.3.4.2: balanced parentheses, backslash escapes. */
  private literalString(): PdfValue {
    const t = this.text;
    let level = 0;
    while (this.pos < this.end) {
      const code = t.charCodeAt(this.pos++);
      if (code === 0x5c /* \ */) this.pos++;
      else if (code === 0x28) level++;
      else if (code === 0x29 && --level === 0) return OTHER;
    }
    return UNREADABLE;
  }

  private skipTo(code: number): PdfValue {
    let at = this.pos;
    while (at < this.end && this.text.charCodeAt(at) !== code) at++;
    if (at >= this.end) return UNREADABLE;
    this.pos = at + 1;
    return OTHER;
  }
}
