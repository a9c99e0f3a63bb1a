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
import { constants } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { storeFile } from '../translate/store.js';
import type { FontFace } from '../text/font-face.js';
import { sha256 } from './manifest.js';
import { existsInside } from '../input/confine.js';

/** Folders of the project whose files are inputs of a build. */
const INPUT_DIRS = ['sources', 'templates'];

/** Root-relative (POSIX) path → sha256 of the file's bytes. */
export type FileHashes = Map<string, string>;

const MISSING = 'missing';

/** Files under a folder, following symbolic links as the loaders do (each real folder once). */
async function walk(root: string, dir: string, into: string[], seen = new Set<string>()): Promise<void> {
  let entries;
  try {
    const real = await realpath(path.join(root, dir));
    if (seen.has(real)) return;
    seen.add(real);
    entries = await readdir(path.join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    // folio's own lock and temporary files (participants.yaml is written atomically) are no inputs.
    if (entry.name.startsWith('.folio-') || entry.name.includes('.folio-tmp-')) continue;
    const rel = `${dir}/${entry.name}`;
    let kind: 'dir' | 'file' | undefined = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
    if (entry.isSymbolicLink()) {
      const target = await stat(path.join(root, rel)).catch(() => undefined);
      kind = target?.isDirectory() ? 'dir' : target?.isFile() ? 'file' : undefined;
      // A dangling link is listed too: it hashes as "missing", and appears when it is repaired.
      if (!target) into.push(rel);
    }
    if (kind === 'dir') await walk(root, rel, into, seen);
    else if (kind === 'file') into.push(rel);
  }
}

/** Hashes every file under sources/ and templates/, and the translation stores. */
export async function hashProjectFiles(root: string): Promise<FileHashes> {
  const files: string[] = [];
  for (const dir of INPUT_DIRS) await walk(root, dir, files);
  try {
    for (const name of await readdir(path.join(root, 'translations'))) if (name.endsWith('.po') || name === 'glossary.tbx') files.push(`translations/${name}`);
  } catch {
    // no translations/ yet
  }
  files.sort();
  // A project file that is a link leading out of the project is never read (the loaders refuse it).
  const inside = await Promise.all(files.map((f) => existsInside(path.join(root, f), [root])));
  const hashes = await hashFiles(root, files.filter((_, i) => inside[i]));
  return new Map(files.map((f) => [f, hashes.get(f) ?? OUTSIDE]));
}

const OUTSIDE = 'outside';

/**
 * Hashes files given by root-relative or absolute paths; a missing file hashes as "missing".
 * A path ending in "/" is a folder (a font folder), hashed by its listing (names and sizes):
 * a face file added there can change which face is chosen.
 */
export async function hashFiles(root: string, files: readonly string[]): Promise<FileHashes> {
  const hashes = await Promise.all(files.map((file) => (file.endsWith('/') ? hashFolder(path.resolve(root, file)) : hashFile(path.resolve(root, file)))));
  // In the order given (sorted by the callers), so that fingerprints never depend on timing.
  return new Map(files.map((file, i) => [file, hashes[i]!]));
}

/**
 * The sha256 of a file's bytes, or "missing" when it cannot be read or is not a regular file
 * (a FIFO or device is never read: it could block or never end). With `noFollow`, a symbolic
 * link is not followed either (outputs: a link planted in the output folder is not folio's file).
 */
export async function hashFile(file: string, options: { noFollow?: boolean } = {}): Promise<string> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0));
  } catch {
    return MISSING;
  }
  try {
    if (!(await handle.stat()).isFile()) return MISSING;
    return sha256(new Uint8Array(await handle.readFile()));
  } catch {
    return MISSING;
  } finally {
    await handle.close();
  }
}

/** The listing of a folder (three levels, node_modules left out): relative names and sizes. */
export async function hashFolder(dir: string): Promise<string> {
  const lines: string[] = [];
  const visit = async (at: string, depth: number): Promise<void> => {
    const entries = await readdir(path.join(dir, at), { withFileTypes: true }).catch(() => undefined);
    if (!entries) return;
    for (const entry of entries) {
      const rel = at ? `${at}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (depth > 0 && entry.name !== 'node_modules') await visit(rel, depth - 1);
      } else {
        const info = await stat(path.join(dir, rel)).catch(() => undefined);
        lines.push(`${rel}\0${info?.size ?? MISSING}`);
      }
    }
  };
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) return MISSING;
  await visit('', 3);
  return `dir:${sha256(new TextEncoder().encode(lines.sort().join('\n')))}`;
}

const faceHashes = new WeakMap<FontFace, string>();
/** The hash of a face's bytes as parsed (the file may have changed since); computed once per face. */
export function faceHash(face: FontFace): string {
  let hash = faceHashes.get(face);
  if (!hash) { hash = sha256(face.bytes); faceHashes.set(face, hash); }
  return hash;
}

/** Whether a project file can change the outputs of `lang` (another language's store cannot). */
export function belongsTo(file: string, lang: string | undefined): boolean {
  if (lang === undefined) return true;
  if (file.startsWith('translations/')) return file === storeFile(lang) || file === 'translations/glossary.tbx';
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
