/**
 * Fills a nomination form programmatically, as a viewer does: sets the fields' values and
 * draws each widget's appearance stream (PDF 32000-1:2008 §12.7.3.3) with the text engine,
 * so names in any script (Arabic shaped and right to left, French accents) show in viewers
 * whether or not they regenerate appearances. pdf-lib's own appearances are not used: they
 * draw with WinAnsi Helvetica and throw on the first Arabic letter.
 */
import {
  beginMarkedContent,
  clip,
  endMarkedContent,
  endPath,
  PDFBool,
  PDFDocument,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  TextAlignment,
  type PDFOperator,
} from 'pdf-lib';
import { pdfFieldName } from './fields.js';
import { lineOperators } from '../render/pdf/glyphs/line-operators.js';
import { SubsetFont } from '../render/pdf/glyphs/subset-font.js';
import type { FontFace, FontLibrary } from '../text/fonts.js';
import { layoutParagraph } from '../text/layout-paragraph.js';
import type { TextStyle } from '../text/style.js';

export interface FillOptions {
  fonts: FontLibrary;
  /** Language for shaping, e.g. the form's. */
  lang?: string;
  /** Font size of the values, pt (default 9, as the form's fields). */
  size?: number;
}

/** Thrown when a value is given for a field the form does not have. */
export class UnknownFieldError extends Error {
  constructor(name: string) {
    super(`The form has no text field named ${name}.`);
    this.name = 'UnknownFieldError';
  }
}

const PADDING = 2;

/** Sets the given text fields (field name → value; '' clears) and returns the saved PDF. */
export async function fillNominationPdf(bytes: Uint8Array, values: Record<string, string>, options: FillOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const form = doc.getForm();
  const style: TextStyle = { family: 'sans', bold: false, italic: false, size: options.size ?? 9 };
  const subsets = new Map<FontFace, SubsetFont>();
  const fontFor = (face: FontFace) => {
    let font = subsets.get(face);
    if (!font) {
      font = new SubsetFont(doc, face, `FolioV${subsets.size + 1}`);
      subsets.set(face, font);
    }
    return font;
  };

  for (const [name, value] of Object.entries(values)) {
    // Names as folio uses them (`gov.1.name`), or as the PDF has them (`gov_1_name`, or dotted in version 1 forms).
    const pdfName = form.getFieldMaybe(pdfFieldName(name)) ? pdfFieldName(name) : name;
    const field = form.getFieldMaybe(pdfName);
    if (!field || !('setText' in field)) throw new UnknownFieldError(name);
    const textField = form.getTextField(pdfName);
    textField.setText(value === '' ? undefined : value);
    const right = textField.getAlignment() === TextAlignment.Right;
    const line = value === ''
      ? undefined
      : layoutParagraph(options.fonts, [{ text: value.replace(/\s+/g, ' '), style }], { width: 1e5, align: 'start', direction: 'auto', lang: options.lang ?? '', lineHeight: 1.2 }).lines[0];
    for (const widget of textField.acroField.getWidgets()) {
      const { width, height } = widget.getRectangle();
      const ops: PDFOperator[] = [beginMarkedContent('Tx'), pushGraphicsState(), rectangle(1, 1, width - 2, height - 2), clip(), endPath()];
      const used = new Set<SubsetFont>();
      if (line) {
        const start = right ? width - PADDING - line.contentWidth : PADDING;
        const baseline = (height - line.ascent - line.descent) / 2 + line.descent;
        ops.push(...lineOperators(line, start - line.x, baseline, (face) => {
          const font = fontFor(face);
          used.add(font);
          return font;
        }));
      }
      ops.push(popGraphicsState(), endMarkedContent());
      const Font = Object.fromEntries([...used].map((f) => [f.resourceName, f.ref]));
      const stream = doc.context.formXObject(ops, { BBox: [0, 0, width, height], Resources: { Font } });
      widget.setNormalAppearance(doc.context.register(stream));
    }
  }
  for (const font of subsets.values()) font.finalize();
  // Every appearance is now drawn, in the right script: viewers should show them rather than
  // redraw them with the DA font (which has no Arabic); they still redraw a field edited later.
  doc.catalog.getOrCreateAcroForm().dict.set(PDFName.of('NeedAppearances'), PDFBool.False);
  // pdf-lib must not redraw them with Helvetica either.
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
}
