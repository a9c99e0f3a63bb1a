/**
 * Lists and reads the returned forms of a folder, which may hold anything an e-mail
 * attachment or an unpacked archive can put there. Only regular files inside the folder are
 * read: a link is followed only to a file in the folder, and nothing is opened before its
 * type is known from lstat/stat (opening a named pipe would block for ever, a device could
 * be endless). The open itself does not follow links and does not block, and the open file
 * is checked again (type, identity, size) before a byte is read.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_FORM_BYTES } from './form-limits.js';
import { FORM_PROBLEMS, type FormProblem } from './form-problems.js';

/** Thrown when DIR cannot be listed; the CLI reports it as a usage problem. */
export class FormFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormFolderError';
  }
}

/** Every entry named `*.pdf` directly in `dir` (of any type: each is checked when read), sorted by name. */
export async function listFormEntries(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FormFolderError(code === 'ENOENT' ? `${dir}: no such folder; give the folder holding the returned forms.`
      : code === 'ENOTDIR' ? `${dir} is a file, not a folder: give the folder holding the returned forms.`
      : `${dir} cannot be read (${code ?? String(error)}).`);
  }
  return names
    .filter((name) => /\.pdf$/i.test(name))
    .map((name) => path.join(dir, name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The folder as the file system resolves it (links followed), to tell what is inside it. */
export async function resolveFolder(dir: string): Promise<string> {
  try {
    return await realpath(dir);
  } catch (error) {
    throw new FormFolderError(`${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}

export type FormFileReading = { bytes: Uint8Array } | { problem: FormProblem };

/**
 * The bytes of the form `file`, an entry of the folder whose resolved path is `folder`, or
 * why it is not read (`nominations/not-a-file`, `nominations/too-large`).
 */
export async function readFormFile(file: string, folder: string, maxBytes = MAX_FORM_BYTES): Promise<FormFileReading> {
  const refuse = (problem: FormProblem): FormFileReading => ({ problem });
  let entry: Stats;
  try {
    entry = await lstat(file);
  } catch {
    return refuse(FORM_PROBLEMS.changed()); // listed, then gone
  }
  let real = file;
  let target: Stats;
  try {
    if (entry.isSymbolicLink()) {
      real = await realpath(file);
      if (!isInside(folder, real)) return refuse(FORM_PROBLEMS.linkOutside(real, folder));
    }
    target = await stat(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return refuse(entry.isSymbolicLink() ? FORM_PROBLEMS.brokenLink(code) : FORM_PROBLEMS.changed());
  }
  const link = entry.isSymbolicLink() ? 'a link to ' : '';
  if (!target.isFile()) return refuse(FORM_PROBLEMS.notAFile(`${link}${kindOf(target)}`));
  if (target.size > maxBytes) return refuse(FORM_PROBLEMS.fileTooLarge(target.size, maxBytes));

  // O_NOFOLLOW: the resolved path must not have become a link since; O_NONBLOCK: nor a pipe.
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
  let handle;
  try {
    handle = await open(real, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return refuse(code === 'ELOOP' || code === 'ENOENT' ? FORM_PROBLEMS.changed() : FORM_PROBLEMS.unreadable(code));
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) return refuse(FORM_PROBLEMS.notAFile(`${link}${kindOf(opened)}`));
    if (opened.dev !== target.dev || opened.ino !== target.ino) return refuse(FORM_PROBLEMS.changed());
    if (opened.size > maxBytes) return refuse(FORM_PROBLEMS.fileTooLarge(opened.size, maxBytes));
    // One byte more than its size: a file still growing is seen, and never read past the limit.
    const buffer = new Uint8Array(opened.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) return refuse(FORM_PROBLEMS.changed());
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return refuse(FORM_PROBLEMS.unreadable((error as NodeJS.ErrnoException).code ?? String(error)));
  } finally {
    await handle.close();
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'something other than a regular file';
}
