import { beforeAll, describe, expect, it } from 'vitest';
import { FontLibrary } from '../../src/text/fonts.js';
import { layoutParagraph, measureSpans, type LaidLine, type ParagraphOptions } from '../../src/text/layout-paragraph.js';
import { shapeStats } from '../../src/text/shape.js';
import type { StyledSpan } from '../../src/text/style.js';
import { random, serif, visualText } from './helpers.js';

let fonts: FontLibrary;
beforeAll(async () => {
  fonts = await FontLibrary.load();
});

const base: ParagraphOptions = { width: 400, align: 'start', direction: 'auto', lang: 'en', lineHeight: 1.35 };

function lay(text: string | StyledSpan[], options: Partial<ParagraphOptions> = {}) {
  const spans = typeof text === 'string' ? [{ text, style: serif }] : text;
  return layoutParagraph(fonts, spans, { ...base, ...options });
}

/** The right edge of a line's content. */
function right(line: LaidLine): number {
  return line.x + line.contentWidth;
}

describe('line breaking', () => {
  it('breaks at spaces and drops the spaces at line ends', () => {
    const { lines } = lay('alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu', { width: 120 });
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      const text = visualText(line);
      expect(text).toMatch(/^[a-z]+( [a-z]+)*$/);
    }
    expect(lines.map(visualText).join(' ')).toBe('alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu');
  });

  it('never breaks an e-mail address or URL of a link at a hyphen or dot; only after @ or /', () => {
    const link = (text: string) => ({ text, style: { ...serif, link: `mailto:${text}` } });
    for (const width of [130, 160, 220, 300]) {
      const { lines } = lay([{ text: 'Write to ', style: serif }, link('lmh-rabat-secretariat@example-mail.org'), { text: ' today.', style: serif }], { width });
      const texts = lines.map(visualText);
      const joined = texts.join('|');
      // A line inside the address ends only after its @.
      for (const line of texts.slice(0, -1)) if (/[a-z.-]$/.test(line) && !/Write to$/.test(line)) expect(joined, `${width}`).toMatch(/@\|/);
      expect(joined, `${width}`).not.toMatch(/-\|/);
      expect(joined.replace(/\|/g, ''), `${width}`).toContain('lmh-rabat-secretariat@example-mail.org');
    }
    const url = lay([{ text: 'https://www.example.org/seminar-2027/practical-information', style: { ...serif, link: 'https://www.example.org/' } }], { width: 150 }).lines.map(visualText);
    expect(url.length).toBeGreaterThan(1);
    for (const line of url.slice(0, -1)) expect(line).toMatch(/\/$/);
    // Words of a link still break at spaces, and plain text at its hyphens.
    expect(lay([{ text: 'the concept note of the seminar', style: { ...serif, link: '#note' } }], { width: 80 }).lines.length).toBeGreaterThan(1);
    expect(lay('lmh-rabat-secretariat-of-the-seminar', { width: 80 }).lines.map(visualText).join('|')).toMatch(/-\|/);
  });

  it('keeps NBSP and U+202F and never breaks at them', () => {
    const { lines } = lay('à 9\u202fh «\u00a0Les\u00a0Misérables\u00a0»', { width: 100 });
    expect(lines.length).toBe(2);
    const all = lines.map(visualText);
    expect(all.join('|')).toContain('«\u00a0Les\u00a0Misérables\u00a0»');
    expect(all.join('|')).toContain('9\u202fh');
  });

  it('makes a line break at \\n, turns tabs into spaces and draws no invisible control', () => {
    const { lines, missing } = lay('one\ttwo\nthree a\u200db soft\u00adhy\u200eph\u202ben');
    expect(lines).toHaveLength(2);
    expect(visualText(lines[0]!)).toBe('one two');
    expect(visualText(lines[1]!)).toBe('three ab softhyphen');
    expect(missing).toEqual([]);
    for (const line of lines) for (const g of line.glyphs) expect(g.glyphId).not.toBe(0);
  });

  it('breaks a word wider than the line between grapheme clusters', () => {
    const word = 'Donaudampfschiffahrtsgesellschaftskapita\u0308n';
    const { lines } = lay(word, { width: 60 });
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(right(line)).toBeLessThanOrEqual(60 + 1e-6);
    expect(lines.map(visualText).join('')).toBe(word);
    // The combining diaeresis stays with its a.
    for (const line of lines) expect(visualText(line).startsWith('\u0308')).toBe(false);
  });

  it('never makes a line wider than the box (property test)', () => {
    const next = random(20270316);
    const words = ['a', 'of', 'the', 'seminar', 'séminaire', 'l’œuvre', 'OSCE', '2027', '09:00–10:30', '(Rabat)', 'الرباط', 'مُدَرِّس', 'منظمة', 'لا', 'Participantsparticipantsparticipants', 'בוקר', '«\u00a0x\u00a0»', 'ﬁ'];
    for (let run = 0; run < 300; run++) {
      const count = 1 + Math.floor(next() * 25);
      const parts: string[] = [];
      for (let i = 0; i < count; i++) parts.push(words[Math.floor(next() * words.length)]!);
      const text = parts.join(next() < 0.1 ? '\n' : ' ');
      const width = 20 + next() * 380;
      const align = (['start', 'center', 'end', 'justify'] as const)[Math.floor(next() * 4)]!;
      const direction = (['ltr', 'rtl', 'auto'] as const)[Math.floor(next() * 3)]!;
      const indent = next() < 0.3 ? 15 : 0;
      const { lines } = lay(text, { width, align, direction, firstLineIndent: indent });
      let drawn = 0;
      for (const line of lines) {
        expect(line.x).toBeGreaterThanOrEqual(-1e-6);
        expect(right(line)).toBeLessThanOrEqual(width + 1e-6);
        drawn += line.glyphs.map((g) => g.text).join('').replace(/\s/g, '').length;
      }
      // Nothing lost, nothing doubled (spaces aside).
      expect(drawn).toBe(text.replace(/\s/g, '').length);
    }
  });
});

