/**
 * `fonts:` — the font stack per script, as npm packages (e.g. `@expo-google-fonts/noto-serif`,
 * or the short `noto-serif`) or folders of TTF files. Each name is checked here, so a missing
 * package is a configuration error with its place, not a crash in the middle of a build.
 *
 * A folder (a value starting with `.`, or absolute) is resolved from the kit folder, not from
 * wherever folio was started, and must lie inside the kit or a folder of `files.allow`
 * (symbolic links resolved): the fonts' files and licence are read and shipped with the
 * outputs. It is kept as its real path. Packages are found in folio's own node_modules.
 */
import type { ConfigReader, Mapping } from '../reader.js';
import { findFontPackage, FontPackageError, isFontFolderName } from '../../text/font-files.js';
import type { FilesConfig, FontConfig } from '../types.js';
import { checkFolder, kitFolderOf } from './files.js';

export const FONT_KEYS = ['serif', 'sans', 'mono', 'arabic', 'hebrew'] as const;

export function readFonts(reader: ConfigReader, root: Mapping, files?: FilesConfig): FontConfig | undefined {
  const taken = reader.take(root, 'fonts');
  if (!taken) return undefined;
  const m = reader.mapping(taken.node, taken.where, { required: [], optional: [...FONT_KEYS] });
  if (!m) return undefined;
  const fonts: FontConfig = {};
  for (const key of FONT_KEYS) {
    const field = reader.text(m, key);
    if (!field) continue;
    let name = field.value;
    if (isFontFolderName(name)) {
      const folder = checkFolder(name, kitFolderOf(reader.file), files?.allow);
      if (folder.kind === 'missing' || folder.kind === 'not-a-folder') {
        reader.report(field.place, 'config/font', `${field.where}: The font directory \`${name}\` does not exist.`);
        continue;
      }
      if (folder.kind === 'outside') {
        reader.report(field.place, 'config/outside-kit',
          `${field.where}: the font folder \`${name}\` resolves to ${folder.shown}, which is outside the kit: ` +
            'folio reads font folders only from inside the kit. Copy the fonts into the kit (e.g. fonts/), or allow the folder: ' +
            `\`files: { allow: ["${folder.shown}"] }\`.`);
        continue;
      }
      name = folder.real;
    }
    try {
      findFontPackage(name);
      fonts[key] = name;
    } catch (error) {
      if (!(error instanceof FontPackageError)) throw error;
      reader.report(field.place, 'config/font', `${field.where}: ${error.message.split(name).join(field.value)}`);
    }
  }
  return fonts;
}
