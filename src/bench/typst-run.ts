/**
 * One cold render in a fresh process, for the Typst comparison:
 *
 *   node dist/bench/typst-run.js folio <mixed.md> <out.pdf>
 *   node dist/bench/typst-run.js typst <mixed.typ> <out.pdf> <font dir>...
 *
 * Prints one JSON line: { pages, ms, bytes, warnings } where `ms` runs from before the fonts
 * are loaded (folio) or the compiler is created (Typst) to the PDF bytes in memory. Exit 3:
 * the Typst compiler is not installed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FontLibrary } from '../text/fonts.js';
import { fontStacks } from '../build/fonts.js';
import { renderPdf } from '../render/pdf/render-pdf.js';
import { folioModel } from './mixed-document.js';

const TYPST_PACKAGE = '@myriaddreamin/typst-ts-node-compiler';
/** Exit code when the Typst compiler cannot be imported (typst.ts knows it too). */
const NOT_INSTALLED = 3;

/** The part of the Typst compiler's API the bench uses (its types stay optional). */
interface TypstDiagnostics { shortDiagnostics: unknown[] }
interface TypstDocument { readonly numOfPages: number }
interface TypstCompileResult {
  readonly result: TypstDocument | null;
  takeWarnings(): TypstDiagnostics | null;
  takeError(): TypstDiagnostics | null;
}
interface TypstCompiler {
  compile(options: { mainFileContent: string }): TypstCompileResult;
  pdf(document: TypstDocument): Uint8Array;
}
interface TypstModule {
  NodeCompiler: { create(args: { workspace: string; fontArgs: { fontPaths: string[] }[] }): TypstCompiler };
}

interface RunResult { pages: number; ms: number; bytes: number; warnings: string[] }

async function folio(input: string): Promise<{ pdf: Uint8Array; result: Omit<RunResult, 'bytes'> }> {
  const markdown = await readFile(input, 'utf8');
  const started = performance.now();
  const model = folioModel(markdown);
  const fonts = await FontLibrary.load(fontStacks(undefined));
  const rendered = await renderPdf(model, fonts);
  const ms = performance.now() - started;
  const warnings = rendered.missing.length ? [`${rendered.missing.length} characters without a glyph`] : [];
  return { pdf: rendered.bytes, result: { pages: rendered.pages, ms, warnings } };
}

async function typst(input: string, fontDirs: string[]): Promise<{ pdf: Uint8Array; result: Omit<RunResult, 'bytes'> }> {
  let module: TypstModule;
  try {
    const name = TYPST_PACKAGE; // a variable: the bench type-checks without the package
    module = (await import(name)) as TypstModule;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(NOT_INSTALLED);
  }
  const source = await readFile(input, 'utf8');
  const started = performance.now();
  const compiler = module.NodeCompiler.create({ workspace: path.dirname(input), fontArgs: [{ fontPaths: fontDirs }] });
  const compiled = compiler.compile({ mainFileContent: source });
  const error = compiled.takeError();
  if (error || !compiled.result) throw new Error(`Typst: ${JSON.stringify(error?.shortDiagnostics ?? 'no document')}`);
  const warnings = (compiled.takeWarnings()?.shortDiagnostics ?? []).map((d) => String((d as { message?: unknown }).message ?? JSON.stringify(d)));
  const pdf = compiler.pdf(compiled.result);
  const ms = performance.now() - started;
  return { pdf, result: { pages: compiled.result.numOfPages, ms, warnings } };
}

async function main(): Promise<void> {
  const [tool, input, output, ...fontDirs] = process.argv.slice(2);
  if ((tool !== 'folio' && tool !== 'typst') || !input || !output) {
    process.stderr.write('usage: typst-run.js folio|typst <input> <output.pdf> [font dirs…]\n');
    process.exit(2);
  }
  const { pdf, result } = tool === 'folio' ? await folio(input) : await typst(input, fontDirs);
  await writeFile(output, pdf);
  process.stdout.write(`${JSON.stringify({ ...result, bytes: pdf.length })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
