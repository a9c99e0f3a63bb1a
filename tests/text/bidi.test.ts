import { describe, expect, it } from 'vitest';
import { resolveLevels, visualOrder } from '../../src/text/bidi.js';
import { resolveScripts, scriptOf } from '../../src/text/scripts.js';

describe('visualOrder (UAX #9 L2)', () => {
  it('reverses runs from the highest level down to the lowest odd one', () => {
    expect(visualOrder([0, 0, 0])).toEqual([0, 1, 2]);
    expect(visualOrder([1, 1, 1])).toEqual([2, 1, 0]);
    // RTL paragraph with an LTR number inside: the number stays LTR, the rest flips.
    expect(visualOrder([1, 2, 2, 1])).toEqual([3, 1, 2, 0]);
    expect(visualOrder([0, 1, 1, 0, 2])).toEqual([0, 2, 1, 3, 4]);
  });
});

describe('resolveLevels', () => {
  it('takes the paragraph level from the first strong character unless told', () => {
    expect(resolveLevels('abc مرحبا', 'auto').baseLevel).toBe(0);
    expect(resolveLevels('مرحبا abc', 'auto').baseLevel).toBe(1);
    expect(resolveLevels('abc', 'rtl').baseLevel).toBe(1);
    expect(Array.from(resolveLevels('abc', 'rtl').levels)).toEqual([2, 2, 2]);
  });

  it('treats \\n as a line inside the same paragraph', () => {
    const { levels, baseLevel } = resolveLevels('مرحبا\nabc', 'auto');
    expect(baseLevel).toBe(1);
    expect(levels[6]).toBe(2);
  });
});

describe('scripts', () => {
  it('names scripts with ISO 15924 codes and gives neutrals the script around them', () => {
    expect(scriptOf(0x41)).toBe('Latn');
    expect(scriptOf(0x628)).toBe('Arab');
    expect(scriptOf(0x5d0)).toBe('Hebr');
    expect(scriptOf(0x20)).toBe('Zyyy');
    expect(scriptOf(0x64e)).toBe('Zinh');
    expect(resolveScripts('16 مارس 2027, OSCE')).toEqual([...'AAAAAAAAAAAAAALLLL'].map((c) => (c === 'A' ? 'Arab' : 'Latn')));
  });

  it('starts afresh after a forced break and inside an isolate, and takes the outer script back after PDI', () => {
    const of = (pattern: string) => [...pattern].map((c) => ({ A: 'Arab', L: 'Latn' })[c]);
    // An Arabic line, then a Latin address line opening with digits: the digits are Latin.
    expect(resolveScripts('وزارة\n44, rue')).toEqual(of('AAAAALLLLLLLL'));
    // The same inside an isolate in running Arabic text; the neutrals after PDI are Arabic again.
    expect(resolveScripts('في \u206844 rue\u2069 2 مارس')).toEqual(of('AAALLLLLLLAAAAAAAA'));
    // An isolate of digits alone, at the start: it takes the script that follows.
    expect(resolveScripts('\u206812\u2069 OSCE')).toEqual(of('LLLLLLLLL'));
  });
});
