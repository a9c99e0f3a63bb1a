import path from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic, hasErrors, UsageError } from '../diagnostics/diagnostic.js';
import { PARTICIPANTS_FILE } from '../nominations/participants-file.js';
import { EXIT, reportError } from './errors.js';
import { resolveRoot } from './options.js';

interface CollectFlags { root?: string; json?: boolean; formTimeout?: string }

/**
 * `folio nominations collect <dir>`. Exit 1 when any form (or the configuration, or
 * participants.yaml) has an error; the forms without errors are taken all the same.
 * Prints counts and places only: never a name or an e-mail address.
 */
export function registerNominations(program: Command): void {
  const nominations = program
    .command('nominations')
    .description('nomination forms returned by the invited countries');
  nominations
    .command('collect')
    .description(`read the filled nomination forms (PDF) in <dir> and add their participants to ${PARTICIPANTS_FILE} (never removes an entry)`)
    .argument('<dir>', 'folder holding the returned forms (.pdf files, not searched recursively)')
    .option('--root <dir>', 'project folder', '.')
    .option('--json', 'print the result as JSON')
    .option('--form-timeout <seconds>', 'how long reading one form may take before it is refused (nominations/timeout), 1 to 600', '15')
    .exitOverride()
    .action(async (dir: string, flags: CollectFlags) => {
      const json = flags.json === true;
      try {
        const seconds = Number(flags.formTimeout ?? '15');
        if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) throw new UsageError(`--form-timeout ${flags.formTimeout}: expected a whole number of seconds from 1 to 600.`);
        const { collectNominations, FormFolderError } = await import('../nominations/collect.js');
        const result = await collectNominations({ root: resolveRoot(flags.root), dir: path.resolve(dir), reader: { timeoutMs: seconds * 1000 } }).catch((error: unknown) => {
          throw error instanceof FormFolderError ? new UsageError(error.message) : error;
        });
        const failed = hasErrors(result.diagnostics);
        if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
          for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
          const file = result.written ? `${PARTICIPANTS_FILE}: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged` : `${PARTICIPANTS_FILE} not changed`;
          process.stdout.write(`folio: ${result.forms} form${result.forms === 1 ? '' : 's'} read, ${result.accepted} taken; ${file}.\n`);
          if (failed) {
            const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
            process.stderr.write(`folio: ${errors} error${errors === 1 ? '' : 's'}; forms with errors were not taken${result.accepted > 0 ? ', the others were' : ''}.\n`);
          }
        }
        process.exitCode = failed ? EXIT.content : EXIT.ok;
      } catch (error) {
        process.exitCode = reportError(error, { json });
      }
    });
}
