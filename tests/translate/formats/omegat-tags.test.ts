/** TMX in OmegaT's tags (formats/omegat-tags.ts): names, codes left out at the ends, escaping. */
import { describe, expect, it } from 'vitest';
import type { InlineCode } from '../../../src/translate/content.js';
import { edgeCodes, omegatNames, omegatSegment } from '../../../src/translate/formats/omegat-tags.js';
import { writeTmx } from '../../../src/translate/formats/tmx.js';

const open = (id: string, data: string): InlineCode => ({ kind: 'open', id, data });
const close = (id: string, data: string): InlineCode => ({ kind: 'close', id, data });
const ph = (id: string, data: string): InlineCode => ({ kind: 'standalone', id, data });

describe('OmegaT tags', () => {
  it('names each code by the first letter of its markup (f without one) and its place, a pair once', () => {
    const source = ['See ', open('1', '**'), 'this', close('1', '**'), ' and ', open('2', '['), 'that', close('2', '](https://x.org)'), ' for ', ph('3', '{country}'), '.'];
    expect([...omegatNames(source)]).toEqual([['open:1', 'f0'], ['open:2', 'f1'], ['standalone:3', 'c2']]);
    expect(omegatSegment(source, omegatNames(source), edgeCodes(source), true)).toBe('See &lt;f0&gt;this&lt;/f0&gt; and &lt;f1&gt;that&lt;/f1&gt; for &lt;c2/&gt;.');
  });

  it('leaves out codes at the very ends (and the pair around everything), trimming the source only', () => {
    const source = [ph('1', '{city}'), ', ', ph('2', '{date}')];
    const target = [ph('1', '{city}'), ', le ', ph('2', '{date}')];
    const names = omegatNames(source);
    const edges = edgeCodes(source);
    expect(omegatSegment(source, names, edges, true)).toBe(',');
    expect(omegatSegment(target, names, edges, false)).toBe(', le ');
    const bold = [open('1', '**'), 'All bold', close('1', '**'), ph('2', '[^1]')];
    expect(omegatSegment(bold, omegatNames(bold), edgeCodes(bold), true)).toBe('All bold');
  });

  it('writes a TMX whose segments carry the tags as text, source and translation alike', () => {
    const tmx = writeTmx({ sourceLang: 'en', entries: [{ variants: new Map([['en', ['A ', open('1', '**'), 'b', close('1', '**'), ' c']], ['fr', ['Un ', open('1', '**'), 'b', close('1', '**'), ' c']]]) }] }, { tags: 'omegat' });
    expect(tmx).toContain('<seg>A &lt;f0&gt;b&lt;/f0&gt; c</seg>');
    expect(tmx).toContain('<seg>Un &lt;f0&gt;b&lt;/f0&gt; c</seg>');
    expect(tmx).not.toContain('<bpt');
  });
});
