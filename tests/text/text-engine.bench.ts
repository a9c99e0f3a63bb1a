/**
 * Text engine benchmarks: `npx vitest bench tests/text`. Timing lives here,
 * not in tests that pass or fail on the clock.
 */
import { PDFDocument } from 'pdf-lib';
import { bench, describe } from 'vitest';
import { PdfFontRegistry } from '../../src/render/pdf/glyphs/pdf-fonts.js';
import { FontLibrary } from '../../src/text/fonts.js';
import { layoutParagraph, type LaidLine } from '../../src/text/layout-paragraph.js';
import { random, serif } from './helpers.js';

const fonts = await FontLibrary.load();

const EN = 'the seminar opens on 16 March 2027 in Rabat where participants from the OSCE region discuss electoral observation methods share experience and agree on recommendations for the secretariat from 09:00–10:30 each morning'.split(' ');
const FR = 'le séminaire aura lieu à Rabat la façon dont l’œuvre est citée ne change pas les participants échangent leurs expériences et adoptent des recommandations communes «\u00a0observation\u00a0»'.split(' ');
const AR = 'يناقش المشاركون مراقبة الانتخابات وحماية حقوق الإنسان ويتبادلون الخبرات حول أفضل الممارسات في المنطقة تعقد منظمة OSCE ندوة في 16 مارس 2027 (الرباط) المُدَرِّس'.split(' ');

function paragraphs(n: number, seed: number): { text: string; lang: string }[] {
  const next = random(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    const [pool, lang] = i % 3 === 0 ? [EN, 'en'] : i % 3 === 1 ? [FR, 'fr'] : [AR, 'ar'];
    const words: string[] = [];
    const count = 30 + Math.floor(next() * 60);
    for (let w = 0; w < count; w++) words.push(pool[Math.floor(next() * pool.length)]!);
    out.push({ text: words.join(' ') + '.', lang });
  }
  return out;
}

const thousand = paragraphs(1000, 1);
let seed = 100;

function layoutAll(list: { text: string; lang: string }[]): LaidLine[] {
  const lines: LaidLine[] = [];
  for (const p of list) {
    lines.push(...layoutParagraph(fonts, [{ text: p.text, style: serif }], { width: 451, align: 'justify', direction: 'auto', lang: p.lang, lineHeight: 1.35 }).lines);
  }
  return lines;
}

describe('layoutParagraph', () => {
  bench('1000 paragraphs (EN/FR/AR, 30–90 words), shaping cache warm', () => {
    layoutAll(thousand);
  });
  bench('1000 new paragraphs each run (new word orders, same vocabulary)', () => {
    layoutAll(paragraphs(1000, seed++));
  });
});

/** Legal but extreme input: must stay near linear (tests/text/line-fill.test.ts counts the shaping work). */
describe('layoutParagraph, extreme input', () => {
  const next = random(3);
  const letters = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const options = { width: 451, align: 'justify', direction: 'auto', lang: 'en', lineHeight: 1.35 } as const;
  const cases: [string, string][] = [
    ['a 100 000-letter Latin word', letters('abcdefghijklmnopqrstuvwxyz', 100_000)],
    ['a 100 000-letter Arabic word', letters('بتثجحخسشصضطظعغفقكلمنهي', 100_000)],
    ['a 100 000-digit number in Arabic text', 'من ' + letters('0123456789', 100_000)],
    ['a base letter with 100 000 combining marks', 'a' + '\u0301'.repeat(100_000)],
    ['200 000 characters of alternating Latin and Arabic, no spaces', 'abcمن'.repeat(40_000)],
  ];
  // Paragraphs this long are not kept by the layout cache: each run lays out anew.
  for (const [name, text] of cases) {
    bench(name, () => {
      layoutParagraph(fonts, [{ text, style: serif }], options);
    }, { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 });
  }
});

describe('PDF', () => {
  const lines = layoutAll(paragraphs(2000, 7));
  bench(`draw ${lines.length} lines on ${Math.ceil(lines.length / 40)} pages, embed subsets, save`, async () => {
    const doc = await PDFDocument.create();
    const registry = new PdfFontRegistry(doc);
    let page = doc.addPage([595.28, 841.89]);
    let n = 0;
    for (const line of lines) {
      if (n === 40) {
        page = doc.addPage([595.28, 841.89]);
        n = 0;
      }
      registry.drawLine(page, line, 72, 770 - n * 17);
      n++;
    }
    registry.finalize();
    await doc.save();
  });
});
