import path from 'node:path';

/** A place in a user's file: 1-based line and column. */
export interface SourcePlace {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/**
 * A problem in the user's content (configuration, sources, templates, translations, fonts),
 * reported as `file:line:column: severity: message [rule]`.
 */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
}

export function diagnostic(
  place: SourcePlace | { file: string; line?: number; column?: number },
  severity: Severity,
  rule: string,
  message: string,
): Diagnostic {
  return {
    file: place.file,
    line: place.line ?? 1,
    column: place.column ?? 1,
    severity,
    rule,
    message,
  };
}

/** Formats one diagnostic the way compilers do, so editors can jump to it. */
/**
 * A place (or diagnostic) whose file is absolute, named as every message names a kit's files:
 * relative to the kit, with forward slashes. A relative file is left as it is.
 */
export function kitRelative<T extends { file: string }>(root: string, at: T): T {
  return path.isAbsolute(at.file) ? { ...at, file: path.relative(root, at.file).split(path.sep).join('/') } : at;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** Sorts diagnostics by file, line and column so reports are stable. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/**
 * Thrown when the user's content stops the build; carries every diagnostic collected.
 * The CLI prints them and exits with code 1.
 */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
  }
}

/** Thrown for command-line misuse; the CLI exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
