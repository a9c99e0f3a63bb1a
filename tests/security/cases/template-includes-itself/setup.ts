import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { edit, replaceIn, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  mkdirSync(path.join(ctx.kit, 'templates/partials'), { recursive: true });
  writeFileSync(path.join(ctx.kit, 'templates/partials/loop.md.hbs'), 'again\n{{> loop}}\n');
  edit(ctx, 'templates/agenda.md.hbs', (t) => t + '\n{{> loop}}\n');
}
