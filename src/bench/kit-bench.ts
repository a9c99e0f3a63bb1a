/**
 * Build figures of one kit, each from the real CLI in a fresh child process timed from outside:
 * a cold build of every output, `build --check` and `validate` on the built kit, and rebuilds
 * after one translation change (a heading of the concept note, a paragraph of the handbook).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildReport, OutputRecord } from '../build/build-kit.js';
import { runNode, type ChildResult } from './child.js';
import { LABEL_WIDTH, line, median, mib, secs } from './format.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'main.js');

export function folio(args: string[]): Promise<ChildResult> {
  return runNode([CLI, ...args]);
}

function fail(what: string, result: ChildResult): never {
  throw new Error(`bench: \`folio ${what}\` exited with ${result.code}:\n${result.stderr.slice(0, 2000)}`);
}

export function parseReport(what: string, result: ChildResult): BuildReport {
  try {
    return JSON.parse(result.stdout) as BuildReport;
  } catch {
    fail(what, result);
  }
}

const isDocument = (o: OutputRecord) => o.kind !== 'licence';
const pagesOf = (outputs: OutputRecord[]) => outputs.reduce((n, o) => n + (o.pages ?? 0), 0);

export interface ColdBuild {
  result: ChildResult;
  report: BuildReport;
  out: string;
}

/** `folio build --json` into a new, empty output folder. */
export async function coldBuild(root: string, extra: string[] = []): Promise<ColdBuild> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-out-'));
  const args = ['build', '--root', root, '--out', out, '--json', ...extra];
  const result = await folio(args);
  if (result.code !== 0) fail(args.join(' '), result);
  return { result, report: parseReport(args.join(' '), result), out };
}

