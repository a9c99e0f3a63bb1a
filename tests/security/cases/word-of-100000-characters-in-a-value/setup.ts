import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { edit, replaceIn, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  replaceIn(ctx, 'sources/seminar.yaml', '"Ministry of Labour, Employment and Social Security"', JSON.stringify('M'.repeat(100_000)));
}
