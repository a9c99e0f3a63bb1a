import { describe, expect, it } from 'vitest';
import { escapePoString, unescapePoString } from '../../../src/translate/formats/po-escape.js';

describe('escapePoString', () => {
  it('writes the letter escapes gettext writes', () => {
    expect(escapePoString('a"b\\c\nd\te\rf\x07g\bh\fi\vj')).toBe('a\\"b\\\\c\\nd\\te\\rf\\ag\\bh\\fi\\vj');
  });

  it('writes other control characters as octal, and everything else as it is', () => {
    expect(escapePoString('\x1b[0m\x00\x7f')).toBe('\\033[0m\\000\\177');
    expect(escapePoString('مرحبا {{name}} **x** é 😀')).toBe('مرحبا {{name}} **x** é 😀');
  });
});

describe('unescapePoString', () => {
  it('reads every C escape', () => {
    expect(unescapePoString('\\n\\t\\"\\\\\\r\\a\\b\\f\\v')).toEqual({ value: '\n\t"\\\r\x07\b\f\v', problems: [] });
  });

  it('reads octal and hex escapes as bytes of UTF-8', () => {
    expect(unescapePoString('\\101\\x42\\0').value).toBe('AB\0');
    expect(unescapePoString('caf\\303\\251!').value).toBe('café!');
    expect(unescapePoString('\\xc3\\xa9').value).toBe('é');
    // C reads at most three octal digits: the fourth is a character.
    expect(unescapePoString('\\1010').value).toBe('A0');
  });

  it('reports unknown escapes, out-of-range numbers and bytes that are not UTF-8, at their backslash', () => {
    expect(unescapePoString('ab\\q').problems).toEqual([{ offset: 2, message: expect.stringContaining('Unknown escape `\\q`') }]);
    expect(unescapePoString('\\400').problems).toEqual([{ offset: 0, message: expect.stringContaining('up to \\377') }]);
    expect(unescapePoString('x\\x').problems).toEqual([{ offset: 1, message: expect.stringContaining('needs hex digits') }]);
    expect(unescapePoString('\\x123').problems).toEqual([{ offset: 0, message: expect.stringContaining('`\\x123` is out of range') }]);
    expect(unescapePoString('ok \\303\\50').problems).toEqual([
      { offset: 3, message: expect.stringContaining('The escapes `\\303\\50` are not UTF-8') },
    ]);
  });

  it('gives back what escapePoString wrote', () => {
    const samples = ['', 'plain', '"quoted"', 'back\\slash\\', 'line\nbreak\n', '\t\r\x07\b\f\v\x00\x1f\x7f', 'عربي {{x}} **y**'];
    for (const s of samples) expect(unescapePoString(escapePoString(s))).toEqual({ value: s, problems: [] });
  });
});
