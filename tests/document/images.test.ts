/** Image checks: every image that passes embeds with pdf-lib and docx; every other one is a specific rule. */
import { describe, expect, it } from 'vitest';
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import {
  checkImage, IMAGE_LIMITS, MAX_IMAGE_FILE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, type ImageCheck, type ImageInfo, type ImageLimits,
} from '../../src/document/images.js';
import { ihdr, makeHugePngHeader, makeInflateBomb, makeInterlacedTwin, makeJpegFile, makePngFile, pngChunk, rawScanlines } from './image-fixtures.js';
import { PNG_SIGNATURE } from '../../src/document/image-png.js';

function accepted(check: ImageCheck): ImageInfo {
  if ('problem' in check) throw new Error(`refused: ${check.problem.rule}: ${check.problem.message}`);
  return check.image;
}

function rule(check: ImageCheck): string | undefined {
  return 'problem' in check ? check.problem.rule : undefined;
}

/** Embeds with pdf-lib, as render-pdf.ts does, and returns the size pdf-lib read. */
async function embedInPdf(image: ImageInfo): Promise<{ width: number; height: number }> {
  const doc = await PDFDocument.create();
  const embedded = image.format === 'png' ? await doc.embedPng(image.data) : await doc.embedJpg(image.data);
  doc.addPage().drawImage(embedded, { x: 0, y: 0, width: 10, height: 10 });
  await doc.save();
  return { width: embedded.width, height: embedded.height };
}

/** Embeds with docx, as render/docx/blocks/image.ts does. */
async function embedInDocx(image: ImageInfo): Promise<void> {
  const doc = new Document({
    sections: [{
      children: [new Paragraph({ children: [new ImageRun({ type: image.format === 'jpeg' ? 'jpg' : 'png', data: image.data, transformation: { width: 10, height: 10 } })] })],
    }],
  });
  await Packer.toBuffer(doc);
}

async function expectEmbeds(bytes: Uint8Array, size: { width: number; height: number }): Promise<void> {
  const image = accepted(checkImage(bytes));
  expect({ width: image.width, height: image.height }).toEqual(size);
  expect(await embedInPdf(image)).toEqual(size);
  await embedInDocx(image);
}

/** The IDAT payload of a PNG as checkImage rewrites it (one IDAT chunk after IHDR and PLTE/tRNS). */
function idatOf(png: Uint8Array): Uint8Array {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at < png.length; at += 12 + view.getUint32(at)) {
    if (String.fromCharCode(...png.subarray(at + 4, at + 8)) === 'IDAT') return png.subarray(at + 8, at + 8 + view.getUint32(at));
  }
  throw new Error('no IDAT');
}

const PNG_KINDS: [colourType: number, depths: number[]][] = [[0, [1, 2, 4, 8, 16]], [2, [8, 16]], [3, [1, 2, 4, 8]], [4, [8, 16]], [6, [8, 16]]];
const PALETTE = pngChunk('PLTE', Uint8Array.of(10, 20, 30));

