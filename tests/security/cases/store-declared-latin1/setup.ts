import { readFileSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { edit, replaceIn, saveAsLatin1, PARTICIPANT, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  replaceIn(ctx, 'translations/fr.po', 'charset=UTF-8', 'charset=ISO-8859-1');
  const full = path.join(ctx.kit, 'translations/fr.po');
  const text = readFileSync(full, 'utf8').replace(/[^\u0000-\u00ff]/g, '?');
  writeFileSync(full, Buffer.from(text, 'latin1'));
}
