import type { Command } from 'commander';
import { ContentError, formatDiagnostic, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { LanguageStatus } from '../translate/status.js';
import path from 'node:path';
import { EXIT, reportError } from './errors.js';
import { parseLangs, resolveRoot } from './options.js';

interface StatusFlags { root?: string; lang?: string; json?: boolean }

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('how much of each language is translated, fuzzy, untranslated and obsolete, per language and document')
    .option('--root <dir>', 'project folder', '.')
    .option('--lang <list>', 'languages, comma-separated (default: every target language)')
    .option('--json', 'print the status as JSON')
    .action(async (flags: StatusFlags) => {
      const json = flags.json === true;
      try {
        const root = resolveRoot(flags.root);
        const [{ loadStore, storeFile }, { storeStatus }, { loadConfig }] = await Promise.all([import('../translate/store.js'), import('../translate/status.js'), import('../config/load-config.js')]);
        const config = await loadConfig(path.join(root, 'sources', 'seminar.yaml'));
        if (!config.config) throw new ContentError(sortDiagnostics(config.diagnostics.map((d) => ({ ...d, file: path.relative(root, d.file) || d.file }))));
        const langs = parseLangs(flags.lang) ?? config.config.event.languages.slice(1);
        const languages: Record<string, LanguageStatus> = {};
        const diagnostics = [];
        for (const lang of langs) {
          const store = await loadStore(root, lang);
          diagnostics.push(...store.diagnostics);
          if (store.catalog) languages[lang] = storeStatus(store.catalog);
          else if (!store.exists) process.stderr.write(`folio: ${storeFile(lang)} does not exist yet: run \`folio extract\`.\n`);
        }
        if (hasErrors(diagnostics)) throw new ContentError(sortDiagnostics(diagnostics));
        if (json) process.stdout.write(`${JSON.stringify({ languages }, null, 2)}\n`);
        else {
          for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
          for (const [lang, s] of Object.entries(languages)) {
            process.stdout.write(`${lang}: ${s.units} units (${s.words.units} words): ${s.translated} translated (${s.percent.translated} %), ${s.fuzzy} fuzzy, ${s.untranslated} untranslated, ${s.obsolete} obsolete\n`);
            for (const [doc, c] of Object.entries(s.documents)) {
              if (c.fuzzy || c.untranslated) process.stdout.write(`  ${doc}: ${c.translated}/${c.units} translated, ${c.fuzzy} fuzzy, ${c.untranslated} untranslated\n`);
            }
          }
        }
        process.exitCode = EXIT.ok;
      } catch (error) {
        process.exitCode = reportError(error, { json });
      }
    });
}
