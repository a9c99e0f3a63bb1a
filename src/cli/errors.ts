/**
 * Maps error classes to exit codes and messages: content problems exit 1 with every diagnostic,
 * command-line misuse exits 2, anything else is a bug (stack only with DEBUG).
 */
import { ContentError, formatDiagnostic, UsageError } from '../diagnostics/diagnostic.js';

export const EXIT = { ok: 0, content: 1, usage: 2, internal: 70 } as const;

export function reportError(error: unknown, options: { json: boolean }): number {
  if (error instanceof ContentError) {
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ outputs: [], diagnostics: error.diagnostics }, null, 2)}\n`);
    } else {
      for (const d of error.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
      process.stderr.write(`folio: ${errors} error${errors === 1 ? '' : 's'}; nothing was written.\n`);
    }
    return EXIT.content;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`folio: ${error.message}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`folio: internal error (this is a bug in folio, not in your files): ${message}\n`);
  if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('Run again with DEBUG=1 to see the stack trace, and report it.\n');
  return EXIT.internal;
}
