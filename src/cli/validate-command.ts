import type { Command } from 'commander';
import path from 'node:path';
import { validateKit } from '../build/build-kit.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { EXIT, reportError } from './errors.js';
import { parseLangs, resolveOutDir, resolveRoot } from './options.js';

interface ValidateFlags { root?: string; out?: string; lang?: string; json?: boolean; strict?: boolean; allowFuzzy?: boolean; cache?: boolean }

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check the configuration, sources and templates and report every problem; writes nothing')
    .option('--root <dir>', 'project folder (holding sources/, templates/)', '.')
    .option('--lang <list>', 'languages to check, comma-separated (default: all available)')
    .option('--out <dir>', 'output folder of the last build, whose manifest lets unchanged languages be skipped (default: <root>/out)')
    .option('--no-cache', 'check every language again, even those unchanged since the last build')
    .option('--strict', 'report untranslated or fuzzy units as errors')
    .option('--allow-fuzzy', 'accept fuzzy translations')
    .option('--json', 'print the diagnostics as JSON on stdout')
    .action(async (flags: ValidateFlags) => {
      const json = flags.json === true;
      try {
        const root = resolveRoot(flags.root);
        const { documents, diagnostics, composed } = await validateKit({
          root, outDir: resolveOutDir(root, flags.out), langs: parseLangs(flags.lang),
          strict: flags.strict === true, allowFuzzy: flags.allowFuzzy === true, cache: flags.cache !== false,
        });
        if (json) process.stdout.write(`${JSON.stringify({ diagnostics, composed }, null, 2)}\n`);
        else {
          for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
          process.stdout.write(`folio: the kit is valid (${documents} documents${diagnostics.length ? `, ${diagnostics.length} warnings` : ''}).\n`);
        }
        process.exitCode = EXIT.ok;
      } catch (error) {
        process.exitCode = reportError(error, { json });
      }
    });
}
