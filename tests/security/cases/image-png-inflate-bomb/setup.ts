/** A 16 × 16 PNG whose image data inflates to 256 MB (a zip bomb): inflating stops at the size the header declares. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeInflateBomb } from '../../../document/image-fixtures.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  writeFileSync(path.join(ctx.kit, 'sources/themes/figure.png'), makeInflateBomb(256 * 1024 * 1024));
  const brief = path.join(ctx.kit, 'sources/themes/01-migration-and-development.md');
  const lines = readFileSync(brief, 'utf8').split('\n');
  lines.splice(8, 0, `![Figure](figure.png)`, ''); // line 9, after "## Purpose" and its blank line
  writeFileSync(brief, lines.join('\n'));
}
