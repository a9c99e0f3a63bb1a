/**
 * The font table (`word/fontTable.xml`, ECMA-376 §17.8.3): for each font the document names,
 * its kind (roman, swiss, modern), pitch, character set and a usual alternative. Where the font
 * is not installed, Word and LibreOffice substitute one of the same kind — a serif for Noto Serif
 * (narrow like it), not the wide sans they fall back to for an unknown name, which made the
 * French letters run onto a second page in LibreOffice.
 */
import { createHash } from 'node:crypto';
import type { DocxFonts } from './fonts.js';
import { readPart, writePart, type Parts } from './parts.js';

/** A face embedded in the DOCX (ECMA-376 §17.8.1: an obfuscated font part), already subset. */
export interface EmbeddedFace {
  /** The font name the document uses, e.g. `Noto Serif`. */
  name: string;
  style: 'Regular' | 'Bold';
  bytes: Uint8Array;
  /** A face of this script is embedded only in documents that print it. */
  script?: 'arabic';
}

interface FontEntry { name: string; family: 'roman' | 'swiss' | 'modern'; pitch: 'variable' | 'fixed'; charset: string; altName: string }

function entry(name: string, script: 'latin' | 'arabic' | 'hebrew' | 'mono'): FontEntry {
  const mono = script === 'mono' || /\bmono\b/i.test(name);
  const sans = !mono && /\bsans\b/i.test(name);
  const family = mono ? 'modern' : sans ? 'swiss' : 'roman';
  const charset = script === 'arabic' ? 'B2' : script === 'hebrew' ? 'B1' : '00';
  const altName = mono ? 'Courier New' : script === 'arabic' ? 'Times New Roman' : sans ? 'Arial' : 'Times New Roman';
  return { name, family, pitch: mono ? 'fixed' : 'variable', charset, altName };
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function fontTableXml(fonts: DocxFonts, embedded: ReadonlyMap<string, string> = new Map()): string {
  const seen = new Set<string>();
  const entries = ([['latin', fonts.latin], ['arabic', fonts.arabic], ['hebrew', fonts.hebrew], ['mono', fonts.mono]] as const)
    .filter(([, name]) => !seen.has(name) && seen.add(name))
    .map(([script, name]) => entry(name, script));
  const body = entries.map((f) => `<w:font w:name="${escape(f.name)}"><w:altName w:val="${escape(f.altName)}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>${embedded.get(f.name) ?? ''}</w:font>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${body}</w:fonts>`;
}

/**
 * Writes the font table, and embeds `faces`: each as `word/fonts/fontN.odttf`, its first 32
 * bytes XORed with its key (a GUID derived from the face, so the same face gives the same
 * bytes), related from the font table and declared in the content types.
 */
export function writeFontTable(fonts: DocxFonts, faces: readonly EmbeddedFace[] = []): (parts: Parts) => void {
  return (parts) => {
    const embedded = new Map<string, string>();
    const rels: string[] = [];
    faces.forEach((face, i) => {
      const guid = guidOf(face);
      const file = `font${i + 1}.odttf`;
      parts.set(`word/fonts/${file}`, obfuscate(face.bytes, guid));
      rels.push(`<Relationship Id="rIdFont${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="fonts/${file}"/>`);
      const tag = `<w:embed${face.style} r:id="rIdFont${i + 1}" w:fontKey="{${guid}}" w:subsetted="1"/>`;
      embedded.set(face.name, (embedded.get(face.name) ?? '') + tag);
    });
    writePart(parts, 'word/fontTable.xml', fontTableXml(fonts, embedded));
    if (faces.length === 0) return;
    writePart(parts, 'word/_rels/fontTable.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
    const types = readPart(parts, '[Content_Types].xml') ?? '';
    if (!types.includes('Extension="odttf"')) {
      writePart(parts, '[Content_Types].xml', types.replace('<Default ', '<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/><Default '));
    }
    const settings = readPart(parts, 'word/settings.xml');
    if (settings && !settings.includes('<w:embedTrueTypeFonts')) {
      writePart(parts, 'word/settings.xml', settings.replace(/(<w:settings\b[^>]*>)/, '$1<w:embedTrueTypeFonts/><w:saveSubsetFonts/>'));
    }
  };
}

/** A GUID (upper-case hex, 8-4-4-4-12) derived from the face's name, style and bytes. */
function guidOf(face: EmbeddedFace): string {
  const h = createHash('sha256').update(face.name).update(face.style).update(face.bytes).digest('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Font obfuscation (ECMA-376 Part 1 §17.8.1): the key is the GUID's 16 bytes read from its
 * last hex pair to its first; the font's first 32 bytes are XORed with it, twice over.
 */
export function obfuscate(bytes: Uint8Array, guid: string): Uint8Array {
  const hex = guid.replace(/[{}-]/g, '');
  const key: number[] = [];
  for (let i = 30; i >= 0; i -= 2) key.push(parseInt(hex.slice(i, i + 2), 16));
  const out = bytes.slice();
  for (let i = 0; i < 32 && i < out.length; i++) out[i] = out[i]! ^ key[i % 16]!;
  return out;
}
