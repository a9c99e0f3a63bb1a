/** Returned "forms" that are links to endless devices (/dev/zero, /dev/urandom), a folder named like a form, and a link to a folder: reading a device never ends; none is opened. */
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  symlinkSync('/dev/zero', path.join(ctx.inbox, 'zero.pdf'));
  symlinkSync('/dev/urandom', path.join(ctx.inbox, 'random.pdf'));
  mkdirSync(path.join(ctx.inbox, 'folder.pdf'));
  mkdirSync(path.join(ctx.inbox, 'sub'));
  symlinkSync('sub', path.join(ctx.inbox, 'to-folder.pdf'));
}
