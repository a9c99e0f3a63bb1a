/**
 * Preloaded (`node --import`) into bench children when GNU time is not available: writes the
 * process's peak resident set size (KiB) to $FOLIO_BENCH_RSS_FILE when it exits.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.FOLIO_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // the bench reports memory as not measured
    }
  });
}
