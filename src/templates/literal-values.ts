/**
 * Data values must appear in documents exactly as written: never read as Markdown,
 * HTML or template syntax. Templates therefore never print a value into the Markdown
 * they produce; they print a *token* (private-use characters around an index), and
 * the tokens are swapped for the values after the Markdown has been parsed.
 */
import type { RootContent } from 'mdast';

const OPEN = '\uE000';
const CLOSE = '\uE001';
export const TOKEN_PATTERN = /\uE000(\d+)\uE001/g;

/** Parsed Markdown to insert as blocks (a source's content), not as text. */
export class MarkdownFragment {
  constructor(readonly children: RootContent[]) {}
}

export type LiteralValue = string | MarkdownFragment;

/** The values printed by one template run, addressed by their token. */
export class LiteralTable {
  private readonly values: LiteralValue[] = [];

  token(value: unknown): string {
    let stored: LiteralValue;
    if (value instanceof MarkdownFragment) stored = value;
    else if (value === null || value === undefined) stored = '';
    else stored = String(value);
    this.values.push(stored);
    return `${OPEN}${this.values.length - 1}${CLOSE}`;
  }

  get(index: number): LiteralValue {
    const value = this.values[index];
    if (value === undefined) throw new Error(`internal: unknown literal token ${index}`);
    return value;
  }

  /** Replaces every token in a string by its text value (used for URLs and code). */
  resolveText(text: string): string {
    return text.replace(TOKEN_PATTERN, (_, i: string) => {
      const value = this.get(Number(i));
      return typeof value === 'string' ? value : '';
    });
  }

  /** True when `text` is exactly one token standing for a Markdown fragment. */
  fragmentAt(text: string): MarkdownFragment | undefined {
    const m = /^\s*\uE000(\d+)\uE001\s*$/.exec(text);
    if (!m) return undefined;
    const value = this.get(Number(m[1]));
    return value instanceof MarkdownFragment ? value : undefined;
  }
}

export function containsToken(text: string): boolean {
  return text.includes(OPEN);
}
