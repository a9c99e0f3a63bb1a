/** A text file named .png (here the canary itself, copied into the kit): refused as not an image. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  writeFileSync(path.join(ctx.kit, 'sources/themes/figure.png'), readFileSync(path.join(ctx.outside, 'secret.txt')));
  const brief = path.join(ctx.kit, 'sources/themes/01-migration-and-development.md');
  const lines = readFileSync(brief, 'utf8').split('\n');
  lines.splice(8, 0, `![Figure](figure.png)`, ''); // line 9, after "## Purpose" and its blank line
  writeFileSync(brief, lines.join('\n'));
}
