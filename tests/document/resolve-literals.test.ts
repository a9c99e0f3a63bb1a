import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { addressUrl, resolveLiterals } from '../../src/document/resolve-literals.js';
import { LiteralTable } from '../../src/templates/literal-values.js';

const paragraph = (value: string): Root => ({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] });

describe('values that are addresses become links', () => {
  it('knows an e-mail address and a web address, and nothing else', () => {
    expect(addressUrl('lmh-rabat-secretariat@example.org')).toBe('mailto:lmh-rabat-secretariat@example.org');
    expect(addressUrl(' f.bennani@emploi.gov.ma ')).toBe('mailto:f.bennani@emploi.gov.ma');
    expect(addressUrl('https://www.example.org/seminar')).toBe('https://www.example.org/seminar');
    expect(addressUrl('www.osce.org')).toBe('https://www.osce.org');
    for (const not of ['Leïla Bennani, lmh@example.org', 'a@b', 'name @ example.org', '+212 537 55 01 20', 'Ministry of Labour', 'javascript:alert(1)', 'ftp://x.org', '@example.org']) {
      expect(addressUrl(not), not).toBeUndefined();
    }
  });

  it('prints an address value as a link to it, isolated like every value, the text around it unchanged', () => {
    for (const isolate of [false, true]) {
      const literals = new LiteralTable();
      const tree = resolveLiterals(paragraph(`Write to ${literals.token('lmh-rabat@example.org')} or ${literals.token('Rabat')}.`), literals, { isolate });
      const shown = (v: string) => (isolate ? `\u2068${v}\u2069` : v);
      expect((tree.children[0] as { children: unknown[] }).children).toEqual([
        { type: 'text', value: 'Write to ' },
        { type: 'link', url: 'mailto:lmh-rabat@example.org', children: [{ type: 'text', value: shown('lmh-rabat@example.org') }] },
        { type: 'text', value: ` or ${shown('Rabat')}.` },
      ]);
    }
  });
});
