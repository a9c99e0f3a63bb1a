/** Small steps the security cases' setup.ts files share. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CaseContext } from './run-case.js';

export type { CaseContext };

/** Edits a kit file's text; fails when the edit changes nothing (the case would test nothing). */
export function edit(ctx: CaseContext, file: string, change: (text: string) => string): void {
  const full = path.join(ctx.kit, file);
  const before = readFileSync(full, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`case setup: the edit did not change ${file}`);
  writeFileSync(full, after);
}

/** Replaces the first occurrence of `from` in a kit file. */
export function replaceIn(ctx: CaseContext, file: string, from: string | RegExp, to: string): void {
  edit(ctx, file, (t) => t.replace(from, to));
}

/** Writes a kit file's text in Latin-1 (what an editor set to ISO-8859-1 saves). */
export function saveAsLatin1(ctx: CaseContext, file: string): void {
  const full = path.join(ctx.kit, file);
  writeFileSync(full, Buffer.from(readFileSync(full, 'utf8'), 'latin1'));
}

/** A first build, which the case then attacks; it must succeed. */
export function buildFirst(ctx: CaseContext, ...args: string[]): void {
  const r = ctx.run(['build', ...args]);
  if (r.status !== 0) throw new Error(`case setup: the first build failed (${r.status}):\n${r.stderr}`);
}

export function readJson(ctx: CaseContext, file: string): Record<string, any> {
  return JSON.parse(readFileSync(path.join(ctx.kit, file), 'utf8')) as Record<string, any>;
}

export function writeJson(ctx: CaseContext, file: string, value: unknown): void {
  writeFileSync(path.join(ctx.kit, file), JSON.stringify(value, null, 2));
}

export const PARTICIPANT = (fields: Record<string, string>) => `participants:
  - id: ${fields.id ?? 'MA-government-1'}
    name: ${fields.name ?? '"Amina Benali"'}
    country: ${fields.country ?? 'MA'}
    kind: government
    sponsored: true
    function: "Director of Migration"
    organisation: "Ministry of Labour"
    email: "a.benali@example.org"
    language: ${fields.language ?? 'fr'}
`;
