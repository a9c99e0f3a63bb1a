/**
 * `folio init <dir> [--languages en,fr] [--from <kit>]`: writes a small, commented kit that
 * builds at once (configuration, a concept note, one theme, translation stores for the other
 * languages), or with `--from` the structure of an existing kit without its texts
 * (init/from-kit.ts). It writes only into a new or empty folder, all files atomically
 * (write-outputs.ts).
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { isKnownLanguage, languageName, languageScript, scriptIsSet, scriptName, SUPPORTED_LANGUAGES } from '../config/languages.js';
import { ContentError, sortDiagnostics, UsageError } from '../diagnostics/diagnostic.js';
import type { Kit } from '../build/load-kit.js';
import { filesFromKit } from '../init/from-kit.js';
import { newKitFiles } from '../init/kit-files.js';
import { writeAtomically } from '../build/write-outputs.js';
import { EXIT, reportError } from './errors.js';

interface InitFlags { languages?: string; from?: string }

export function registerInit(program: Command): void {
  program
    .command('init')
    .argument('<dir>', 'the new kit\'s folder (created; or an existing empty folder)')
    .description('start a new kit: a commented configuration, a concept note, one theme and translation stores, that builds at once')
    .option('--languages <list>', 'working languages, comma-separated, the source language first (default: en)')
    .option('--from <kit>', 'copy the structure of this kit (configuration, templates, logos, memories, one placeholder per theme and chapter), without its texts')
    .action(async (dir: string, flags: InitFlags) => {
      try {
        if (flags.from !== undefined && flags.languages !== undefined) {
          throw new UsageError('--languages and --from: a kit made --from another has that kit\'s languages (change them in its sources/seminar.yaml afterwards).');
        }
        const root = path.resolve(dir);
        const from = flags.from === undefined ? undefined : await loadSourceKit(flags.from, root);
        const languages = from ? from.config.event.languages : parseLanguages(flags.languages ?? 'en');
        await ensureEmptyFolder(root, dir);
        const start = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
        const copied = from ? await filesFromKit(from) : undefined;
        const written = copied
          ? [...copied.files].map(([file, bytes]) => ({ path: path.join(root, ...file.split('/')), bytes }))
          : [...newKitFiles({ languages, start })].map(([file, text]) => ({ path: path.join(root, ...file.split('/')), bytes: new TextEncoder().encode(text) }));
        await writeAtomically(written, { within: root });
        for (const file of copied?.skipped ?? []) process.stdout.write(`  not copied: ${file}\n`);
        if (languages.length > 1) {
          const { extractTranslations } = await import('../translate/extract.js');
          const result = await extractTranslations({ root, langs: languages.slice(1), threshold: 75 });
          for (const l of result.languages) {
            const { fromMemoryExact: exact, fromMemoryFuzzy: fuzzy } = l.summary;
            process.stdout.write(`  ${l.file}: ${l.units} units, ${exact} translated and ${fuzzy} fuzzy from memory, ${l.units - exact - fuzzy} to translate\n`);
          }
        }
        process.stdout.write(`folio: a new kit in ${dir} (${languages.join(', ')}). Next: cd ${dir} && npx folio build\n`);
        process.exitCode = EXIT.ok;
      } catch (error) {
        process.exitCode = reportError(error, { json: false });
      }
    });
}

/** The kit to copy from: it must build (its errors are the user's to fix first), and not be the new folder. */
async function loadSourceKit(from: string, root: string): Promise<Kit> {
  const source = path.resolve(from);
  if (source === root) throw new UsageError(`--from ${from}: that is the new kit's own folder; give the folder of an existing kit.`);
  const { existsSync } = await import('node:fs');
  if (!existsSync(path.join(source, 'sources', 'seminar.yaml'))) {
    throw new UsageError(`--from ${from}: no sources/seminar.yaml there; give the folder of an existing kit (the one holding sources/).`);
  }
  const { loadKit } = await import('../build/load-kit.js');
  const loaded = await loadKit(source);
  if (!loaded.kit) throw new ContentError(sortDiagnostics(loaded.diagnostics.filter((d) => d.severity === 'error')));
  return loaded.kit;
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
