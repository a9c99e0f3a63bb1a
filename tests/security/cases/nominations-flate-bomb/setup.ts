/** A 1 MB PDF whose object stream (which pdf-lib inflates while parsing) expands to 1 GB, next to a good form: the bomb is refused from a measure under the 64 MB budget, the good form is still taken. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { objectStreamBomb } from '../../../nominations/hostile-pdfs.js';
import { nominee, returnedForm } from '../../../nominations/helpers.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  writeFileSync(path.join(ctx.inbox, 'bomb.pdf'), objectStreamBomb(1024 * 1024 * 1024));
  writeFileSync(path.join(ctx.inbox, 'TN.pdf'), await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org')));
}
