/**
 * The core properties part (`docProps/core.xml`, ECMA-376 Part 2 §11) written from the
 * model's metadata. docx writes this part with the current time; folio writes it
 * itself, with the document's fixed date, so that the output is reproducible.
 */
import type { DocumentMetadata } from '../../document/model.js';

/** W3CDTF date-time (UTC, whole seconds), as `dcterms:created` wants. */
export function w3cdtf(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('DocumentMetadata.date is not a valid date (this is a bug: the model builder should have rejected it)');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function corePropertiesXml(meta: DocumentMetadata): string {
  const element = (name: string, value: string | undefined): string =>
    value === undefined || value === '' ? '' : `<${name}>${escapeXml(value)}</${name}>`;
  const date = w3cdtf(meta.date);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', meta.title) +
    element('dc:subject', meta.subject) +
    element('dc:creator', meta.author) +
    element('cp:keywords', meta.keywords?.join(', ')) +
    element('dc:language', meta.lang) +
    element('cp:lastModifiedBy', meta.author) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
