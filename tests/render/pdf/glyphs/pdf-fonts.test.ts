import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, decodePDFRawStream, type PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfFontRegistry } from '../../../../src/render/pdf/glyphs/pdf-fonts.js';
import { FontLibrary } from '../../../../src/text/fonts.js';
import { layoutParagraph, type ParagraphOptions } from '../../../../src/text/layout-paragraph.js';
import type { StyledSpan, TextStyle } from '../../../../src/text/style.js';

const OUT_DIR = path.join(tmpdir(), 'folio-text-engine');
const FIXED_DATE = new Date('2027-03-16T09:00:00Z');

const body: TextStyle = { family: 'serif', bold: false, italic: false, size: 11 };
const bold: TextStyle = { ...body, bold: true };
const italic: TextStyle = { ...body, italic: true };
const heading: TextStyle = { family: 'sans', bold: true, italic: false, size: 16, color: [0.1, 0.2, 0.5] };
const mark: TextStyle = { ...body, superscript: true };
const mono: TextStyle = { family: 'mono', bold: false, italic: false, size: 9.5 };

const EN = 'The seminar opens on 16 March 2027 in Rabat. Participants from the OSCE region discuss electoral observation, from 09:00–10:30 each morning.';
const FR = 'Le séminaire aura lieu à Rabat\u00a0; la façon dont l’œuvre «\u00a0Les Misérables\u00a0» est citée ne change pas. Ça commence à 9\u202fh.';
const AR_MIXED = 'تعقد منظمة OSCE ندوة في 16 مارس 2027 (الرباط)';
const AR_VOWELLED = 'كان المُدَرِّس حاضراً في القاعة.';
const AR_LONG = 'يناقش المشاركون مراقبة الانتخابات وحماية حقوق الإنسان، ويتبادلون الخبرات حول أفضل الممارسات في المنطقة، ثم يختتمون أعمالهم بتوصيات مشتركة ترفع إلى الأمانة العامة للمنظمة.';
const AR_TIME = 'تبدأ الجلسات من الساعة 09:00–10:30 كل صباح.';
const AR_QUOTE = 'قال: السلام عليكم (Hello, world!) لا إله';

interface Para {
  spans: StyledSpan[];
  options: Partial<ParagraphOptions>;
}

/**
 * Page 1 is mostly Latin, page 2 mostly Arabic: poppler picks one primary
 * direction per page (more LTR or RTL characters) and orders a mixed line's
 * runs by it, so a mixed Arabic line extracts logically on an Arabic page.
 */
const latinPage: Para[] = [
  { spans: [{ text: 'Seminar programme — Programme du séminaire — برنامج الندوة', style: heading }], options: { align: 'start', direction: 'ltr' } },
  {
    spans: [
      { text: 'The seminar opens on 16 March 2027 in Rabat.', style: body },
      { text: ' Participants', style: bold },
      { text: ' from the ', style: body },
      { text: 'OSCE', style: { ...body, link: 'https://www.osce.org/', color: [0, 0.3, 0.7] } },
      { text: ' region discuss electoral observation, from 09:00–10:30 each morning.', style: body },
      { text: '1', style: mark },
    ],
    options: { align: 'justify', direction: 'ltr', lang: 'en', firstLineIndent: 14 },
  },
  { spans: [{ text: FR, style: body }], options: { align: 'justify', direction: 'ltr', lang: 'fr' } },
  { spans: [{ text: 'Italique : ', style: italic }, { text: 'Œuvres complètes, « Ça »\ndeuxième ligne forcée.', style: italic }], options: { align: 'start', direction: 'ltr', lang: 'fr' } },
  { spans: [{ text: 'const x = f(a, b); // מחרוזת', style: mono }], options: { align: 'start', direction: 'ltr', lang: 'en' } },
];

