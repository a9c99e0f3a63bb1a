import { describe, expect, it } from 'vitest';
import { makeHelpers } from '../../src/templates/helpers.js';
import { formatList, listComma } from '../../src/templates/lists.js';

const call = (lang: string, name: string, ...args: unknown[]) => (makeHelpers({ lang })[name] as (...a: unknown[]) => unknown)(...args, {});

describe('lists in the document’s language', () => {
  it('joins with the language’s “and” (CLDR) or its comma, the Arabic comma in Arabic script', () => {
    expect(formatList(['English', 'French', 'Arabic'], 'and', 'en-GB')).toBe('English, French and Arabic');
    expect(formatList(['anglais', 'français', 'arabe'], 'and', 'fr')).toBe('anglais, français et arabe');
    expect(formatList(['الإنجليزية', 'الفرنسية', 'العربية'], 'and', 'ar')).toBe('الإنجليزية والفرنسية والعربية');
    expect(formatList(['A', 'B'], 'or', 'fr')).toBe('A ou B');
    expect(formatList(['OSCE', 'ILO', 'IOM'], 'comma', 'ar-MA')).toBe('OSCE، ILO، IOM');
    expect(formatList(['OSCE', 'ILO'], 'comma', 'fr')).toBe('OSCE, ILO');
    expect(listComma('fa-IR')).toBe('\u060c ');
    expect(listComma('not a locale!')).toBe(', ');
  });

  it('offers them to templates as {{list items}} and {{list items "and"}}', () => {
    expect(call('ar', 'list', ['A', 'B', 'C'])).toBe('A، B، C');
    expect(call('fr', 'list', ['A', 'B', 'C'], 'and')).toBe('A, B et C');
    expect(call('en', 'list', 'not a list')).toBe('');
  });
});

describe('time ranges', () => {
  it('never break: word joiners hold the dash to both times', () => {
    expect(call('fr', 'timeRange', '9:00', '10:30')).toBe('09:00\u2060–\u206010:30');
    expect(() => call('en', 'timeRange', '9h', '10:30')).toThrow(/HH:MM/);
  });
});
