/** An organiser's logo in the kit is a symbolic link to a file outside it. */
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makePngFile } from '../../../document/image-fixtures.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  writeFileSync(path.join(ctx.outside, 'secret.png'), makePngFile({ width: 8, height: 8 }));
  const logo = path.join(ctx.kit, 'assets/logos/ilo.png');
  rmSync(logo);
  symlinkSync(path.join(ctx.outside, 'secret.png'), logo);
}
