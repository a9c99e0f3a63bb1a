/**
 * `folio import FILE`: a translator's file comes back. PO and XLIFF update the store (only the
 * units they carry, only where the source still matches); TMX goes into the memory. A malformed
 * file is rejected whole, with its line and column, and nothing in translations/ changes.
 */
import { readBoundedFile } from '../input/read-text.js';
import { LIMITS } from '../input/limits.js';
import path from 'node:path';
import { ContentError, diagnostic, hasErrors, UsageError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadConfig } from '../config/load-config.js';
import { writeAtomically } from '../build/write-outputs.js';
import { writePo, type PoCatalog, type PoEntry } from './formats/po.js';
import { readXliff12 } from './formats/xliff12.js';
import { readXliff2 } from './formats/xliff2.js';
import { readTmx } from './formats/tmx.js';
import { sniffFormat } from './formats/sniff-format.js';
import { readTbx } from './formats/tbx.js';
import { GLOSSARY_FILE } from './glossary.js';
import type { ExchangeFile, FormatProblem } from './formats/exchange.js';
import { loadStore, MEMORY_DIR, readPoBytes, sameLanguage, storeFile } from './store.js';
import { entryContent, markupToContent, sourceMatch, targetText, unitId } from './exchange-units.js';
import { contentText, type Content } from './content.js';

function sameContent(a: Content, b: Content): boolean {
  const norm = (c: Content) => JSON.stringify(c.map((p) => (typeof p === 'string' ? p : { k: p.kind, d: p.data.replace(/\\(?=[&])/g, '') })));
  return norm(a) === norm(b);
}
import { segmentKey } from '../segments/segment.js';

export interface ImportResult {
  format: string;
  lang?: string;
  applied: number;
  unchanged: number;
  /** Units whose source no longer matches the store, or that the store does not have. */
  skipped: number;
  memoryFile?: string;
  memoryUnits?: number;
  glossaryFile?: string;
  glossaryConcepts?: number;
  diagnostics: Diagnostic[];
}

