import { truncateSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { edit, replaceIn, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  truncateSync(path.join(ctx.kit, 'translations/fr.po'), 200 * 1024 * 1024);
}
