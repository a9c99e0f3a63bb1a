import type { SeminarConfig } from '../config/types.js';

/**
 * The date stamped into every output (PDF CreationDate, DOCX core properties):
 * `SOURCE_DATE_EPOCH` when set (reproducible-builds.org convention), else the letters'
 * issue date from the configuration. Never the clock: the same inputs give the same bytes.
 */
export function documentDate(config: SeminarConfig, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${config.event.issued}T00:00:00Z`);
}
