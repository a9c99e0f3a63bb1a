/** A returned "form" that is a named pipe, and one that is a symbolic link to a named pipe in the folder: opening either for reading would block collect for ever; both are refused without being opened. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  for (const fifo of ['pipe.pdf', 'pipe.bin']) {
    if (spawnSync('mkfifo', [path.join(ctx.inbox, fifo)]).status !== 0) throw new Error('mkfifo is needed for this case');
  }
  symlinkSync('pipe.bin', path.join(ctx.inbox, 'link.pdf'));
}