export async function importTranslations(options: { root: string; file: string; lang?: string }): Promise<ImportResult> {
  const display = path.relative(process.cwd(), options.file) || options.file;
  const file = await readBoundedFile(options.file, display, LIMITS.storeBytes, 'file to import');
  if ('missing' in file) throw new UsageError(`cannot read ${display}: no such file; check the path.`);
  if ('diagnostic' in file) throw new ContentError([file.diagnostic]);
  const bytes = file.bytes;
  const config = await loadConfig(path.join(options.root, 'sources', 'seminar.yaml'));
  if (!config.config) throw new ContentError(config.diagnostics);
  const [sourceLang, ...targets] = config.config.event.languages;
  const reject = (problems: FormatProblem[]): never => {
    throw new ContentError(problems.map((p) => diagnostic({ file: display, line: p.line, column: p.column }, 'error', p.rule,
      `${p.message} The file was not imported; nothing in translations/ changed.`)));
  };
  const format = sniffFormat(bytes);
  if (!format) throw new ContentError([diagnostic({ file: display, line: 1, column: 1 }, 'error', 'import/format',
    'This is not a PO, XLIFF 1.2, XLIFF 2.x, TMX or TBX file: export one of these from the translation tool.')]);

  if (format === 'tbx') {
    // A glossary (Weblate, Pontoon and CAT tools export the whole of it): it becomes the kit's.
    const read = readTbx(bytes);
    if (!read.entries) return reject(read.problems);
    await writeAtomically([{ path: path.join(options.root, GLOSSARY_FILE), bytes }], { within: options.root });
    return { format, applied: 0, unchanged: 0, skipped: 0, glossaryFile: GLOSSARY_FILE, glossaryConcepts: read.entries.length, diagnostics: [] };
  }

  if (format === 'tmx') {
    const read = readTmx(bytes);
    if (!read.memory) return reject(read.problems);
    const name = path.basename(options.file).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/(\.tmx)?$/i, '.tmx');
    const target = path.join(options.root, MEMORY_DIR, name);
    await writeAtomically([{ path: target, bytes }], { within: options.root });
    return { format, applied: 0, unchanged: 0, skipped: 0, memoryFile: `${MEMORY_DIR}/${name}`, memoryUnits: read.memory.entries.length, diagnostics: [] };
  }

  let exchange: ExchangeFile | undefined;
  let poFile: PoCatalog | undefined;
  if (format === 'po') {
    const read = readPoBytes(bytes, display);
    if (!read.catalog || hasErrors(read.diagnostics)) {
      throw new ContentError(read.diagnostics.map((d) => d.severity === 'error' ? { ...d, message: `${d.message} The file was not imported; nothing in translations/ changed.` } : d));
    }
    poFile = read.catalog;
  } else {
    const read = format === 'xliff12' ? readXliff12(bytes) : readXliff2(bytes);
    if (!read.file) return reject(read.problems);
    exchange = read.file;
  }

  const fileLang = exchange?.targetLang ?? poFile?.headers.find(([k]) => k === 'Language')?.[1];
  const lang = options.lang ?? targets.find((t) => fileLang && sameLanguage(t, fileLang));
  if (!lang || !targets.includes(lang)) {
    throw new UsageError(`${display}: cannot tell its language${fileLang ? ` (${fileLang})` : ''}; pass --lang with one of ${targets.join(', ')}.`);
  }
  if (exchange && !sameLanguage(exchange.sourceLang, sourceLang!)) {
    throw new ContentError([diagnostic({ file: display, line: 1, column: 1 }, 'error', 'import/language',
      `The file translates from ${exchange.sourceLang}, but the kit's source language is ${sourceLang}.`)]);
  }
  const store = await loadStore(options.root, lang);
  if (hasErrors(store.diagnostics)) throw new ContentError(store.diagnostics);
  if (!store.catalog) throw new UsageError(`${storeFile(lang)} does not exist yet: run \`folio extract\` first.`);

  const byKey = new Map<string, PoEntry>();
  const byId = new Map<string, PoEntry>();
  for (const entry of store.catalog.entries) {
    if (entry.obsolete) continue;
    byKey.set(segmentKey(entry.msgctxt ?? '', entry.msgid), entry);
    byId.set(unitId(entry.msgctxt ?? '', entry.msgid), entry);
  }
  const diagnostics: Diagnostic[] = [];
  const result: ImportResult = { format, lang, applied: 0, unchanged: 0, skipped: 0, diagnostics };
  const apply = (entry: PoEntry, text: string, fuzzy: boolean) => {
    const flags = fuzzy ? (entry.flags.includes('fuzzy') ? entry.flags : [...entry.flags, 'fuzzy']) : entry.flags.filter((f) => f !== 'fuzzy');
    // The same content written differently (escapes, spacing of codes) is no change: keep the store's bytes.
    const same = entry.msgstr[0] === text || sameContent(entryContent(entry, entry.msgstr[0] ?? ''), entryContent(entry, text));
    if (same && flags.join() === entry.flags.join()) { result.unchanged++; return; }
    if (same) text = entry.msgstr[0]!;
    entry.msgstr = [text];
    entry.flags = flags;
    if (!fuzzy) delete entry.previous;
    result.applied++;
  };
  if (poFile) {
    for (const incoming of poFile.entries) {
      if (incoming.obsolete || incoming.msgid === '') continue;
      const entry = byKey.get(segmentKey(incoming.msgctxt ?? '', incoming.msgid));
      if (!entry) {
        result.skipped++;
        diagnostics.push(diagnostic({ file: display, line: incoming.line ?? 1, column: 1 }, 'warning', 'import/source-changed',
          `The store has no unit "${preview(incoming.msgid)}"${incoming.msgctxt ? ` in ${incoming.msgctxt}` : ''} (its source changed or was removed): not applied.`));
        continue;
      }
      if ((incoming.msgstr[0] ?? '') === '') continue;
      apply(entry, incoming.msgstr[0]!, incoming.flags.includes('fuzzy'));
    }
  } else if (exchange) {
    for (const unit of exchange.units) {
      // A unit made from a PO of folio's by another tool names folio's id among its references.
      const entry = byId.get(unit.id) ?? (unit.references ?? []).map((r) => byId.get(r)).find((e) => e !== undefined);
      const match = entry ? sourceMatch(entry, unit.source, lang) : undefined;
      if (!entry || !match) {
        result.skipped++;
        diagnostics.push(diagnostic({ file: display, line: unit.line ?? 1, column: unit.column ?? 1 }, 'warning', 'import/source-changed',
          `Unit ${unit.id}: ${entry ? 'its source no longer matches the store' : 'the store has no such unit'} (the sources changed since the export): not applied. Export again and translate the new text.`));
        continue;
      }
      if (!unit.target || unit.target.length === 0) continue;
      // A copy of the source still waiting for translation (Translate Toolkit keeps folio's copy
      // as a fuzzy msgstr, and po2xliff writes it back as needs-translation) is no translation.
      if ((unit.state === 'new' || unit.state === 'needs-translation') && !unit.sourceCopy && contentText(unit.target) === contentText(unit.source)) continue;
      // A changed copy of the source (sourceCopy) was translated by a tool that kept folio's state.
      const fuzzy = !unit.sourceCopy && (unit.state === 'new' || unit.state === 'needs-translation' || unit.state === 'needs-review');
      // A unit whose markup is text (a PO of folio's XLIFF made back into XLIFF) has its codes found again in its translation.
      apply(entry, targetText(entry, match === 'text' ? markupToContent(entry, contentText(unit.target)) : unit.target), fuzzy);
    }
  }
  if (result.applied > 0) {
    await writeAtomically([{ path: path.join(options.root, storeFile(lang)), bytes: new TextEncoder().encode(writePo(store.catalog)) }], { within: options.root });
  }
  return result;
}

function preview(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47)}…` : text;
}
