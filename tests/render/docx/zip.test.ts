import { describe, expect, it } from 'vitest';
import { crc32, dosDateTime, readZip, writeZip } from '../../../src/render/docx/zip.js';

const encode = (s: string) => new TextEncoder().encode(s);

describe('zip', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips entries in the order given, deflated or stored', () => {
    const entries = [
      { path: '[Content_Types].xml', data: encode('<Types/>'.repeat(50)) },
      { path: 'word/media/é.bin', data: Uint8Array.from([0, 255, 3]) },
      { path: 'empty.txt', data: new Uint8Array() },
    ];
    const back = readZip(writeZip(entries, new Date('2025-03-14T09:30:00Z')));
    expect(back.map((e) => e.path)).toEqual(entries.map((e) => e.path));
    back.forEach((e, i) => expect(Buffer.from(e.data).equals(Buffer.from(entries[i]!.data))).toBe(true));
  });

  it('gives the same bytes for the same entries and date', () => {
    const entries = [{ path: 'a.xml', data: encode('<a>hello</a>') }];
    const date = new Date('2025-03-14T09:30:00Z');
    expect(Buffer.from(writeZip(entries, date)).equals(Buffer.from(writeZip(entries, date)))).toBe(true);
  });

  it('stamps every entry with the given date, read in UTC', () => {
    const { date, time } = dosDateTime(new Date('2025-03-14T09:30:10Z'));
    const zip = writeZip([{ path: 'a', data: encode('x') }, { path: 'b', data: encode('y') }], new Date('2025-03-14T09:30:10Z'));
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // local headers: time at offset 10, date at 12
    expect(view.getUint16(10, true)).toBe(time);
    expect(view.getUint16(12, true)).toBe(date);
    expect(date).toBe(((2025 - 1980) << 9) | (3 << 5) | 14);
    expect(time).toBe((9 << 11) | (30 << 5) | 5);
  });

  it('clamps dates before 1980 to the DOS epoch', () => {
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z'))).toEqual({ date: (1 << 5) | 1, time: 0 });
  });

  it('refuses data that is not a zip', () => {
    expect(() => readZip(encode('not a zip at all, just text'))).toThrow(/Not a ZIP/);
  });
});
