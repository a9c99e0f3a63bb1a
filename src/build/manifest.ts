/**
 * The build manifest (`out/.folio-manifest.json`): for every output, the hash of what it was
 * made from and the hash of the file written. An output is rebuilt when its inputs changed,
 * when its file is missing or was edited by hand, or with --force; outputs no longer produced
 * are removed. Because rendering is deterministic, a skipped file is byte-identical to what a
 * clean build would write.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { FOLIO_HOME, isOutputPath, resolvesInside } from '../input/confine.js';
import { readBoundedFile } from '../input/read-text.js';

export const MANIFEST_FILE = '.folio-manifest.json';

export interface ManifestEntry {
  inputs: string;
  sha256: string;
  bytes: number;
  pages?: number;
  lang: string;
  kind: string;
  format: string;
}

/** What the last build knew of one language (see fingerprint.ts). */
export interface LanguageRecord {
  /** Fingerprint of the files the language's outputs were made from, and of the build's options. */
  fingerprint: string;
  duplex: boolean;
  /** The kinds and formats whose outputs, all of them, are in `outputs` for this fingerprint. */
  kinds: string[];
  formats: string[];
  /** Documents composed (what `validate` counts). */
  documents: number;
  diagnostics: Diagnostic[];
  /** Files read besides the project's (images, fonts), root-relative where inside the project. */
  dependencies: string[];
  /** Font families used, with their licence files: `[family, file]`. */
  licences: [string, string][];
  /** Hash of the paths of the language's entries in `outputs` (an entry removed by hand is noticed). */
  outputs: string;
}

/** The hash of the paths of a language's outputs in the manifest. */
export function outputsKey(outputs: Record<string, ManifestEntry>, lang: string): string {
  return sha256(Object.keys(outputs).filter((file) => outputs[file]!.lang === lang).sort().join('\n'));
}

export interface Manifest {
  folio: string;
  /** The project as a whole: its fingerprint, languages and the loader's diagnostics. */
  shared?: { fingerprint: string; langs: string[]; diagnostics: Diagnostic[] };
  languages?: Record<string, LanguageRecord>;
  outputs: Record<string, ManifestEntry>;
}

/**
 * The manifest of `outDir`, or undefined (everything is rebuilt). It is untrusted input (a
 * cached `out/` restored by CI, a folder anyone could write): a record that names a path
 * outside the output folder, or a file that is not one of folio's outputs, is ignored with a
 * warning pushed to `warnings`; records whose dependencies or licence files lie outside the
 * project and folio's installation are dropped (their language is composed again), so nothing
 * outside the kit is ever read or removed because a manifest says so.
 */
export async function readManifest(outDir: string, root?: string, warnings: Diagnostic[] = []): Promise<Manifest | undefined> {
  const file = path.join(outDir, MANIFEST_FILE);
  const shown = root ? path.relative(root, file).split(path.sep).join('/') : file;
  const read = await readBoundedFile(file, shown, MAX_MANIFEST_BYTES, 'build manifest');
  if (!('bytes' in read)) {
    if ('diagnostic' in read) warnings.push({ ...read.diagnostic, severity: 'warning', message: `${read.diagnostic.message} It is ignored: everything is rebuilt.` });
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(read.bytes));
  } catch {
    return undefined; // a broken manifest: everything is rebuilt
  }
  return checked(value, { shown, root, warnings });
}

