/** files.allow names a folder that does not exist. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  const config = path.join(ctx.kit, 'sources/seminar.yaml');
  writeFileSync(config, `${readFileSync(config, 'utf8').trimEnd()}\nfiles:\n  allow: ["../no-such-folder"]\n`);
}
