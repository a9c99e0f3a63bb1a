/** A returned "form" of 21 MB (over the 20 MB limit): it would be read into memory whole; it is refused from its size before a byte is read. */
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  const file = path.join(ctx.inbox, 'big.pdf');
  writeFileSync(file, '%PDF-1.7\n');
  truncateSync(file, 21 * 1024 * 1024); // sparse: no 21 MB written to make it
}
