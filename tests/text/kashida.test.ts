/**
 * Arabic justification by kashida: where tatweels may go (alreq's places and order), and what
 * a justified Arabic line looks like with them: full width, joined, tatweels without text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FontLibrary } from '../../src/text/fonts.js';
import { kashidaPlaces } from '../../src/text/kashida.js';
import { layoutParagraph, type LaidLine, type ParagraphOptions } from '../../src/text/layout-paragraph.js';
import { serif } from './helpers.js';

let fonts: FontLibrary;
let tatweel: number;
beforeAll(async () => {
  fonts = await FontLibrary.load();
  const laid = layoutParagraph(fonts, [{ text: 'ـ', style: serif }], { width: 100, align: 'start', direction: 'rtl', lang: 'ar', lineHeight: 1.4 });
  tatweel = laid.lines[0]!.glyphs[0]!.glyphId;
});

const AR = 'يناقش المشاركون مراقبة الانتخابات وحماية حقوق الإنسان، ويتبادلون الخبرات حول أفضل الممارسات في المنطقة، ثم يختتمون أعمالهم بتوصيات مشتركة ترفع إلى الأمانة العامة للمنظمة، وتنشر السياسات المقترحة على نطاق واسع.';
const justify: ParagraphOptions = { width: 260, align: 'justify', direction: 'rtl', lang: 'ar', lineHeight: 1.5 };

/** Where in a word the places are, as "letter before|letter after" pairs, best first. */
function pairs(word: string): string[] {
  return kashidaPlaces(word, 0, word.length).map((p) => `${word[p.at - 1]}|${word[p.at]}:${p.priority}`);
}

describe('kashidaPlaces', () => {
  it('puts Seen and Sad first, then final Heh/Teh Marbuta, and other joins last', () => {
    expect(pairs('سلام')[0]).toBe('س|ل:2');
    expect(pairs('مدرسة')).toEqual(['س|ة:2', 'م|د:3']);
    expect(pairs('العمالة')[0]).toBe('ل|ة:3');
    expect(pairs('كتاب')[0]).toBe('ت|ا:4');
  });

  it('never elongates after a letter that does not join the next, nor inside Lam-Alef', () => {
    expect(pairs('دار')).toEqual([]);
    expect(pairs('وزراء')).toEqual([]);
    expect(pairs('لا')).toEqual([]);
    expect(pairs('سلا').every((p) => !p.startsWith('ل|'))).toBe(true);
  });

  it('goes after a letter\'s marks, not between the letter and its mark', () => {
    const word = 'مُدَرِّسَة';
    for (const p of kashidaPlaces(word, 0, word.length)) expect(/[\u064b-\u065f]/.test(word[p.at]!)).toBe(false);
    expect(kashidaPlaces(word, 0, word.length).length).toBeGreaterThan(0);
  });
});

function tatweels(line: LaidLine): number {
  return line.glyphs.filter((g) => g.glyphId === tatweel).length;
}

describe('justified Arabic lines', () => {
  it('take kashida, fill the line, and keep only the original letters as text', () => {
    const { lines } = layoutParagraph(fonts, [{ text: AR, style: serif }], justify);
    expect(lines.length).toBeGreaterThan(2);
    const body = lines.slice(0, -1);
    expect(body.reduce((n, l) => n + tatweels(l), 0)).toBeGreaterThan(0);
    for (const line of body) expect(line.contentWidth).toBeCloseTo(260, 3);
    for (const line of lines) for (const g of line.glyphs) if (g.glyphId === tatweel) expect(g.text).toBe('');
    // Copied text: the letters of the source, in order, no tatweel.
    const text = lines.map((l) => [...l.glyphs].reverse().map((g) => g.text).join('')).join('');
    expect(text.replace(/\s/g, '')).toBe(AR.replace(/\s/g, ''));
    // The last line is not justified, so it takes none.
    expect(tatweels(lines.at(-1)!)).toBe(0);
  });

  it('puts one place per word before a second one in any word', () => {
    const { lines } = layoutParagraph(fonts, [{ text: AR, style: serif }], justify);
    for (const line of lines) {
      // Runs of tatweels (one place each) per line, and the line's words.
      let places = 0;
      for (let i = 0; i < line.glyphs.length; i++) if (line.glyphs[i]!.glyphId === tatweel && line.glyphs[i - 1]?.glyphId !== tatweel) places++;
      const words = line.glyphs.filter((g) => g.text === ' ').length + 1;
      expect(places).toBeLessThanOrEqual(words);
    }
  });

  it('is off when asked, and for Hebrew, which justifies by spaces only', () => {
    const off = layoutParagraph(fonts, [{ text: AR, style: serif }], { ...justify, kashida: false });
    expect(off.lines.reduce((n, l) => n + tatweels(l), 0)).toBe(0);
    for (const line of off.lines.slice(0, -1)) expect(line.contentWidth).toBeCloseTo(260, 3);
    const he = 'המשתתפים דנים בהגירת עבודה, בהגנה על זכויות העובדים ובשיתוף פעולה בין מדינות המוצא והיעד, ומסכמים בהמלצות משותפות.';
    const hebrew = layoutParagraph(fonts, [{ text: he, style: serif }], { ...justify, lang: 'he', width: 200 });
    expect(hebrew.lines.reduce((n, l) => n + tatweels(l), 0)).toBe(0);
  });
});
