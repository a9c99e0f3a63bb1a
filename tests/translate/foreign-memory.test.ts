/**
 * A memory written by another tool pre-fills translations as translators wrote them: Translate
 * Toolkit's po2tmx of a store (plain text, the Markdown of the PO) and a TMX whose codes are HTML.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePo } from '../../src/translate/formats/po.js';
import { foreignSegmentToMarkdown } from '../../src/translate/content-markdown.js';
import { copyKit, realTool, runCli } from '../helpers/kit.js';

const havePo2tmx = realTool('Translate Toolkit', ['po2tmx', '--version'], 'apt-get install -y translate-toolkit');

describe('memories from other tools', () => {
  it.skipIf(!havePo2tmx)('po2tmx of a store fills its units back exactly: Markdown not escaped, exact matches translated', () => {
    const root = copyKit();
    const po = path.join(root, 'translations/fr.po');
    const original = readFileSync(po, 'utf8');
    const entries = parsePo(original).catalog!.entries;
    const marked = entries.filter((e) => !e.obsolete && !e.flags.includes('fuzzy') && /\*\*|\[\^/.test(e.msgid) && e.msgstr[0] && e.msgctxt?.startsWith('chapter-')).slice(0, 12);
    expect(marked.length).toBeGreaterThan(8);
    mkdirSync(path.join(root, 'translations/memory'), { recursive: true });
    execFileSync('po2tmx', ['-l', 'fr', '-i', po, '-o', path.join(root, 'translations/memory/agency.tmx')], { stdio: 'ignore' });
    let text = original;
    for (const e of marked) text = text.replace(`msgstr "${e.msgstr[0]!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`, 'msgstr ""');
    writeFileSync(po, text);
    expect(parsePo(text).catalog!.entries.filter((e) => e.msgstr[0] === '').length).toBeGreaterThanOrEqual(marked.length);
    const result = runCli(['extract', '--root', root, '--lang', 'fr']);
    expect(result.status, result.stderr).toBe(0);
    const after = new Map(parsePo(readFileSync(po, 'utf8')).catalog!.entries.map((e) => [`${e.msgctxt}\u0000${e.msgid}`, e]));
    for (const e of marked) {
      const back = after.get(`${e.msgctxt}\u0000${e.msgid}`)!;
      expect(back.msgstr[0], e.msgid).toBe(e.msgstr[0]);
      expect(back.msgstr[0]).not.toMatch(/\\[*[\]]/);
      expect(back.flags).not.toContain('fuzzy');
      expect(back.translatorComments.join(' '), e.msgid).toMatch(/memory \(agency\.tmx/);
    }
  });

  it('reads HTML bold and italics as Markdown, other tools\' own codes as nothing', () => {
    const open = (data: string) => ({ kind: 'open' as const, id: '1', data });
    const close = (data: string) => ({ kind: 'close' as const, id: '1', data });
    expect(foreignSegmentToMarkdown(['The ', open('<b>'), 'big', close('</b>'), ' ', open('<EM class="x">'), 'cat', close('</em>'), ' [^2]'])).toBe('The **big** *cat* [^2]');
    expect(foreignSegmentToMarkdown(['A ', open('<g0>'), 'tag', close('</g0>'), ' and ', { kind: 'standalone', id: '2', data: '<u>' }, '**kept**'])).toBe('A tag and **kept**');
  });
});
