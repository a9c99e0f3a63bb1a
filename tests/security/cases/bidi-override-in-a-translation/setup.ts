import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { edit, replaceIn, saveAsLatin1, PARTICIPANT, type CaseContext } from '../../setup-helpers.js';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export default function setup(ctx: CaseContext): void {
  replaceIn(ctx, 'translations/fr.po', 'msgstr "Contexte"', 'msgstr "Con\u202etexte"');
}