const arabicPage: Para[] = [
  { spans: [{ text: 'برنامج الندوة', style: heading }], options: { align: 'center', direction: 'rtl', lang: 'ar' } },
  { spans: [{ text: AR_MIXED, style: body }], options: { align: 'start', direction: 'rtl', lang: 'ar' } },
  { spans: [{ text: AR_VOWELLED, style: body }], options: { align: 'start', direction: 'rtl', lang: 'ar' } },
  { spans: [{ text: AR_LONG, style: body }], options: { align: 'justify', direction: 'auto', lang: 'ar' } },
  { spans: [{ text: AR_TIME, style: body }], options: { align: 'start', direction: 'auto', lang: 'ar' } },
  { spans: [{ text: 'قال: ', style: body }, { text: 'السلام', style: bold }, { text: ' عليكم (Hello, world!) لا إله', style: body }], options: { align: 'start', direction: 'auto', lang: 'ar' } },
];

async function render(fonts: FontLibrary): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer('folio test');
  const registry = new PdfFontRegistry(doc);
  const left = 72;
  const width = 595.28 - 144;
  for (const paragraphs of [latinPage, arabicPage]) {
    const page = doc.addPage([595.28, 841.89]);
    let top = 841.89 - 72;
    for (const p of paragraphs) {
      const laid = layoutParagraph(fonts, p.spans, { width, align: 'start', direction: 'auto', lang: 'en', lineHeight: 1.35, ...p.options });
      for (const line of laid.lines) {
        // Half the leading above, half below, as the block layout does.
        const baseline = top - line.ascent - (line.height - line.ascent - line.descent) / 2;
        registry.drawLine(page, line, left, baseline);
        top -= line.height;
      }
      top -= 8;
    }
  }
  registry.finalize();
  return doc.save();
}

function hasTool(name: string): boolean {
  return spawnSync(name, ['-v'], { stdio: 'ignore' }).error === undefined;
}

/**
 * pdftotext wraps RTL runs in U+202A–U+202E, wraps lines and prints NBSP and
 * U+202F as plain spaces (the ToUnicode test above checks they are mapped
 * exactly): compare without the marks, on collapsed spaces, and under
 * canonical equivalence (HarfBuzz puts shadda and kasra in one cluster;
 * either order is the same text).
 */
function normalise(s: string): string {
  return s
    .replace(/[\u202a-\u202e]/g, '')
    .replace(/[ \t\r\n\f\u00a0\u202f]+/g, ' ')
    .trim()
    .normalize('NFD');
}

/**
 * The words (letters with their marks, digits) of a text, in order. poppler
 * rebuilds an RTL line by reversing it, but keeps the spaces and punctuation
 * next to an LTR run or an Arabic comma with that run (its reorderText): a
 * mixed line comes back as "OSCE‪ ‬ندوة", "( 2027الرباط)". The words and their
 * order are what must survive.
 */
function words(s: string): string {
  // A word ends where the script changes too: poppler may drop the space between an LTR run and Arabic.
  return (normalise(s).match(/[\p{Script=Arabic}\p{M}]+|\p{Script=Latin}+|\p{N}+|[\p{L}\p{M}]+/gu) ?? []).join(' ');
}

