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
