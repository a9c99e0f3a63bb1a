/** Damaged returned files: empty, random bytes, text named .pdf, a form cut in half, and a form with a garbled cross-reference table (which pdf-lib does not need: that one is taken). No stack trace, no internal error. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brokenXref, garbage } from '../../../nominations/hostile-pdfs.js';
import { nominee, returnedForm } from '../../../nominations/helpers.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  const form = await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org'));
  writeFileSync(path.join(ctx.inbox, 'empty.pdf'), '');
  writeFileSync(path.join(ctx.inbox, 'garbage.pdf'), garbage(50_000));
  writeFileSync(path.join(ctx.inbox, 'letter.pdf'), 'Dear secretariat, please find our nominations below.');
  writeFileSync(path.join(ctx.inbox, 'half.pdf'), form.subarray(0, Math.floor(form.length / 2)));
  writeFileSync(path.join(ctx.inbox, 'xref.pdf'), brokenXref(form));
}
