/**
 * Finds the font files of a font package: an npm package such as
 * `@expo-google-fonts/noto-serif` (or its short name `noto-serif`), or a
 * directory path. Only touches the disk; parsing is in font-face.ts.
 *
 * Only regular files are taken, and a symbolic link only when it leads to a regular file inside
 * the package's folder: a font folder cannot make folio read (or ship, as a licence) a file from
 * elsewhere, nor hang on a named pipe.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isWithin } from '../input/confine.js';

/** The four faces a stack entry needs, with fallbacks already applied. */
export interface FontPackageFiles {
  name: string;
  /** The folder the faces were chosen from (what a new face file there could change). */
  dir: string;
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
  /** The font licence text to ship with outputs that embed these fonts. */
  licenceFile: string;
}

/** A font package named in the configuration cannot be found or has no usable font files. */
export class FontPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FontPackageError';
  }
}

const require = createRequire(import.meta.url);
const resolved = new Map<string, FontPackageFiles>();

/** Whether a name in `fonts:` is a folder (starts with `.` or is absolute) rather than an npm package. */
export function isFontFolderName(name: string): boolean {
  return path.isAbsolute(name) || name.startsWith('.');
}

/**
 * Resolves a package name (or directory) to its regular/bold/italic/bold-italic files. Cached.
 * A relative directory is resolved from `root` (the kit folder; the configuration passes
 * absolute paths already).
 */
export function findFontPackage(name: string, root: string = process.cwd()): FontPackageFiles {
  const key = isFontFolderName(name) ? path.resolve(root, name) : name;
  let files = resolved.get(key);
  if (!files) {
    files = pickFaces(name, packageDirectory(name, root));
    resolved.set(key, files);
  }
  return files;
}

function packageDirectory(name: string, root: string): string {
  if (isFontFolderName(name)) {
    const dir = path.resolve(root, name);
    if (isDirectory(dir)) return dir;
    throw new FontPackageError(`The font directory \`${name}\` does not exist.`);
  }
  const candidates = name.includes('/') ? [name] : [name, `@expo-google-fonts/${name}`];
  for (const candidate of candidates) {
    try {
      return path.dirname(require.resolve(`${candidate}/package.json`));
    } catch {
      // try the next spelling
    }
  }
  throw new FontPackageError(
    `The font package \`${name}\` is not installed. Install it with \`npm install ${candidates[candidates.length - 1]}\`, ` +
      'or name an installed package such as `@expo-google-fonts/noto-serif`.',
  );
}

interface Candidate {
  file: string;
  weight: number;
  italic: boolean;
}

function pickFaces(name: string, dir: string): FontPackageFiles {
  const found: Candidate[] = [];
  collectFontFiles(dir, 2, found);
  if (found.length === 0) {
    throw new FontPackageError(isFontFolderName(name)
      ? `The font folder \`${name}\` contains no .ttf or .otf file.`
      : `The font package \`${name}\` (${dir}) contains no .ttf or .otf file.`);
  }
  // Deterministic choice whatever order the file system lists.
  found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const pick = (weight: number, italic: boolean): string | undefined =>
    found.find((c) => c.weight === weight && c.italic === italic)?.file;
  const regular = pick(400, false) ?? found.find((c) => !c.italic)?.file ?? found[0]!.file;
  const bold = pick(700, false) ?? regular;
  const italic = pick(400, true) ?? regular;
  const boldItalic = pick(700, true) ?? (bold !== regular ? bold : italic);
  return { name, dir, regular, bold, italic, boldItalic, licenceFile: findLicence(dir) };
}

function collectFontFiles(dir: string, depth: number, out: Candidate[], top = realDir(dir)): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth > 0 && entry.name !== 'node_modules') collectFontFiles(full, depth - 1, out, top);
    } else if (/\.(ttf|otf)$/i.test(entry.name) && isFileWithin(full, top)) {
      out.push({ file: full, ...classify(entry.name) });
    }
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** A regular file, or a symbolic link to a regular file inside `top` (a real path). */
function isFileWithin(file: string, top: string): boolean {
  try {
    if (lstatSync(file).isFile()) return true;
    const real = realpathSync(file);
    return real !== top && isWithin(top, real) && statSync(real).isFile();
  } catch {
    return false;
  }
}

/** Weight and slant from a file name such as `NotoSerif_700Bold_Italic.ttf` or `Amiri-BoldItalic.ttf`. */
function classify(fileName: string): { weight: number; italic: boolean } {
  const base = fileName.replace(/\.(ttf|otf)$/i, '');
  const italic = /italic|oblique/i.test(base);
  const numeric = /(?:^|[^0-9])([1-9]00)(?=[A-Za-z_]|$)/.exec(base);
  if (numeric) return { weight: Number(numeric[1]), italic };
  if (/extra-?bold|ultra-?bold|semi-?bold|demi-?bold|black|heavy/i.test(base)) return { weight: 800, italic };
  if (/bold/i.test(base)) return { weight: 700, italic };
  if (/thin|extra-?light|light|medium/i.test(base)) return { weight: 300, italic };
  return { weight: 400, italic };
}

function findLicence(dir: string): string {
  const top = realDir(dir);
  for (const name of ['LICENSE_FONT', 'OFL.txt', 'OFL', 'LICENSE_OFL.txt', 'LICENSE.txt', 'LICENSE', 'LICENCE']) {
    const file = path.join(dir, name);
    if (isFileWithin(file, top)) return file;
  }
  return '';
}
