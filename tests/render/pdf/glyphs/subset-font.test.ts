import * as fontkit from 'fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, decodePDFRawStream, type PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { SubsetFont } from '../../../../src/render/pdf/glyphs/subset-font.js';
import { FontLibrary } from '../../../../src/text/fonts.js';

describe('SubsetFont (fontkit 2 subsetting seam)', () => {
  it('gives a glyph drawn with two texts two CIDs with the same outline and width', async () => {
    const fonts = await FontLibrary.load();
    const face = fonts.faceFor({ family: 'serif', bold: false, italic: false }, 0x20, 'Latn')!;
    const doc = await PDFDocument.create();
    const font = new SubsetFont(doc, face, 'F1');
    const space = face.hbFont.nominalGlyph(0x20)!;
    const a = face.hbFont.nominalGlyph(0x41)!;
    const cidSpace = font.cidFor(space, ' ');
    const cidA = font.cidFor(a, 'A');
    const cidNbsp = font.cidFor(space, '\u00a0');
    expect([cidSpace, cidA, cidNbsp]).toEqual([1, 2, 3]);
    expect(font.cidFor(space, ' ')).toBe(1);
    expect(font.widthOf(cidNbsp)).toBe(font.widthOf(cidSpace));
    expect(font.widthOf(cidA)).toBeCloseTo((face.glyphAdvance(a) * 1000) / face.unitsPerEm, 2);
    font.finalize();

    const type0 = doc.context.lookup(font.ref, PDFDict);
    const cidFont = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const descriptor = cidFont.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const file = descriptor.lookup(PDFName.of('FontFile2'), PDFStream) as PDFRawStream;
    const bytes = decodePDFRawStream(file).decode();
    const subset = fontkit.create(bytes) as fontkit.FontkitFont;
    expect(subset.numGlyphs).toBe(4);
    expect(subset.getGlyph(3).advanceWidth).toBe(subset.getGlyph(1).advanceWidth);
    expect(subset.getGlyph(2).advanceWidth).toBe(face.glyphAdvance(a));
    const cmap = new TextDecoder().decode(decodePDFRawStream(type0.lookup(PDFName.of('ToUnicode'), PDFStream) as PDFRawStream).decode());
    expect(cmap).toContain('<0001> <0020>');
    expect(cmap).toContain('<0002> <0041>');
    expect(cmap).toContain('<0003> <00A0>');
  });
});
