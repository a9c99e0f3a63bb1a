/** A good form with damaged objects added: pdf-lib works around them with console.warn, which must not reach stderr raw; each distinct warning is reported once on the file (at most three, then a count), and the form is still taken. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nominee, returnedForm } from '../../../nominations/helpers.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  const form = Buffer.from(await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org'))).toString('latin1');
  const at = form.lastIndexOf('\nxref');
  const broken = Array.from({ length: 10 }, (_, i) => `${900 + i} 0 obj\n<< /A 1 /B >>\nendobj\n`).join('');
  writeFileSync(path.join(ctx.inbox, 'TN.pdf'), Buffer.from(`${form.slice(0, at)}\n${broken}${form.slice(at)}`, 'latin1'));
}