/** A manifest is a few hundred bytes per output. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** Whether a file a record names (as stored: relative to the project, or absolute) may be read. */
function readable(file: string, root: string | undefined): boolean {
  if (file.includes('\0')) return false;
  const absolute = root ? path.resolve(root, file.endsWith('/') ? file.slice(0, -1) : file) : file;
  return resolvesInside(absolute, root ? [root, FOLIO_HOME] : [FOLIO_HOME]);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isDiagnostics = (v: unknown): v is Diagnostic[] => Array.isArray(v) && v.every((d) => isObject(d) &&
  typeof d.file === 'string' && typeof d.line === 'number' && typeof d.column === 'number' && (d.severity === 'error' || d.severity === 'warning') &&
  typeof d.rule === 'string' && typeof d.message === 'string');

/**
 * The manifest as written by a build, or undefined (everything is rebuilt) when it is not: a
 * manifest edited or truncated by hand must not crash a build nor skip anything it should not.
 * Records that do not have their expected shape are dropped; their outputs are then rebuilt.
 */
function checked(value: unknown, where: { shown: string; root: string | undefined; warnings: Diagnostic[] }): Manifest | undefined {
  if (!isObject(value) || typeof value.folio !== 'string' || !isObject(value.outputs)) return undefined;
  const outputs: Manifest['outputs'] = {};
  // A language with an entry of the wrong shape loses its record (so it is composed again).
  const damaged = new Set<string>();
  let unknownDamage = false;
  for (const [file, e] of Object.entries(value.outputs)) {
    if (!isOutputPath(file)) {
      where.warnings.push(diagnostic({ file: where.shown }, 'warning', 'build/manifest-path',
        `The build manifest lists ${JSON.stringify(file.slice(0, 200))}, which is not a path folio writes inside the output folder: the record is ignored (nothing there is read or removed). Delete the output folder if it did not come from folio.`));
      unknownDamage = true;
      continue;
    }
    if (isObject(e) && typeof e.inputs === 'string' && typeof e.sha256 === 'string' && typeof e.bytes === 'number' &&
      typeof e.lang === 'string' && typeof e.kind === 'string' && typeof e.format === 'string') outputs[file] = e as unknown as ManifestEntry;
    else if (isObject(e) && typeof e.lang === 'string') damaged.add(e.lang);
    else unknownDamage = true;
  }
  const languages: Record<string, LanguageRecord> = {};
  for (const [lang, r] of Object.entries(isObject(value.languages) ? value.languages : {})) {
    if (isObject(r) && typeof r.fingerprint === 'string' && typeof r.duplex === 'boolean' && isStrings(r.kinds) && isStrings(r.formats) &&
      typeof r.documents === 'number' && isDiagnostics(r.diagnostics) && isStrings(r.dependencies) &&
      Array.isArray(r.licences) && r.licences.every((l) => isStrings(l) && l.length === 2) && typeof r.outputs === 'string' &&
      !damaged.has(lang) && !unknownDamage &&
      (r.dependencies as string[]).every((f) => readable(f, where.root)) && (r.licences as string[][]).every(([, f]) => isLicenceFile(f!) && readable(f!, where.root))) {
      languages[lang] = r as unknown as LanguageRecord;
    }
  }
  const s = value.shared;
  const shared = isObject(s) && typeof s.fingerprint === 'string' && isStrings(s.langs) && isDiagnostics(s.diagnostics)
    ? (s as unknown as NonNullable<Manifest['shared']>) : undefined;
  return { folio: value.folio, ...(shared ? { shared } : {}), languages, outputs };
}

/** The names font packages give their licence texts (what a licence record may point at). */
export const LICENCE_NAMES = ['LICENSE_FONT', 'OFL.txt', 'OFL', 'LICENSE_OFL.txt', 'LICENSE.txt', 'LICENSE', 'LICENCE'];

function isLicenceFile(file: string): boolean {
  return LICENCE_NAMES.includes(path.basename(file));
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A stable hash of any value: object keys in order, dates as ISO strings, byte arrays by their
 * own hash (images), Maps and Sets as entry lists; `place` fields (positions for messages) left out.
 */
export function hashInputs(value: unknown, version: string): string {
  const hash = createHash('sha256');
  hash.update(version);
  const seen = new WeakMap<object, number>();
  let ids = 0;
  const visit = (v: unknown): void => {
    if (v === null || v === undefined) { hash.update(v === null ? 'n' : 'u'); return; }
    switch (typeof v) {
      case 'string': hash.update(`s${v.length}:`); hash.update(v); return;
      case 'number': hash.update(`d${v}`); return;
      case 'boolean': hash.update(v ? 'T' : 'F'); return;
      case 'function': return;
      case 'object': break;
      default: hash.update(String(v)); return;
    }
    const obj = v as object;
    if (obj instanceof Uint8Array) { hash.update(`b${sha256(obj)}`); return; }
    if (obj instanceof Date) { hash.update(`t${obj.toISOString()}`); return; }
    const known = seen.get(obj);
    if (known !== undefined) { hash.update(`r${known}`); return; }
    seen.set(obj, ids++);
    if (Array.isArray(obj)) { hash.update(`a${obj.length}[`); obj.forEach(visit); hash.update(']'); return; }
    if (obj instanceof Map) { hash.update('M['); for (const [k, x] of obj) { visit(k); visit(x); } hash.update(']'); return; }
    if (obj instanceof Set) { hash.update('S['); for (const x of obj) visit(x); hash.update(']'); return; }
    hash.update('{');
    for (const key of Object.keys(obj).sort()) {
      // Places in sources and stores only serve messages; they never change what is printed.
      if (key === 'place') continue;
      hash.update(`k${key}:`);
      visit((obj as Record<string, unknown>)[key]);
    }
    hash.update('}');
  };
  visit(value);
  return hash.digest('hex');
}
