import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { edit, replaceIn, saveAsLatin1, PARTICIPANT, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  writeFileSync(path.join(ctx.outside, 'agency.po'), Buffer.from('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\nmsgid "Background"\nmsgstr "Contexte général é"\n', 'latin1'));
}
