/**
 * The build manifest (`out/.folio-manifest.json`): for every output, the hash of what it was
 * made from and the hash of the file written. An output is rebuilt when its inputs changed,
 * when its file is missing or was edited by hand, or with --force; outputs no longer produced
 * are removed. Because rendering is deterministic, a skipped file is byte-identical to what a
 * clean build would write.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

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

export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    return checked(JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')));
  } catch {
    return undefined; // no manifest, or a broken one: everything is rebuilt
  }
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
function checked(value: unknown): Manifest | undefined {
  if (!isObject(value) || typeof value.folio !== 'string' || !isObject(value.outputs)) return undefined;
  const outputs: Manifest['outputs'] = {};
  // A language with an entry of the wrong shape loses its record (so it is composed again).
  const damaged = new Set<string>();
  let unknownDamage = false;
  for (const [file, e] of Object.entries(value.outputs)) {
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
      !damaged.has(lang) && !unknownDamage) languages[lang] = r as unknown as LanguageRecord;
  }
  const s = value.shared;
  const shared = isObject(s) && typeof s.fingerprint === 'string' && isStrings(s.langs) && isDiagnostics(s.diagnostics)
    ? (s as unknown as NonNullable<Manifest['shared']>) : undefined;
  return { folio: value.folio, ...(shared ? { shared } : {}), languages, outputs };
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
