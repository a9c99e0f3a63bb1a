import { realpath } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { existsInside } from './confine.js';
import { LIMITS } from './limits.js';
import { readTextFile } from './read-text.js';

/**
 * A text file of the kit: inside the project once symbolic links are resolved, a regular
 * file within the size limit, valid UTF-8.
 */
export async function readKitText(root: string, file: string, shown: string, what: string): Promise<{ text: string } | { diagnostic: Diagnostic } | { missing: true }> {
  if (!(await existsInside(file, [root]))) {
    const real = await realpath(file).catch(() => undefined);
    if (real === undefined) return { missing: true };
    return { diagnostic: diagnostic({ file: shown }, 'error', 'input/outside-kit', `The ${what} ${shown} is a symbolic link to ${real}, outside the project: folio reads only the kit's own files. Copy the file into the project instead.`) };
  }
  return readTextFile(file, shown, LIMITS.sourceBytes, what);
}
