import { describe, expect, it } from 'vitest';
import { compileTemplate, runTemplate } from '../../src/templates/engine.js';
import { composeDocument } from '../../src/document/compose.js';
import type { Block, Inline } from '../../src/document/model.js';
import { templateSet } from '../helpers/template-set.js';

const meta = { title: 't', author: 'a', lang: 'en', date: new Date(0) };

function compose(template: string, context: Record<string, unknown>) {
  const set = templateSet({ doc: template });
  const run = runTemplate(set, 'doc', context, 'en');
  expect(run.diagnostics).toEqual([]);
  const result = composeDocument({ kind: 'test', templateFile: 'templates/doc.md.hbs', output: run.output!, meta, header: '', footer: '' });
  expect(result.diagnostics).toEqual([]);
  return result.model!;
}

/** The printed text; data values come isolated (FSI … PDI), which prints nothing. */
function text(inlines: Inline[]): string {
  return isolatedText(inlines).replace(/[\u2068\u2069]/g, '');
}

function isolatedText(inlines: Inline[]): string {
  return inlines.map((n) => (n.type === 'text' || n.type === 'code' ? n.value : n.type === 'break' ? '\n' : 'children' in n ? isolatedText(n.children) : '')).join('');
}

const HOSTILE = [
  'Ministry of Labour & Social Affairs',
  '<b>Bold</b> &amp; <script>alert(1)</script>',
  '*not emphasis* and _not_ either',
  '[not a link](https://example.org)',
  '# not a heading',
  '{{not.a.template}} {{{raw}}}',
  '1. not a list',
  '> not a quote',
  '| not | a | table |',
  'back\\slash `not code` ~~no~~ [^1]',
  "O'Brien \"quoted\" = done",
];

describe('data values in templates', () => {
  for (const value of HOSTILE) {
    it(`prints ${JSON.stringify(value)} literally in a paragraph, a heading, a list and a table`, () => {
      const model = compose(
        '# Title {{v}}\n\nDear {{v}}, welcome.\n\n- item {{v}}\n\n| a | b |\n|---|---|\n| {{v}} | x |\n',
        { v: value },
      );
      const [heading, paragraph, list, table] = model.blocks as [Block, Block, Block, Block];
      expect(heading.type === 'heading' && text(heading.children)).toBe(`Title ${value}`);
      expect(paragraph.type === 'paragraph' && text(paragraph.children)).toBe(`Dear ${value}, welcome.`);
      expect(list.type === 'list' && list.items[0]![0]!.type === 'paragraph' && text((list.items[0]![0] as { children: Inline[] }).children)).toBe(`item ${value}`);
      expect(table.type === 'table' && text(table.rows[0]![0]!)).toBe(value);
    });
  }

  it('turns line breaks inside a value into hard breaks', () => {
    const model = compose('{{address}}\n', { address: '12 Rue X\n10000 Rabat' });
    const p = model.blocks[0]!;
    expect(p.type).toBe('paragraph');
    if (p.type === 'paragraph') {
      expect(p.children.map((c) => c.type)).toEqual(['text', 'break', 'text']);
      expect(text(p.children)).toBe('12 Rue X\n10000 Rabat');
    }
  });

  it('keeps helper output literal too', () => {
    const model = compose('{{join names ", "}}\n', { names: ['*a*', '_b_'] });
    const p = model.blocks[0]!;
    expect(p.type === 'paragraph' && text(p.children)).toBe('*a*, _b_');
  });

  it('lets the template itself use Markdown around values', () => {
    const model = compose('**{{v}}** and *{{v}}*\n', { v: 'x & y' });
    const p = model.blocks[0]!;
    expect(p.type === 'paragraph' && p.children.map((c) => c.type)).toEqual(['strong', 'text', 'emphasis']);
  });

  it('resolves values inside link targets', () => {
    const model = compose('[site]({{url}})\n', { url: 'https://example.org/a_b*c' });
    const p = model.blocks[0]!;
    expect(p.type === 'paragraph' && p.children[0]!.type === 'link' && (p.children[0] as { url: string }).url).toBe('https://example.org/a_b*c');
  });
});

describe('data values in right-to-left documents', () => {
  it('are isolated (FSI … PDI, UAX #9), so a Latin address keeps its own order', () => {
    const set = templateSet({ doc: 'العنوان: {{address}}\n' });
    const run = runTemplate(set, 'doc', { address: '12, avenue Annakhil\n10100 Rabat' }, 'ar');
    const result = composeDocument({ kind: 'test', templateFile: 'templates/doc.md.hbs', output: run.output!, meta: { ...meta, lang: 'ar' }, header: '', footer: '' });
    const p = result.model!.blocks[0]!;
    expect(p.type === 'paragraph' && isolatedText(p.children)).toBe('العنوان: \u206812, avenue Annakhil\u2069\n\u206810100 Rabat\u2069');
  });
});

describe('data values in every document', () => {
  it('are isolated in left-to-right documents too, so an override in a value cannot reach the text around it', () => {
    const model = compose('Dear {{name}}, welcome.\n', { name: 'Dr Amina' });
    const p = model.blocks[0]!;
    expect(p.type === 'paragraph' && isolatedText(p.children)).toBe('Dear \u2068Dr Amina\u2069, welcome.');
  });
});

describe('template errors', () => {
  it('names the template, line, column and variable of a missing value (strict mode)', () => {
    const set = templateSet({ doc: 'Hello\n\nDear {{country.nmae}},\n' });
    const run = runTemplate(set, 'doc', { country: { name: 'Malta' } }, 'en');
    expect(run.output).toBeUndefined();
    expect(run.diagnostics).toHaveLength(1);
    const d = run.diagnostics[0]!;
    expect(d).toMatchObject({ file: 'templates/doc.md.hbs', line: 3, rule: 'template/missing-variable', severity: 'error' });
    expect(d.column).toBeGreaterThan(1);
    expect(d.message).toContain('nmae');
  });

  it('reports a syntax error with its line', () => {
    const result = compileTemplate('ok\n\n{{#if x}}\nno end\n', 'templates/bad.md.hbs');
    expect('diagnostic' in result).toBe(true);
    if ('diagnostic' in result) {
      expect(result.diagnostic.rule).toBe('template/syntax');
      expect(result.diagnostic.file).toBe('templates/bad.md.hbs');
    }
  });

  it('reports an unknown helper', () => {
    const set = templateSet({ doc: '{{shout name}}\n' });
    const run = runTemplate(set, 'doc', { name: 'x' }, 'en');
    expect(run.diagnostics[0]?.rule).toMatch(/template\/(unknown-helper|missing-variable)/);
  });
});

describe('helpers', () => {
  it('formats dates, date ranges and times in the document language', () => {
    const set = templateSet({ doc: '{{date d}} | {{dateRange a b}} | {{time t}} | {{spell 3}} | {{plural 1 "seat" "seats"}} {{plural 2 "seat" "seats"}}\n' });
    const run = runTemplate(set, 'doc', { d: '2027-03-16', a: '2027-03-16', b: '2027-03-17', t: '09:05' }, 'en');
    const resolved = run.output!.literals.resolveText(run.output!.markdown);
    expect(resolved.trim()).toMatch(/^16 March 2027 \| 16\s?–\s?17 March 2027 \| 09:05 \| three \| seat seats$/);
  });
});
