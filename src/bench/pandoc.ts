/**
 * pandoc, like for like: the Markdown of every document folio composes (every kind that is a
 * file of its own, every language), one pandoc process per document, against folio's cold
 * builds in a child process: DOCX of the same documents, and the whole kit (PDF and DOCX).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { availableLanguages, composeKit, loadKit, type ComposedDocument } from '../build/load-kit.js';
import { OUTPUT_KINDS } from '../build/plan.js';
import { MarkdownFragment, TOKEN_PATTERN } from '../templates/literal-values.js';
import { run, type ChildResult } from './child.js';
import { coldBuild, removeOut } from './kit-bench.js';
import { line, ratio, secs } from './format.js';

/** pandoc's version line, or undefined when it is not installed. */
export function pandocVersion(): string | undefined {
  const result = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
}

/** A data value as Markdown text: escaped (folio prints values literally), line breaks kept. */
function escapeValue(value: string): string {
  return value.replace(/[\\`*_[\]<>#|~!&$]/g, '\\$&').replace(/\n/g, '\\\n');
}

function fragmentMarkdown(children: RootContent[]): string {
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '*', strong: '*', fences: true }).trimEnd();
}

/**
 * The Markdown folio composed for a document, with its data values and inserted sources put
 * back (`literals.resolveText` drops the sources, which are parsed Markdown, so they are
 * printed back to Markdown here).
 */
export function documentMarkdown(doc: ComposedDocument): string {
  const { markdown, literals } = doc.output;
  return markdown.replace(TOKEN_PATTERN, (_, i: string) => {
    const value = literals.get(Number(i));
    return value instanceof MarkdownFragment ? fragmentMarkdown(value.children) : escapeValue(value);
  });
}

/** Runs `jobs` with at most `parallel` at a time; resolves with each job's result. */
async function pool<T>(jobs: (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}

/**
 * Compares pandoc with folio on one kit. `folioAll` is folio's cold build of every output of
 * the kit (seconds, from the caller's run).
 */
export async function benchPandoc(title: string, root: string, folioAll: { seconds: number; files: number }): Promise<void> {
  console.log(`\n${title}`);
  const version = pandocVersion();
  if (!version) {
    console.log('    pandoc: not installed, skipped (Debian: apt-get install pandoc)');
    return;
  }
  const loaded = await loadKit(root);
  if (!loaded.kit) throw new Error('bench: the kit does not load');
  const composed = composeKit(loaded.kit, availableLanguages(loaded.kit), OUTPUT_KINDS);
  const documents = composed.documents.filter((d) => !d.plan.internal);
  const kinds = [...new Set(documents.map((d) => d.plan.kind))];
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-bench-pandoc-'));
  try {
    const files: string[] = [];
    let bytes = 0;
    for (const [i, doc] of documents.entries()) {
      const file = path.join(tmp, `${String(i).padStart(3, '0')}-${doc.plan.path.replace(/[/\\]/g, '_')}.md`);
      const text = `${documentMarkdown(doc)}\n`;
      bytes += Buffer.byteLength(text);
      await writeFile(file, text);
      files.push(file);
    }
    // commonmark_x reads the documents as folio does (CommonMark, GFM tables, footnotes).
    const convert = (file: string) => () => run('pandoc', ['-f', 'commonmark_x', file, '-o', file.replace(/\.md$/, '.docx')]);
    const timed = async (parallel: number): Promise<{ seconds: number; results: ChildResult[] }> => {
      const started = process.hrtime.bigint();
      const results = await pool(files.map(convert), parallel);
      return { seconds: Number(process.hrtime.bigint() - started) / 1e9, results };
    };
    const serial = await timed(1);
    const failed = serial.results.filter((r) => r.code !== 0);
    const warned = serial.results.filter((r) => r.code === 0 && r.stderr.trim() !== '').length;
    const parallel = await timed(2);
    const docx = await coldBuild(root, ['--format', 'docx', '--only', kinds.join(',')]);
    const folioDocx = docx.report.outputs.filter((o) => o.format === 'docx');
    await removeOut(docx);

    line('documents', `${documents.length} Markdown documents (${kinds.join(', ')}; ${availableLanguages(loaded.kit).join(', ')}), ${(bytes / 1024).toFixed(0)} KiB of Markdown`);
    line('pandoc', `${version}, \`pandoc -f commonmark_x in.md -o out.docx\`${failed.length ? `, ${failed.length} FAILED` : ''}${warned ? `, ${warned} with warnings` : ''}`);
    line('pandoc, one process per document', `${secs(serial.seconds)} serially (${(serial.seconds / files.length * 1000).toFixed(0)} ms per document)`);
    line('pandoc, 2 processes at a time', `${secs(parallel.seconds)} (for reference: 2 cores)`);
    line('folio DOCX of the same documents', `${secs(docx.result.seconds)} (\`build --format docx --only ${kinds.join(',')}\`, ${folioDocx.length} files, one child process)`);
    line('folio, whole kit (PDF + DOCX)', `${secs(folioAll.seconds)} (${folioAll.files} files, the cold build above)`);
    line('ratio pandoc / folio, DOCX only', `${ratio(serial.seconds, docx.result.seconds)} (serial pandoc; ${ratio(parallel.seconds, docx.result.seconds)} with 2 at a time)`);
    line('ratio pandoc / folio, whole kit', `${ratio(serial.seconds, folioAll.seconds)} (pandoc makes DOCX only; folio every PDF and DOCX)`);
    if (failed.length) console.log(`    first pandoc error: ${failed[0]!.stderr.trim().split('\n')[0]}`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
