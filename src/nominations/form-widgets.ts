/**
 * The text fields of a form, built as PDF objects (PDF 32000-1:2008 §12.7.4.3, §12.5.6.19)
 * rather than through pdf-lib's `addToPage`, which draws every widget's appearance with a
 * non-embedded WinAnsi Helvetica. Each field names the form's embedded font in its DA, says
 * what it is for in its tooltip (/TU: viewers show it, screen readers read it), is right
 * aligned in right-to-left forms (/Q 2), and has an empty appearance stream of its own, so a
 * filler that does not redraw untouched fields needs no other font.
 */
import { pdfFieldName } from './fields.js';
import { AnnotationFlags, beginMarkedContent, endMarkedContent, PDFHexString, PDFName, PDFNumber, PDFString, PDFWidgetAnnotation, type PDFDict, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

export interface TextFieldSpec {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  tooltip?: string;
  required?: boolean;
  /** Value, for the hidden identity fields. */
  value?: string;
  /** A field with no widget (no annotation): what the form is, kept by fillers, never shown. */
  hidden?: boolean;
  readOnly?: boolean;
}

export interface FieldStyle {
  /** The DA string, e.g. `/FolioField 9 Tf 0 g`. */
  da: string;
  rtl: boolean;
}

/**
 * Adds one single-line, plain-text field with one widget on `page` (a hidden field: none; PDF/A
 * admits no hidden annotation). Returns the widget's dictionary and reference.
 */
export function addTextField(doc: PDFDocument, page: PDFPage, spec: TextFieldSpec, style: FieldStyle): { widget: PDFDict; ref: PDFRef } | undefined {
  const field = doc.getForm().createTextField(pdfFieldName(spec.name));
  const acro = field.acroField;
  acro.setDefaultAppearance(style.da);
  if (style.rtl) acro.dict.set(PDFName.of('Q'), PDFNumber.of(2));
  if (spec.tooltip) acro.dict.set(PDFName.of('TU'), PDFHexString.fromText(spec.tooltip));
  if (spec.value !== undefined) acro.dict.set(PDFName.of('V'), PDFString.of(spec.value));
  if (spec.required) field.enableRequired();
  if (spec.readOnly) field.enableReadOnly();
  field.disableMultiline();
  field.disableRichFormatting();
  if (spec.hidden) return undefined;

  const widget = PDFWidgetAnnotation.create(doc.context, field.ref);
  widget.setRectangle({ x: spec.x, y: spec.y, width: spec.width, height: spec.height });
  widget.setP(page.ref);
  widget.setFlagTo(AnnotationFlags.Print, true);
  // No border or background of its own: the page draws the box.
  widget.getOrCreateBorderStyle().setWidth(0);
  const appearance = doc.context.formXObject([beginMarkedContent('Tx'), endMarkedContent()], { BBox: [0, 0, spec.width, spec.height], Resources: {} });
  widget.setNormalAppearance(doc.context.register(appearance));
  const ref = doc.context.register(widget.dict);
  acro.addWidget(ref);
  page.node.addAnnot(ref);
  return { widget: widget.dict, ref };
}
