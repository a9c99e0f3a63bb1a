/**
 * `folio nominations collect DIR`: reads the returned forms (every `.pdf` directly in DIR),
 * checks each against the configuration, and merges the nominees of the good ones into
 * `sources/participants.yaml` by id. A form with any error contributes nothing; the others
 * still count. The forms are hostile input: each is read only if it is a regular file in the
 * folder (form-file.ts), within the limits of form-limits.ts, in a thread of its own
 * (form-reader.ts). The merge reads and writes participants.yaml inside the participants lock,
 * atomically, and only when something changed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { diagnostic, hasErrors, kitRelative, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { writeAtomically } from '../build/write-outputs.js';
import { checkNominationForm } from './check-form.js';
import { listFormEntries, readFormFile, resolveFolder } from './form-file.js';
import { MAX_FORM_BYTES } from './form-limits.js';
import { FormReader, type FormReaderOptions } from './form-reader.js';
import { mergeParticipants } from './participants-merge.js';
import { PARTICIPANTS_FILE } from './participants-file.js';
import { withParticipantsLock } from './participants-lock.js';
import { readParticipants, type Participant } from './participants.js';
import { printable } from './printable.js';
import type { FilledForm } from './read-form.js';

export { PARTICIPANTS_FILE };
export { FormFolderError } from './form-file.js';

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

export interface CollectOptions {
  root: string;
  dir: string;
  /** The largest form file read (bytes); default MAX_FORM_BYTES. */
  maxFormBytes?: number;
  /** Limits of the form reader (time, memory, parsing); defaults from form-limits.ts. */
  reader?: FormReaderOptions;
}

export async function collectNominations(options: CollectOptions): Promise<CollectResult> {
  const root = path.resolve(options.root);
  const result: CollectResult = { forms: 0, accepted: 0, added: 0, updated: 0, unchanged: 0, written: false, diagnostics: [] };
  const project = (d: Diagnostic): Diagnostic => kitRelative(root, d);

  const configResult = await loadConfig(path.join(root, 'sources', 'seminar.yaml'));
  const participantsPath = path.join(root, PARTICIPANTS_FILE);
  // Read now to report a broken file before any form is read; read again inside the lock to merge.
  const early = await readParticipantsFile(participantsPath);
  const before = [...configResult.diagnostics.map(project), ...early.diagnostics];
  if (!configResult.config || hasErrors(before)) return { ...result, diagnostics: sortDiagnostics(before) };
  const config = configResult.config;

  const files = await listFormEntries(options.dir);
  const folder = await resolveFolder(options.dir);
  result.forms = files.length;
  const diagnostics: Diagnostic[] = [...before];
  const read = await readForms(files, folder, options, diagnostics);

  // Two forms for one country cannot both be right: neither is taken until one is removed.
  const byCountry = new Map<string, string[]>();
  for (const { file, form } of read) byCountry.set(form.country, [...(byCountry.get(form.country) ?? []), file]);

  const taken: Participant[] = [];
  for (const { file, form } of read) {
    const others = byCountry.get(form.country)!.filter((f) => f !== file);
    if (others.length > 0) {
      diagnostics.push(diagnostic({ file }, 'error', 'nominations/wrong-country',
        `Another form for the country ${printable(form.country, 20)} (field folio.country) is in the same folder: ${others.join(', ')}. Keep only the latest form of each country, then collect again.`));
      continue;
    }
    const check = checkNominationForm(form, config, file);
    diagnostics.push(...check.diagnostics);
    if (!hasErrors(check.diagnostics)) result.accepted++;
    taken.push(...check.participants);
  }

  await withParticipantsLock(root, async () => {
    const current = await readParticipantsFile(participantsPath);
    if (hasErrors(current.diagnostics)) {
      // Changed by hand (or by another tool) since this collect started: nothing is merged into it.
      diagnostics.push(...current.diagnostics);
      return;
    }
    const merged = mergeParticipants(current.text, taken);
    result.added = merged.added;
    result.updated = merged.updated;
    result.unchanged = merged.unchanged;
    if (merged.added + merged.updated > 0) {
      await writeAtomically([{ path: participantsPath, bytes: new TextEncoder().encode(merged.text) }]);
      result.written = true;
    }
  });
  return { ...result, diagnostics: sortDiagnostics(diagnostics) };
}

/** Reads every form, in turn; the refusals and the PDF reader's warnings go to `diagnostics`. */
async function readForms(files: string[], folder: string, options: CollectOptions, diagnostics: Diagnostic[]): Promise<{ file: string; form: FilledForm }[]> {
  const read: { file: string; form: FilledForm }[] = [];
  const reader = new FormReader(options.reader);
  try {
    for (const file of files) {
      const shown = printable(path.relative(process.cwd(), file).split(path.sep).join('/') || file, 1000);
      const name = printable(path.basename(file), 200);
      const bytes = await readFormFile(file, folder, options.maxFormBytes ?? MAX_FORM_BYTES);
      const reading = 'problem' in bytes ? { ...bytes, warnings: [] } : await reader.read(bytes.bytes);
      for (const warning of reading.warnings) diagnostics.push(diagnostic({ file: shown }, 'warning', 'nominations/pdf-warning', `${name}: ${warning}`));
      if ('problem' in reading) diagnostics.push(diagnostic({ file: shown }, 'error', reading.problem.rule, `${name} ${reading.problem.problem}`));
      else read.push({ file: shown, form: reading.form });
    }
  } finally {
    await reader.close();
  }
  return read;
}

/** The text of participants.yaml (undefined when there is none) and its problems. */
async function readParticipantsFile(file: string): Promise<{ text: string | undefined; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: undefined, diagnostics: [] };
    throw error;
  }
  return { text, diagnostics: readParticipants(text, PARTICIPANTS_FILE).diagnostics };
}