describe('PNG images that pass embed in PDF and DOCX', () => {
  for (const [colourType, depths] of PNG_KINDS) {
    for (const depth of depths) {
      for (const interlace of [0, 1]) {
        it(`colour type ${colourType}, ${depth}-bit${interlace ? ', interlaced' : ''}`, async () => {
          const before = colourType === 3 ? [PALETTE] : [];
          for (const [width, height] of [[1, 1], [7, 5], [33, 17]] as const) {
            await expectEmbeds(makePngFile({ width, height, depth, colourType, interlace, before }), { width, height });
          }
        });
      }
    }
  }

  it('with transparency, in stored (uncompressed) deflate blocks, and with IDAT split in several chunks', async () => {
    await expectEmbeds(makePngFile({ width: 4, height: 4, colourType: 3, before: [PALETTE, pngChunk('tRNS', Uint8Array.of(0))] }), { width: 4, height: 4 });
    await expectEmbeds(makePngFile({ width: 4, height: 4, colourType: 0, depth: 16, before: [pngChunk('tRNS', Uint8Array.of(0, 7))] }), { width: 4, height: 4 });
    await expectEmbeds(makePngFile({ width: 4, height: 4, colourType: 2, before: [pngChunk('tRNS', Uint8Array.of(0, 1, 0, 2, 0, 3))] }), { width: 4, height: 4 });
    await expectEmbeds(makePngFile({ width: 40, height: 30, level: 0 }), { width: 40, height: 30 });
    await expectEmbeds(makePngFile({ width: 40, height: 30, level: 0, interlace: 1 }), { width: 40, height: 30 });
    const zlib = new Uint8Array(deflateSync(rawScanlines(20, 10)));
    const split = Buffer.concat([PNG_SIGNATURE, ihdr(20, 10), pngChunk('IDAT', zlib.subarray(0, 9)), pngChunk('IDAT', zlib.subarray(9)), pngChunk('IEND', new Uint8Array(0))]);
    await expectEmbeds(split, { width: 20, height: 10 });
  });

  it('interlaced: rewritten without interlacing, every pixel kept (pdf-lib mis-sizes interlaced data)', () => {
    for (const [colourType, depths] of PNG_KINDS) {
      for (const depth of depths) {
        for (const [width, height] of [[1, 1], [9, 64], [13, 11], [40, 3]] as const) {
          const { plain, interlaced } = makeInterlacedTwin(width, height, depth, colourType);
          const fromPlain = accepted(checkImage(plain));
          const fromInterlaced = accepted(checkImage(interlaced));
          expect(fromInterlaced.data[8 + 8 + 12], 'interlace method in IHDR').toBe(0);
          expect(Buffer.compare(inflateSync(idatOf(fromInterlaced.data)), inflateSync(idatOf(fromPlain.data))), `${colourType}/${depth} ${width}×${height}`).toBe(0);
        }
      }
    }
  });

  it('rewritten without the ancillary chunks that make pdf-lib throw or hang (hIST before PLTE, text without NUL)', async () => {
    const hist = makePngFile({ width: 3, height: 3, colourType: 2, before: [pngChunk('hIST', Uint8Array.of(0, 1))] });
    await expect((await PDFDocument.create()).embedPng(hist)).rejects.toThrow();
    await expectEmbeds(hist, { width: 3, height: 3 });
    const text = makePngFile({ width: 3, height: 3, after: [pngChunk('tEXt', new TextEncoder().encode('Comment without a NUL'))] });
    await expectEmbeds(text, { width: 3, height: 3 });
    expect(Buffer.from(accepted(checkImage(text)).data).includes(Buffer.from('tEXt'))).toBe(false);
    // Last in the file, UPNG would look for the keyword's NUL past the end forever; without IEND it is refused first.
    expect(rule(checkImage(makePngFile({ width: 3, height: 3, noEnd: true, after: [pngChunk('tEXt', new TextEncoder().encode('no NUL'))] })))).toBe('image/corrupt');
  });
});

