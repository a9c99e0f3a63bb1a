import { describe, expect, it } from 'vitest';
import { findBidiControlProblems, lineColumnAt, stripBidiControls } from '../../src/input/bidi-controls.js';

describe('findBidiControlProblems', () => {
  it('flags every embedding and override, wherever it is', () => {
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e]) {
      const problems = findBidiControlProblems(`Ministry ${String.fromCharCode(cp)}of Labour`);
      expect(problems).toEqual([{ index: 9, name: expect.stringContaining(cp.toString(16).toUpperCase()), problem: 'unexpected' }]);
    }
  });
  it('accepts closed isolates and marks, flags unclosed and unopened ones', () => {
    expect(findBidiControlProblems('a \u2066b\u2069 \u2067c\u2068d\u2069\u2069 \u200e\u200f\u061c')).toEqual([]);
    expect(findBidiControlProblems('\u2067open')).toMatchObject([{ index: 0, problem: 'unclosed' }]);
    expect(findBidiControlProblems('close\u2069')).toMatchObject([{ index: 5, problem: 'unopened' }]);
    expect(findBidiControlProblems('\u2068a\u2068b\u2069')).toMatchObject([{ index: 0, problem: 'unclosed' }]);
  });
  it('strips controls and places indexes', () => {
    expect(stripBidiControls('\u2068a\u202eb\u2069')).toBe('ab');
    expect(lineColumnAt('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
  });
});
