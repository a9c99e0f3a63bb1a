/** A form whose name field holds 1 million characters (over the 10 000 a field may hold): it would go into participants.yaml and every document; the form is refused, naming the field, never its value. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { nominee, returnedForm } from '../../../nominations/helpers.js';
import { pdfFieldName } from '../../../../src/nominations/fields.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  const doc = await PDFDocument.load(await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org')));
  doc.getForm().getTextField(pdfFieldName('gov.1.name')).setText('A'.repeat(1_000_000));
  writeFileSync(path.join(ctx.inbox, 'TN.pdf'), await doc.save({ updateFieldAppearances: false }));
}
