/** A 5 MB PDF of 20 000 streams without an end, on which pdf-lib searches the rest of the file for each (time quadratic in the size, minutes): its reader thread is stopped after 15 s. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stallingPdf } from '../../../nominations/hostile-pdfs.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  writeFileSync(path.join(ctx.inbox, 'stall.pdf'), stallingPdf(20_000));
}
