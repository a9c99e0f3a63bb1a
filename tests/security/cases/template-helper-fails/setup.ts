import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { edit, replaceIn, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  edit(ctx, 'templates/agenda.md.hbs', (t) => { const lines = t.split('\n'); lines.splice(2, 0, 'On {{date "not a date"}}.'); return lines.join('\n'); });
}
