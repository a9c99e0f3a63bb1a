import { copyFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { CaseContext } from '../../setup-helpers.js';

export default function setup(ctx: CaseContext): void {
  copyFileSync(path.join(ctx.kit, 'translations/fr.po'), path.join(ctx.outside, 'fr.po'));
  rmSync(path.join(ctx.kit, 'translations/fr.po'));
  symlinkSync(path.join(ctx.outside, 'fr.po'), path.join(ctx.kit, 'translations/fr.po'));
}
