/**
 * PDF throughput against Typst: the same mixed Arabic/French/English document (about 100 A4
 * pages, justified, headings) rendered by folio and by the Typst compiler from npm, each cold in
 * a fresh child process (typst-run.ts), with the same font files.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FONT_STACKS } from '../text/fonts.js';
import { findFontPackage } from '../text/font-files.js';
import { runNode, type ChildResult } from './child.js';
import { line, median, mib, ratio, secs } from './format.js';
import { mixedDocument, mixedStats, toFolioMarkdown, toTypst } from './mixed-document.js';

/** Characters of text in the mixed document: about 100 A4 pages with folio. */
export const MIXED_CHARS = 255_000;
/** Cold runs of each tool (alternating); the medians are printed. */
const RUNS = 3;
/** typst-run.js exits with this when the Typst compiler cannot be imported. */
const NOT_INSTALLED = 3;

const runner = path.join(path.dirname(fileURLToPath(import.meta.url)), 'typst-run.js');

/** The folders of the font files folio uses for serif and sans Latin text and for Arabic. */
export function typstFontDirs(): string[] {
  const dirs = new Set<string>();
  for (const name of [DEFAULT_FONT_STACKS.latin.serif, DEFAULT_FONT_STACKS.latin.sans, DEFAULT_FONT_STACKS.arabic]) {
    const files = findFontPackage(name);
    for (const file of [files.regular, files.bold, files.italic, files.boldItalic]) dirs.add(path.dirname(file));
  }
  return [...dirs];
}

interface Run { wall: number; ms: number; pages: number; bytes: number; peakMiB?: number; warnings: string[] }

function parseRun(tool: string, result: ChildResult): Run {
  if (result.code !== 0) throw new Error(`bench: ${tool} run exited with ${result.code}: ${result.stderr.slice(0, 2000)}`);
  const parsed = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as Omit<Run, 'wall' | 'peakMiB'>;
  return { ...parsed, wall: result.seconds, ...(result.peakMiB !== undefined ? { peakMiB: result.peakMiB } : {}) };
}

export async function benchTypst(projectRoot: string, typstVersion?: string): Promise<void> {
  console.log('\nPDF throughput against Typst (one mixed Arabic/French/English document, cold, each run a fresh child process)');
  const blocks = await mixedDocument(projectRoot, MIXED_CHARS);
  const stats = mixedStats(blocks);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-typst-'));
  try {
    const md = path.join(tmp, 'mixed.md');
    const typ = path.join(tmp, 'mixed.typ');
    await writeFile(md, toFolioMarkdown(blocks));
    await writeFile(typ, toTypst(blocks));
    const fontDirs = typstFontDirs();
    const folioRuns: Run[] = [];
    const typstRuns: Run[] = [];
    let typstMissing: string | undefined;
    for (let i = 0; i < RUNS; i++) {
      folioRuns.push(parseRun('folio', await runNode([runner, 'folio', md, path.join(tmp, 'folio.pdf')])));
      if (typstMissing) continue;
      const result = await runNode([runner, 'typst', typ, path.join(tmp, 'typst.pdf'), ...fontDirs]);
      if (result.code === NOT_INSTALLED) typstMissing = result.stderr.trim().split('\n')[0] ?? '';
      else typstRuns.push(parseRun('typst', result));
    }
    const keep = process.env.FOLIO_BENCH_KEEP_PDF;
    if (keep) {
      await mkdir(keep, { recursive: true });
      await copyFile(path.join(tmp, 'folio.pdf'), path.join(keep, 'mixed-folio.pdf'));
      if (!typstMissing) await copyFile(path.join(tmp, 'typst.pdf'), path.join(keep, 'mixed-typst.pdf'));
    }

    line('document', `${stats.headings} headings, ${stats.paragraphs} paragraphs; characters: en ${stats.chars.en}, fr ${stats.chars.fr}, ar ${stats.chars.ar}`);
    line('set as', 'A4, justified 10.5 pt Noto Serif / Amiri, Noto Sans headings, header and "Page N of M" footer; Arabic paragraphs right to left');
    const report = (name: string, runs: Run[]) => {
      const pages = runs[0]!.pages;
      const inside = median(runs.map((r) => r.ms)) / 1000;
      const wall = median(runs.map((r) => r.wall));
      const peak = runs.every((r) => r.peakMiB !== undefined) ? Math.max(...runs.map((r) => r.peakMiB!)) : undefined;
      line(`${name}`, `${pages} pages, ${(runs[0]!.bytes / 1024).toFixed(0)} KiB${runs[0]!.warnings.length ? `; warnings: ${runs[0]!.warnings.slice(0, 3).join('; ')}` : ''}`);
      line(`  inside the process`, `${secs(inside)} → ${(pages / inside).toFixed(1)} pages/s (median of ${runs.length}: ${runs.map((r) => secs(r.ms / 1000)).join(', ')})`);
      line(`  whole child process`, `${secs(wall)} → ${(pages / wall).toFixed(1)} pages/s (median of ${runs.length}: ${runs.map((r) => secs(r.wall)).join(', ')}), peak ${mib(peak)}`);
      return { pages, inside, wall };
    };
    const chars = stats.chars.en + stats.chars.fr + stats.chars.ar;
    const f = report('folio', folioRuns);
    if (typstMissing !== undefined) {
      line('Typst', `not installed, skipped (npm install -D @myriaddreamin/typst-ts-node-compiler: ${typstMissing})`);
      return;
    }
    const t = report(`Typst (typst-ts-node-compiler${typstVersion ? ` ${typstVersion}` : ''})`, typstRuns);
    line('ratio folio / Typst, pages/s', `${ratio(f.pages / f.inside, t.pages / t.inside)} inside the process, ${ratio(f.pages / f.wall, t.pages / t.wall)} whole process`);
    // The same text makes a different number of pages (Typst breaks lines optimally and sets
    // Arabic tighter): characters per second compare the same work.
    line('ratio folio / Typst, characters/s', `${ratio(chars / f.inside, chars / t.inside)} inside the process (folio ${(chars / f.inside / 1000).toFixed(0)}k, Typst ${(chars / t.inside / 1000).toFixed(0)}k characters/s), ${ratio(chars / f.wall, chars / t.wall)} whole process`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
