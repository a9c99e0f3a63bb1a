import path from 'node:path';
import type { Command } from 'commander';
import { buildKit } from '../build/build-kit.js';
import { OUTPUT_KINDS } from '../build/kinds.js';
import { assertRenderer, writeProof } from '../build/proof.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { EXIT, reportError } from './errors.js';
import { parseLangs, parseList, resolveOutDir, resolveRoot } from './options.js';
import { progressReporter } from './progress.js';

interface ProofFlags { root?: string; out?: string; lang?: string; only?: string; resolution?: string }

export function registerProof(program: Command): void {
  program
    .command('proof')
    .description('build the PDFs, then write <out>/proof/index.html: every page of every PDF as an image, for proofreading (needs poppler\'s pdftoppm)')
    .option('--root <dir>', 'project folder (holding sources/, templates/)', '.')
    .option('--out <dir>', 'output folder (default: <root>/out)')
    .option('--lang <list>', 'languages, comma-separated (default: all available)')
    .option('--only <list>', `document kinds, comma-separated: ${OUTPUT_KINDS.join(', ')}`)
    .option('--resolution <dpi>', 'resolution of the page images, 20 to 200 dots per inch', '60')
    .action(async (flags: ProofFlags) => {
      try {
        const root = resolveRoot(flags.root);
        const outDir = resolveOutDir(root, flags.out);
        const resolution = Number(flags.resolution ?? '60');
        if (!Number.isInteger(resolution) || resolution < 20 || resolution > 200) {
          process.stderr.write(`folio: --resolution ${flags.resolution}: expected a whole number of dots per inch from 20 to 200.\n`);
          process.exitCode = EXIT.usage;
          return;
        }
        const kinds = parseList('--only', flags.only, OUTPUT_KINDS);
        // Before building anything: without a renderer there is no proof to make.
        assertRenderer();
        const report = await buildKit({ root, outDir, langs: parseLangs(flags.lang), formats: ['pdf'], kinds, progress: progressReporter({ json: false }) });
        for (const d of report.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
        const documents = report.outputs
          .filter((o) => o.format === 'pdf' && o.status !== 'removed' && o.kind !== 'licence')
          .map((o) => ({ path: o.path, lang: o.lang, kind: o.kind }));
        const proof = writeProof(outDir, documents, { resolution });
        process.stdout.write(`folio: proof of ${proof.documents} documents, ${proof.pages} pages (rendered with poppler's pdftoppm) in ${path.relative(process.cwd(), proof.index) || proof.index}\n`);
        process.exitCode = EXIT.ok;
      } catch (error) {
        process.exitCode = reportError(error, { json: false });
      }
    });
}
