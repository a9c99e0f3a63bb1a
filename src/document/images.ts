/**
 * Images referenced by sources (`![alt](path)`), which are untrusted input: where they may be
 * read from, how large they may be, and the checks that make sure that what reaches the
 * renderers embeds with pdf-lib and docx (image-png.ts, image-jpeg.ts). Rendering happens
 * later, possibly in a worker thread, where an exception would be an internal error; here a
 * bad image is a diagnostic at the image's place.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import path from 'node:path';
import { hasUrlScheme, isWithin, realPathOf } from '../input/confine.js';
import { problem, type ImageCheck, type ImageInfo, type ImageLimits, type ImageProblem } from './image-check.js';
import { checkJpeg } from './image-jpeg.js';
import { checkPng } from './image-png.js';

export type { ImageCheck, ImageInfo, ImageLimits, ImageProblem, ImageRule } from './image-check.js';

/** The largest image file folio reads. */
export const MAX_IMAGE_FILE_BYTES = 25 * 1024 * 1024;
/** The largest width and height, in pixels (40 inches at 300 pixels per inch). */
export const MAX_IMAGE_SIDE = 12_000;
/**
 * The most pixels an image may have: pdf-lib decodes a PNG to 4 bytes a pixel in memory (and
 * more while it does), so this keeps one image under about 160 MB.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

export const IMAGE_LIMITS: ImageLimits = { fileBytes: MAX_IMAGE_FILE_BYTES, side: MAX_IMAGE_SIDE, pixels: MAX_IMAGE_PIXELS };

/**
 * Checks image bytes: a PNG or JPEG that pdf-lib and docx embed without throwing, within the
 * limits. Reads headers and inflates PNG data up to the size the header declares; never decodes pixels.
 */
export function checkImage(bytes: Uint8Array, limits: ImageLimits = IMAGE_LIMITS): ImageCheck {
  if (bytes.length === 0) return problem('image/empty', 'the file is empty (0 bytes).');
  if (bytes.length > limits.fileBytes) return tooLargeFile(bytes.length, limits);
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return checkPng(bytes, limits);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return checkJpeg(bytes, limits);
  const kind = sniff(bytes);
  return problem('image/format', `it is ${kind ?? 'not a PNG or JPEG file'}; folio embeds PNG and JPEG images only. Save it as PNG (drawings, charts) or JPEG (photographs).`);
}

/** The formats people most often try instead, told from their first bytes. */
function sniff(bytes: Uint8Array): string | undefined {
  const ascii = String.fromCharCode(...bytes.subarray(0, 16));
  if (ascii.startsWith('GIF8')) return 'a GIF image';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'a WebP image';
  if (ascii.startsWith('BM')) return 'a BMP image';
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return 'a TIFF image';
  if (ascii.startsWith('%PDF')) return 'a PDF file';
  if (ascii.slice(4, 8) === 'ftyp') return 'an HEIF/AVIF image';
  if (/^\s*<(\?xml|svg)/i.test(ascii)) return 'an SVG (or other XML) file';
  return undefined;
}

function tooLargeFile(size: number, limits: ImageLimits): { problem: ImageProblem } {
  return problem('image/too-large', `the file is ${formatMiB(size)}; folio reads image files of at most ${formatMiB(limits.fileBytes)}. Scale it down or compress it (JPEG for photographs).`);
}

