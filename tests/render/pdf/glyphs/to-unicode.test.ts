import { describe, expect, it } from 'vitest';
import { buildToUnicodeCMap, utf16Hex } from '../../../../src/render/pdf/glyphs/to-unicode.js';

describe('buildToUnicodeCMap', () => {
  it('maps CIDs to UTF-16BE text, ligatures and astral characters included', () => {
    const cmap = buildToUnicodeCMap(['', 'A', 'ffi', 'لا', '\u{1D11E}', '']);
    expect(cmap).toContain('4 beginbfchar');
    expect(cmap).toContain('<0001> <0041>');
    expect(cmap).toContain('<0002> <006600660069>');
    expect(cmap).toContain('<0003> <06440627>');
    expect(cmap).toContain('<0004> <D834DD1E>');
    expect(cmap).not.toContain('<0000>  ');
    expect(cmap).not.toMatch(/<0005>/);
    expect(cmap).toContain('/CMapName /Adobe-Identity-UCS def');
  });

  it('splits entries into blocks of at most 100', () => {
    const texts = [''];
    for (let i = 0; i < 250; i++) texts.push(String.fromCharCode(0x4e00 + i));
    const cmap = buildToUnicodeCMap(texts);
    expect(cmap.match(/100 beginbfchar/g)).toHaveLength(2);
    expect(cmap).toContain('50 beginbfchar');
  });

  it('writes hex in upper case', () => {
    expect(utf16Hex('é')).toBe('00E9');
  });
});
