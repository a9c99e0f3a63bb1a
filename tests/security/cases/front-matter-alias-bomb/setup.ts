import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { edit, replaceIn, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  replaceIn(ctx, 'sources/themes/03-environment-and-migration.md', 'theme: 3', 'theme: 3\nl0: &a0 [x, x, x, x, x, x, x, x, x, x]\n' + Array.from({ length: 9 }, (_, i) => `l${i + 1}: &a${i + 1} [` + Array(10).fill(`*a${i}`).join(', ') + ']').join('\n'));
}