describe('alignment and justification', () => {
  const long = 'The seminar brings together election observers from the whole region, who discuss methods, share experience and agree on common recommendations for the secretariat.';

  it('justifies every line but the last to the full width', () => {
    const { lines } = lay(long, { width: 200, align: 'justify' });
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(0, -1)) {
      expect(line.x).toBeCloseTo(0, 6);
      expect(line.contentWidth).toBeCloseTo(200, 6);
    }
    expect(lines.at(-1)!.contentWidth).toBeLessThan(200);
  });

  it('does not justify a line ended by a forced break', () => {
    const { lines } = lay('short line\nand the next line of the paragraph is long enough to wrap around', { width: 200, align: 'justify' });
    expect(lines[0]!.contentWidth).toBeLessThan(100);
  });

  it('indents the first line on the start side', () => {
    const ltr = lay(long, { width: 200, align: 'justify', firstLineIndent: 20 }).lines;
    expect(ltr[0]!.x).toBeCloseTo(20, 6);
    expect(right(ltr[0]!)).toBeCloseTo(200, 6);
    const rtl = lay('يناقش المشاركون مراقبة الانتخابات وحماية حقوق الإنسان ويتبادلون الخبرات حول أفضل الممارسات', { width: 200, firstLineIndent: 20 }).lines;
    expect(right(rtl[0]!)).toBeCloseTo(180, 6);
    expect(right(rtl[1]!)).toBeCloseTo(200, 6);
  });

  it('aligns start to the left in LTR and to the right in RTL; center and end too', () => {
    const en = lay('Hello', { width: 300 }).lines[0]!;
    expect(en.x).toBe(0);
    const ar = lay('مرحبا بكم', { width: 300 });
    expect(ar.direction).toBe('rtl');
    expect(ar.lines[0]!.direction).toBe('rtl');
    expect(right(ar.lines[0]!)).toBeCloseTo(300, 6);
    expect(lay('مرحبا بكم', { width: 300, align: 'end' }).lines[0]!.x).toBeCloseTo(0, 6);
    const centred = lay('Hello', { width: 300, align: 'center' }).lines[0]!;
    expect(centred.x).toBeCloseTo((300 - centred.contentWidth) / 2, 6);
    expect(right(lay('Hello', { width: 300, align: 'end' }).lines[0]!)).toBeCloseTo(300, 6);
  });

  it('justifies RTL lines by their spaces', () => {
    const { lines } = lay('يناقش المشاركون مراقبة الانتخابات وحماية حقوق الإنسان ويتبادلون الخبرات حول أفضل الممارسات في المنطقة', { width: 180, align: 'justify' });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) {
      expect(line.x).toBeCloseTo(0, 6);
      expect(line.contentWidth).toBeCloseTo(180, 6);
    }
  });
});

