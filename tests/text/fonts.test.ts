import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FontLibrary, FontPackageError } from '../../src/text/fonts.js';
import { serif } from './helpers.js';

describe('FontLibrary', () => {
  let fonts: FontLibrary;
  beforeAll(async () => {
    fonts = await FontLibrary.load();
  });

  it('is loaded once per set of stacks', async () => {
    expect(await FontLibrary.load()).toBe(fonts);
  });

  it('picks the preferred face per script and style', () => {
    expect(fonts.faceFor(serif, 0x41, 'Latn')?.id).toBe('NotoSerif-Regular');
    expect(fonts.faceFor({ ...serif, bold: true }, 0x41, 'Latn')?.id).toBe('NotoSerif-Bold');
    expect(fonts.faceFor({ ...serif, bold: true, italic: true }, 0x41, 'Latn')?.id).toBe('NotoSerif-BoldItalic');
    expect(fonts.faceFor({ ...serif, family: 'sans' }, 0x41, 'Latn')?.id).toBe('NotoSans-Regular');
    expect(fonts.faceFor({ ...serif, family: 'mono' }, 0x41, 'Latn')?.id).toBe('NotoSansMono-Regular');
    expect(fonts.faceFor(serif, 0x628, 'Arab')?.id).toBe('Amiri-Regular');
    expect(fonts.faceFor({ ...serif, bold: true }, 0x628, 'Arab')?.id).toBe('Amiri-Bold');
    expect(fonts.faceFor(serif, 0x5d0, 'Hebr')?.id).toBe('NotoSansHebrew-Regular');
    // Digits in Arabic text come from the Arabic face.
    expect(fonts.faceFor(serif, 0x32, 'Arab')?.id).toBe('Amiri-Regular');
  });

  it('falls back through the other stacks, and says when nothing can draw a character', () => {
    // Arabic in a mono style: the mono face has no Arabic, Amiri does.
    expect(fonts.faceFor({ ...serif, family: 'mono' }, 0x628, 'Latn')?.id).toBe('Amiri-Regular');
    // Hebrew asked for as Latin script still finds the Hebrew face.
    expect(fonts.faceFor(serif, 0x5d0, 'Latn')?.id).toBe('NotoSansHebrew-Regular');
    expect(fonts.faceFor(serif, 0x1f600, 'Zyyy')).toBeUndefined();
    expect(fonts.faceFor(serif, 0x13000, 'Zzzz')).toBeUndefined();
  });

  it('gives each face its metrics, bytes and licence', () => {
    const face = fonts.faceFor(serif, 0x628, 'Arab')!;
    expect(face.unitsPerEm).toBe(1000);
    expect(face.ascent).toBeGreaterThan(1000);
    expect(face.descent).toBeLessThan(0);
    expect(face.bytes.length).toBeGreaterThan(100_000);
    expect(existsSync(face.licenceFile)).toBe(true);
    expect(fonts.faces()).toContain(face);
    expect(fonts.licenceFiles()).toContain(face.licenceFile);
  });

  it('reports a font package that is not installed, saying how to install it', async () => {
    await expect(FontLibrary.load({ arabic: 'no-such-font-xyz' })).rejects.toThrow(FontPackageError);
    await expect(FontLibrary.load({ arabic: 'no-such-font-xyz' })).rejects.toThrow(/npm install @expo-google-fonts\/no-such-font-xyz/);
  });

  it('accepts short package names', async () => {
    const other = await FontLibrary.load({ latin: { serif: 'noto-sans', sans: 'noto-sans', mono: 'noto-sans-mono' } });
    expect(other.faceFor(serif, 0x41, 'Latn')?.id).toBe('NotoSans-Regular');
  });
});
