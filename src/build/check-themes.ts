/**
 * The programme's sessions name themes of the kit: a session's `theme` must be the number of
 * a brief in sources/themes/ (the one rule that makes the event's themes, load-sources.ts).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SeminarConfig } from '../config/types.js';
import { describeThemes, type SourceSet } from '../sources/load-sources.js';

export function checkProgrammeThemes(config: SeminarConfig, sources: SourceSet, configFile: string): Diagnostic[] {
  const themes = new Set(sources.themes.map((t) => t.number));
  return config.programme.flatMap((session, index) => {
    if (session.theme === undefined || themes.has(session.theme)) return [];
    return [diagnostic({ ...(session.themePlace ?? session.place), file: configFile }, 'error', 'config/theme-range',
      `programme[${index}].theme is ${session.theme}, but ${describeThemes(sources.themes.length)}. Write the number of one of them, add the brief sources/themes/${String(session.theme).padStart(2, '0')}-<slug>.md, or leave theme out.`)];
  });
}
