import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes files atomically: each goes to a temporary file beside its target, then is renamed
 * over it, so an interrupted build never leaves a truncated file. All temporary files are
 * written first; only when every one succeeded are they renamed.
 */
export async function writeAtomically(files: { path: string; bytes: Uint8Array }[]): Promise<void> {
  const staged: { tmp: string; final: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(path.dirname(file.path), { recursive: true });
      const tmp = `${file.path}.folio-tmp-${process.pid}`;
      await writeFile(tmp, file.bytes);
      staged.push({ tmp, final: file.path });
    }
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    throw error;
  }
  for (const s of staged) await rename(s.tmp, s.final);
}
