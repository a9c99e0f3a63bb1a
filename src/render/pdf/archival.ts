/**
 * What makes a tagged PDF declare itself PDF/UA-1 and PDF/A-2 (ISO 14289-1 §5, 6.7 of ISO
 * 19005-2): XMP metadata matching the document information dictionary (title, author,
 * subject, keywords, tools, dates) with `pdfuaid:part` and `pdfaid:part`/`conformance`, and the
 * PDF/A extension schema that declares `pdfuaid`; an sRGB output intent; a trailer ID. The ID and
 * the dates come from the document (its configuration date, or SOURCE_DATE_EPOCH): the same
 * inputs give the same bytes.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { srgbProfile } from './srgb-icc.js';
import type { DrawItem } from './boxes.js';

export { PDF_STANDARDS, type PdfStandard } from '../../build/kinds.js';

export const CREATOR = 'folio';
export const PRODUCER = 'folio (pdf-lib)';

const xml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** XMP (ISO 16684-1) for the document, as PDF/A and PDF/UA read it. */
export function xmpPacket(meta: DocumentInfo): string {
  const date = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"',
    ' xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"',
    ' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"',
    ' xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(meta.title)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    ...(meta.subject ? [`<dc:description>${alt(meta.subject)}</dc:description>`] : []),
    `<dc:language><rdf:Bag><rdf:li>${xml(meta.lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${CREATOR}</xmp:CreatorTool>`,
    `<pdf:Producer>${xml(PRODUCER)}</pdf:Producer>`,
    ...(meta.keywords?.length ? [`<pdf:Keywords>${xml(meta.keywords.join(' '))}</pdf:Keywords>`] : []),
    '<pdfaid:part>2</pdfaid:part>',
    '<pdfaid:conformance>B</pdfaid:conformance>',
    '<pdfuaid:part>1</pdfuaid:part>',
    // PDF/A-2 accepts only schemas it knows or that the file declares: pdfuaid is declared here (ISO 14289-1 §5).
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
    '<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>',
    '<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>',
    '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>',
    '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
    '<pdfaProperty:name>part</pdfaProperty:name>',
    '<pdfaProperty:valueType>Integer</pdfaProperty:valueType>',
    '<pdfaProperty:category>internal</pdfaProperty:category>',
    '<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>',
    '</rdf:li></rdf:Seq></pdfaSchema:property>',
    '</rdf:li></rdf:Bag></pdfaExtension:schemas>',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/**
 * The catalog's Metadata stream (not filtered, so that it can be read without a PDF parser),
 * the sRGB output intent, and a trailer ID made from what identifies the document.
 */
export function declareArchival(doc: PDFDocument, meta: DocumentInfo, identity: unknown): void {
  const context = doc.context;
  const metadata = context.stream(new TextEncoder().encode(xmpPacket(meta)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), context.register(metadata));
  const profile = context.flateStream(srgbProfile(), { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(profile),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
  const id = createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32);
  context.trailerInfo.ID = PDFArray.withContext(context);
  (context.trailerInfo.ID as PDFArray).push(PDFHexString.of(id));
  (context.trailerInfo.ID as PDFArray).push(PDFHexString.of(id));
}

/** What a document shows, in short, for its ID: its glyphs line by line (two letters to two people differ here). */
export function contentIdentity(pages: readonly { items: readonly DrawItem[] }[]): string {
  return pages.map((p) => p.items.map((i) => (i.type === 'line' ? i.line.glyphs.map((g) => g.glyphId).join(',') : i.type)).join(';')).join('|');
}

/** The document's information in what XML can carry and keeps as is: no control characters, a CR read as LF. */
function infoText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

export interface DocumentInfo { title: string; author: string; subject?: string; keywords?: string[]; lang: string; date: Date }

/**
 * The information dictionary (title shown by viewers, author, subject, keywords, language,
 * tools, dates), in text XMP carries alike (PDF/A-2 6.6.2.3: the two agree); the cleaned
 * information, for the XMP.
 */
export function writeInfo<M extends DocumentInfo>(doc: PDFDocument, meta: M): M {
  const clean: M = {
    ...meta,
    title: infoText(meta.title),
    author: infoText(meta.author),
    ...(meta.subject !== undefined ? { subject: infoText(meta.subject) } : {}),
    ...(meta.keywords ? { keywords: meta.keywords.map(infoText) } : {}),
  };
  doc.setTitle(clean.title, { showInWindowTitleBar: true });
  doc.setAuthor(clean.author);
  if (clean.subject) doc.setSubject(clean.subject);
  if (clean.keywords) doc.setKeywords(clean.keywords);
  doc.setLanguage(meta.lang);
  doc.setCreator(CREATOR);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  return clean;
}
