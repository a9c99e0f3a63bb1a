import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { edit, replaceIn, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  replaceIn(ctx, 'sources/themes/03-environment-and-migration.md', '\n## ', '\n\n|' + ' a |'.repeat(40) + '\n|' + ' - |'.repeat(40) + '\n|' + ' 1 |'.repeat(40) + '\n\n## ');
}
