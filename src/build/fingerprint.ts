/**
 * File-level fingerprints: the first, cheap level of the incremental build. Every file a
 * language's outputs can be made from (sources, templates, that language's translation store,
 * and the images and fonts its last build read) is hashed; when a language's fingerprint is
 * the one recorded in the manifest and its files on disk are intact, nothing of it needs to be
 * loaded, composed or rendered. When it differs, the language is composed and each output is
 * compared by the hash of its document model (manifest.ts), so a change that prints nothing
 * new (a comment, a translator's note) rebuilds nothing.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { storeFile } from '../translate/store.js';

/** Folders of the project whose files are inputs of a build. */
const INPUT_DIRS = ['sources', 'templates'];

/** Root-relative (POSIX) path → sha256 of the file's bytes. */
export type FileHashes = Map<string, string>;

const MISSING = 'missing';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function walk(root: string, dir: string, into: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(path.join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) await walk(root, rel, into);
    else if (entry.isFile()) into.push(rel);
  }
}

/** Hashes every file under sources/ and templates/, and the translation stores. */
export async function hashProjectFiles(root: string): Promise<FileHashes> {
  const files: string[] = [];
  for (const dir of INPUT_DIRS) await walk(root, dir, files);
  try {
    for (const name of await readdir(path.join(root, 'translations'))) if (name.endsWith('.po')) files.push(`translations/${name}`);
  } catch {
    // no translations/ yet
  }
  files.sort();
  return hashFiles(root, files);
}

/** Hashes files given by root-relative or absolute paths; a missing file hashes as "missing". */
export async function hashFiles(root: string, files: readonly string[]): Promise<FileHashes> {
  const hashes = await Promise.all(files.map(async (file) => {
    try {
      return sha256(new Uint8Array(await readFile(path.resolve(root, file))));
    } catch {
      return MISSING;
    }
  }));
  // In the order given (sorted by the callers), so that fingerprints never depend on timing.
  return new Map(files.map((file, i) => [file, hashes[i]!]));
}

/** Whether a project file can change the outputs of `lang` (another language's store cannot). */
export function belongsTo(file: string, lang: string | undefined): boolean {
  if (lang === undefined) return true;
  if (file.startsWith('translations/')) return file === storeFile(lang);
  return true;
}

/**
 * The fingerprint of one language (or, with `lang` undefined, of the whole project): what the
 * build is asked (`salt`: folio's version, options, environment), the project's files that can
 * change that language, and the extra files (images, fonts) it read last time.
 */
export function fingerprint(files: FileHashes, dependencies: FileHashes, salt: unknown, lang: string | undefined): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(salt));
  hash.update(`\0lang:${lang ?? '*'}\0`);
  for (const file of [...files.keys()].sort()) if (belongsTo(file, lang)) hash.update(`${file}\0${files.get(file)}\0`);
  hash.update('deps\0');
  for (const file of [...dependencies.keys()].sort()) hash.update(`${file}\0${dependencies.get(file)}\0`);
  return hash.digest('hex');
}