describe('PdfFontRegistry', () => {
  let fonts: FontLibrary;
  let bytes: Uint8Array;
  const file = path.join(OUT_DIR, 'mixed.pdf');

  beforeAll(async () => {
    fonts = await FontLibrary.load();
    bytes = await render(fonts);
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(file, bytes);
  });

  it('writes the same bytes for the same input', async () => {
    const again = await render(fonts);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('embeds each face as a subset Type0/CIDFontType2 font with Identity-H, W and ToUnicode', async () => {
    const doc = await PDFDocument.load(bytes);
    const resources = doc.getPage(0).node.Resources()!;
    const fontDict = resources.lookup(PDFName.of('Font'), PDFDict);
    expect(fontDict.keys().length).toBeGreaterThanOrEqual(6);
    for (const key of fontDict.keys()) {
      const type0 = fontDict.lookup(key, PDFDict);
      expect(type0.get(PDFName.of('Subtype'))).toBe(PDFName.of('Type0'));
      expect(type0.get(PDFName.of('Encoding'))).toBe(PDFName.of('Identity-H'));
      const baseFont = (type0.get(PDFName.of('BaseFont')) as PDFName).decodeText();
      expect(baseFont).toMatch(/^[A-Z]{6}\+[A-Za-z-]+$/);
      const cid = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
      expect(cid.get(PDFName.of('Subtype'))).toBe(PDFName.of('CIDFontType2'));
      expect(cid.get(PDFName.of('CIDToGIDMap'))).toBe(PDFName.of('Identity'));
      expect(cid.lookup(PDFName.of('W'), PDFArray).size()).toBe(2);
      const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict);
      const fontFile = descriptor.lookup(PDFName.of('FontFile2'), PDFStream) as PDFRawStream;
      // A subset: far smaller than the 0.4–0.5 MB font files.
      expect(fontFile.getContentsSize()).toBeLessThan(60_000);
      const cmap = new TextDecoder().decode(decodePDFRawStream(type0.lookup(PDFName.of('ToUnicode'), PDFStream) as PDFRawStream).decode());
      expect(cmap).toContain('beginbfchar');
    }
  });

  it('maps a glyph drawn for two texts to two CIDs (space and NBSP, mirrored brackets)', async () => {
    const doc = await PDFDocument.load(bytes);
    const cmaps = doc.getPages().flatMap((page) => {
      const fontDict = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
      return fontDict.keys().map((key) => {
        const type0 = fontDict.lookup(key, PDFDict);
        return new TextDecoder().decode(decodePDFRawStream(type0.lookup(PDFName.of('ToUnicode'), PDFStream) as PDFRawStream).decode());
      });
    });
    const all = cmaps.join('\n');
    expect(all).toContain('<0020>');
    expect(all).toContain('<00A0>');
    expect(all).toContain('<202F>');
    expect(all).toContain('<0028>');
    expect(all).toContain('<0029>');
  });

  it('extracts as the logical text (pdftotext)', () => {
    if (!hasTool('pdftotext')) {
      console.warn('pdftotext (poppler-utils) is not installed: skipping the text extraction check of the glyph PDF.');
      return;
    }
    const page = (n: number) => normalise(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }));
    const latin = page(1);
    for (const sentence of [EN, FR, 'Italique : Œuvres complètes, « Ça » deuxième ligne forcée.']) expect(latin).toContain(normalise(sentence));
    const arabic = page(2);
    // Pure Arabic lines come back exactly, marks and lam-alef included.
    expect(arabic).toContain(normalise('كان المُدَرِّس'));
    expect(arabic).toContain(normalise('برنامج الندوة'));
    expect(arabic).toContain(normalise('لا إله'));
    // Mixed lines and Arabic punctuation: the same words in the same order.
    const arabicWords = words(arabic);
    for (const sentence of [AR_MIXED, AR_LONG, 'قال: السلام عليكم', 'تبدأ الجلسات من الساعة']) expect(arabicWords).toContain(words(sentence));
    // Numbers keep their LTR order inside Arabic.
    for (const token of ['OSCE', '16', '2027', '09:00', '10:30', 'Hello, world']) expect(arabic).toContain(token);
    // Known poppler limit, not checked: a mark drawn more than 0.1 em from
    // its base (Amiri's tanween fath on a final alef, "حاضراً") starts a new
    // word, so pdftotext prints "حاضرا ً".
  });

  it('passes qpdf --check', () => {
    if (!hasTool('qpdf')) {
      console.warn('qpdf is not installed: skipping the structure check of the glyph PDF.');
      return;
    }
    const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).not.toMatch(/WARNING|ERROR/);
    expect(result.status).toBe(0);
  });
});
