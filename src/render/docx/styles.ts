/**
 * The Word styles every folio DOCX defines (styles part, ECMA-376 §17.7).
 *
 * Documents use real named styles rather than direct formatting, so that a secretariat
 * can restyle a document in Word. Every style that sets a size sets it for both the
 * Latin and the complex-script side (`w:sz`/`w:szCs`), and bold for both (`w:b`/`w:bCs`).
 */
import { AlignmentType, BorderStyle, LineRuleType, ShadingType, type IStylesOptions } from 'docx';
import type { DocumentContext } from './context.js';
import { QUOTE_INDENT } from './context.js';
import { alignment, startIndent, startSide } from './direction.js';
import { languageDirection } from '../../config/languages.js';

/** Ids of the paragraph styles the handlers use. */
export const PARAGRAPH_STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  body: 'BodyText',
  meta: 'Meta',
  signature: 'Signature',
  quote: 'Quote',
  code: 'SourceCode',
  compact: 'Compact',
  signatory: 'Signatory',
  footnote: 'FootnoteText',
  header: 'Header',
  footer: 'Footer',
} as const;

/** Ids of the character styles the handlers use. */
export const CHARACTER_STYLE = {
  hyperlink: 'Hyperlink',
  code: 'VerbatimChar',
} as const;

export const TABLE_STYLE = 'TableGrid';
/** Word's "Normal Table": no borders. */
export const PLAIN_TABLE_STYLE = 'TableNormal';

/** Heading style id for a model heading level (Heading1 … Heading6, all defined). */
export function headingStyle(level: 1 | 2 | 3 | 4 | 5 | 6): string {
  return `Heading${level}`;
}

/**
 * Arabic and Hebrew faces look smaller than Latin ones at the same point size
 * (Amiri's letters sit well inside its em), so complex-script text is set a little larger.
 */
const COMPLEX_SCRIPT_SCALE = 1.15;

/** `w:sz` and `w:szCs` for a size in points. */
function size(points: number): { size: number; sizeComplexScript: number } {
  return { size: Math.round(points * 2), sizeComplexScript: Math.round(points * 2 * COMPLEX_SCRIPT_SCALE) };
}

/**
 * Line spacing in 240ths of a line. The rule is always written: LibreOffice reads a
 * `w:line` without `w:lineRule` as an exact height, which clips large text and images.
 */
function lines(line: number): { line: number; lineRule: typeof LineRuleType.AUTO } {
  return { line, lineRule: LineRuleType.AUTO };
}

/**
 * A letter's paragraph spacing at each tier of `DocumentContext.letterTier` (those of the PDF's
 * letter styles): space after (twips) and line spacing (240ths), the Arabic lines on Amiri's
 * generous natural height. The type stays at 10 pt.
 */
const LETTER_TIERS = [
  { after: 90, line: 240, rtlLine: 216, complexScriptSize: 23 },
  { after: 80, line: 234, rtlLine: 212, complexScriptSize: 22 },
  { after: 70, line: 228, rtlLine: 210, complexScriptSize: 22 },
  { after: 60, line: 222, rtlLine: 206, complexScriptSize: 21 },
] as const;

function letterTier(doc: DocumentContext): (typeof LETTER_TIERS)[number] {
  return LETTER_TIERS[Math.min(Math.max(0, Math.trunc(doc.letterTier)), LETTER_TIERS.length - 1)]!;
}

function letterSpacing(doc: DocumentContext): { after: number; line: number; lineRule: typeof LineRuleType.AUTO } {
  const tier = letterTier(doc);
  return { after: tier.after, ...lines(doc.direction === 'rtl' ? tier.rtlLine : tier.line) };
}

const HEADING_COLOR = '1F3864';
const MUTED_COLOR = '404040';

/**
 * Word's built-in "Table Grid": a thin single line on every cell edge. docx has no
 * option for table styles; it takes them from a styles part given as `externalStyles`.
 */
export const EXTERNAL_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  `<w:style w:type="table" w:styleId="${TABLE_STYLE}"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>` +
  '<w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`)
    .join('') +
  '</w:tblBorders></w:tblPr></w:style></w:styles>';

function heading(points: number, before: number, outlineLevel: number, italic = false) {
  return {
    run: {
      ...size(points),
      bold: true,
      boldComplexScript: true,
      ...(italic ? { italics: true, italicsComplexScript: true } : {}),
      color: HEADING_COLOR,
    },
    paragraph: { keepNext: true, keepLines: true, outlineLevel, spacing: { before, after: 120 } },
  };
}

