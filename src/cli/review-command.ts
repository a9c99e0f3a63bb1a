import path from 'node:path';
import type { Command } from 'commander';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { EXIT, reportError } from './errors.js';
import { parseLangs, resolveOutDir, resolveRoot } from './options.js';

interface ReviewFlags { root?: string; out?: string; lang?: string }

export function registerReview(program: Command): void {
  program
    .command('review')
    .description('write <out>/review/<lang>.html: every unit\'s source beside its translation, with its state, QA findings, glossary terms and the PDF page it prints on, to review in a browser')
    .option('--root <dir>', 'project folder (holding sources/, templates/, translations/)', '.')
    .option('--out <dir>', 'output folder, whose PDFs the page links to (default: <root>/out)')
    .option('--lang <list>', 'target languages, comma-separated (default: every target language with a store)')
    .action(async (flags: ReviewFlags) => {
      try {
        const root = resolveRoot(flags.root);
        const outDir = resolveOutDir(root, flags.out);
        const { writeReview } = await import('../review/write-review.js');
        const result = await writeReview({ root, outDir, langs: parseLangs(flags.lang) });
        const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
        for (const page of result.pages) {
          process.stdout.write(`folio: ${path.relative(process.cwd(), page.file) || page.file}: ${page.units} units, ${page.printed} linked to the page they print on\n`);
          if (!page.built) {
            process.stderr.write(`folio: there is no build in ${path.relative(process.cwd(), outDir) || outDir} yet: run \`folio build\` for the links to open.\n`);
          } else if (page.stale && page.missingPdfs.length === 0) {
            process.stderr.write(`folio: the ${page.lang} PDFs in ${path.relative(process.cwd(), outDir) || outDir} were built from an earlier state of the kit: run \`folio build\` for the pages the links open to be those shown.\n`);
          }
          if (page.built && page.missingPdfs.length > 0) {
            process.stderr.write(`folio: ${page.missingPdfs.length} of the PDFs it links to are not in ${path.relative(process.cwd(), outDir) || outDir} yet (${page.missingPdfs.slice(0, 3).join(', ')}${page.missingPdfs.length > 3 ? ', …' : ''}): run \`folio build\` for the links to open.\n`);
          }
        }
        if (hasErrors(result.diagnostics)) process.stderr.write(`folio: the kit has ${errors} errors (\`folio validate\` lists them); those of the translations are shown on the page.\n`);
        process.exitCode = EXIT.ok;
      } catch (error) {
        process.exitCode = reportError(error, { json: false });
      }
    });
}
