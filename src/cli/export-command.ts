import path from 'node:path';
import type { Command } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../translate/exchange-formats.js';
import { writeAtomically } from '../build/write-outputs.js';
import { UsageError } from '../diagnostics/diagnostic.js';
import { EXIT, reportError } from './errors.js';
import { parseList, resolveRoot } from './options.js';

interface ExportFlags { root?: string; lang?: string; format?: string; onlyTodo?: boolean; output?: string; target?: string; tags?: string }

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a language\'s units for a translation tool (PO, XLIFF 1.2, XLIFF 2.1, TMX)')
    .option('--root <dir>', 'project folder', '.')
    .requiredOption('--lang <lang>', 'the target language, e.g. fr')
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'xliff12')
    .option('--only-todo', 'only untranslated and fuzzy units')
    .option('--target <what>', 'XLIFF 1.2: the <target> of an untranslated unit, "source" (a copy of it, which OmegaT needs) or "empty"', 'source')
    .option('--tags <style>', 'TMX: inline codes as TMX codes ("tmx") or as OmegaT\'s own tags ("omegat", for an OmegaT project\'s tm/ folder, which then matches segments with bold or links inside)', 'tmx')
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .action(async (flags: ExportFlags) => {
      try {
        const [format] = parseList('--format', flags.format, EXPORT_FORMATS) as [ExportFormat];
        if (!flags.lang || flags.lang.includes(',')) throw new UsageError('--lang takes one language, e.g. --lang fr.');
        if (flags.target !== 'source' && flags.target !== 'empty') throw new UsageError(`--target ${flags.target}: write --target source (a copy of the source) or --target empty.`);
        if (flags.tags !== 'tmx' && flags.tags !== 'omegat') throw new UsageError(`--tags ${flags.tags}: write --tags tmx or --tags omegat.`);
        const { exportTranslations } = await import('../translate/export-file.js');
        const result = await exportTranslations({ root: resolveRoot(flags.root), lang: flags.lang, format, onlyTodo: flags.onlyTodo === true, untranslated: flags.target, tags: flags.tags });
        if (flags.output) {
          await writeAtomically([{ path: path.resolve(flags.output), bytes: new TextEncoder().encode(result.text) }]);
          process.stderr.write(`folio: wrote ${result.units} units to ${flags.output}\n`);
        } else process.stdout.write(result.text);
        process.exitCode = EXIT.ok;
      } catch (error) {
        process.exitCode = reportError(error, { json: false });
      }
    });
}
