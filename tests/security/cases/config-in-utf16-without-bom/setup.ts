import { readFileSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { edit, replaceIn, saveAsLatin1, PARTICIPANT, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  const full = path.join(ctx.kit, 'sources/seminar.yaml');
  writeFileSync(full, Buffer.from(readFileSync(full, 'utf8'), 'utf16le'));
}
