/** A returned form saved with encryption (a password or security settings): its fields cannot be read; it says so. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encryptedCopy } from '../../../nominations/hostile-pdfs.js';
import { nominee, returnedForm } from '../../../nominations/helpers.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  const form = await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org'));
  writeFileSync(path.join(ctx.inbox, 'TN.pdf'), await encryptedCopy(form));
}
