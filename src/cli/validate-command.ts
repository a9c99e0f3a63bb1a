import type { Command } from 'commander';
import { prepareKit } from '../build/build-kit.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { EXIT, reportError } from './errors.js';
import { parseLangs, resolveRoot } from './options.js';

interface ValidateFlags { root?: string; lang?: string; json?: boolean; strict?: boolean; allowFuzzy?: boolean }

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check the configuration, sources and templates and report every problem; writes nothing')
    .option('--root <dir>', 'project folder (holding sources/, templates/)', '.')
    .option('--lang <list>', 'languages to check, comma-separated (default: all available)')
    .option('--strict', 'report untranslated or fuzzy units as errors')
    .option('--allow-fuzzy', 'accept fuzzy translations')
    .option('--json', 'print the diagnostics as JSON on stdout')
    .action(async (flags: ValidateFlags) => {
      const json = flags.json === true;
      try {
        const { documents, diagnostics } = await prepareKit({ root: resolveRoot(flags.root), langs: parseLangs(flags.lang), strict: flags.strict === true, allowFuzzy: flags.allowFuzzy === true });
        if (json) process.stdout.write(`${JSON.stringify({ diagnostics }, null, 2)}\n`);
        else {
          for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
          process.stdout.write(`folio: the kit is valid (${documents.length} documents${diagnostics.length ? `, ${diagnostics.length} warnings` : ''}).\n`);
        }
        process.exitCode = EXIT.ok;
      } catch (error) {
        process.exitCode = reportError(error, { json });
      }
    });
}
