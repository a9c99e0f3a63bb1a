import path from 'node:path';
import type { Command } from 'commander';
import { buildKit } from '../build/build-kit.js';
import { FORMATS, OUTPUT_KINDS, PDF_STANDARDS, type PdfStandard } from '../build/kinds.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import { EXIT, reportError } from './errors.js';
import { parseBoolean, parseLangs, parseList, parseThreads, resolveOutDir, resolveRoot } from './options.js';
import { progressReporter } from './progress.js';
import { UsageError } from '../diagnostics/diagnostic.js';


interface BuildFlags { root?: string; out?: string; lang?: string; format?: string; only?: string; json?: boolean; strict?: boolean; allowFuzzy?: boolean; duplex?: string; pdfStandard?: string; force?: boolean; check?: boolean; jobs?: string }

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('validate the kit, then write every document as PDF and DOCX into the output folder')
    .option('--root <dir>', 'project folder (holding sources/, templates/)', '.')
    .option('--out <dir>', 'output folder (default: <root>/out)')
    .option('--lang <list>', 'languages to build, comma-separated (default: all available)')
    .option('--format <list>', `formats, comma-separated: ${FORMATS.join(', ')}`)
    .option('--only <list>', `document kinds, comma-separated: ${OUTPUT_KINDS.join(', ')}`)
    .option('--strict', 'fail while any published unit is untranslated or fuzzy')
    .option('--allow-fuzzy', 'publish fuzzy translations (default: print the source text instead)')
    .option('--duplex <bool>', 'delegate packs for a duplex printer (true: blank pages, mirrored margins) or for screens (false)', 'true')
    .option('--pdf-standard <level>', `the standard PDFs are written to: ${PDF_STANDARDS.join(' or ')} (tagged PDF/UA-1 and PDF/A-2b; none: plain, smaller PDFs)`, 'ua1+a2b')
    .option('--force', 'rebuild every output, even those that are up to date')
    .option('--check', 'build nothing; exit 1 and list the outputs that are not up to date')
    .option('--jobs <n>', 'threads to render with (default: one per core from 3 cores up, else 1; 1: no worker threads)')
    .option('--json', 'print the build report as JSON on stdout')
    .action(async (flags: BuildFlags) => {
      const json = flags.json === true;
      try {
        const root = resolveRoot(flags.root);
        const outDir = resolveOutDir(root, flags.out);
        const started = Date.now();
        const report = await buildKit({
          root,
          outDir,
          langs: parseLangs(flags.lang),
          formats: parseList('--format', flags.format, FORMATS),
          kinds: parseList('--only', flags.only, OUTPUT_KINDS),
          progress: progressReporter({ json }),
          strict: flags.strict === true,
          allowFuzzy: flags.allowFuzzy === true,
          duplex: parseBoolean('--duplex', flags.duplex ?? 'true'),
          pdfStandard: parseStandard(flags.pdfStandard),
          force: flags.force === true,
          check: flags.check === true,
          threads: parseThreads(flags.jobs),
        });
        const stale = report.outputs.filter((o) => o.status === 'stale');
        if (json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        } else {
          for (const d of report.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
          if (flags.check) {
            for (const o of stale) process.stdout.write(`stale: ${o.path}\n`);
            process.stdout.write(stale.length ? `folio: ${stale.length} outputs are not up to date; run \`folio build\`.\n` : 'folio: every output is up to date.\n');
          } else {
            const count = (status: string) => report.outputs.filter((o) => o.status === status && o.kind !== 'licence').length;
            const pages = report.outputs.filter((o) => o.status === 'built').reduce((n, o) => n + (o.pages ?? 0), 0);
            const removed = count('removed');
            process.stdout.write(`folio: built ${count('built')} files (${pages} PDF pages), ${count('skipped')} up to date${removed ? `, ${removed} removed` : ''}, into ${path.relative(process.cwd(), outDir) || '.'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
          }
        }
        if (flags.check && stale.length > 0) {
          process.exitCode = EXIT.content;
          return;
        }
        process.exitCode = EXIT.ok;
      } catch (error) {
        process.exitCode = reportError(error, { json });
      }
    });
}

function parseStandard(value: string | undefined): PdfStandard {
  const level = value ?? 'ua1+a2b';
  if (!(PDF_STANDARDS as readonly string[]).includes(level)) throw new UsageError(`--pdf-standard ${level}: write ${PDF_STANDARDS.join(' or ')}.`);
  return level as PdfStandard;
}
