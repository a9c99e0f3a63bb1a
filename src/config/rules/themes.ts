/**
 * `config/theme-range` against the kit: a session's `theme` must be one of the kit's themes,
 * the numbers of the briefs of sources/themes/ (the one rule that makes an event's themes,
 * sources/load-sources.ts). Checked on the draft, with the configuration's other rules, so that
 * a theme the kit lacks is reported together with every other problem of the file.
 */
import type { ConfigDraft } from '../draft.js';
import type { ConfigReader } from '../reader.js';

export function checkThemes(reader: ConfigReader, draft: ConfigDraft, themes: readonly number[]): void {
  for (const session of draft.programme ?? []) {
    const theme = session.theme;
    if (!theme || themes.includes(theme.value)) continue;
    reader.report(theme.place, 'config/theme-range',
      `${theme.where} is ${theme.value}, but ${describeThemes(themes)}. Write the number of one of them, add the brief sources/themes/${String(theme.value).padStart(2, '0')}-<slug>.md, or leave theme out.`);
  }
}

/** "the kit has themes 1–4 (sources/themes/)", for messages; the numbers themselves when some are missing. */
export function describeThemes(themes: readonly number[]): string {
  if (themes.length === 0) return 'the kit has no themes (sources/themes/ holds no brief)';
  if (themes.length === 1) return `the kit has one theme, ${themes[0]} (sources/themes/)`;
  const consecutive = themes.every((n, i) => n === i + 1);
  return consecutive ? `the kit has themes 1–${themes.length} (sources/themes/)` : `the kit has themes ${themes.join(', ')} (sources/themes/)`;
}
