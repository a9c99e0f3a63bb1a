/**
 * `folio init <dir> [--languages en,fr]`: writes a small, commented kit that builds at once
 * (configuration, a concept note, one theme, translation stores for the other languages).
 * It writes only into a new or empty folder, all files atomically (write-outputs.ts).
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { isKnownLanguage, languageName, languageScript, scriptIsSet, scriptName, SUPPORTED_LANGUAGES } from '../config/languages.js';
import { UsageError } from '../diagnostics/diagnostic.js';
import { newKitFiles } from '../init/kit-files.js';
import { writeAtomically } from '../build/write-outputs.js';
import { EXIT, reportError } from './errors.js';

interface InitFlags { languages?: string }

export function registerInit(program: Command): void {
  program
    .command('init')
    .argument('<dir>', 'the new kit\'s folder (created; or an existing empty folder)')
    .description('start a new kit: a commented configuration, a concept note, one theme and translation stores, that builds at once')
    .option('--languages <list>', 'working languages, comma-separated, the source language first', 'en')
    .action(async (dir: string, flags: InitFlags) => {
      try {
        const languages = parseLanguages(flags.languages ?? 'en');
        const root = path.resolve(dir);
        await ensureEmptyFolder(root, dir);
        const start = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
        const files = [...newKitFiles({ languages, start })].map(([file, text]) => ({ path: path.join(root, ...file.split('/')), bytes: new TextEncoder().encode(text) }));
        await writeAtomically(files, { within: root });
        if (languages.length > 1) {
          const { extractTranslations } = await import('../translate/extract.js');
          const result = await extractTranslations({ root, langs: languages.slice(1), threshold: 75 });
          for (const l of result.languages) process.stdout.write(`  ${l.file}: ${l.units} units to translate\n`);
        }
        process.stdout.write(`folio: a new kit in ${dir} (${languages.join(', ')}). Next: cd ${dir} && npx folio build\n`);
        process.exitCode = EXIT.ok;
      } catch (error) {
        process.exitCode = reportError(error, { json: false });
      }
    });
}

function parseLanguages(list: string): string[] {
  const languages = list.split(',').map((l) => l.trim()).filter((l) => l !== '');
  if (languages.length === 0) throw new UsageError('--languages: give at least one language, e.g. --languages en,fr.');
  const unknown = languages.filter((l) => !isKnownLanguage(l));
  if (unknown.length > 0) throw new UsageError(`--languages: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a language code' : 'are not language codes'} folio knows: write ISO 639 codes in lower case, e.g. ${SUPPORTED_LANGUAGES.join(', ')}.`);
  const unset = languages.find((l) => !scriptIsSet(l));
  if (unset) throw new UsageError(`--languages: ${unset} (${languageName(unset)}) is written in the ${scriptName(languageScript(unset))} script, which none of folio's fonts covers.`);
  const twice = languages.find((l, i) => languages.indexOf(l) !== i);
  if (twice) throw new UsageError(`--languages: ${twice} is given twice.`);
  return languages;
}

/** The folder must not exist yet, or be empty: init never overwrites a kit. */
async function ensureEmptyFolder(root: string, shown: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') { await mkdir(root, { recursive: true }); return; }
    if (code === 'ENOTDIR') throw new UsageError(`${shown} is a file: give a new folder's name.`);
    throw new UsageError(`cannot read ${shown} (${code ?? 'error'}).`);
  }
  if (entries.length > 0) throw new UsageError(`${shown} is not empty: folio init writes only into a new or empty folder, never over a kit. Give another folder.`);
}
