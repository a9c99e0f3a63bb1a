/** The configuration's font choices → the text engine's stacks and the DOCX font names. */
import type { EmbeddedFace } from '../render/docx/font-table.js';
import type { FontConfig } from '../config/types.js';
import type { FontLibrary, FontStacks } from '../text/fonts.js';
import type { DocxFonts } from '../render/docx/fonts.js';

export function fontStacks(config: FontConfig | undefined): Partial<FontStacks> {
  if (!config) return {};
  const latin: Partial<FontStacks['latin']> = {};
  if (config.serif) latin.serif = config.serif;
  if (config.sans) latin.sans = config.sans;
  if (config.mono) latin.mono = config.mono;
  return {
    ...(Object.keys(latin).length ? { latin: latin as FontStacks['latin'] } : {}),
    ...(config.arabic ? { arabic: config.arabic } : {}),
    ...(config.hebrew ? { hebrew: config.hebrew } : {}),
  };
}

/** The family names Word and LibreOffice should use: those of the faces the PDFs embed. */
export function docxFonts(fonts: FontLibrary): DocxFonts {
  const family = (style: 'serif' | 'mono', script: string) =>
    fonts.primaryFace({ family: style, bold: false, italic: false }, script).fontkit.familyName;
  return { latin: family('serif', 'Latn'), arabic: family('serif', 'Arab'), hebrew: family('serif', 'Hebr'), mono: family('mono', 'Latn') };
}

/**
 * The faces a DOCX embeds (regular and bold of its Latin and Arabic fonts, the faces the PDFs
 * use), so that it prints in them where they are not installed; Arabic faces only in documents
 * with Arabic text (render-docx subsets each to the document's characters).
 */
export function docxEmbeddedFaces(fonts: FontLibrary, names: DocxFonts): EmbeddedFace[] {
  const face = (script: string, bold: boolean) => fonts.primaryFace({ family: 'serif', bold, italic: false }, script);
  return [
    { name: names.latin, style: 'Regular', bytes: face('Latn', false).bytes },
    { name: names.latin, style: 'Bold', bytes: face('Latn', true).bytes },
    { name: names.arabic, style: 'Regular', bytes: face('Arab', false).bytes, script: 'arabic' },
    { name: names.arabic, style: 'Bold', bytes: face('Arab', true).bytes, script: 'arabic' },
  ];
}
