/**
 * `npm run bench`: builds the sample kit and a generated large kit (a handbook of 300+ pages,
 * letters for 60 countries) and prints documents and pages per second and peak memory.
 * A script, not a test: nothing here passes or fails on the clock.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { buildKit, prepareKit, type BuildReport } from '../build/build-kit.js';
import { updateStore, type MemoryPair } from '../translate/update-store.js';
import type { Segment } from '../segments/segment.js';

/** How many times each handbook chapter is repeated in the large kit (300+ pages). */
const COPIES = 13;
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function timeBuild(label: string, root: string): Promise<void> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-out-'));
  const started = process.hrtime.bigint();
  const report: BuildReport = await buildKit({ root, outDir: out });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const docs = report.outputs.filter((o) => o.kind !== 'licence');
  const pdfs = docs.filter((o) => o.format === 'pdf');
  const pages = pdfs.reduce((n, o) => n + (o.pages ?? 0), 0);
  const handbook = pdfs.find((o) => o.kind === 'handbook');
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`${label}`);
  console.log(`  files built        ${docs.length} (${pdfs.length} PDF, ${docs.length - pdfs.length} DOCX)`);
  console.log(`  PDF pages          ${pages}${handbook ? ` (handbook: ${handbook.pages})` : ''}`);
  console.log(`  cold build         ${seconds.toFixed(2)} s`);
  console.log(`  documents / s      ${(docs.length / seconds).toFixed(1)}`);
  console.log(`  PDF pages / s      ${(pages / seconds).toFixed(1)} (whole build, DOCX included)`);
  console.log(`  peak memory (RSS)  ${peak.toFixed(0)} MiB (process so far)`);
  await rm(out, { recursive: true, force: true });
}

