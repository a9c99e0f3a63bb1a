/**
 * No character may vanish or print as an empty box: every character of a document must be
 * drawable by a font of the stack for its style. Checked on the model, before rendering,
 * so that PDF-only and DOCX-only builds fail alike.
 */
import type { Block, DocumentModel, Inline } from '../document/model.js';
import { diagnostic, type Diagnostic, type SourcePlace } from '../diagnostics/diagnostic.js';
import type { FontLibrary } from '../text/fonts.js';
import type { TextStyle } from '../text/style.js';

/** Characters that draw nothing and need no glyph (UAX #9 controls, joiners, soft hyphen). */
export function isInvisible(cp: number): boolean {
  return (
    cp < 0x20 || cp === 0x7f || cp === 0xad || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x200e || cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

export function scriptOf(cp: number): string {
  if ((cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return 'Arab';
  if ((cp >= 0x0590 && cp <= 0x05ff) || (cp >= 0xfb1d && cp <= 0xfb4f)) return 'Hebr';
  if (cp >= 0x0370 && cp <= 0x03ff) return 'Grek';
  if (cp >= 0x0400 && cp <= 0x04ff) return 'Cyrl';
  return 'Latn';
}

const BASE: TextStyle = { family: 'serif', bold: false, italic: false, size: 10 };

export function checkGlyphs(model: DocumentModel, fonts: FontLibrary, documentPath: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const checkText = (text: string, style: TextStyle, place: SourcePlace | undefined) => {
    let offset = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      offset += ch.length;
      if (cp === 0x20 || cp === 0x0a || isInvisible(cp)) continue;
      if (fonts.faceFor(style, cp, scriptOf(cp))) continue;
      const at: SourcePlace = place ?? { file: model.origin, line: 1, column: 1 };
      const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      const key = `${at.file}:${at.line}:${code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(diagnostic({ file: at.file, line: at.line, column: at.column + (text.includes('\n') ? 0 : offset - ch.length) }, 'error', 'font/missing-glyph',
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
        default: break;
      }
    }
  };
  blocks(model.blocks);
  for (const note of model.footnotes) blocks(note.children);
  checkText(model.header, { ...BASE, family: 'sans' }, { file: model.origin, line: 1, column: 1 });
  return out;
}
