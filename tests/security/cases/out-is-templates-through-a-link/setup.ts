import { writeFileSync, mkdirSync, symlinkSync, rmSync, renameSync } from 'node:fs';
import path from 'node:path';
import { buildFirst, edit, readJson, replaceIn, saveAsLatin1, writeJson, PARTICIPANT, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  symlinkSync('templates', path.join(ctx.kit, 'tpl-link'));
}
