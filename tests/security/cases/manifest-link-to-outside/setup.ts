import { writeFileSync, mkdirSync, symlinkSync, rmSync, renameSync } from 'node:fs';
import path from 'node:path';
import { buildFirst, edit, readJson, replaceIn, saveAsLatin1, writeJson, PARTICIPANT, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  buildFirst(ctx, '--lang', 'en', '--only', 'agenda', '--format', 'pdf');
  const m = readJson(ctx, 'out/.folio-manifest.json');
  const entry = { ...m.outputs['en/agenda.pdf'] };
  m.outputs['en/briefs/old.pdf'] = entry;
  writeJson(ctx, 'out/.folio-manifest.json', m);
  mkdirSync(path.join(ctx.kit, 'out/en/briefs'), { recursive: true });
  symlinkSync(path.join(ctx.outside, 'victim.pdf'), path.join(ctx.kit, 'out/en/briefs/old.pdf'));
}
