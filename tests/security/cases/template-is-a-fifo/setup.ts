import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync, symlinkSync, rmSync, renameSync } from 'node:fs';
import path from 'node:path';
import { buildFirst, edit, readJson, replaceIn, saveAsLatin1, writeJson, PARTICIPANT, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  rmSync(path.join(ctx.kit, 'templates/agenda.md.hbs'));
  execFileSync('mkfifo', [path.join(ctx.kit, 'templates/agenda.md.hbs')]);
}
