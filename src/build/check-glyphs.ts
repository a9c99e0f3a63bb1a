/**
 * No character may vanish or print as an empty box: every character of a document must be
 * drawable by a font of the stack for its style. Checked on the model, before rendering,
 * so that PDF-only and DOCX-only builds fail alike.
 */
import type { Block, DocumentModel, Inline } from '../document/model.js';
import { diagnostic, type Diagnostic, type SourcePlace } from '../diagnostics/diagnostic.js';
import type { FontLibrary } from '../text/fonts.js';
import type { FontFace } from '../text/font-face.js';
import type { TextStyle } from '../text/style.js';
import { isInvisibleControl, scriptOf } from '../text/index.js';

const BASE: TextStyle = { family: 'serif', bold: false, italic: false, size: 10 };

/** `used`, when given, collects the faces that draw the document's characters (its fonts, for the manifest). */
export function checkGlyphs(model: DocumentModel, fonts: FontLibrary, documentPath: string, used?: Set<FontFace>,
  /** Where a character is written in the kit's data (a configuration value), when a template printed it. */
  placeInData?: (ch: string) => SourcePlace | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const checkText = (text: string, style: TextStyle, place: SourcePlace | undefined) => {
    let offset = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      offset += ch.length;
      if (cp <= 0x20 || cp === 0x7f || isInvisibleControl(cp)) continue;
      const face = fonts.faceFor(style, cp, scriptOf(cp));
      if (face) { used?.add(face); continue; }
      const printed: SourcePlace = place ?? { file: model.origin, line: 1, column: 1 };
      // A character a template printed from a data value is reported where the value is written.
      const inData = printed.file.startsWith('templates/') || printed.file.startsWith('folio:templates/') || printed.file.startsWith('src/') ? placeInData?.(ch) : undefined;
      const at: SourcePlace = inData ?? printed;
      const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      const key = `${at.file}:${at.line}:${code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(diagnostic({ file: at.file, line: at.line, column: inData ? at.column : at.column + (text.includes('\n') ? 0 : offset - ch.length) }, 'error', 'font/missing-glyph',
        `${code} "${ch}" cannot be drawn by any configured font (${style.family}${style.bold ? ' bold' : ''}${style.italic ? ' italic' : ''}) in ${documentPath} [language ${model.meta.lang}]: remove or replace the character, or configure a font that has it.`));
    }
  };
  const inlines = (list: Inline[], style: TextStyle, place?: SourcePlace) => {
    for (const node of list) {
      if (node.type === 'text') checkText(node.value, style, node.place ?? place);
      else if (node.type === 'code') checkText(node.value, { ...style, family: 'mono' }, node.place ?? place);
      else if (node.type === 'emphasis') inlines(node.children, { ...style, italic: !style.italic }, place);
      else if (node.type === 'strong') inlines(node.children, { ...style, bold: true }, place);
      else if (node.type === 'link') inlines(node.children, style, place);
    }
  };
  const blocks = (list: Block[]) => {
    for (const block of list) {
      switch (block.type) {
        case 'paragraph': inlines(block.children, block.role === 'title' ? { ...BASE, family: 'sans', bold: true } : BASE, block.place); break;
        case 'heading': inlines(block.children, { ...BASE, family: 'sans', bold: true }, block.place); break;
        case 'list': block.items.forEach(blocks); break;
        case 'blockquote': blocks(block.children); break;
        case 'table':
          block.header.forEach((c) => inlines(c, { ...BASE, family: 'sans', bold: true }, block.place));
          block.rows.forEach((r) => r.forEach((c) => inlines(c, BASE, block.place)));
          break;
        case 'code': checkText(block.value, { ...BASE, family: 'mono' }, block.place); break;
        case 'image': checkText(block.alt, BASE, block.place); break;
        case 'letterhead': block.logos.forEach((logo) => checkText(logo.alt, BASE, logo.place)); break;
        default: break;
      }
    }
  };
  blocks(model.blocks);
  for (const note of model.footnotes) blocks(note.children);
  checkText(model.header, { ...BASE, family: 'sans' }, { file: model.origin, line: 1, column: 1 });
  return out;
}