describe('bidi', () => {
  it('takes the base direction from the first strong character', () => {
    expect(lay('OSCE تعقد').direction).toBe('ltr');
    expect(lay('2027 تعقد OSCE').direction).toBe('rtl');
    expect(lay('2027').direction).toBe('ltr');
    expect(lay('Hello', { direction: 'rtl' }).direction).toBe('rtl');
  });

  it('orders runs visually: Arabic inside English', () => {
    const line = lay('Hello مرحبا world').lines[0]!;
    // Left to right: Hello, then the Arabic word drawn right to left, then world.
    expect(visualText(line)).toBe('Hello ' + [...'مرحبا'].reverse().join('') + ' world');
    const faces = line.glyphs.map((g) => g.face.id);
    expect(faces[0]).toBe('NotoSerif-Regular');
    expect(faces.at(-1)).toBe('NotoSerif-Regular');
    expect(faces).toContain('Amiri-Regular');
    // x grows left to right.
    for (let i = 1; i < line.glyphs.length; i++) if (line.glyphs[i]!.text) expect(line.glyphs[i]!.x).toBeGreaterThanOrEqual(line.glyphs[i - 1]!.x - 3);
  });

  it('sets the digits of a Latin line (after a break, in an isolate) in the Latin face, in Arabic', () => {
    for (const text of ['وزارة العمل\n44, rue Mohamed', 'وزارة العمل\n\u206844, rue Mohamed\u2069']) {
      const { lines } = lay(text, { direction: 'rtl', lang: 'ar' });
      const digits = lines[1]!.glyphs.filter((g) => /\d/.test(g.text));
      expect(digits.length).toBe(2);
      for (const g of digits) expect(g.face.id, JSON.stringify(text)).toBe('NotoSerif-Regular');
    }
    // Digits inside Arabic text stay in the Arabic face.
    const arabic = lay('في 16 مارس', { direction: 'rtl', lang: 'ar' }).lines[0]!.glyphs.filter((g) => /\d/.test(g.text));
    expect(arabic.map((g) => g.face.id)).toEqual(['Amiri-Regular', 'Amiri-Regular']);
  });

  it('keeps Latin names, numbers and times in LTR order inside Arabic', () => {
    const line = lay('تعقد منظمة OSCE ندوة في 16 مارس 2027 من 09:00–10:30').lines[0]!;
    const v = visualText(line);
    for (const token of ['OSCE', '16', '2027', '09:00', '10:30']) expect(v).toContain(token);
    // The sentence reads right to left: the first word is rightmost, OSCE right of 2027.
    expect(v.endsWith([...'تعقد'].reverse().join(''))).toBe(true);
    expect(v.indexOf('OSCE')).toBeGreaterThan(v.indexOf('2027'));
    // UAX #9: the dash between two numbers resolves to R, so the range reads 09:00 first from the right.
    expect(v).toContain('10:30–09:00');
  });

  it('mirrors brackets at RTL levels: "(" in Arabic is drawn with the ")" glyph', () => {
    const line = lay('تعقد منظمة OSCE ندوة في 16 مارس 2027 (الرباط)').lines[0]!;
    const open = line.glyphs.find((g) => g.text === '(')!;
    const close = line.glyphs.find((g) => g.text === ')')!;
    expect(open.face.id).toBe('Amiri-Regular');
    expect(open.glyphId).toBe(open.face.hbFont.nominalGlyph(0x29));
    expect(close.glyphId).toBe(open.face.hbFont.nominalGlyph(0x28));
    // The opening bracket is right of the word it opens.
    const word = line.glyphs.filter((g) => /[\u0600-\u06ff]/.test(g.text) && g.x > close.x && g.x < open.x);
    expect(word.map((g) => g.text).reverse().join('')).toBe('الرباط');
    // In LTR text brackets are not mirrored.
    const ltr = lay('f(x)').lines[0]!;
    expect(ltr.glyphs.find((g) => g.text === '(')!.glyphId).toBe(ltr.glyphs[0]!.face.hbFont.nominalGlyph(0x28));
  });

  it('orders a mixed RTL paragraph with an LTR quotation', () => {
    const line = lay('قال: السلام عليكم (Hello, world!) لا إله', { direction: 'rtl' }).lines[0]!;
    const v = visualText(line);
    expect(v).toContain('Hello, world');
    expect(v.indexOf('Hello')).toBeLessThan(v.indexOf([...'عليكم'].reverse().join('')));
  });
});

