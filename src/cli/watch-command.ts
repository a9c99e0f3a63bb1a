import path from 'node:path';
import { watch, type FSWatcher } from 'node:fs';
import type { Command } from 'commander';
import { buildKit } from '../build/build-kit.js';
import { warmUp } from '../build/warm-up.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { EXIT, reportError } from './errors.js';
import { resolveOutDir, resolveRoot } from './options.js';

interface WatchFlags { root?: string; out?: string }

/** Folders whose changes rebuild the kit (assets/: the organisers' logos). */
const WATCHED = ['sources', 'templates', 'translations', 'assets'];

/**
 * `folio watch`: builds, then rebuilds on every save with the same incremental rules. Errors in
 * the middle of an edit are reported and watching goes on; Ctrl-C ends it cleanly.
 */
export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('build, then rebuild what changed on every save of sources, templates, translations, logos or configuration')
    .option('--root <dir>', 'project folder', '.')
    .option('--out <dir>', 'output folder (default: <root>/out)')
    .action(async (flags: WatchFlags) => {
      let root: string;
      let outDir: string;
      try {
        root = resolveRoot(flags.root);
        outDir = resolveOutDir(root, flags.out);
      } catch (error) {
        process.exitCode = reportError(error, { json: false });
        return;
      }
      let running = false;
      let again = false;
      let timer: NodeJS.Timeout | undefined;
      const run = async () => {
        if (running) { again = true; return; }
        running = true;
        const started = Date.now();
        try {
          const report = await buildKit({ root, outDir });
          for (const d of report.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
          const built = report.outputs.filter((o) => o.status === 'built');
          const removed = report.outputs.filter((o) => o.status === 'removed');
          for (const o of built) process.stdout.write(`  built ${o.path}\n`);
          for (const o of removed) process.stdout.write(`  removed ${o.path}\n`);
          process.stdout.write(`folio: ${built.length} rebuilt, ${report.outputs.length - built.length - removed.length} up to date (${((Date.now() - started) / 1000).toFixed(1)} s); watching…\n`);
        } catch (error) {
          reportError(error, { json: false });
          process.stdout.write('folio: watching… (fix the problem and save again)\n');
        } finally {
          running = false;
          if (again) { again = false; void run(); }
        }
      };
      const watchers: FSWatcher[] = [];
      for (const dir of WATCHED) {
        try {
          watchers.push(watch(path.join(root, dir), { recursive: true }, (_event, name) => {
            if (name && /(^|[/\\])(\.|#)|~$|\.folio-tmp-/.test(String(name))) return; // editors' temporary files
            clearTimeout(timer);
            timer = setTimeout(() => void run(), 150);
          }));
        } catch {
          // a folder that does not exist (no translations yet) is not watched
        }
      }
      const stop = () => {
        for (const w of watchers) w.close();
        clearTimeout(timer);
        process.stdout.write('\nfolio: stopped watching.\n');
        process.exitCode = EXIT.ok;
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await run();
      if (!again) await warmUp(root);
    });
}
