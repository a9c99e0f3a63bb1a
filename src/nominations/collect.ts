/**
 * `folio nominations collect DIR`: reads the returned forms (every `.pdf` directly in DIR),
 * checks each against the configuration, and merges the nominees of the good ones into
 * `sources/participants.yaml` by id. A form with any error contributes nothing; the others
 * still count. The file is written atomically, and only when something changed.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { writeAtomically } from '../build/write-outputs.js';
import { checkNominationForm } from './check-form.js';
import { mergeParticipants } from './participants-merge.js';
import { readParticipants, type Participant } from './participants.js';
import { readNominationForm, type FilledForm } from './read-form.js';

export interface CollectResult {
  /** Forms read, and how many of them were taken. */
  forms: number;
  accepted: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Whether participants.yaml was written. */
  written: boolean;
  diagnostics: Diagnostic[];
}

import { PARTICIPANTS_FILE } from './participants-file.js';

export { PARTICIPANTS_FILE };

/** Thrown when DIR cannot be listed; the CLI reports it as a usage problem. */
export class FormFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormFolderError';
  }
}

export async function collectNominations(options: { root: string; dir: string }): Promise<CollectResult> {
  const root = path.resolve(options.root);
  const result: CollectResult = { forms: 0, accepted: 0, added: 0, updated: 0, unchanged: 0, written: false, diagnostics: [] };
  const project = (d: Diagnostic): Diagnostic => ({ ...d, file: path.isAbsolute(d.file) ? path.relative(root, d.file).split(path.sep).join('/') : d.file });

  const configResult = await loadConfig(path.join(root, 'sources', 'seminar.yaml'));
  const participantsPath = path.join(root, PARTICIPANTS_FILE);
  const existingText = (await readOptional(participantsPath))?.replace(/^\uFEFF/, '');
  const existing = existingText === undefined ? { participants: [] as Participant[], diagnostics: [] } : readParticipants(existingText, PARTICIPANTS_FILE);
  const before = [...configResult.diagnostics.map(project), ...existing.diagnostics];
  if (!configResult.config || hasErrors(before)) return { ...result, diagnostics: sortDiagnostics(before) };
  const config = configResult.config;

  const files = await listForms(options.dir);
  result.forms = files.length;
  const diagnostics: Diagnostic[] = [...before];
  const read: { file: string; form: FilledForm }[] = [];
  for (const file of files) {
    const shown = path.relative(process.cwd(), file).split(path.sep).join('/') || file;
    const bytes = await readFile(file).catch(() => undefined);
    const reading = bytes ? await readNominationForm(new Uint8Array(bytes)) : { problem: 'cannot be read (check its permissions).' };
    if ('problem' in reading) diagnostics.push(diagnostic({ file: shown }, 'error', 'nominations/not-a-form', `${path.basename(file)} ${reading.problem}`));
    else read.push({ file: shown, form: reading.form });
  }

  // Two forms for one country cannot both be right: neither is taken until one is removed.
  const byCountry = new Map<string, string[]>();
  for (const { file, form } of read) byCountry.set(form.country, [...(byCountry.get(form.country) ?? []), file]);

  const taken: Participant[] = [];
  for (const { file, form } of read) {
    const others = byCountry.get(form.country)!.filter((f) => f !== file);
    if (others.length > 0) {
      diagnostics.push(diagnostic({ file }, 'error', 'nominations/wrong-country',
        `Another form for the country ${form.country} (field folio.country) is in the same folder: ${others.join(', ')}. Keep only the latest form of each country, then collect again.`));
      continue;
    }
    const check = checkNominationForm(form, config, file);
    diagnostics.push(...check.diagnostics);
    if (!hasErrors(check.diagnostics)) result.accepted++;
    taken.push(...check.participants);
  }

  const merged = mergeParticipants(existingText, taken);
  result.added = merged.added;
  result.updated = merged.updated;
  result.unchanged = merged.unchanged;
  if (merged.added + merged.updated > 0) {
    await writeAtomically([{ path: participantsPath, bytes: new TextEncoder().encode(merged.text) }]);
    result.written = true;
  }
  return { ...result, diagnostics: sortDiagnostics(diagnostics) };
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The `.pdf` files directly in `dir`, sorted by name (not recursive). */
async function listForms(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FormFolderError(code === 'ENOENT' ? `${dir}: no such folder; give the folder holding the returned forms.`
      : code === 'ENOTDIR' ? `${dir} is a file, not a folder: give the folder holding the returned forms.`
      : `${dir} cannot be read (${code ?? String(error)}).`);
  }
  return entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.pdf$/i.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
