/** A 4 MB PDF of 100 001 objects (over the 100 000 limit; a filled form has about 160): refused before pdf-lib builds them. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pdfWithObjects } from '../../../nominations/hostile-pdfs.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  writeFileSync(path.join(ctx.inbox, 'objects.pdf'), pdfWithObjects(100_001));
}
