#!/usr/bin/env node
/** The `folio` command: argument parsing only; each command lives in its own file. */
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { registerBuild } from './build-command.js';
import { registerValidate } from './validate-command.js';
import { registerExtract } from './extract-command.js';
import { registerStatus } from './status-command.js';
import { registerExport } from './export-command.js';
import { registerImport } from './import-command.js';
import { registerNominations } from './nominations-command.js';
import { registerWatch } from './watch-command.js';
import { registerProof } from './proof-command.js';
import { registerInit } from './init-command.js';
import { registerReview } from './review-command.js';
import { EXIT } from './errors.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

export function createProgram(): Command {
  const program = new Command();
  program
    .name('folio')
    .description('Builds the multilingual documents of a seminar kit as PDF and DOCX')
    .version(version)
    .showHelpAfterError('(run folio --help for the commands and options)')
    .exitOverride();
  registerInit(program);
  registerBuild(program);
  registerValidate(program);
  registerExtract(program);
  registerStatus(program);
  registerExport(program);
  registerImport(program);
  registerNominations(program);
  registerWatch(program);
  registerProof(program);
  registerReview(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
}

// A reader that stops early (`folio status | head`) closes the pipe: the rest of the output has
// nowhere to go, which is no error of folio's. Nothing else is written, and no trace is shown.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
  throw error;
});

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`folio: internal error (this is a bug in folio): ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT.internal;
  },
);
