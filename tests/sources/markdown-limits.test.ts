import { describe, expect, it } from 'vitest';
import { checkMarkdownLimits } from '../../src/sources/markdown-limits.js';
import { LIMITS } from '../../src/input/limits.js';

const rules = (text: string) => checkMarkdownLimits(text, 'f.md').map((d) => `${d.rule}@${d.line}`);

describe('Markdown limits, checked before parsing', () => {
  it('nesting: just under and just over the limit, quotes and lists', () => {
    expect(rules(`${'> '.repeat(LIMITS.nestingDepth)}x`)).toEqual([]);
    expect(rules(`text\n\n${'> '.repeat(LIMITS.nestingDepth + 1)}x`)).toEqual(['limit/nesting@3']);
    expect(rules(`${'- '.repeat(LIMITS.nestingDepth + 1)}x`)).toEqual(['limit/nesting@1']);
    const indented = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n');
    expect(rules(indented(LIMITS.nestingDepth))).toEqual([]);
    expect(rules(indented(LIMITS.nestingDepth + 1))).toEqual([`limit/nesting@${LIMITS.nestingDepth + 1}`]);
  });
  it('block size: a paragraph just under and just over, table rows one by one', () => {
    expect(rules('a'.repeat(LIMITS.blockChars - 1))).toEqual([]);
    expect(rules(`# t\n\n${'a'.repeat(LIMITS.blockChars)}`)).toEqual(['limit/block-size@3']);
    const row = `| ${'a'.repeat(LIMITS.blockChars / 2)} |`;
    expect(rules([row, '| - |', row, row, row].join('\n'))).toEqual([]);
  });
  it('markup: per block and per file', () => {
    expect(rules('*'.repeat(LIMITS.delimitersPerBlock))).toEqual([]);
    expect(rules('*'.repeat(LIMITS.delimitersPerBlock + 1))).toEqual(['limit/markup@1']);
    const block = `${'*a* '.repeat(LIMITS.delimitersPerBlock / 4)}\n\n`;
    const blocks = Math.ceil(LIMITS.delimitersPerFile / (LIMITS.delimitersPerBlock / 2));
    expect(rules(block.repeat(blocks - 1))).toEqual([]);
    expect(rules(block.repeat(blocks + 1))).toEqual([`limit/markup@${blocks * 2 + 1}`]);
  });
});
