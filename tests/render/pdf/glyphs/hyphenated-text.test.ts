/**
 * What a reader copies from hyphenated and kashida-justified lines: the words whole, without
 * the hyphens and tatweels the layout drew (ActualText spans; tatweels without ToUnicode),
 * while the picture has them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfFontRegistry } from '../../../../src/render/pdf/glyphs/pdf-fonts.js';
import { FontLibrary } from '../../../../src/text/fonts.js';
import { layoutParagraph, type LaidLine, type ParagraphOptions } from '../../../../src/text/layout-paragraph.js';
import type { TextStyle } from '../../../../src/text/style.js';
import { hasTool } from '../../../helpers/kit.js';

const body: TextStyle = { family: 'serif', bold: false, italic: false, size: 11 };
const FR = 'Les gouvernements des pays d’origine organisent généralement la préparation au départ, la reconnaissance des qualifications professionnelles et l’accompagnement des travailleurs migrants, tandis que les administrations des pays de destination garantissent l’égalité de traitement et la protection sociale.';
const AR = 'تعمل الحكومات في بلدان المنشأ على تنظيم الإعداد للسفر والاعتراف بالمؤهلات المهنية ومرافقة العمال المهاجرين، في حين تضمن إدارات بلدان المقصد المساواة في المعاملة والحماية الاجتماعية للجميع.';

interface Rendered {
  file: string;
  lines: LaidLine[][];
}

async function render(fonts: FontLibrary, paragraphs: { text: string; options: ParagraphOptions }[], name: string): Promise<Rendered> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date('2027-03-16T09:00:00Z'));
  const registry = new PdfFontRegistry(doc);
  const laidOut: LaidLine[][] = [];
  for (const p of paragraphs) {
    const page = doc.addPage([595.28, 841.89]);
    let top = 841.89 - 72;
    const { lines } = layoutParagraph(fonts, [{ text: p.text, style: body }], p.options);
    laidOut.push(lines);
    for (const line of lines) {
      registry.drawLine(page, line, 72, top - line.ascent);
      top -= line.height;
    }
  }
  registry.finalize();
  const dir = path.join(tmpdir(), 'folio-hyphenated-text');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, await doc.save());
  return { file, lines: laidOut };
}

const words = (s: string) => s.replace(/[\u202a-\u202e]/g, '').split(/[\s\u00a0\u202f]+/).filter(Boolean);

describe('text layer of hyphenated and kashida lines', () => {
  let fonts: FontLibrary;
  let rendered: Rendered;
  beforeAll(async () => {
    fonts = await FontLibrary.load();
    rendered = await render(fonts, [
      { text: FR, options: { width: 150, align: 'justify', direction: 'ltr', lang: 'fr', lineHeight: 1.35 } },
      { text: AR, options: { width: 230, align: 'justify', direction: 'rtl', lang: 'ar', lineHeight: 1.6 } },
    ], 'hyphenated');
  });

  it('draws hyphens and tatweels', () => {
    const [fr, ar] = rendered.lines;
    expect(fr!.filter((l) => l.glyphs.at(-1)!.actual !== undefined).length).toBeGreaterThan(1);
    expect(ar!.some((l) => l.glyphs.some((g) => g.text === '' && g.actual === undefined))).toBe(true);
  });

  it('extracts every word whole, with no hyphen and no tatweel (pdftotext, plain and -bbox)', () => {
    if (!hasTool('pdftotext')) return;
    const plain = (page: number) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), rendered.file, '-'], { encoding: 'utf8' });
    expect(words(plain(1))).toEqual(words(FR));
    const arabic = plain(2);
    expect(arabic).not.toContain('\u0640');
    // poppler moves an Arabic comma to the next word of a reversed line: compare the letters' words.
    const letters = (t: string) => (t.match(/[\p{L}\p{M}]+/gu) ?? []).sort();
    expect(letters(arabic)).toEqual(letters(AR));
    const bbox = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', '-f', '1', '-l', '1', rendered.file, '-'], { encoding: 'utf8' });
    const boxed = [...bbox.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1]!.replace(/&apos;/g, '\'').replace(/&amp;/g, '&'));
    expect(boxed).toEqual(words(FR));
  });

  it('passes qpdf --check with its marked-content spans', () => {
    if (!hasTool('qpdf')) return;
    const out = spawnSync('qpdf', ['--check', rendered.file], { encoding: 'utf8' });
    expect(out.status, out.stdout + out.stderr).toBe(0);
  });
});
