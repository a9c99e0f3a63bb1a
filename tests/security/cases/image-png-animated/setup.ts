/** An animated PNG (APNG): pdf-lib decodes every frame, at sizes the frames declare, then throws. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makePngFile, pngChunk } from '../../../document/image-fixtures.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  writeFileSync(path.join(ctx.kit, 'sources/themes/figure.png'), makePngFile({ width: 8, height: 8, before: [pngChunk('acTL', new Uint8Array(8))] }));
  const brief = path.join(ctx.kit, 'sources/themes/01-migration-and-development.md');
  const lines = readFileSync(brief, 'utf8').split('\n');
  lines.splice(8, 0, `![Figure](figure.png)`, ''); // line 9, after "## Purpose" and its blank line
  writeFileSync(brief, lines.join('\n'));
}
