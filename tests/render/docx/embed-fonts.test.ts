import { describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import { renderDocx } from '../../../src/render/docx/index.js';
import { docxEmbeddedFaces, docxFonts } from '../../../src/build/fonts.js';
import { FontLibrary } from '../../../src/text/fonts.js';
import { Unpacked, makeArabicModel, makeModel, para } from './helpers.js';
import { obfuscate } from '../../../src/render/docx/font-table.js';

const fonts = await FontLibrary.load();
const names = docxFonts(fonts);
const embed = docxEmbeddedFaces(fonts, names);

/** The embedded faces read back: key from the font table, bytes de-obfuscated (XOR is its own inverse), parsed by fontkit. */
function faces(docx: Unpacked) {
  const table = docx.part('word/fontTable.xml');
  const rels = docx.part('word/_rels/fontTable.xml.rels');
  return [...table.matchAll(/<w:embed(Regular|Bold) r:id="([^"]+)" w:fontKey="\{([^}]+)\}"/g)].map(([, style, id, key]) => {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    const font = fontkit.create(Buffer.from(obfuscate(docx.parts.get(`word/${target}`)!, key!))) as fontkit.FontkitFont & { characterSet: number[] };
    return { style, font };
  });
}

describe('fonts embedded in DOCX', () => {
  it('embeds the Latin faces, subset to the document’s characters, readable once de-obfuscated with their key', async () => {
    const docx = new Unpacked(await renderDocx(makeModel([para('Ministère — « Séminaire » ŒŁ')]), { fonts: names, embed }));
    expect(docx.part('[Content_Types].xml')).toMatch(/<Default (?=[^>]*Extension="odttf")(?=[^>]*ContentType="application\/vnd\.openxmlformats-officedocument\.obfuscatedFont")[^>]*\/>/);
    expect(docx.part('word/settings.xml')).toContain('<w:embedTrueTypeFonts/>');
    const found = faces(docx);
    expect(found.map((f) => f.style).sort()).toEqual(['Bold', 'Regular']);
    for (const { font } of found) {
      expect(font.familyName).toBe(names.latin);
      for (const ch of 'Ministère—«»ŒŁ') expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
      expect(font.numGlyphs).toBeLessThan(600); // a subset, not the whole font
    }
    expect(docx.part('word/fontTable.xml')).not.toContain(`w:name="${names.arabic}"><w:altName w:val="Times New Roman"/><w:charset w:val="B2"/><w:family w:val="roman"/><w:pitch w:val="variable"/><w:embed`);
  });

  it('embeds the Arabic faces in an Arabic document, and gives the same bytes twice', async () => {
    const model = makeArabicModel([para('ستُعقد الندوة في الرباط')]);
    const a = await renderDocx(model, { fonts: names, embed });
    const b = await renderDocx(model, { fonts: names, embed });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const arabic = faces(new Unpacked(a)).filter((f) => f.font.familyName === names.arabic);
    expect(arabic).toHaveLength(2);
    for (const ch of 'ستُعقد') expect(arabic[0]!.font.hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
  });
});
