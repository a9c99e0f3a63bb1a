/** An 18 MB PDF (under the size limit) that parses into 9 million objects, gigabytes of heap: its reader thread dies at its 256 MB limit, and collect does not. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { swellingPdf } from '../../../nominations/hostile-pdfs.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  writeFileSync(path.join(ctx.inbox, 'swell.pdf'), swellingPdf(9_000_000));
}