describe('PNG images that are refused', () => {
  const good = makePngFile({ width: 8, height: 8 });

  it.each([
    ['truncated in the middle', good.subarray(0, good.length - 30), 'image/corrupt'],
    ['cut inside the signature', good.subarray(0, 5), 'image/corrupt'],
    ['a signature altered by a text-mode transfer', Buffer.concat([Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a), good.subarray(8)]), 'image/corrupt'],
    ['a wrong CRC', (() => { const b = Uint8Array.from(good); b[29] ^= 0xff; return b; })(), 'image/corrupt'],
    ['no IDAT', makePngFile({ width: 8, height: 8, noData: true }), 'image/corrupt'],
    ['no IEND', makePngFile({ width: 8, height: 8, noEnd: true }), 'image/corrupt'],
    ['an IHDR that is not first', Buffer.concat([PNG_SIGNATURE, pngChunk('tEXt', Uint8Array.of(65, 0, 66)), good.subarray(8)]), 'image/corrupt'],
    ['image data shorter than the header says', makePngFile({ width: 8, height: 8, idat: new Uint8Array(deflateSync(rawScanlines(8, 7))) }), 'image/corrupt'],
    ['image data longer than the header says', makePngFile({ width: 8, height: 8, idat: new Uint8Array(deflateSync(rawScanlines(8, 9))) }), 'image/corrupt'],
    ['a damaged zlib stream', makePngFile({ width: 8, height: 8, idat: Uint8Array.of(0x78, 0x9c, 1, 2, 3, 4, 5, 6) }), 'image/corrupt'],
    ['a filter type that does not exist', makePngFile({ width: 2, height: 1, idat: new Uint8Array(deflateSync(Uint8Array.of(9, 0, 0, 0, 0, 0, 0))) }), 'image/corrupt'],
    ['an indexed-colour image without palette', makePngFile({ width: 2, height: 2, colourType: 3 }), 'image/corrupt'],
    ['a greyscale image with a palette', makePngFile({ width: 2, height: 2, colourType: 0, before: [PALETTE] }), 'image/corrupt'],
    ['a palette of a length that is not 3 × n', makePngFile({ width: 2, height: 2, colourType: 3, before: [pngChunk('PLTE', Uint8Array.of(1, 2))] }), 'image/corrupt'],
    ['more transparency entries than colours', makePngFile({ width: 2, height: 2, colourType: 3, before: [PALETTE, pngChunk('tRNS', Uint8Array.of(0, 0))] }), 'image/corrupt'],
    ['a width of 0', makePngFile({ width: 0, height: 8, idat: new Uint8Array(deflateSync(new Uint8Array(0))) }), 'image/empty'],
    ['a size of 0 × 0', makePngFile({ width: 0, height: 0, idat: new Uint8Array(deflateSync(new Uint8Array(0))) }), 'image/empty'],
    ['truecolour at 4 bits', makePngFile({ width: 2, height: 2, colourType: 2, depth: 4, idat: new Uint8Array(deflateSync(new Uint8Array(6))) }), 'image/format'],
    ['indexed colour at 16 bits', makePngFile({ width: 2, height: 2, colourType: 3, depth: 16, before: [PALETTE], idat: new Uint8Array(deflateSync(new Uint8Array(10))) }), 'image/format'],
    ['colour type 5', makePngFile({ width: 2, height: 2, colourType: 5, idat: new Uint8Array(deflateSync(new Uint8Array(10))) }), 'image/format'],
    ['interlace method 2', makePngFile({ width: 2, height: 2, interlace: 2, idat: new Uint8Array(deflateSync(new Uint8Array(14))) }), 'image/format'],
    ['an animation (APNG)', makePngFile({ width: 8, height: 8, before: [pngChunk('acTL', new Uint8Array(8))] }), 'image/format'],
    ['an unknown critical chunk', makePngFile({ width: 8, height: 8, before: [pngChunk('ABCD', new Uint8Array(4))] }), 'image/format'],
  ])('%s', (_name, bytes, expected) => {
    const check = checkImage(bytes);
    expect(rule(check)).toBe(expected);
    if ('problem' in check) expect(check.problem.message).toMatch(/\.$/);
  });

  it('a zip bomb: data inflating to 512 MB is refused after inflating no more than the header needs', () => {
    const bomb = makeInflateBomb(512 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const check = checkImage(bomb);
    expect(rule(check)).toBe('image/corrupt');
    if ('problem' in check) expect(check.problem.message).toContain('decompresses to more than');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('20 000 × 20 000 pixels, refused from the header alone (its data would not even inflate)', () => {
    const bytes = makeHugePngHeader(20_000, 20_000);
    expect(bytes.length).toBeLessThan(200);
    const check = checkImage(bytes);
    expect(rule(check)).toBe('image/too-large');
    if ('problem' in check) expect(check.problem.message).toContain('20000 × 20000 pixels (400 megapixels)');
  });
});

describe('limits', () => {
  it('are the documented constants', () => {
    expect(IMAGE_LIMITS).toEqual({ fileBytes: MAX_IMAGE_FILE_BYTES, side: MAX_IMAGE_SIDE, pixels: MAX_IMAGE_PIXELS });
    expect([MAX_IMAGE_FILE_BYTES, MAX_IMAGE_SIDE, MAX_IMAGE_PIXELS]).toEqual([25 * 1024 * 1024, 12_000, 40_000_000]);
  });

  it('a side: 12 000 pixels passes, 12 001 does not (PNG and JPEG)', () => {
    expect(accepted(checkImage(makePngFile({ width: MAX_IMAGE_SIDE, height: 1, depth: 1, colourType: 0 }))).width).toBe(MAX_IMAGE_SIDE);
    expect(rule(checkImage(makeHugePngHeader(MAX_IMAGE_SIDE + 1, 1)))).toBe('image/too-large');
    expect(rule(checkImage(makeHugePngHeader(1, MAX_IMAGE_SIDE + 1)))).toBe('image/too-large');
    expect(accepted(checkImage(makeJpegFile({ width: 1, height: MAX_IMAGE_SIDE }))).height).toBe(MAX_IMAGE_SIDE);
    expect(rule(checkImage(makeJpegFile({ width: MAX_IMAGE_SIDE + 1, height: 1 })))).toBe('image/too-large');
  });

  it('the pixels: 12 000 × 3 333 (39 996 000) passes, 12 000 × 3 334 (40 008 000) does not', () => {
    const under = makePngFile({ width: 12_000, height: 3_333, depth: 1, colourType: 0 });
    expect(accepted(checkImage(under)).height).toBe(3_333);
    expect(rule(checkImage(makeHugePngHeader(12_000, 3_334)))).toBe('image/too-large');
    expect(accepted(checkImage(makeJpegFile({ width: 12_000, height: 3_333 }))).width).toBe(12_000);
    expect(rule(checkImage(makeJpegFile({ width: 12_000, height: 3_334 })))).toBe('image/too-large');
  });

  it('the file size: 25 MiB passes, one byte more does not', () => {
    const base = makePngFile({ width: 2, height: 2 });
    // A private ancillary chunk pads the file to the size wanted (12 bytes of chunk framing).
    const padded = (size: number) => {
      const pad = pngChunk('prVt', new Uint8Array(size - base.length - 12));
      return Buffer.concat([base.subarray(0, base.length - 12), pad, base.subarray(base.length - 12)]);
    };
    const exact = padded(MAX_IMAGE_FILE_BYTES);
    expect(exact.length).toBe(MAX_IMAGE_FILE_BYTES);
    expect(accepted(checkImage(exact)).width).toBe(2);
    const over = checkImage(padded(MAX_IMAGE_FILE_BYTES + 1));
    expect(rule(over)).toBe('image/too-large');
    if ('problem' in over) expect(over.problem.message).toContain('at most 25 MiB');
  });

  it('are parameters, each checked just under and just over', () => {
    const limits: ImageLimits = { fileBytes: 2_000, side: 64, pixels: 64 * 48 };
    expect(accepted(checkImage(makePngFile({ width: 64, height: 48 }), limits)).width).toBe(64);
    expect(rule(checkImage(makePngFile({ width: 65, height: 1 }), limits))).toBe('image/too-large');
    expect(rule(checkImage(makePngFile({ width: 64, height: 49 }), limits))).toBe('image/too-large');
    const file = makePngFile({ width: 4, height: 4 });
    expect(accepted(checkImage(file, { ...limits, fileBytes: file.length })).width).toBe(4);
    expect(rule(checkImage(file, { ...limits, fileBytes: file.length - 1 }))).toBe('image/too-large');
  });
});

describe('JPEG images', () => {
  it.each([
    ['baseline colour', { width: 30, height: 20 }],
    ['baseline grey', { width: 30, height: 20, components: 1 }],
    ['CMYK', { width: 30, height: 20, components: 4 }],
    ['extended sequential (SOF1)', { width: 30, height: 20, sof: 0xc1 }],
    ['progressive (SOF2)', { width: 30, height: 20, sof: 0xc2 }],
    ['with data after the end marker', { width: 30, height: 20, trailer: Uint8Array.of(0, 1, 2) }],
  ])('%s passes and embeds in PDF and DOCX', async (_name, spec) => {
    await expectEmbeds(makeJpegFile(spec), { width: 30, height: 20 });
  });

  it('with fill bytes before its markers passes, and pdf-lib reads the right size (they are dropped)', async () => {
    const bytes = makeJpegFile({ width: 31, height: 17, fill: 2 });
    const image = accepted(checkImage(bytes));
    expect(image.data.length).toBeLessThan(bytes.length);
    await expectEmbeds(bytes, { width: 31, height: 17 });
  });

  it.each([
    ['no frame header', { width: 8, height: 8, noFrame: true }, 'image/corrupt'],
    ['no quantisation table', { width: 8, height: 8, noTables: true }, 'image/corrupt'],
    ['no scan', { width: 8, height: 8, noScan: true }, 'image/corrupt'],
    ['no end marker (truncated)', { width: 8, height: 8, noEnd: true }, 'image/corrupt'],
    ['0 × 0', { width: 0, height: 0 }, 'image/empty'],
    ['no height (left to a DNL marker)', { width: 8, height: 0 }, 'image/empty'],
    ['12-bit samples', { width: 8, height: 8, precision: 12, sof: 0xc1 }, 'image/format'],
    ['2 components', { width: 8, height: 8, components: 2 }, 'image/format'],
    ['lossless (SOF3)', { width: 8, height: 8, sof: 0xc3 }, 'image/format'],
    ['arithmetic-coded (SOF9)', { width: 8, height: 8, sof: 0xc9 }, 'image/format'],
    ['20 000 × 20 000', { width: 20_000, height: 20_000 }, 'image/too-large'],
  ])('%s is refused', (_name, spec, expected) => {
    expect(rule(checkImage(makeJpegFile(spec)))).toBe(expected);
  });

  it('a segment running past the end of the file is refused', () => {
    const bytes = makeJpegFile({ width: 8, height: 8 });
    expect(rule(checkImage(bytes.subarray(0, 30)))).toBe('image/corrupt');
    expect(rule(checkImage(Uint8Array.of(0xff, 0xd8)))).toBe('image/corrupt');
  });
});

describe('other files', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'image/empty', 'empty'],
    ['a GIF', new TextEncoder().encode('GIF89a\x01\x00\x01\x00'), 'image/format', 'GIF'],
    ['an SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/format', 'SVG'],
    ['text', new TextEncoder().encode('root:x:0:0:root:/root:/bin/bash\n'), 'image/format', 'not a PNG or JPEG'],
  ])('%s is refused', (_name, bytes, expected, text) => {
    const check = checkImage(bytes);
    expect(rule(check)).toBe(expected);
    if ('problem' in check) expect(check.problem.message).toContain(text);
  });
});
