import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { copyKit, realTool, runCli } from '../helpers/kit.js';

describe('folio proof', () => {
  it('writes one HTML page with every page of every PDF as an image; says what it needs when poppler is missing', () => {
    const root = copyKit();
    const out = path.join(root, 'out');
    // Without pdftoppm on PATH (node itself is called by its full path): a usage error naming poppler, nothing written.
    const bin = path.join(root, 'bin-without-poppler');
    mkdirSync(bin);
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const bare = runCli(['proof', '--root', root, '--only', 'agenda', '--lang', 'en'], { env: { PATH: bin } });
    expect(bare.status, bare.stderr).toBe(2);
    expect(bare.stderr).toMatch(/pdftoppm.*poppler-utils/);
    expect(existsSync(out), 'nothing built either').toBe(false);
    mkdirSync(out);
    if (!realTool('pdftoppm', ['pdftoppm', '-v'], 'apt-get install -y poppler-utils')) return;

    // What an interrupted proof left behind is cleared.
    mkdirSync(path.join(out, '.proof-interrupted'), { recursive: true });
    const result = runCli(['proof', '--root', root, '--only', 'agenda,invitations', '--lang', 'en,ar']);
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(path.join(out, 'proof', 'index.html'), 'utf8');
    const pdfs = ['en/agenda.pdf', 'ar/agenda.pdf', ...readdirSync(path.join(out, 'ar', 'invitations')).filter((f) => f.endsWith('.pdf')).map((f) => `ar/invitations/${f}`)];
    for (const pdf of pdfs) expect(html, pdf).toContain(`href="../${pdf}"`);
    const images = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
    const pages = Number(/(\d+) pages<\/h1>/.exec(html)![1]);
    expect(images.length).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(pdfs.length + 4); // the agendas have several pages
    for (const img of images) expect(existsSync(path.join(out, 'proof', img)), img).toBe(true);
    expect(readdirSync(out).filter((f) => f.startsWith('.proof-'))).toEqual([]);
    expect(result.stdout).toContain('rendered with poppler');
  });
});
