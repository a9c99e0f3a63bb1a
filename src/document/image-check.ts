/**
 * What the image checks share: the checked image, the problems they report, and the size
 * limits they apply (the limits' values are in images.ts).
 */

/** A PNG or JPEG that passed the checks: `data` embeds with pdf-lib and docx as it is. */
export interface ImageInfo {
  /** The bytes to embed, in an ArrayBuffer of their own (pdf-lib reads `data.buffer` from offset 0). */
  data: Uint8Array;
  format: 'png' | 'jpeg';
  /** Intrinsic size in pixels, as the header declares it (both at least 1). */
  width: number;
  height: number;
}

/** The rule ids of image problems. */
export type ImageRule =
  | 'image/url'
  | 'image/outside-kit'
  | 'image/not-a-file'
  | 'image/too-large'
  | 'image/empty'
  | 'image/corrupt'
  | 'image/format';

/** Why an image cannot be used: `message` is a sentence that follows "The image `x` cannot be used: ". */
export interface ImageProblem {
  rule: ImageRule;
  message: string;
}

export type ImageCheck = { image: ImageInfo } | { problem: ImageProblem };

/** The limits an image must keep to (see MAX_IMAGE_* in images.ts for the defaults). */
export interface ImageLimits {
  /** Size of the file. */
  fileBytes: number;
  /** Width and height, each, in pixels. */
  side: number;
  /** Width × height. */
  pixels: number;
}

export function problem(rule: ImageRule, message: string): { problem: ImageProblem } {
  return { problem: { rule, message } };
}

/** `image/empty` for a zero side, `image/too-large` past a limit; checked on the header alone, before any decoding. */
export function checkDimensions(kind: string, width: number, height: number, limits: ImageLimits): { problem: ImageProblem } | undefined {
  if (width === 0 || height === 0) {
    return problem('image/empty', `the ${kind} declares a size of ${width} × ${height} pixels: it has no pixels to print. Export it again from the program that made it.`);
  }
  if (width > limits.side || height > limits.side || width * height > limits.pixels) {
    return problem('image/too-large',
      `the ${kind} is ${width} × ${height} pixels (${formatMegapixels(width * height)}); folio takes at most ${limits.side} pixels a side and ` +
      `${formatMegapixels(limits.pixels)} in all. Scale it down (300 pixels per inch is plenty for print: ${Math.round(8.27 * 300)} pixels across an A4 page).`);
  }
  return undefined;
}

function formatMegapixels(pixels: number): string {
  return `${+(pixels / 1e6).toFixed(1)} megapixels`;
}

/** The parts one after the other, in a new ArrayBuffer of their own. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
}
