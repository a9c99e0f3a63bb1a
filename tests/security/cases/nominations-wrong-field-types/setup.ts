/** Forms whose fields are of the wrong types: a field that is its own kid (pdf-lib recurses for ever), one that is its own parent, a field name that is a number: refused as damaged, never a crash. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, PDFNumber, type PDFDict, type PDFRef } from 'pdf-lib';
import { nominee, returnedForm } from '../../../nominations/helpers.js';
import { pdfFieldName } from '../../../../src/nominations/fields.js';

interface Context { sandbox: string; kit: string; inbox: string; outside: string; run(args: string[]): { status: number | null; stdout: string; stderr: string } }

export default async function setup(ctx: Context): Promise<void> {
  mkdirSync(ctx.inbox, { recursive: true });
  const form = await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org'));
  const edit = async (file: string, change: (dict: PDFDict, doc: PDFDocument, ref: PDFRef) => void) => {
    const doc = await PDFDocument.load(form);
    const field = doc.getForm().getField(pdfFieldName('gov.1.name'));
    change(field.acroField.dict, doc, field.ref);
    writeFileSync(path.join(ctx.inbox, file), await doc.save({ updateFieldAppearances: false }));
  };
  await edit('kid.pdf', (dict, doc, ref) => dict.set(PDFName.of('Kids'), doc.context.obj([ref])));
  await edit('parent.pdf', (dict, _doc, ref) => dict.set(PDFName.of('Parent'), ref));
  await edit('name.pdf', (dict) => dict.set(PDFName.of('T'), PDFNumber.of(3)));
}
