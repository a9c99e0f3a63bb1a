/**
 * `npm run bench`: build figures of the sample kit and of a generated large kit (a handbook of
 * 300+ pages in en, fr and ar; letters for 60 countries in two languages), each from the real
 * CLI in a child process; pandoc converting the same Markdown documents to DOCX; PDF throughput
 * against Typst on a mixed Arabic/French/English document; fuzzy matching at scale.
 * A script, not a test: nothing here passes or fails on the clock.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rm } from 'node:fs/promises';
import { updateStore, type MemoryPair } from '../translate/update-store.js';
import type { Segment } from '../segments/segment.js';
import { cleanupChildScratch, describeRssMethod } from './child.js';
import { benchKit, removeOut } from './kit-bench.js';
import { copyKit, makeLargeKit } from './large-kit.js';
import { benchPandoc, pandocVersion } from './pandoc.js';
import { benchTypst } from './typst.js';
import { line, secs } from './format.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function typstVersion(): string | undefined {
  try {
    const require = createRequire(path.join(projectRoot, 'package.json'));
    return (require('@myriaddreamin/typst-ts-node-compiler/package.json') as { version: string }).version;
  } catch {
    return undefined;
  }
}

function machineFacts(): void {
  const cpus = os.cpus();
  console.log('folio benchmark');
  line('machine', `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.arch()}`, 2);
  line('Node', process.version, 2);
  line('peak memory measured with', describeRssMethod(), 2);
  line('pandoc', pandocVersion() ?? 'not installed', 2);
  const typst = typstVersion();
  line('Typst compiler (npm)', typst ? `@myriaddreamin/typst-ts-node-compiler ${typst}` : 'not installed', 2);
  const tool = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  if (tool.status !== 0 && tool.error) line('poppler', 'not installed (not needed by the bench)', 2);
}

/** Fuzzy matching at scale: 2 000 new segments against a memory of 20 000 units (in-process). */
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
  const { summary } = updateStore(undefined, segments, memory, { lang: 'fr', threshold: 75, revised: new Date('2027-01-11T00:00:00Z') });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log('\nTranslation memory (in-process)');
  line('2 000 segments × 20 000 memory units', `${secs(seconds)} (${summary.fromMemoryFuzzy} fuzzy and ${summary.fromMemoryExact} exact matches)`);
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  machineFacts();

  const sample = await copyKit(projectRoot, 'folio-bench-sample-');
  try {
    const cold = await benchKit('Sample kit (a copy of sources/, templates/, translations/)', sample);
    await removeOut(cold);
    await benchPandoc('pandoc against folio, sample kit', sample, { seconds: cold.result.seconds, files: cold.report.outputs.filter((o) => o.kind !== 'licence').length });
  } finally {
    await rm(sample, { recursive: true, force: true });
  }

  const large = await makeLargeKit(projectRoot);
  try {
    const added = Object.entries(large.addedEntries).map(([lang, n]) => `${lang} ${n}`).join(', ');
    const cold = await benchKit(
      `Large kit (handbook chapters ×${large.copies}, ${large.countries} countries, the generated ones writing in en and fr; relabelled footnote and country units added to the stores: ${added})`,
      large.root,
    );
    await removeOut(cold);
    await benchPandoc('pandoc against folio, large kit', large.root, { seconds: cold.result.seconds, files: cold.report.outputs.filter((o) => o.kind !== 'licence').length });
  } finally {
    await rm(large.root, { recursive: true, force: true });
  }

  await benchTypst(projectRoot, typstVersion());
  timeMemory();
  cleanupChildScratch();
  console.log(`\nbench finished in ${secs(Number(process.hrtime.bigint() - started) / 1e9)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  cleanupChildScratch();
  process.exitCode = 1;
});
