import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../../src/translate/formats/sniff-format.js';
import { writeTmx } from '../../../src/translate/formats/tmx.js';
import { writeXliff12 } from '../../../src/translate/formats/xliff12.js';
import { writeXliff2 } from '../../../src/translate/formats/xliff2.js';
import { utf16be, utf16le, utf8, utf8WithBom } from './exchange-helpers.js';
import { sampleFile, sampleMemory } from './exchange-samples.js';

describe('sniffFormat', () => {
  it('recognises what folio writes', () => {
    expect(sniffFormat(utf8(writeXliff12(sampleFile())))).toBe('xliff12');
    expect(sniffFormat(utf8(writeXliff2(sampleFile())))).toBe('xliff2');
    expect(sniffFormat(utf8(writeTmx(sampleMemory())))).toBe('tmx');
  });

  it('looks past the declaration, comments, processing instructions and a DOCTYPE with a subset', () => {
    const prolog = '<?xml version="1.0"?>\n<!-- <tmx> in a comment -->\n<?pi <xliff?>\n<!DOCTYPE xliff [<!ENTITY a "<tmx>">]>\n';
    expect(sniffFormat(utf8(`${prolog}<xliff version="1.2"/>`))).toBe('xliff12');
    expect(sniffFormat(utf8(`${prolog}<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en"/>`))).toBe('xliff2');
    expect(sniffFormat(utf8(`${prolog}<xlf:xliff xmlns:xlf="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>`))).toBe('xliff12');
    expect(sniffFormat(utf8('<xliff\n  xmlns="urn:oasis:names:tc:xliff:document:2.2"\n  version="2.2">'))).toBe('xliff2');
  });

  it('reads BOMs and UTF-16', () => {
    expect(sniffFormat(utf8WithBom('<tmx version="1.4"/>'))).toBe('tmx');
    expect(sniffFormat(utf8('<?xml version="1.0"?>\n<!-- Weblate -->\n<martif type="TBX"><text/></martif>'))).toBe('tbx');
    expect(sniffFormat(utf8('<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"/>'))).toBe('tbx');
    expect(sniffFormat(utf16le('<?xml version="1.0" encoding="UTF-16"?><tmx version="1.4"/>'))).toBe('tmx');
    expect(sniffFormat(utf16be('<xliff version="2.1"/>'))).toBe('xliff2');
  });

  it('recognises PO by its msgid lines, and nothing else', () => {
    expect(sniffFormat(utf8('# comment\nmsgid ""\nmsgstr ""\n'))).toBe('po');
    expect(sniffFormat(utf8('<html><body>msgid "x"</body></html>'))).toBeUndefined();
    expect(sniffFormat(utf8('just text'))).toBeUndefined();
    expect(sniffFormat(new Uint8Array())).toBeUndefined();
  });

  it('reads only the head of a large file, even cut inside a character', () => {
    const big = `<tmx version="1.4"><body>${'é'.repeat(40_000)}</body></tmx>`;
    expect(sniffFormat(utf8(big))).toBe('tmx');
    expect(sniffFormat(utf8(`x${big}`))).toBeUndefined();
    expect(sniffFormat(utf16le(`${'\n'.repeat(16_383)}<tmx version="1.4"><body>${'𝄞'.repeat(40_000)}</body></tmx>`))).toBe('tmx');
  });
});
