/**
 * An sRGB ICC profile (ICC.1:2001-04, version 2.1; IEC 61966-2-1 primaries and tone curve), the
 * output intent of folio's PDF/A files. Written here from the specifications rather than shipped
 * as a file: a display profile is a few fixed numbers and a tone curve, and so its bytes and
 * their licence are folio's own. The same bytes on every run.
 */

const TRC_POINTS = 1024;

/** s15Fixed16Number. */
function s15(value: number): number {
  return Math.round(value * 65536) | 0;
}

class Writer {
  readonly bytes: number[] = [];
  u8(v: number) { this.bytes.push(v & 0xff); }
  u16(v: number) { this.u8(v >>> 8); this.u8(v); }
  u32(v: number) { this.u16((v >>> 16) & 0xffff); this.u16(v & 0xffff); }
  ascii(s: string) { for (const c of s) this.u8(c.charCodeAt(0)); }
  pad() { while (this.bytes.length % 4) this.u8(0); }
}

function xyzTag(x: number, y: number, z: number): number[] {
  const w = new Writer();
  w.ascii('XYZ ');
  w.u32(0);
  w.u32(s15(x)); w.u32(s15(y)); w.u32(s15(z));
  return w.bytes;
}

function textDescription(text: string): number[] {
  const w = new Writer();
  w.ascii('desc');
  w.u32(0);
  w.u32(text.length + 1);
  w.ascii(text);
  w.u8(0);
  // No Unicode or ScriptCode description (ICC.1:2001 §6.5.17).
  w.u32(0); w.u32(0);
  w.u16(0); w.u8(0);
  for (let i = 0; i < 67; i++) w.u8(0);
  return w.bytes;
}

function textTag(text: string): number[] {
  const w = new Writer();
  w.ascii('text');
  w.u32(0);
  w.ascii(text);
  w.u8(0);
  return w.bytes;
}

/** The sRGB tone curve (IEC 61966-2-1), sampled. */
function curveTag(): number[] {
  const w = new Writer();
  w.ascii('curv');
  w.u32(0);
  w.u32(TRC_POINTS);
  for (let i = 0; i < TRC_POINTS; i++) {
    const v = i / (TRC_POINTS - 1);
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    w.u16(Math.round(linear * 65535));
  }
  return w.bytes;
}

let cached: Uint8Array | undefined;

export function srgbProfile(): Uint8Array {
  if (cached) return cached;
  const curve = curveTag();
  // Primaries adapted to the D50 PCS (Bradford), as the sRGB profiles of the ICC's site give them.
  const tags: [string, number[]][] = [
    ['desc', textDescription('sRGB IEC61966-2.1')],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(0.9642, 1.0, 0.8249)],
    ['rXYZ', xyzTag(0.4361, 0.2225, 0.0139)],
    ['gXYZ', xyzTag(0.3851, 0.7169, 0.0971)],
    ['bXYZ', xyzTag(0.1431, 0.0606, 0.7141)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  // Tag data after the header (128 bytes) and the tag table; the three curves share one copy.
  const tableSize = 4 + tags.length * 12;
  const data = new Writer();
  const placed: { sig: string; offset: number; size: number }[] = [];
  const offsets = new Map<number[], number>();
  for (const [sig, bytes] of tags) {
    let offset = offsets.get(bytes);
    if (offset === undefined) {
      offset = 128 + tableSize + data.bytes.length;
      offsets.set(bytes, offset);
      data.bytes.push(...bytes);
      data.pad();
    }
    placed.push({ sig, offset, size: bytes.length });
  }
  const size = 128 + tableSize + data.bytes.length;
  const w = new Writer();
  w.u32(size);
  w.u32(0); // preferred CMM
  w.u32(0x02100000); // version 2.1
  w.ascii('mntr'); w.ascii('RGB '); w.ascii('XYZ ');
  // Creation date: fixed (1998-02-09, the date of IEC 61966-2-1's sRGB), so every PDF is the same.
  for (const v of [1998, 2, 9, 6, 49, 0]) w.u16(v);
  w.ascii('acsp');
  w.u32(0); // primary platform
  w.u32(0); // flags
  w.u32(0); w.u32(0); // device manufacturer, model
  w.u32(0); w.u32(0); // attributes
  w.u32(0); // rendering intent: perceptual
  w.u32(s15(0.9642)); w.u32(s15(1.0)); w.u32(s15(0.8249)); // PCS illuminant, D50
  w.u32(0); // creator
  while (w.bytes.length < 128) w.u8(0);
  w.u32(tags.length);
  for (const t of placed) { w.ascii(t.sig); w.u32(t.offset); w.u32(t.size); }
  w.bytes.push(...data.bytes);
  cached = new Uint8Array(w.bytes);
  return cached;
}
