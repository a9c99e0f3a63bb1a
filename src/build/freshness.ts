/**
 * Which languages of the last build are still fresh: their fingerprint (fingerprint.ts) is the
 * one recorded, the build asks no more kinds or formats than were recorded, and (for a build)
 * their files in the output folder are those the manifest lists. A fresh language is neither
 * composed nor rendered; `validate` reuses its recorded diagnostics.
 */
import path from 'node:path';
import { folioIdentity } from './version.js';
import { fingerprint, hashFile, hashFiles, hashProjectFiles, type FileHashes } from './fingerprint.js';
import { outputsKey, type LanguageRecord, type Manifest, type ManifestEntry } from './manifest.js';

/** Build options that change what is printed, and so belong to every fingerprint. */
export interface Salt {
  /** folio's version and code (version.ts). */
  folio: string;
  allowFuzzy: boolean;
  strict: boolean;
  /** SOURCE_DATE_EPOCH, stamped into every output. */
  epoch: string;
  /** The PDF standard (`--pdf-standard`), when not the default. */
  pdf?: string;
}

export function saltOf(options: { allowFuzzy?: boolean; strict?: boolean; pdfStandard?: string }, env: NodeJS.ProcessEnv = process.env): Salt {
  return {
    folio: folioIdentity(), allowFuzzy: options.allowFuzzy === true, strict: options.strict === true, epoch: env.SOURCE_DATE_EPOCH ?? '',
    ...(options.pdfStandard && options.pdfStandard !== 'ua1+a2b' ? { pdf: options.pdfStandard } : {}),
  };
}

/** A dependency path as stored: relative to the project when inside it. */
export function storedPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

export interface Request {
  kinds: readonly string[];
  formats?: readonly string[];
  duplex?: boolean;
}

export class Freshness {
  private readonly depHashes = new Map<string, Promise<FileHashes>>();

  private constructor(
    readonly root: string,
    readonly files: FileHashes,
    readonly manifest: Manifest | undefined,
    readonly salt: Salt,
  ) {}

  static async open(root: string, manifest: Manifest | undefined, salt: Salt): Promise<Freshness> {
    return new Freshness(root, await hashProjectFiles(root), manifest, salt);
  }

  private async hashDeps(files: readonly string[]): Promise<FileHashes> {
    const key = files.join('\0');
    let hashes = this.depHashes.get(key);
    if (!hashes) {
      hashes = hashFiles(this.root, files);
      this.depHashes.set(key, hashes);
    }
    return hashes;
  }

  /** The fingerprint of a language given the extra files it reads (stored paths). */
  async languageFingerprint(lang: string, dependencies: readonly string[]): Promise<string> {
    return fingerprint(this.files, await this.hashDeps(dependencies), this.salt, lang);
  }

  /** The fingerprint of a language from the hashes of its extra files as they were read. */
  languageFingerprintOf(lang: string, dependencies: FileHashes): string {
    return fingerprint(this.files, dependencies, this.salt, lang);
  }

  /** The fingerprint of the whole project, with the extra files of every language. */
  async sharedFingerprint(languages: Record<string, LanguageRecord>): Promise<string> {
    const deps = [...new Set(Object.values(languages).flatMap((r) => r.dependencies))].sort();
    return fingerprint(this.files, await this.hashDeps(deps), this.salt, undefined);
  }

  /** Whether the project as a whole is as the last build left it (the loader's results hold). */
  async sharedFresh(): Promise<boolean> {
    const shared = this.manifest?.shared;
    return shared !== undefined && shared.fingerprint === (await this.sharedFingerprint(this.manifest?.languages ?? {}));
  }

  /**
   * The languages asked (default: those of the last build) when the project as a whole and each
   * of them, by `isFresh`, are as the last build left them; else undefined. Then nothing needs
   * to be loaded.
   */
  async everyFresh(asked: readonly string[] | undefined, isFresh: (lang: string) => Promise<boolean>): Promise<string[] | undefined> {
    const shared = this.manifest?.shared;
    if (!shared || !(await this.sharedFresh())) return undefined;
    const langs = [...(asked ?? shared.langs)];
    if (!langs.every((l) => shared.langs.includes(l))) return undefined;
    return (await Promise.all(langs.map(isFresh))).every(Boolean) ? langs : undefined;
  }

  /** The language's record when its inputs are unchanged and it covers the request; else undefined. */
  async language(lang: string, request: Request): Promise<LanguageRecord | undefined> {
    const record = this.manifest?.languages?.[lang];
    if (!record) return undefined;
    if (!request.kinds.every((k) => record.kinds.includes(k))) return undefined;
    if (request.formats && !request.formats.every((f) => record.formats.includes(f))) return undefined;
    if (request.duplex !== undefined && record.duplex !== request.duplex) return undefined;
    if ((await this.languageFingerprint(lang, record.dependencies)) !== record.fingerprint) return undefined;
    // Its outputs are all still listed (none removed from the manifest by hand).
    if (outputsKey(this.manifest?.outputs ?? {}, lang) !== record.outputs) return undefined;
    return record;
  }

  /** The manifest's outputs of a language for the kinds and formats asked. */
  outputsOf(lang: string, request: Request): [string, ManifestEntry][] {
    return Object.entries(this.manifest?.outputs ?? {}).filter(([, e]) =>
      e.lang === lang && request.kinds.includes(e.kind) && (!request.formats || request.formats.includes(e.format)));
  }
}

/** Whether every listed output is in the folder with the bytes the manifest records. */
export async function outputsIntact(outDir: string, entries: [string, ManifestEntry][]): Promise<boolean> {
  const results = await Promise.all(entries.map(async ([file, entry]) => (await hashFile(path.join(outDir, file), { noFollow: true })) === entry.sha256));
  return results.every(Boolean);
}
