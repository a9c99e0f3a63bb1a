import { describe, expect, it } from 'vitest';
import { FuzzyIndex, similarity, words } from '../../src/translate/memory/fuzzy-index.js';

describe('fuzzy index', () => {
  it('scores by word edit distance', () => {
    expect(similarity(words('a b c d'), words('a b c d'))).toBe(100);
    expect(similarity(words('a b c d'), words('a b x d'))).toBe(75);
    expect(similarity(words('a b c d'), words('e f g h'))).toBe(0);
  });

  it('finds the best match above the threshold, and nothing below it', () => {
    const index = new FuzzyIndex<string>();
    index.add({ source: 'The seminar will take place in Rabat in March', payload: 'one' });
    index.add({ source: 'Completely different sentence about budgets', payload: 'two' });
    const [best] = index.search('The seminar will take place in Rabat in April', 75);
    expect(best!.item.payload).toBe('one');
    expect(best!.score).toBe(88);
    expect(index.search('Unrelated words only', 75)).toEqual([]);
  });

  it('pre-selects candidates instead of scoring all pairs (a large memory stays usable)', () => {
    const index = new FuzzyIndex<number>();
    const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i}`);
    // mulberry32: a small deterministic generator.
    let seed = 7;
    const rnd = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const sentence = () => Array.from({ length: 12 + Math.floor(rnd() * 20) }, () => vocabulary[Math.floor(rnd() * vocabulary.length)]).join(' ');
    const sentences = Array.from({ length: 20000 }, sentence);
    sentences.forEach((s, i) => index.add({ source: s, payload: i }));
    // Each query is a memory sentence with one word changed: its origin must be found.
    for (let q = 0; q < 200; q++) {
      const i = Math.floor(rnd() * sentences.length);
      const list = sentences[i]!.split(' ');
      list[0] = 'changed';
      const [best] = index.search(list.join(' '), 75);
      expect(sentences[best!.item.payload]).toBe(sentences[i]);
    }
  });
});
