/** Reads the size and format of PNG and JPEG images from their bytes (no decoding). */
export interface ImageInfo {
  data: Uint8Array;
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

export function readImage(bytes: Uint8Array): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // PNG: signature, then the IHDR chunk holds width and height (PNG spec §11.2.2).
  if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return { data: bytes, format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  // JPEG: walk the markers to a start-of-frame (SOF0–SOF15 except DHT/JPG/DAC).
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) { i++; continue; }
      const marker = bytes[i + 1]!;
      const length = view.getUint16(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { data: bytes, format: 'jpeg', height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      }
      i += 2 + length;
    }
  }
  return undefined;
}
