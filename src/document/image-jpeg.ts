/**
 * Checks a JPEG file's structure without decoding it (ITU-T T.81 Annex B): the markers and
 * segment lengths up to the first scan, the frame header, a scan, and the end-of-image marker.
 *
 * pdf-lib embeds a JPEG as it is (DCTDecode) after reading the first frame header it meets;
 * it walks the file assuming every marker carries a length, and takes any of
 * SOF0–SOF15 (even DAC and JPG) as the frame header. The check walks the same way, so both
 * read the same header, and accepts only what PDF readers decode: 8-bit baseline, extended
 * or progressive frames (SOF0, SOF1, SOF2) with 1 (grey), 3 (YCbCr/RGB) or 4 (CMYK)
 * components. Fill bytes before a marker (B.1.1.2), which would throw pdf-lib off, are
 * dropped from the copy that is embedded; everything from the first scan on is kept as it is.
 */
import { checkDimensions, concatBytes, problem, type ImageCheck, type ImageLimits } from './image-check.js';

const SOF_NAMES: Record<number, string> = {
  0xc3: 'lossless', 0xc5: 'hierarchical', 0xc6: 'hierarchical progressive', 0xc7: 'hierarchical lossless',
  0xc9: 'arithmetic-coded', 0xca: 'arithmetic-coded progressive', 0xcb: 'arithmetic-coded lossless',
  0xcd: 'hierarchical arithmetic-coded', 0xce: 'hierarchical arithmetic-coded progressive', 0xcf: 'hierarchical arithmetic-coded lossless',
};
const SOS = 0xda;
const DQT = 0xdb;
const EOI = 0xd9;

const EXPORT_AGAIN = 'Open it in an image editor and export it again as JPEG.';

/** The markers pdf-lib takes for a frame header (JpegEmbedder's MARKERS). */
function isPdfLibFrameMarker(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4;
}

export function checkJpeg(bytes: Uint8Array, limits: ImageLimits): ImageCheck {
  const corrupt = (detail: string) => problem('image/corrupt', `it is a damaged JPEG (${detail}). ${EXPORT_AGAIN}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header: Uint8Array[] = [bytes.subarray(0, 2)];
  let frame: { width: number; height: number } | undefined;
  let tables = false;
  let offset = 2;
  for (;;) {
    while (bytes[offset] === 0xff && bytes[offset + 1] === 0xff) offset++; // fill bytes
    if (offset + 4 > bytes.length) return corrupt(frame ? 'it ends before its image data: it is truncated' : 'it has no frame header (SOF): it is truncated or not a JPEG');
    if (bytes[offset] !== 0xff) return corrupt(`byte ${offset} should start a marker`);
    const marker = bytes[offset + 1]!;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= EOI)) {
      return corrupt(frame ? 'it ends before its image data' : 'it has no frame header (SOF) before its end');
    }
    const length = view.getUint16(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) return corrupt(`a segment at byte ${offset} runs past the end of the file: it is truncated`);
    const segment = bytes.subarray(offset, offset + 2 + length);
    if (marker === SOS) break;
    if (marker === DQT) tables = true;
    if (isPdfLibFrameMarker(marker)) {
      if (frame) return corrupt('it has two frame headers (SOF)');
      const name = SOF_NAMES[marker];
      if (name !== undefined || marker === 0xc8 || marker === 0xcc) {
        return problem('image/format', `it is a ${name ?? 'arithmetic-coded'} JPEG, which PDF readers do not display. Save it as a baseline (standard) or progressive JPEG, or as PNG.`);
      }
      const read = readFrame(segment, limits);
      if ('problem' in read) return read;
      frame = read;
    }
    header.push(segment);
    offset += 2 + length;
  }
  if (!frame) return corrupt('it has no frame header (SOF) before its image data');
  if (!tables) return corrupt('it has no quantisation table (DQT) before its image data');
  // The entropy-coded data stuffs every 0xFF with 0x00 (B.1.1.5): 0xFF 0xD9 after the first scan is the end of the image.
  if (!hasMarkerAfter(bytes, EOI, offset + 2)) return corrupt('it has no end-of-image marker: it is truncated');
  return { image: { data: concatBytes([...header, bytes.subarray(offset)]), format: 'jpeg', width: frame.width, height: frame.height } };
}

/** The frame header: P, Y, X, Nf, then Nf × (C, H/V, Tq) (B.2.2). */
function readFrame(segment: Uint8Array, limits: ImageLimits): { width: number; height: number } | ReturnType<typeof problem> {
  const view = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
  const corrupt = (detail: string) => problem('image/corrupt', `it is a damaged JPEG (${detail}). ${EXPORT_AGAIN}`);
  if (segment.length < 10) return corrupt('its frame header is too short');
  const precision = segment[4]!;
  const height = view.getUint16(5);
  const width = view.getUint16(7);
  const components = segment[9]!;
  if (segment.length !== 10 + 3 * components) return corrupt('the length of its frame header does not match its number of components');
  if (height === 0 && width !== 0) {
    return problem('image/empty', `it is a JPEG whose frame header gives no height (${width} × 0 pixels, the height being left to a later DNL marker), which PDF cannot embed. ${EXPORT_AGAIN}`);
  }
  const size = checkDimensions('JPEG', width, height, limits);
  if (size) return size;
  if (precision !== 8) return problem('image/format', `it is a ${precision}-bit JPEG; PDF readers display 8-bit JPEGs only. ${EXPORT_AGAIN}`);
  if (components !== 1 && components !== 3 && components !== 4) {
    return problem('image/format', `it is a JPEG with ${components} colour components; folio takes 1 (grey), 3 (colour) or 4 (CMYK). ${EXPORT_AGAIN}`);
  }
  for (let i = 0; i < components; i++) {
    const sampling = segment[11 + 3 * i]!;
    const h = sampling >> 4;
    const v = sampling & 15;
    if (h < 1 || h > 4 || v < 1 || v > 4 || segment[12 + 3 * i]! > 3) return corrupt(`component ${i + 1} of its frame header has impossible sampling factors or table number`);
  }
  return { width, height };
}

function hasMarkerAfter(bytes: Uint8Array, marker: number, from: number): boolean {
  for (let i = bytes.length - 2; i >= from; i--) if (bytes[i] === 0xff && bytes[i + 1] === marker) return true;
  return false;
}