/** A copy of the sample kit with every chapter repeated to make a long handbook, and 60 countries. */
async function makeLargeKit(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-kit-'));
  for (const dir of ['sources', 'templates', 'translations']) await cp(path.join(projectRoot, dir), path.join(root, dir), { recursive: true, filter: (src) => !src.includes('drafts') });
  const handbook = path.join(root, 'sources', 'handbook');
  for (const name of await readdir(handbook)) {
    const file = path.join(handbook, name);
    const text = await readFile(file, 'utf8');
    const end = text.indexOf('\n---', 3);
    const front = text.slice(0, end + 4);
    let body = text.slice(end + 4);
    // Footnote definitions must stay unique: rename them in each copy.
    const copies: string[] = [];
    for (let i = 0; i < COPIES; i++) copies.push(body.replace(/\[\^([^\]]+)\]/g, `[^$1-${i}]`).replace(/^## (.*)$/gm, `## $1 (part ${i + 1})`));
    body = copies.join('\n\n');
    await writeFile(file, `${front}\n${body}`);
  }
  const configFile = path.join(root, 'sources', 'seminar.yaml');
  const doc = parseDocument(await readFile(configFile, 'utf8'));
  const countries = doc.get('countries') as { items: unknown[] };
  const existing = new Set((doc.toJS().countries as { code: string }[]).map((c) => c.code));
  const extra = ['AD', 'AM', 'AT', 'AZ', 'BA', 'BE', 'BG', 'BY', 'CA', 'CY', 'CZ', 'DK', 'EE', 'FI', 'GB', 'GE', 'HR', 'HU', 'IE', 'IS',
    'KG', 'KZ', 'LI', 'LT', 'LU', 'LV', 'MC', 'MD', 'ME', 'MK', 'MN', 'NL', 'NO', 'PL', 'RO', 'RS', 'SE', 'SI', 'SK', 'SM', 'TJ', 'TM',
    'UA', 'US', 'UZ', 'VA'].filter((c) => !existing.has(c));
  for (const code of extra) {
    if (countries.items.length >= 60) break;
    countries.items.push(doc.createNode({
      code, name: `Country ${code}`, group: 'osce', languages: ['en'],
      addressee: { title: 'The Minister of Labour', ministry: `Ministry of Labour (${code})`, address: 'Capital City' },
      quota: { government: 0, socialPartners: 0, additional: 2 },
    }));
  }
  await writeFile(configFile, doc.toString());
  return root;
}

/** Fuzzy matching at scale: 2 000 new segments against a memory of 20 000 units. */
function timeMemory(): void {
  let seed = 11;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const vocabulary = Array.from({ length: 5000 }, (_, i) => `word${i}`);
  const sentence = () => Array.from({ length: 8 + Math.floor(rnd() * 40) }, () => vocabulary[Math.floor(rnd() * vocabulary.length)]).join(' ');
  const memory: MemoryPair[] = Array.from({ length: 20_000 }, () => ({ source: sentence(), target: sentence(), origin: 'bench.tmx' }));
  const segments: Segment[] = Array.from({ length: 2_000 }, (_, i) => {
    // Half are near-copies of memory units (one word changed), half are new text.
    const base = i % 2 === 0 ? memory[Math.floor(rnd() * memory.length)]!.source.replace(/^\S+/, 'changed') : sentence();
    return { context: 'bench', source: base, kind: 'paragraph', syntax: 'markdown', place: { file: 'bench.md', line: i + 1, column: 1 } };
  });
  const started = process.hrtime.bigint();
  const { summary } = updateStore(undefined, segments, memory, { lang: 'fr', threshold: 75 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log('\ntranslation memory');
  console.log(`  2 000 new segments against 20 000 memory units: ${seconds.toFixed(2)} s (${summary.fromMemoryFuzzy} fuzzy and ${summary.fromMemoryExact} exact matches)`);
}

async function main(): Promise<void> {
  console.log(`folio benchmark on ${os.cpus().length} cores, Node ${process.version}\n`);
  await timeBuild('sample kit', projectRoot);
  const large = await makeLargeKit();
  try {
    await timeBuild(`\nlarge kit (handbook x${COPIES}, 60 countries)`, large);
  } finally {
    await rm(large, { recursive: true, force: true });
  }
  await timeIncremental();
  await timePandoc();
  timeMemory();
}

/**
 * pandoc's time to convert the same Markdown sources to DOCX, one process per document, beside
 * folio's DOCX-only build of the sample kit. Skipped (and said so) when pandoc is not installed.
 */
async function timePandoc(): Promise<void> {
  const { spawnSync } = await import('node:child_process');
  if (spawnSync('pandoc', ['--version']).status !== 0) {
    console.log('\npandoc: not installed (apt-get install pandoc), comparison skipped');
    return;
  }
  const files: string[] = [path.join(projectRoot, 'sources', 'concept-note.md')];
  for (const dir of ['themes', 'handbook']) {
    for (const name of (await readdir(path.join(projectRoot, 'sources', dir))).sort()) files.push(path.join(projectRoot, 'sources', dir, name));
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-pandoc-'));
  try {
    let started = process.hrtime.bigint();
    for (const [i, file] of files.entries()) spawnSync('pandoc', [file, '-o', path.join(tmp, `${i}.docx`)]);
    const pandoc = Number(process.hrtime.bigint() - started) / 1e9;
    started = process.hrtime.bigint();
    const report = await buildKit({ root: projectRoot, outDir: path.join(tmp, 'out'), formats: ['docx'], langs: ['en'], kinds: ['concept-note', 'briefs', 'handbook'] });
    const folio = Number(process.hrtime.bigint() - started) / 1e9;
    console.log('\nDOCX of the same Markdown sources (English)');
    console.log(`  pandoc, one process per document: ${pandoc.toFixed(2)} s for ${files.length} files`);
    console.log(`  folio (templates, model, DOCX):   ${folio.toFixed(2)} s for ${report.outputs.filter((o) => o.format === 'docx').length} files`);
    console.log(`  ratio pandoc / folio:             ${(pandoc / folio).toFixed(2)}`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Rebuild after one translation change, `validate`, and `build --check`, on a copy of the sample kit. */
async function timeIncremental(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-inc-'));
  try {
    for (const dir of ['sources', 'templates', 'translations']) await cp(path.join(projectRoot, dir), path.join(root, dir), { recursive: true, filter: (src) => !src.includes('drafts') });
    const outDir = path.join(root, 'out');
    await buildKit({ root, outDir });
    const po = path.join(root, 'translations', 'fr.po');
    await writeFile(po, (await readFile(po, 'utf8')).replace('msgstr "Contexte"', 'msgstr "Contexte général"'));
    const time = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
      const started = process.hrtime.bigint();
      const value = await f();
      return [Number(process.hrtime.bigint() - started) / 1e9, value];
    };
    const [rebuild, report] = await time(() => buildKit({ root, outDir }));
    const [check] = await time(() => buildKit({ root, outDir, check: true }));
    const [validate] = await time(() => prepareKit({ root }));
    console.log('\nincremental (sample kit)');
    console.log(`  rebuild after one French paragraph: ${rebuild.toFixed(2)} s (${report.outputs.filter((o) => o.status === 'built').length} files rebuilt)`);
    console.log(`  build --check:                      ${check.toFixed(2)} s`);
    console.log(`  validate:                           ${validate.toFixed(2)} s`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
