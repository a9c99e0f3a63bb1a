/**
 * Marks the document's sections right to left (`w:sectPr/w:bidi`, ECMA-376 §17.6.1),
 * which docx has no option for. It goes after `w:textDirection` and before
 * `w:rtlGutter`/`w:docGrid` (CT_SectPr sequence).
 */
import { readPart, writePart, type Parts } from './parts.js';

const AFTER_BIDI = ['w:rtlGutter', 'w:docGrid', 'w:printerSettings', 'w:sectPrChange'];

export function markSectionsRightToLeft(parts: Parts, path = 'word/document.xml'): void {
  const xml = readPart(parts, path);
  if (xml === undefined) return;
  const out = xml.replace(/<w:sectPr\b[^>]*>([\s\S]*?)<\/w:sectPr>/g, (section: string, body: string) => {
    if (/<w:bidi\b/.test(body)) return section;
    const positions = AFTER_BIDI.map((name) => section.indexOf(`<${name}`)).filter((i) => i >= 0);
    const at = positions.length > 0 ? Math.min(...positions) : section.lastIndexOf('</w:sectPr>');
    return `${section.slice(0, at)}<w:bidi/>${section.slice(at)}`;
  });
  writePart(parts, path, out);
}