describe('shaping', () => {
  it('joins Arabic letters: contextual forms differ from the isolated ones', () => {
    const isolated = (ch: string) => lay(ch).lines[0]!.glyphs[0]!.glyphId;
    const word = lay('بيت').lines[0]!.glyphs; // visual: ت ي ب
    expect(word.map((g) => g.text)).toEqual(['ت', 'ي', 'ب']);
    expect(word[2]!.glyphId).not.toBe(isolated('ب')); // initial
    expect(word[1]!.glyphId).not.toBe(isolated('ي')); // medial
    expect(word[0]!.glyphId).not.toBe(isolated('ت')); // final
  });

  it('keeps Arabic letters joined across a style change inside a word', () => {
    const bold = { ...serif, bold: true };
    const split = lay([
      { text: 'كت', style: bold },
      { text: 'اب', style: bold },
    ]).lines[0]!.glyphs.map((g) => g.glyphId);
    const whole = lay([{ text: 'كتاب', style: bold }]).lines[0]!.glyphs.map((g) => g.glyphId);
    expect(split).toEqual(whole);
    // With a colour change in the middle the word is shaped in two pieces,
    // with the letters around the cut as joining context: still joined forms
    // (though font-specific contextual alternates across the cut are lost).
    const coloured = lay([
      { text: 'كت', style: bold },
      { text: 'اب', style: { ...bold, color: [1, 0, 0] } },
    ]).lines[0]!.glyphs;
    const isolated = (ch: string) => lay([{ text: ch, style: bold }]).lines[0]!.glyphs[0]!.glyphId;
    expect(coloured.map((g) => g.text)).toEqual(['ب', 'ا', 'ت', 'ك']);
    expect(coloured[2]!.glyphId).not.toBe(isolated('ت'));
    expect(coloured[3]!.glyphId).not.toBe(isolated('ك'));
    expect(coloured[1]!.glyphId).toBe(whole[1]);
    expect(coloured[1]!.color).toEqual([1, 0, 0]);
  });

  it('draws lam-alef with its special forms, one text per character', () => {
    // Amiri draws lam-alef as two contextual glyphs, not one ligature glyph.
    const glyphs = lay('لا').lines[0]!.glyphs;
    const lam = lay('ل').lines[0]!.glyphs[0]!;
    const alef = lay('ا').lines[0]!.glyphs[0]!;
    expect(glyphs.map((g) => g.text).sort()).toEqual(['ا', 'ل']);
    for (const g of glyphs) expect([lam.glyphId, alef.glyphId]).not.toContain(g.glyphId);
  });

  it('gives a ligature glyph the text of all its characters', () => {
    const glyphs = lay('office').lines[0]!.glyphs;
    expect(glyphs.map((g) => g.text)).toEqual(['o', 'ffi', 'c', 'e']);
  });

  it('places vowel marks (shadda + kasra, damma, fatha) with GPOS offsets and keeps their text', () => {
    const glyphs = lay('مُدَرِّس').lines[0]!.glyphs;
    const sorted = (s: string) => [...s].sort().join('');
    expect(sorted(glyphs.map((g) => g.text).join(''))).toBe(sorted('مُدَرِّس'));
    const text = glyphs.map((g) => g.text).join('');
    for (const mark of ['\u064f', '\u064e', '\u0650', '\u0651']) expect(text).toContain(mark);
    // Each mark sits over a letter, placed by GPOS: within the word's extent, not after it.
    const marks = glyphs.filter((g) => /^[\u064b-\u0652]*$/.test(g.text));
    expect(marks.length).toBeGreaterThanOrEqual(4);
    const letters = glyphs.filter((g) => /[\u0621-\u064a]/.test(g.text));
    for (const m of marks) {
      expect(m.x).toBeGreaterThan(Math.min(...letters.map((g) => g.x)) - 3);
      expect(m.x).toBeLessThan(Math.max(...letters.map((g) => g.x)) + 6);
    }
  });

  it('caches shaping across paragraphs', () => {
    lay('A paragraph shaped once, then again.');
    const before = shapeStats.misses;
    lay('A paragraph shaped once, then again.');
    expect(shapeStats.misses).toBe(before);
  });
});

