import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** folio's version, as released (package.json). */
export const FOLIO_VERSION: string = (require('../../package.json') as { version: string }).version;

let identity: string | undefined;

/**
 * What every output's inputs and every fingerprint include as "folio": its version, and the
 * hash of its own code, of its built-in templates (defaults/) and of the installed packages
 * (node_modules/.package-lock.json). A
 * folio changed without a new version number (a development build, a patched dependency)
 * therefore rebuilds everything, instead of keeping outputs the old code made. Read once per
 * process (about 1 MB).
 */
export function folioIdentity(): string {
  if (identity !== undefined) return identity;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const codeRoot = path.resolve(here, '..');
  const hash = createHash('sha256').update(FOLIO_VERSION);
  const files = (readdirSync(codeRoot, { recursive: true }) as string[])
    .filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts') && !f.split(path.sep).includes('bench'))
    .sort();
  for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(path.join(codeRoot, file)));
  // The built-in templates (defaults/ beside the code) make documents as the code does.
  const defaults = path.resolve(codeRoot, '..', 'defaults');
  let shipped: string[] = [];
  try {
    shipped = (readdirSync(defaults, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(defaults, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    // no built-in templates installed: loading the templates says so
  }
  for (const file of shipped) hash.update(`\0defaults/${file}\0`).update(readFileSync(path.join(defaults, file)));
  try {
    hash.update(readFileSync(path.resolve(codeRoot, '..', 'node_modules', '.package-lock.json')));
  } catch {
    // installed without npm's lock record: the version and the code still count
  }
  identity = `${FOLIO_VERSION}+${hash.digest('hex').slice(0, 16)}`;
  return identity;
}
