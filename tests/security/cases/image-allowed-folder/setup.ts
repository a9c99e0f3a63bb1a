/** An image outside the kit in a folder that files.allow opens: it is read and the brief builds. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makePngFile } from '../../../document/image-fixtures.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  writeFileSync(path.join(ctx.outside, 'logo.png'), makePngFile({ width: 40, height: 20 }));
  const config = path.join(ctx.kit, 'sources/seminar.yaml');
  writeFileSync(config, `${readFileSync(config, 'utf8').trimEnd()}\nfiles:\n  allow: ["../outside"]\n`);
  const brief = path.join(ctx.kit, 'sources/themes/01-migration-and-development.md');
  const lines = readFileSync(brief, 'utf8').split('\n');
  lines.splice(8, 0, `![Figure](../../../outside/logo.png)`, ''); // line 9, after "## Purpose" and its blank line
  writeFileSync(brief, lines.join('\n'));
}
