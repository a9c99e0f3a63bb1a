/** A PNG cut short (an interrupted download): pdf-lib would throw while rendering, possibly in a worker. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makePngFile } from '../../../document/image-fixtures.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  const png = makePngFile({ width: 64, height: 64 });
  writeFileSync(path.join(ctx.kit, 'sources/themes/figure.png'), png.subarray(0, png.length - 40));
  const brief = path.join(ctx.kit, 'sources/themes/01-migration-and-development.md');
  const lines = readFileSync(brief, 'utf8').split('\n');
  lines.splice(8, 0, `![Figure](figure.png)`, ''); // line 9, after "## Purpose" and its blank line
  writeFileSync(brief, lines.join('\n'));
}
