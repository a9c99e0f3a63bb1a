import type { Command } from 'commander';
import { formatDiagnostic, UsageError } from '../diagnostics/diagnostic.js';
import { EXIT, reportError } from './errors.js';
import { parseLangs, resolveRoot } from './options.js';

interface ExtractFlags { root?: string; lang?: string; threshold?: string; json?: boolean }

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('update translations/<lang>.po from the sources, templates and configuration (never loses a translation)')
    .option('--root <dir>', 'project folder', '.')
    .option('--lang <list>', 'target languages, comma-separated (default: every language after the source language)')
    .option('--threshold <percent>', 'minimum fuzzy-match score for pre-filling from memory', '75')
    .option('--json', 'print a summary as JSON')
    .action(async (flags: ExtractFlags) => {
      const json = flags.json === true;
      try {
        const threshold = Number(flags.threshold);
        if (!Number.isFinite(threshold) || threshold < 1 || threshold > 100) throw new UsageError(`--threshold ${flags.threshold}: give a percentage from 1 to 100.`);
        const { extractTranslations } = await import('../translate/extract.js');
        const result = await extractTranslations({ root: resolveRoot(flags.root), langs: parseLangs(flags.lang), threshold });
        if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
          for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
          for (const l of result.languages) {
            const s = l.summary;
            const what = l.changed ? (l.created ? 'created' : 'updated') : 'unchanged';
            process.stdout.write(`${l.file}: ${what}; ${l.units} units (${s.added} new, ${s.fromMemoryExact} exact and ${s.fromMemoryFuzzy} fuzzy from memory, ${s.changed} changed → fuzzy, ${s.obsoleted} now obsolete)\n`);
          }
        }
        process.exitCode = EXIT.ok;
      } catch (error) {
        process.exitCode = reportError(error, { json });
      }
    });
}
