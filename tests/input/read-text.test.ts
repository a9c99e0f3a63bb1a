import { mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8, readBoundedFile } from '../../src/input/read-text.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8, with or without a BOM, and UTF-16 with one', () => {
    expect(decodeText(utf8('été'), 'f')).toEqual({ text: 'été', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a')]), 'f')).toMatchObject({ text: 'a' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from('é', 'utf16le')]), 'f')).toMatchObject({ text: 'é', encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...Buffer.from('é', 'utf16le').swap16()]), 'f')).toMatchObject({ text: 'é', encoding: 'utf-16be' });
  });
  it('refuses Latin-1 labelled UTF-8 at the first bad byte, with its line and column', () => {
    const result = decodeText(new Uint8Array(Buffer.from('title: ok\nname: Hélène\n', 'latin1')), 'sources/seminar.yaml');
    expect(result).toMatchObject({ diagnostic: { file: 'sources/seminar.yaml', line: 2, column: 8, rule: 'encoding/invalid' } });
    expect('diagnostic' in result && result.diagnostic.message).toContain('"é"');
  });
  it('counts columns in characters, not bytes', () => {
    const bytes = new Uint8Array([...utf8('ـعـ'), 0xff]);
    expect(decodeText(bytes, 'f')).toMatchObject({ diagnostic: { line: 1, column: 4 } });
  });
  it('says UTF-16 without a BOM, and refuses unknown charsets', () => {
    const result = decodeText(new Uint8Array(Buffer.from('msgid ""\nmsgstr ""\n', 'utf16le')), 'f.po');
    expect('diagnostic' in result && result.diagnostic.message).toContain('UTF-16');
    expect(decodeText(utf8('x'), 'f.po', 'KLINGON-8')).toMatchObject({ diagnostic: { rule: 'encoding/unsupported' } });
    expect(decodeText(new Uint8Array(Buffer.from('é', 'latin1')), 'f.po', 'ISO-8859-1')).toMatchObject({ text: 'é' });
  });
  it('finds overlong forms, surrogates and truncated sequences', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8(utf8('ok 😀'))).toBe(utf8('ok 😀').length);
  });
});

describe('readBoundedFile', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-read-'));
  it('reads a file at the limit and refuses one a byte over', async () => {
    writeFileSync(path.join(dir, 'at.txt'), 'x'.repeat(100));
    expect(await readBoundedFile(path.join(dir, 'at.txt'), 'at.txt', 100)).toMatchObject({ bytes: expect.any(Uint8Array) });
    expect(await readBoundedFile(path.join(dir, 'at.txt'), 'at.txt', 99)).toMatchObject({ diagnostic: { rule: 'limit/file-size', file: 'at.txt' } });
  });
  it('refuses a FIFO at once, and a folder', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    expect(await readBoundedFile(path.join(dir, 'pipe.md'), 'pipe.md', 100)).toMatchObject({ diagnostic: { rule: 'input/not-a-file' } });
    expect(await readBoundedFile(dir, 'dir', 100)).toMatchObject({ diagnostic: { rule: 'input/not-a-file' } });
    expect(await readBoundedFile(path.join(dir, 'none'), 'none', 100)).toEqual({ missing: true });
  });
});
