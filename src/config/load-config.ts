/**
 * The configuration stage: `sources/seminar.yaml` (what the user writes) → the
 * normalised `SeminarConfig`, with every problem collected as a diagnostic.
 */
import path from 'node:path';
import { readTextFile } from '../input/read-text.js';
import { LIMITS } from '../input/limits.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { normaliseConfig } from './normalise.js';
import { ConfigReader } from './reader.js';
import { checkCountries } from './rules/countries.js';
import { checkDates } from './rules/dates.js';
import { checkProgramme } from './rules/programme.js';
import { checkQuotas } from './rules/quota.js';
import { checkSeatRules } from './rules/seat-rules.js';
import { checkThemes } from './rules/themes.js';
import { readConfigDraft } from './schema/read-draft.js';
import type { SeminarConfig } from './types.js';
import { parseYaml } from './yaml-places.js';

export { sponsoredSeats } from './seats.js';
export { SUPPORTED_LANGUAGES, type LanguageCode } from './languages.js';

export interface ConfigResult {
  /** Present only when there is no error. */
  config?: SeminarConfig;
  /** Every problem found, sorted by line and column. */
  diagnostics: Diagnostic[];
  /** The text read (to find where a value is written). */
  text?: string;
}

/** What the configuration is checked against besides itself: the kit's sources. */
export interface KitShape {
  /** The kit's themes: the numbers of the briefs of sources/themes/. */
  themes: readonly number[];
}

/**
 * Parses and checks a configuration. `file` is only used in places and in
 * `config.file`, so pass it as it should be printed (e.g. `sources/seminar.yaml`).
 * With `kit`, the programme's themes are checked against the kit's.
 */
export function parseConfig(text: string, file: string, kit?: KitShape): ConfigResult {
  const parsed = parseYaml(text, file);
  if (!parsed.source) return { diagnostics: sortDiagnostics(parsed.diagnostics) };

  const reader = new ConfigReader(parsed.source);
  const draft = readConfigDraft(reader);
  checkDates(reader, draft);
  checkCountries(reader, draft);
  if (draft.seatRules) checkSeatRules(reader, draft, draft.seatRules);
  else checkQuotas(reader, draft);
  checkProgramme(reader, draft);
  if (kit) checkThemes(reader, draft, kit.themes);

  const diagnostics = sortDiagnostics([...parsed.diagnostics, ...reader.diagnostics]);
  if (hasErrors(diagnostics)) return { diagnostics };
  return { config: normaliseConfig(draft, file), diagnostics };
}

/** Reads and checks a configuration file; a file that cannot be read is a `config/read` diagnostic. */
export async function loadConfig(file: string, kit?: KitShape): Promise<ConfigResult> {
  const read = await readTextFile(file, path.basename(file), LIMITS.configBytes, 'configuration file');
  if ('missing' in read) return { diagnostics: [diagnostic({ file }, 'error', 'config/read', readFailure(file, { code: 'ENOENT' }))] };
  // The place names the file as the other diagnostics do (the build makes it project-relative).
  if ('diagnostic' in read) return { diagnostics: [{ ...read.diagnostic, file, ...(read.diagnostic.rule.startsWith('input/') ? { rule: 'config/read' } : {}) }] };
  return { ...parseConfig(read.text, file, kit), text: read.text };
}

function readFailure(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `The configuration file ${file} does not exist: create it (see the sample sources/seminar.yaml), or check the path.`;
    case 'EISDIR':
      return `${file} is a folder, not a configuration file: give the path of the YAML file itself.`;
    case 'EACCES':
    case 'EPERM':
      return `The configuration file ${file} cannot be read (permission denied): check its permissions.`;
    default:
      return `The configuration file ${file} cannot be read (${code ?? String(error)}).`;
  }
}
