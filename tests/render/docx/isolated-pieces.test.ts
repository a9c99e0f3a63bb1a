import { describe, expect, it } from 'vitest';
import { isolatedPieces } from '../../../src/render/docx/text-runs.js';

describe('data values isolated by runs in DOCX, not by controls', () => {
  it('splits the text at top-level isolates, removes every control and resolves each piece in its own direction', () => {
    expect(isolatedPieces('plain text', 'ltr')).toEqual([{ text: 'plain text', direction: 'ltr' }]);
    expect(isolatedPieces('إلى \u2068Ministry of Labour (MoL)\u2069 في', 'rtl')).toEqual([
      { text: 'إلى ', direction: 'rtl' }, { text: 'Ministry of Labour (MoL)', direction: 'ltr' }, { text: ' في', direction: 'rtl' }]);
    expect(isolatedPieces('To \u2068وزارة العمل\u2069, Rabat', 'ltr')).toEqual([
      { text: 'To ', direction: 'ltr' }, { text: 'وزارة العمل', direction: 'rtl' }, { text: ', Rabat', direction: 'ltr' }]);
    const pieces = isolatedPieces('a \u2068b \u202ec\u2066d\u2069\u2069 e \u2067f', 'ltr');
    expect(pieces.map((p) => p.text).join('')).toBe('a b cd e f');
    expect(pieces.every((p) => !/[\u202a-\u202e\u2066-\u2069]/.test(p.text))).toBe(true);
    expect(pieces.at(-1)).toEqual({ text: 'f', direction: 'rtl' });
  });
});