function formatMiB(bytes: number): string {
  return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Where a source's images may be read from. */
export interface ImageAccess {
  /** The kit folder: images are read only inside it (symbolic links resolved). Without it, only inside `allow`. */
  root?: string;
  /** Folders outside the kit that the configuration opens (`files.allow`), as real paths. */
  allow?: readonly string[];
  limits?: ImageLimits;
  /** Collects the files read (images, found or not): absolute path → sha256 of the bytes read, or "missing". */
  reads?: Map<string, string>;
}

/** A checked image, or why it cannot be used (the message names the image). */
export type LoadedImage = ImageInfo | { problem: ImageProblem };

/**
 * Reads and checks the image `url` of a Markdown file in `dir`. Undefined when there is no such
 * file (the caller reports it). The path, once `..` and symbolic links are resolved, must lie in
 * the kit or an allowed folder, and be a regular file (a named pipe would block the build).
 */
export function readSourceImage(url: string, dir: string, access: ImageAccess): LoadedImage | undefined {
  const fail = (p: ImageProblem): LoadedImage => ({ problem: { rule: p.rule, message: `The image ${url} cannot be used: ${p.message}` } });
  if (hasUrlScheme(url)) {
    return fail({ rule: 'image/url', message: 'it is a URL; folio embeds image files of the kit only, and never downloads. Save the image in the kit and write its path relative to the Markdown file.' });
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return fail({ rule: 'image/url', message: 'its path holds a % that does not start a valid escape (%20 for a space, %25 for a % sign). Write the file name as it is, or escape the % as %25.' });
  }
  if (decoded.includes('\0')) return fail({ rule: 'image/url', message: 'its path holds a NUL character (%00), which no file name can contain.' });

  const file = path.resolve(dir, decoded);
  // Checked before whether the file exists, so that messages never tell what exists outside the kit.
  const real = realPathOf(file);
  const outside = checkInside(url, file, real, access);
  if (outside) return outside;

  const read = readRegularFile(real, access.limits ?? IMAGE_LIMITS);
  if (read === 'missing') {
    access.reads?.set(file, 'missing');
    return undefined;
  }
  if ('problem' in read) return fail(read.problem);
  // The hash of the bytes used, not of the file later: an image changed during a build is seen by the next one.
  const hash = createHash('sha256').update(read.bytes).digest('hex');
  access.reads?.set(file, hash);
  const checked = cachedCheck(hash, read.bytes, access.limits ?? IMAGE_LIMITS);
  return 'problem' in checked ? fail(checked.problem) : checked.image;
}

function checkInside(url: string, file: string, real: string, access: ImageAccess): LoadedImage | undefined {
  const kit = access.root === undefined ? undefined : realPathOf(access.root);
  const folders = [...(kit === undefined ? [] : [kit]), ...(access.allow ?? [])];
  if (folders.some((folder) => isWithin(folder, real))) return undefined;
  const folder = path.dirname(real);
  const resolves = real !== file ? `resolves to ${real} (through a symbolic link), ` : real !== url ? `resolves to ${real}, ` : 'is ';
  return {
    problem: {
      rule: 'image/outside-kit',
      message: `The image ${url} ${resolves}in the folder ${folder}, which is outside the kit${kit === undefined ? '' : ` (${kit})`}: ` +
        'folio reads images only from inside the kit, so that a source cannot publish other files of this computer. ' +
        `Copy the image into the kit, or, if that folder is meant to be shared (brand assets, say), allow it in sources/seminar.yaml: files: { allow: ["${allowEntry(kit, folder)}"] }.`,
    },
  };
}

/** How to write `folder` in `files.allow`: relative to the kit when it is beside it, else absolute. */
function allowEntry(kit: string | undefined, folder: string): string {
  if (kit === undefined) return folder;
  const relative = path.relative(kit, folder).split(path.sep).join('/');
  return /^\.\.\/(?!\.\.(\/|$))/.test(relative) || relative === '..' ? relative : folder;
}

/**
 * Opens without following a last symbolic link and without blocking (a named pipe with no
 * writer would otherwise wait forever), then checks on the open file that it is a regular file
 * of an acceptable size before reading it.
 */
function readRegularFile(file: string, limits: ImageLimits): { bytes: Uint8Array } | { problem: ImageProblem } | 'missing' {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    return { problem: { rule: 'image/not-a-file', message: `the file cannot be opened (${code ?? String(error)}): check that it exists and can be read.` } };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: { rule: 'image/not-a-file', message: `it is ${kindOf(stats)}, not an image file.` } };
    if (stats.size === 0) return { problem: { rule: 'image/empty', message: 'the file is empty (0 bytes).' } };
    if (stats.size > limits.fileBytes) return tooLargeFile(stats.size, limits);
    const bytes = new Uint8Array(stats.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return { bytes: at === bytes.length ? bytes : bytes.subarray(0, at) };
  } finally {
    closeSync(fd);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Checks by content, once per process: the same figure in every language's documents is checked once. */
const checked = new Map<string, ImageCheck>();
const CACHE_ENTRIES = 64;

function cachedCheck(hash: string, bytes: Uint8Array, limits: ImageLimits): ImageCheck {
  const key = `${hash}:${limits.fileBytes}:${limits.side}:${limits.pixels}`;
  let result = checked.get(key);
  if (!result) {
    result = checkImage(bytes, limits);
    if (checked.size >= CACHE_ENTRIES) checked.delete(checked.keys().next().value!);
    checked.set(key, result);
  }
  return result;
}