describe('styles and metrics', () => {
  it('raises superscript marks and draws them smaller', () => {
    const { lines } = lay([
      { text: 'Note', style: serif },
      { text: '12', style: { ...serif, superscript: true } },
    ]);
    const marks = lines[0]!.glyphs.filter((g) => g.text === '1' || g.text === '2');
    for (const g of marks) {
      expect(g.size).toBeCloseTo(11 * 0.6, 6);
      expect(g.y).toBeGreaterThan(2);
    }
  });

  it('reports link extents and colours', () => {
    const line = lay([
      { text: 'See ', style: serif },
      { text: 'the OSCE site', style: { ...serif, link: 'https://www.osce.org/', color: [0, 0, 1] } },
      { text: ' now.', style: serif },
    ]).lines[0]!;
    expect(line.links).toHaveLength(1);
    const link = line.links[0]!;
    expect(link.url).toBe('https://www.osce.org/');
    const linked = line.glyphs.filter((g) => g.color);
    expect(linked.map((g) => g.text).join('')).toBe('the OSCE site');
    expect(link.x0).toBeCloseTo(linked[0]!.x, 0);
    expect(link.x1).toBeGreaterThan(linked.at(-1)!.x);
  });

  it('sizes lines from the faces used: Amiri lines get more room', () => {
    const latin = lay('Hello').lines[0]!;
    const arabic = lay('مرحبا').lines[0]!;
    expect(arabic.ascent).toBeGreaterThan(latin.ascent);
    expect(arabic.descent).toBeGreaterThan(latin.descent);
    for (const line of [latin, arabic]) expect(line.height).toBeCloseTo(Math.max(11 * 1.35, line.ascent + line.descent), 6);
    const empty = lay('a\n\nb').lines;
    expect(empty).toHaveLength(3);
    expect(empty[1]!.glyphs).toEqual([]);
    expect(empty[1]!.height).toBeCloseTo(empty[0]!.height, 6);
  });

  it('lays out nothing for empty text', () => {
    expect(lay('').lines).toEqual([]);
    expect(lay([]).lines).toEqual([]);
  });
});

describe('missing characters', () => {
  it('reports a character no face has, with its place, and draws nothing for it', () => {
    const place = { file: 'sources/handbook/03.md', line: 12, column: 3 };
    const { lines, missing } = lay([
      { text: 'Smile ', style: serif },
      { text: 'please \u{1F600} and \u{13000}\u{13000}', style: serif, place },
    ]);
    expect(missing).toEqual([
      { codePoint: 0x1f600, char: '\u{1F600}', place },
      { codePoint: 0x13000, char: '\u{13000}', place },
    ]);
    expect(visualText(lines[0]!)).toBe('Smile please  and');
    for (const g of lines[0]!.glyphs) expect(g.glyphId).not.toBe(0);
  });
});

describe('measureSpans', () => {
  it('gives the widest word and the unwrapped width', () => {
    const spans = [{ text: 'short loooooooooong x', style: serif }];
    const { minWidth, maxWidth } = measureSpans(fonts, spans);
    const word = lay('loooooooooong').lines[0]!.contentWidth;
    expect(minWidth).toBeCloseTo(word, 6);
    expect(maxWidth).toBeCloseTo(lay(spans).lines[0]!.contentWidth, 6);
    expect(lay(spans, { width: maxWidth }).lines).toHaveLength(1);
    expect(lay(spans, { width: minWidth }).lines.map(visualText)).toEqual(['short', 'loooooooooong', 'x']);
  });

  it('measures forced lines separately', () => {
    const { maxWidth } = measureSpans(fonts, [{ text: 'a b c\nlonger line here', style: serif }]);
    expect(maxWidth).toBeCloseTo(lay('longer line here').lines[0]!.contentWidth, 6);
  });
});
