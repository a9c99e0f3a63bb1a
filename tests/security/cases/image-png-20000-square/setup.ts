/** A PNG declaring 20 000 × 20 000 pixels with a tiny IDAT: refused from its header, fast, without decoding (pdf-lib would decode it to 1.6 GB). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeHugePngHeader } from '../../../document/image-fixtures.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  writeFileSync(path.join(ctx.kit, 'sources/themes/figure.png'), makeHugePngHeader(20_000, 20_000));
  const brief = path.join(ctx.kit, 'sources/themes/01-migration-and-development.md');
  const lines = readFileSync(brief, 'utf8').split('\n');
  lines.splice(8, 0, `![Figure](figure.png)`, ''); // line 9, after "## Purpose" and its blank line
  writeFileSync(brief, lines.join('\n'));
}
