/**
 * `files:` — folders outside the kit that folio may read (images, font folders):
 *
 * ```yaml
 * files:
 *   allow: ["../brand-assets"]   # relative to the kit folder, or absolute
 * ```
 *
 * Everything else folio reads must lie inside the kit, once `..` and symbolic links are
 * resolved: a source or a configuration from elsewhere cannot publish other files of the
 * machine it is built on. Each folder must exist; it is kept as its real path.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isWithin } from '../../input/confine.js';
import type { ConfigReader, Mapping } from '../reader.js';
import type { FilesConfig } from '../types.js';

/**
 * The kit folder of a configuration file: the folder that holds `sources/` when the file is
 * `<kit>/sources/seminar.yaml` (as every command reads it), else the file's own folder.
 */
export function kitFolderOf(configFile: string): string {
  const dir = path.dirname(path.resolve(configFile));
  return path.basename(dir) === 'sources' ? path.dirname(dir) : dir;
}

/** What a folder named in the configuration turns out to be. */
export type FolderCheck =
  | { kind: 'inside'; real: string }
  | { kind: 'outside'; real: string; shown: string }
  | { kind: 'missing' }
  | { kind: 'not-a-folder' };

/**
 * Resolves `written` against the kit folder (symbolic links too) and tells whether it is an
 * existing folder inside the kit or one of the `allowed` real paths. `shown` is where it lies:
 * relative to the kit with forward slashes when written relative (a message that reads the
 * same on every machine), else absolute.
 */
export function checkFolder(written: string, kit: string, allowed: readonly string[] = []): FolderCheck {
  let real: string;
  try {
    real = realpathSync(path.resolve(kit, written));
  } catch {
    return { kind: 'missing' };
  }
  if (!statSync(real).isDirectory()) return { kind: 'not-a-folder' };
  const kitReal = realpathSync(kit);
  if (isWithin(kitReal, real) || allowed.some((folder) => isWithin(folder, real))) return { kind: 'inside', real };
  const shown = path.isAbsolute(written) ? real : path.relative(kitReal, real).split(path.sep).join('/');
  return { kind: 'outside', real, shown };
}

export function readFiles(reader: ConfigReader, root: Mapping): FilesConfig | undefined {
  const taken = reader.take(root, 'files');
  if (!taken) return undefined;
  const m = reader.mapping(taken.node, taken.where, { required: [], optional: ['allow'] });
  if (!m) return undefined;
  const items = reader.list(m, 'allow');
  if (!items) return { allow: [] };
  const kit = kitFolderOf(reader.file);
  const allow: string[] = [];
  for (const item of items) {
    const field = reader.textNode(item.node, item.where);
    if (!field) continue;
    const folder = checkFolder(field.value, kit);
    if (folder.kind === 'missing') {
      reader.report(field.place, 'config/folder', `${field.where}: the folder \`${field.value}\` does not exist (paths are relative to the kit folder, the one that holds sources/). Create it, or correct the path.`);
    } else if (folder.kind === 'not-a-folder') {
      reader.report(field.place, 'config/folder', `${field.where}: \`${field.value}\` is a file, not a folder: name the folder that holds the files to read.`);
    } else {
      allow.push(folder.real);
    }
  }
  return { allow };
}
