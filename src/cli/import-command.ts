import path from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { EXIT, reportError } from './errors.js';
import { resolveRoot } from './options.js';

interface ImportFlags { root?: string; lang?: string; json?: boolean }

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('bring back a translator\'s PO or XLIFF file into the store, or a TMX file into the memory')
    .argument('<file>', 'a .po, .xlf/.xliff/.sdlxliff or .tmx file')
    .option('--root <dir>', 'project folder', '.')
    .option('--lang <lang>', 'the target language (default: read from the file)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, flags: ImportFlags) => {
      const json = flags.json === true;
      try {
        const { importTranslations } = await import('../translate/import-file.js');
        const result = await importTranslations({ root: resolveRoot(flags.root), file: path.resolve(file), lang: flags.lang });
        if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
          for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
          if (result.glossaryFile) process.stdout.write(`folio: the glossary (${result.glossaryConcepts} concepts) saved as ${result.glossaryFile}; validate checks the translations against it (qa/glossary).\n`);
          else if (result.memoryFile) process.stdout.write(`folio: ${result.memoryUnits} memory units saved as ${result.memoryFile}; run \`folio extract\` to pre-fill from them.\n`);
          else process.stdout.write(`folio: ${result.lang}: ${result.applied} units updated, ${result.unchanged} unchanged, ${result.skipped} not applied.\n`);
        }
        process.exitCode = EXIT.ok;
      } catch (error) {
        process.exitCode = reportError(error, { json });
      }
    });
}
