import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CaseContext } from '../../setup-helpers.js';

/** Pads the store to just under 64 MiB with translator comments above its header. */
export default function setup(ctx: CaseContext): void {
  const full = path.join(ctx.kit, 'translations/fr.po');
  const text = readFileSync(full);
  const line = `#${' '.repeat(1022)}\n`;
  const lines = Math.floor((64 * 1024 * 1024 - text.length - 1024) / line.length);
  writeFileSync(full, Buffer.concat([Buffer.from(line.repeat(lines)), text]));
}
