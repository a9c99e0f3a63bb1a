/** Images referenced by a source: placed in the PDF and the DOCX; a missing one is an error with its place. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { copyKit, editFile, runCli } from '../helpers/kit.js';
import { makePng } from '../helpers/png.js';
import { readZip } from '../../src/render/docx/zip.js';

function firstBrief(root: string): { file: string; slug: string } {
  const name = readdirSync(path.join(root, 'sources/themes')).sort()[0]!;
  return { file: path.join(root, 'sources/themes', name), slug: name.replace(/\.md$/, '') };
}

describe('images in sources', () => {
  it('are drawn in the PDF and embedded in the DOCX', async () => {
    const root = copyKit();
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-img-')), 'out');
    const brief = firstBrief(root);
    writeFileSync(path.join(root, 'sources/themes/figure.png'), makePng(120, 60, [20, 90, 160]));
    editFile(brief.file, (t) => t.replace('## Purpose\n\n', '## Purpose\n\n![A blue figure](figure.png)\n\n'));
    const result = runCli(['build', '--root', root, '--out', out, '--only', 'briefs', '--lang', 'en']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const pdf = await PDFDocument.load(readFileSync(path.join(out, `en/briefs/${brief.slug}.pdf`)));
    const images = pdf.getPages().flatMap((p) => {
      const x = p.node.Resources()?.lookup(PDFName.of('XObject'));
      return x instanceof PDFDict ? x.keys() : [];
    });
    expect(images.length).toBe(1);
    const docx = readZip(new Uint8Array(readFileSync(path.join(out, `en/briefs/${brief.slug}.docx`))));
    expect(docx.some((e) => e.path.startsWith('word/media/'))).toBe(true);
    const xml = new TextDecoder().decode(docx.find((e) => e.path === 'word/document.xml')!.data);
    expect(xml).toContain('A blue figure');
  });

  it('a missing image stops the build with the source place', () => {
    const root = copyKit();
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-img-')), 'out');
    const brief = firstBrief(root);
    editFile(brief.file, (t) => t.replace('## Purpose\n\n', '## Purpose\n\n![Lost](nowhere.png)\n\n'));
    const result = runCli(['build', '--root', root, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`sources/themes/${brief.slug}\\.md:\\d+:1: error: .*nowhere\\.png.*\\[markdown/image\\]`));
    expect(existsSync(out)).toBe(false);
  });
});

describe('an image\'s alternative text and a link\'s title', () => {
  it('are units of their own (a paragraph of an image alone is no unit); their translations reach the translated document', () => {
    const root = copyKit();
    const brief = firstBrief(root);
    writeFileSync(path.join(root, 'sources/themes/figure.png'), makePng(120, 60, [20, 90, 160]));
    editFile(brief.file, (t) => t.replace('## Purpose\n\n', '## Purpose\n\n![A blue figure of the corridors](figure.png)\n\nSee [the annex](https://example.org/annex "Annex on remittance corridors").\n\n'));
    expect(runCli(['extract', '--root', root, '--lang', 'fr']).status).toBe(0);
    const po = path.join(root, 'translations/fr.po');
    const store = readFileSync(po, 'utf8');
    expect(store).toMatch(/#\. Alternative text of the image figure\.png \(read aloud in its place\)\n#: [^\n]+\nmsgctxt "[^"]+"\nmsgid "A blue figure of the corridors"\nmsgstr ""/);
    expect(store).toMatch(/#\. Title of the link https:\/\/example\.org\/annex[^\n]*\n#: [^\n]+\nmsgctxt "[^"]+"\nmsgid "Annex on remittance corridors"/);
    expect(store).not.toContain('msgid "![A blue figure');
    expect(store).toContain('msgid "See [the annex](https://example.org/annex \\"Annex on remittance corridors\\")."');
    writeFileSync(po, store
      .replace(/(msgid "A blue figure of the corridors"\n)msgstr ""/, '$1msgstr "Une figure bleue des couloirs"')
      .replace(/(msgid "Annex on remittance corridors"\n)msgstr ""/, '$1msgstr "Annexe sur les couloirs de transferts"')
      .replace(/(msgid "See \[the annex\][^\n]*\n)msgstr ""/, '$1msgstr "Voir [l’annexe](https://example.org/annex \\"Annex on remittance corridors\\")."'));
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-img-')), 'out');
    const result = runCli(['build', '--root', root, '--out', out, '--only', 'briefs', '--lang', 'fr', '--format', 'docx']);
    expect(result.status, result.stderr).toBe(0);
    // Nothing of the new text is left untranslated.
    expect(result.stderr).not.toContain('untranslated');
    const docx = readZip(new Uint8Array(readFileSync(path.join(out, `fr/briefs/${brief.slug}.docx`))));
    expect(docx.some((e) => e.path.startsWith('word/media/'))).toBe(true);
    const xml = new TextDecoder().decode(docx.find((e) => e.path === 'word/document.xml')!.data);
    expect(xml).toContain('descr="Une figure bleue des couloirs"');
    expect(xml).not.toContain('A blue figure');
    expect(xml).toContain('l’annexe');
  });
});
