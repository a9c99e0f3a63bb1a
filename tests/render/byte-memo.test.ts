import { describe, expect, it } from 'vitest';
import { ByteMemo } from '../../src/render/byte-memo.js';

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('ByteMemo', () => {
  it('computes once per content, not per array', () => {
    let calls = 0;
    const memo = new ByteMemo<number[]>((r) => r.length, 4);
    const make = (d: Uint8Array) => { calls++; return [d.length, d[0]!]; };
    const first = memo.get(bytes(8, 1), make);
    expect(memo.get(bytes(8, 1), make)).toBe(first);
    expect(calls).toBe(1);
    expect(memo.get(bytes(8, 2), make)).toEqual([8, 2]);
    // The same first bytes but a different length is different content.
    expect(memo.get(bytes(9, 1), make)).toEqual([9, 1]);
    expect(calls).toBe(3);
  });

  it('does not remember inputs below its threshold', () => {
    let calls = 0;
    const memo = new ByteMemo<number>(() => 1, 16);
    for (let i = 0; i < 3; i++) memo.get(bytes(15, 7), () => ++calls);
    expect(calls).toBe(3);
    memo.get(bytes(16, 7), () => ++calls);
    memo.get(bytes(16, 7), () => ++calls);
    expect(calls).toBe(4);
  });

  it('forgets the oldest results beyond its budget, never the newest', () => {
    let calls = 0;
    const memo = new ByteMemo<number>(() => 10, 0, 25);
    const make = () => ++calls;
    memo.get(bytes(4, 1), make);
    memo.get(bytes(4, 2), make);
    memo.get(bytes(4, 3), make); // 30 bytes kept > 25: the first is forgotten
    expect(calls).toBe(3);
    memo.get(bytes(4, 3), make);
    memo.get(bytes(4, 2), make);
    expect(calls).toBe(3);
    memo.get(bytes(4, 1), make);
    expect(calls).toBe(4);
    // A single result over the budget is still kept.
    const big = new ByteMemo<number>(() => 100, 0, 25);
    let bigCalls = 0;
    big.get(bytes(4, 9), () => ++bigCalls);
    big.get(bytes(4, 9), () => ++bigCalls);
    expect(bigCalls).toBe(1);
  });
});
