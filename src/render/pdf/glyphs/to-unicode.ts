/**
 * ToUnicode CMaps (PDF 32000-1:2008 §9.10.3; Adobe TN 5411), so text copied
 * or extracted from the PDF is the logical text, ligatures and all.
 */

/** Hex of a string as UTF-16BE code units (surrogate pairs included). */
export function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return out;
}

/**
 * A CMap mapping 2-byte codes (CIDs, Identity-H) to text. Codes whose text is
 * empty are left out. `bfchar` blocks hold at most 100 entries each.
 */
export function buildToUnicodeCMap(texts: readonly string[]): string {
  const entries: string[] = [];
  for (let cid = 0; cid < texts.length; cid++) {
    const t = texts[cid];
    if (t) entries.push(`<${cid.toString(16).padStart(4, '0').toUpperCase()}> <${utf16Hex(t)}>`);
  }
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
