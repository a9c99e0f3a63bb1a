import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { edit, replaceIn, saveAsLatin1, PARTICIPANT, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  replaceIn(ctx, 'sources/seminar.yaml', '"Ministry of Labour, Employment and Social Security"', '"Ministry of \u2066Labour\u2069, Employment and Social Security"');
}
