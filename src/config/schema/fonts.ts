/**
 * `fonts:` — the font stack per script, as npm packages (e.g. `@expo-google-fonts/noto-serif`,
 * or the short `noto-serif`) or folders of TTF files. Each name is checked here, so a missing
 * package is a configuration error with its place, not a crash in the middle of a build.
 */
import type { ConfigReader, Mapping } from '../reader.js';
import { findFontPackage, FontPackageError } from '../../text/font-files.js';
import type { FontConfig } from '../types.js';

export const FONT_KEYS = ['serif', 'sans', 'mono', 'arabic', 'hebrew'] as const;

export function readFonts(reader: ConfigReader, root: Mapping): FontConfig | undefined {
  const taken = reader.take(root, 'fonts');
  if (!taken) return undefined;
  const m = reader.mapping(taken.node, taken.where, { required: [], optional: [...FONT_KEYS] });
  if (!m) return undefined;
  const fonts: FontConfig = {};
  for (const key of FONT_KEYS) {
    const field = reader.text(m, key);
    if (!field) continue;
    try {
      findFontPackage(field.value);
      fonts[key] = field.value;
    } catch (error) {
      if (!(error instanceof FontPackageError)) throw error;
      reader.report(field.place, 'config/font', `${field.where}: ${error.message}`);
    }
  }
  return fonts;
}