/** One translation change: the first French unit of `context` whose msgid is at least `minLength` long. */
async function editFrench(root: string, context: string, minLength: number, insert: string): Promise<string> {
  const file = path.join(root, 'translations', 'fr.po');
  const lines = (await readFile(file, 'utf8')).split('\n');
  for (let i = 0; i < lines.length - 2; i++) {
    if (lines[i] !== `msgctxt "${context}"`) continue;
    const msgid = lines[i + 1]!;
    const msgstr = lines[i + 2]!;
    if (!msgid.startsWith('msgid "') || msgid === 'msgid ""' || !msgstr.startsWith('msgstr "') || msgid.length - 8 < minLength) continue;
    // One line changes, so no other entry moves in the store.
    lines[i + 2] = msgstr.replace(/"$/, `${insert}"`);
    await writeFile(file, lines.join('\n'));
    return msgid.slice(7, 47);
  }
  throw new Error(`bench: no French unit in context ${context} to change`);
}

function diagnosticsSummary(report: BuildReport): string {
  if (report.diagnostics.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const d of report.diagnostics) counts.set(`${d.severity} ${d.rule}`, (counts.get(`${d.severity} ${d.rule}`) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} × ${k}`).join(', ');
}

export async function benchKit(title: string, root: string): Promise<ColdBuild> {
  console.log(`\n${title}`);
  const cold = await coldBuild(root);
  const { report, result } = cold;
  const docs = report.outputs.filter(isDocument);
  const pdfs = docs.filter((o) => o.format === 'pdf');
  const pages = pagesOf(pdfs);
  const handbooks = pdfs.filter((o) => o.kind === 'handbook').map((o) => `${o.lang} ${o.pages}`).join(', ');
  const untranslated = report.diagnostics.filter((d) => d.rule.startsWith('translate/'));
  console.log('  cold build: `folio build --json` in a child process, timed from outside');
  line('files', `${docs.length} (${pdfs.length} PDF, ${docs.length - pdfs.length} DOCX) + ${report.outputs.length - docs.length} licence texts`);
  line('PDF pages', `${pages} (handbook: ${handbooks})`);
  line('wall time', secs(result.seconds));
  line('documents / s', `${(docs.length / result.seconds).toFixed(1)} files/s`);
  line('PDF pages / s', `${(pages / result.seconds).toFixed(1)} pages/s (whole build, DOCX included)`);
  line('peak memory (RSS)', mib(result.peakMiB));
  if (report.work) line('worker threads', `${report.work.workers} (the build's default)`);
  if (report.timings) {
    const stages = Object.entries(report.timings).map(([k, ms]) => `${k} ${secs(ms / 1000)}`).join(', ');
    line('in-process stages', `${stages} (the child's own timings)`);
  }
  line('diagnostics', `${diagnosticsSummary(report)}${untranslated.length === 0 ? ' (no untranslated or fuzzy unit in fr, ar)' : ''}`);

  if ((await folio(['build', '--help'])).stdout.includes('--jobs')) {
    const single = await coldBuild(root, ['--jobs', '1']);
    await removeOut(single);
    line('cold build with --jobs 1', `${secs(single.result.seconds)} → ${(pages / single.result.seconds).toFixed(1)} pages/s, peak ${mib(single.result.peakMiB)} (no worker threads)`);
  }
  const check = await folio(['build', '--root', root, '--out', cold.out, '--check']);
  line('build --check, up to date', `${secs(check.seconds)}, exit ${check.code}, peak ${mib(check.peakMiB)}`);
  const help = (await folio(['validate', '--help'])).stdout;
  if (help.includes('--out')) {
    const cached = await folio(['validate', '--root', root, '--out', cold.out]);
    if (cached.code !== 0) fail('validate', cached);
    line('validate, after the build', `${secs(cached.seconds)}, peak ${mib(cached.peakMiB)} (\`--out\` the built folder: unchanged languages reuse its checks)`);
  }
  const full = await folio(['validate', '--root', root, ...(help.includes('--no-cache') ? ['--no-cache'] : [])]);
  if (full.code !== 0) fail('validate', full);
  line('validate, everything checked', `${secs(full.seconds)}, peak ${mib(full.peakMiB)}`);

  for (const [label, context, minLength, insert] of [
    ['one fr heading (concept note)', 'concept-note', 0, ' général'],
    ['one fr paragraph (handbook)', 'chapter-05', 200, ' (révisé)'],
  ] as const) {
    await editFrench(root, context, minLength, insert);
    const rebuild = await folio(['build', '--root', root, '--out', cold.out, '--json']);
    if (rebuild.code !== 0) fail('build (rebuild)', rebuild);
    const built = parseReport('build', rebuild).outputs.filter((o) => o.status === 'built' && isDocument(o));
    line(`rebuild, ${label}`, `${secs(rebuild.seconds)}, ${built.length} files rebuilt (${pagesOf(built)} PDF pages: ${built.slice(0, 4).map((o) => o.path).join(', ')}${built.length > 4 ? ', …' : ''}), peak ${mib(rebuild.peakMiB)}`);
  }
  await benchWarmRebuilds(root, cold.out);
  return cold;
}

/**
 * Rebuilds in one process kept running, as `folio watch` does: the same buildKit, after the
 * same warm-up (src/build/warm-up.ts).
 */
async function benchWarmRebuilds(root: string, outDir: string): Promise<void> {
  const { buildKit } = await import('../build/build-kit.js');
  const { warmUp } = await import('../build/warm-up.js');
  await buildKit({ root, outDir });
  await warmUp(root); // as `folio watch` does after its first build
  const times: number[] = [];
  let rebuilt = 0;
  for (let i = 0; i < 4; i++) {
    await editFrench(root, 'concept-note', 0, ` ${i + 1}`);
    const started = performance.now();
    const report = await buildKit({ root, outDir });
    times.push((performance.now() - started) / 1000);
    rebuilt = report.outputs.filter((o) => o.status === 'built').length;
  }
  const [first, ...rest] = times;
  line('rebuild in `folio watch`', `first ${secs(first!)}, then median ${secs(median(rest))} (one fr heading, ${rebuilt} files each; a running process, warmed up as watch does)`);
}

export async function removeOut(cold: ColdBuild): Promise<void> {
  await rm(cold.out, { recursive: true, force: true });
}

export { LABEL_WIDTH };