/** The styles part options for a document. */
export function documentStyles(doc: DocumentContext): IStylesOptions {
  const rtlFont = doc.rtlScript === 'hebrew' ? doc.fonts.hebrew : doc.fonts.arabic;
  const rtlLanguage = languageDirection(doc.lang) === 'rtl';
  return {
    default: {
      document: {
        run: {
          font: { ascii: doc.fonts.latin, hAnsi: doc.fonts.latin, eastAsia: doc.fonts.latin, cs: rtlFont },
          ...(doc.letter ? { ...size(10), sizeComplexScript: letterTier(doc).complexScriptSize } : size(11)),
          // w:lang (§17.3.2.20): `val` for Latin text, `bidi` for complex-script text.
          language: rtlLanguage ? { bidirectional: doc.lang } : { value: doc.lang },
        },
        // Amiri's line height is already generous (room for stacked marks): single spacing for RTL documents.
        paragraph: { spacing: doc.letter ? letterSpacing(doc) : { after: 120, ...lines(doc.direction === 'rtl' ? 240 : 276) } },
      },
      title: {
        run: { ...size(24), bold: true, boldComplexScript: true, color: HEADING_COLOR },
        paragraph: { keepNext: true, spacing: { after: 120 } },
      },
      heading1: heading(16, 360, 0),
      heading2: heading(13, 240, 1),
      heading3: heading(12, 200, 2),
      heading4: heading(11, 200, 3, true),
      heading5: heading(11, 160, 4),
      heading6: heading(10, 160, 5, true),
      // Body text is justified wherever it stands (the model's default for body paragraphs).
      listParagraph: { paragraph: { alignment: alignment('justify', doc.direction), spacing: { after: 60 } } },
      footnoteText: {
        run: { ...size(9) },
        paragraph: { alignment: alignment('justify', doc.direction), spacing: { after: 0, ...lines(240) } },
      },
    },
    paragraphStyles: [
      {
        // The entries of a table of contents (Word's TOC 1): right to left in a right-to-left document.
        id: 'TOC1',
        name: 'toc 1',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { spacing: { after: 60 }, ...(doc.direction === 'rtl' ? { bidirectional: true } : {}) },
        ...(doc.direction === 'rtl' ? { run: { rightToLeft: true } } : {}),
      },
      {
        id: PARAGRAPH_STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: PARAGRAPH_STYLE.body,
        quickFormat: true,
        run: { ...size(14), color: MUTED_COLOR },
        paragraph: { keepNext: true, spacing: { after: 240 } },
      },
      {
        id: PARAGRAPH_STYLE.body,
        name: 'Body Text',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { alignment: alignment('justify', doc.direction) },
      },
      {
        id: PARAGRAPH_STYLE.meta,
        name: 'Meta',
        basedOn: 'Normal',
        quickFormat: true,
        run: { ...size(9.5), color: MUTED_COLOR },
        paragraph: { spacing: { after: 40, ...lines(240) } },
      },
      {
        id: PARAGRAPH_STYLE.signature,
        name: 'Signature',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { keepLines: true, keepNext: true, spacing: { after: 0 } },
      },
      {
        id: PARAGRAPH_STYLE.quote,
        name: 'Quote',
        basedOn: PARAGRAPH_STYLE.body,
        quickFormat: true,
        run: { color: MUTED_COLOR },
        paragraph: {
          indent: startIndent(QUOTE_INDENT, doc.direction),
          border: { [startSide(doc.direction)]: { style: BorderStyle.SINGLE, size: 18, color: 'A6A6A6', space: 8 } },
        },
      },
      {
        id: PARAGRAPH_STYLE.code,
        name: 'Source Code',
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: { ascii: doc.fonts.mono, hAnsi: doc.fonts.mono }, ...size(9) },
        paragraph: {
          alignment: AlignmentType.LEFT, // code reads left to right in every document
          spacing: { after: 120, ...lines(240) },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' },
        },
      },
      {
        id: PARAGRAPH_STYLE.compact,
        name: 'Compact',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { before: 40, after: 40, ...lines(240) } },
      },
      {
        // A signature block's cells (organisation, name, title): as small as the PDF's table
        // cells, so that the names keep to one line under each organisation.
        id: PARAGRAPH_STYLE.signatory,
        name: 'Signatory',
        basedOn: PARAGRAPH_STYLE.compact,
        quickFormat: true,
        run: { size: 19, sizeComplexScript: 21 },
        paragraph: { spacing: { before: 20, after: 20, ...lines(doc.direction === 'rtl' ? 216 : 240) } },
      },
      {
        id: PARAGRAPH_STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        run: { ...size(9), color: MUTED_COLOR },
        paragraph: { alignment: alignment('end', doc.direction), spacing: { after: 0, ...lines(240) } },
      },
      {
        id: PARAGRAPH_STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { ...size(9), color: MUTED_COLOR },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0, ...lines(240) } },
      },
    ],
    characterStyles: [
      {
        id: CHARACTER_STYLE.code,
        name: 'Verbatim Char',
        basedOn: 'DefaultParagraphFont',
        run: { font: { ascii: doc.fonts.mono, hAnsi: doc.fonts.mono } },
      },
    ],
  };
}
