import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/document/model.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { FIXED_DATE, Unpacked, list, makeArabicModel, makeModel, para, paragraphWithText, paragraphsOf, runsOf, text } from './helpers.js';

const arabic = (blocks: Block[], extra = {}) => renderDocx(makeArabicModel(blocks, extra)).then((b) => new Unpacked(b));

describe('right-to-left documents', () => {
  it('makes the section and every paragraph bidirectional, aligned by start and end', async () => {
    const docx = await arabic(
      [para('العنوان', 'title'), para('نص الفقرة'), para('في الوسط', 'body', 'center'), para('في البداية', 'meta', 'start'), para('في النهاية', 'body', 'end'), list(['بند'])],
      { header: 'الرأس', footer: 'الصفحة {page} من {pages}' },
    );
    expect(docx.document).toMatch(/<w:sectPr>[\s\S]*<w:bidi\/><w:docGrid[\s\S]*<\/w:sectPr>/);
    for (const p of paragraphsOf(docx.document)) expect(p.xml).toContain('<w:bidi/>');
    expect(paragraphWithText(docx.document, 'في البداية').xml).toContain('<w:jc w:val="start"/>');
    expect(paragraphWithText(docx.document, 'في النهاية').xml).toContain('<w:jc w:val="end"/>');
    expect(docx.document).not.toMatch(/<w:jc w:val="(left|right)"\/>/);
    expect(paragraphWithText(docx.part('word/header1.xml'), 'الرأس').xml).toContain('<w:bidi/>');
    expect(docx.part('word/footer1.xml')).toContain('<w:bidi/>');
  });

  it('marks only Arabic runs right-to-left, with complex-script font and language', async () => {
    const docx = await arabic([
      para([text('كلمة Water Governance هنا '), { type: 'strong', children: [text('عريض')] }, text(' و'), { type: 'emphasis', children: [text('مائل')] }]),
    ]);
    const runs = runsOf(docx.document);
    const run = (t: string) => runs.find((r) => r.text === t)!;
    expect(run('كلمة ').props).toMatch(/<w:rFonts w:cs="Amiri"\/>[\s\S]*<w:rtl\/>[\s\S]*<w:lang w:bidi="ar-MA"\/>/);
    expect(run('Water Governance').props).toBe('');
    expect(run('عريض').props).toMatch(/<w:b\/><w:bCs\/>/);
    expect(run('مائل').props).toMatch(/<w:i\/><w:iCs\/>/);
    for (const r of runs.filter((x) => /[\u0600-\u06ff]/.test(x.text))) expect(r.props).toContain('<w:rtl/>');
    for (const r of runs.filter((x) => /[A-Za-z]/.test(x.text))) expect(r.props).not.toContain('<w:rtl/>');
  });

  it('keeps a left-to-right data value in its order with marks of its direction, not isolate controls', async () => {
    const docx = await arabic([para([text('العنوان: \u206844, rue Mohamed Belouizdad\u2069 و\u206816070 Algiers\u2069')])]);
    const texts = runsOf(docx.document).map((r) => r.text);
    expect(texts).toContain('\u200e44, rue Mohamed Belouizdad\u200e');
    expect(texts).toContain('\u200e16070 Algiers\u200e');
    expect(docx.document).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(texts.filter((t) => /[\u0600-\u06ff]/.test(t)).every((t) => !t.includes('\u200e'))).toBe(true);
  });

  it('sets sizes and the language for complex scripts in the styles', async () => {
    const styles = (await arabic([])).part('word/styles.xml');
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)![0];
    expect(defaults).toContain('<w:lang w:bidi="ar-MA"/>');
    expect(defaults).toMatch(/<w:rFonts [^>]*w:cs="Amiri"/);
    expect(defaults).toMatch(/<w:szCs w:val="\d+"\/>/);
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:bCs\/>[\s\S]*?<w:szCs w:val="\d+"\/>/);
  });

  it('lays tables out right to left', async () => {
    const docx = await arabic([{ type: 'table', style: 'grid', align: ['left', 'right'], header: [[text('الوقت')], [text('القاعة')]], rows: [] }]);
    expect(docx.document).toContain('<w:bidiVisual/>');
    expect(paragraphWithText(docx.document, 'الوقت').xml).toContain('<w:jc w:val="start"/>');
    expect(paragraphWithText(docx.document, 'القاعة').xml).toContain('<w:jc w:val="end"/>');
  });

  it('puts the quote border on the start side and keeps code left to right', async () => {
    const docx = await arabic([{ type: 'blockquote', children: [para('اقتباس')] }, { type: 'code', value: 'x = 1 // تعليق' }]);
    expect(docx.part('word/styles.xml')).toMatch(/w:styleId="Quote"[\s\S]*?<w:pBdr><w:right w:val="single"[^>]*\/><\/w:pBdr><w:ind w:start="567"\/>/);
    const code = paragraphWithText(docx.document, 'x = 1 // تعليق');
    expect(code.xml).not.toContain('<w:bidi/>');
    expect(runsOf(code.xml).find((r) => r.text === 'x = 1 // ')!.props).not.toContain('<w:rtl/>');
  });

  it('uses the Hebrew font for Hebrew text', async () => {
    const docx = new Unpacked(
      await renderDocx(makeModel([para('שלום עולם')], { direction: 'rtl', meta: { title: 't', author: 'a', lang: 'he', date: FIXED_DATE } })),
    );
    expect(runsOf(docx.document)[0]!.props).toMatch(/<w:rFonts w:cs="Noto Sans Hebrew"\/>[\s\S]*<w:rtl\/>[\s\S]*<w:lang w:bidi="he"\/>/);
  });

  it('marks Arabic words in a left-to-right document without making it bidirectional', async () => {
    const docx = new Unpacked(await renderDocx(makeModel([para('Welcome — مرحبا بكم — to Rabat')])));
    const runs = runsOf(docx.document);
    expect(runs.map((r) => r.text)).toEqual(['Welcome — ', 'مرحبا بكم', ' — to Rabat']);
    expect(runs[1]!.props).toContain('<w:rtl/>');
    expect(runs[1]!.props).toContain('<w:lang w:bidi="ar"/>');
    expect(docx.document).not.toContain('<w:bidi/>');
    expect(docx.document).not.toContain('<w:bidiVisual/>');
  });
});
