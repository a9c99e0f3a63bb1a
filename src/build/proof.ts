/**
 * Proofs for the secretariat: every page of every PDF a build wrote, as an image, on one HTML
 * page (`out/proof/index.html`), grouped by language and document, to proofread in a browser.
 *
 * Pages are rendered with poppler's `pdftoppm`, when it is installed (no JavaScript PDF renderer
 * on npm draws without a native canvas). The proof folder is made beside the old one and put in
 * its place at the end: an interrupted run leaves the previous proof whole.
 */
import { languageName } from '../config/languages.js';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';

export interface ProofDocument {
  /** Path inside the output folder, e.g. `fr/invitations/DZ.pdf`. */
  path: string;
  lang: string;
  kind: string;
}

export interface ProofResult {
  index: string;
  documents: number;
  pages: number;
}

/** Whether poppler's renderer is installed. */
export function hasRenderer(): boolean {
  return spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error === undefined;
}

/** Throws a usage error saying what to install when poppler's renderer is missing. */
export function assertRenderer(): void {
  if (!hasRenderer()) {
    throw new UsageError('folio proof renders the pages with poppler\'s pdftoppm, which is not installed here: install poppler-utils (apt-get install poppler-utils, brew install poppler), then run it again.');
  }
}

export function writeProof(outDir: string, documents: readonly ProofDocument[], options: { resolution?: number } = {}): ProofResult {
  assertRenderer();
  const target = path.join(outDir, 'proof');
  if (existsSync(target) && !lstatSync(target).isDirectory()) {
    throw new UsageError(`${target} is not a folder folio made (a file or a link): remove it, then run folio proof again.`);
  }
  // What a proof interrupted earlier left (folio's own folders; never a link followed).
  for (const name of existsSync(outDir) ? readdirSync(outDir) : []) {
    const stale = path.join(outDir, name);
    if (/^\.proof-/.test(name) && lstatSync(stale).isDirectory()) rmSync(stale, { recursive: true, force: true });
  }
  const work = mkdtempSync(path.join(outDir, '.proof-'));
  try {
    const sections: string[] = [];
    let pages = 0;
    const sorted = [...documents].sort((a, b) => (a.lang === b.lang ? (a.path < b.path ? -1 : 1) : a.lang < b.lang ? -1 : 1));
    let lang = '';
    for (const doc of sorted) {
      if (doc.lang !== lang) {
        lang = doc.lang;
        sections.push(`<h2 lang="en">${escape(languageName(lang))} (${escape(lang)})</h2>`);
      }
      const stem = doc.path.replace(/\.pdf$/, '').replace(/[^A-Za-z0-9-]+/g, '_');
      const folder = path.join(work, stem);
      mkdirSync(folder);
      const run = spawnSync('pdftoppm', ['-r', String(options.resolution ?? 60), '-png', path.join(outDir, doc.path), path.join(folder, 'p')], { encoding: 'utf8', timeout: 120_000 });
      if (run.status !== 0) throw new Error(`pdftoppm could not render ${doc.path}: ${run.stderr.trim()}`);
      const images = readdirSync(folder).filter((f) => f.endsWith('.png')).sort();
      pages += images.length;
      const figures = images.map((img, i) => `<figure><a href="${escape(`${stem}/${img}`)}"><img src="${escape(`${stem}/${img}`)}" loading="lazy" alt="${escape(`${doc.path}, page ${i + 1}`)}"></a><figcaption>${i + 1}</figcaption></figure>`);
      sections.push(`<section><h3><a href="../${escape(doc.path)}">${escape(doc.path)}</a> <small>${images.length} page${images.length === 1 ? '' : 's'}</small></h3><div class="pages">${figures.join('')}</div></section>`);
    }
    writeFileSync(path.join(work, 'index.html'), page(sections, documents.length, pages));
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(work, target);
    return { index: path.join(target, 'index.html'), documents: documents.length, pages };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

function page(sections: string[], documents: number, pages: number): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>folio proof: ${documents} documents, ${pages} pages</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; background: #f4f4f6; color: #222 }
h2 { margin-top: 2rem; border-bottom: 1px solid #ccc }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem } h3 small { color: #777; font-weight: normal }
.pages { display: flex; flex-wrap: wrap; gap: .6rem }
figure { margin: 0; text-align: center } figcaption { font-size: 11px; color: #666 }
img { background: white; box-shadow: 0 1px 3px rgba(0,0,0,.25); max-width: 240px; height: auto; display: block }
</style>
</head>
<body>
<h1>Proof: ${documents} documents, ${pages} pages</h1>
<p>Every page of every PDF of this build, as an image (poppler's pdftoppm). Click a page to see it larger; the title of a document opens the PDF.</p>
${sections.join('\n')}
</body>
</html>
`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

