import { writeFileSync, mkdirSync, symlinkSync, rmSync, renameSync } from 'node:fs';
import path from 'node:path';
import { buildFirst, edit, readJson, replaceIn, saveAsLatin1, writeJson, PARTICIPANT, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  buildFirst(ctx, '--lang', 'en', '--only', 'agenda', '--format', 'pdf');
  mkdirSync(path.join(ctx.kit, 'out/en/invitations'), { recursive: true });
  writeFileSync(path.join(ctx.kit, 'out/en/agenda.pdf.folio-tmp-99999'), 'half a PDF');
  writeFileSync(path.join(ctx.kit, 'out/en/invitations/MA.pdf.folio-tmp-4242'), 'half a PDF');
}
