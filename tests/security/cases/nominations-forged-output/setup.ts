/** A form whose file name holds a line break and a terminal escape sequence, and whose country field holds a line break and a right-to-left override: printed raw, they would forge diagnostic lines or redraw the terminal; they are printed as \u{…} escapes. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { nominee, returnedForm } from '../../../nominations/helpers.js';
import { pdfFieldName } from '../../../../src/nominations/fields.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  const doc = await PDFDocument.load(await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org')));
  doc.getForm().getTextField(pdfFieldName('folio.country')).setText('X\u202eX\nfake [x/y]');
  writeFileSync(path.join(ctx.inbox, 'evil\n\u001b[31mname.pdf'), await doc.save({ updateFieldAppearances: false }));
}
