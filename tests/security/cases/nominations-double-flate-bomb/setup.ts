/** A 3 KB PDF whose object stream is Flate applied twice and expands to 1 GB in the end; and one whose Flate is hidden behind ASCIIHexDecode (not measured by the scan, stopped by the decoding budget in pdf-lib). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { objectStreamBomb } from '../../../nominations/hostile-pdfs.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  writeFileSync(path.join(ctx.inbox, 'double.pdf'), objectStreamBomb(1024 * 1024 * 1024, '[/FlateDecode /FlateDecode]'));
  writeFileSync(path.join(ctx.inbox, 'hex.pdf'), objectStreamBomb(512 * 1024 * 1024, '[/ASCIIHexDecode /FlateDecode]'));
}
