import { writeFileSync, mkdirSync, symlinkSync, rmSync, renameSync } from 'node:fs';
import path from 'node:path';
import { buildFirst, edit, readJson, replaceIn, saveAsLatin1, writeJson, PARTICIPANT, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  buildFirst(ctx, '--lang', 'en', '--only', 'agenda', '--format', 'pdf');
  const m = readJson(ctx, 'out/.folio-manifest.json');
  m.languages.en.dependencies = [...m.languages.en.dependencies, '/dev/zero'];
  writeJson(ctx, 'out/.folio-manifest.json', m);
}
