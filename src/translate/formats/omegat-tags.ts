/**
 * Segments as OmegaT shows them, for a TMX OmegaT reads from its tm/ folder: each inline code is
 * OmegaT's own tag, written as text (`<f0>entrepreneurial initiative</f0>`, `<c3/>`), as in the
 * project_save.tmx OmegaT writes. OmegaT names the codes of an XLIFF file so (seen with
 * `--mode=console-createpseudotranslatetmx` on folio's XLIFF 1.2, Debian's OmegaT 3.6): the
 * first letter of the code's markup, lowercased (`f` when it has none: `**`, `[`), and the
 * number of the code in the segment, from 0, a pair counting once; codes at the very start or end
 * of the segment are left out (OmegaT keeps them out of the segment it matches). With codes named
 * otherwise (TMX `bpt`/`ept`), OmegaT finds no exact match for a segment with codes inside it.
 */
import type { Content, InlineCode } from '../content.js';
import { escapeText } from './xml-writer.js';

const key = (code: InlineCode) => `${code.kind === 'close' ? 'open' : code.kind}:${code.id}`;

/** OmegaT's tag name of each code of the source (by kind and id; a pair shares one). */
export function omegatNames(source: Content): Map<string, string> {
  const names = new Map<string, string>();
  let n = 0;
  for (const part of source) {
    if (typeof part === 'string' || part.kind === 'close') continue;
    const k = key(part);
    if (names.has(k)) continue;
    const letter = /[A-Za-z]/.exec(part.data)?.[0]?.toLowerCase() ?? 'f';
    names.set(k, `${letter}${n++}`);
  }
  return names;
}

/** The codes OmegaT leaves out of the source segment: standalone codes at its ends, pairs around all of it. */
export function edgeCodes(source: Content): Set<string> {
  const parts = [...source];
  const out = new Set<string>();
  const blank = (p: Content[number] | undefined) => typeof p === 'string' && p.trim() === '';
  for (;;) {
    while (blank(parts[0])) parts.shift();
    while (blank(parts[parts.length - 1])) parts.pop();
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (first !== undefined && typeof first !== 'string' && first.kind === 'standalone') { out.add(key(first)); parts.shift(); continue; }
    if (last !== undefined && typeof last !== 'string' && last.kind === 'standalone') { out.add(key(last)); parts.pop(); continue; }
    if (first !== undefined && last !== undefined && typeof first !== 'string' && typeof last !== 'string' && first.kind === 'open' && last.kind === 'close' && first.id === last.id) {
      out.add(key(first)); parts.shift(); parts.pop(); continue;
    }
    return out;
  }
}

/**
 * A segment's content as the text of a TMX `<seg>` in OmegaT's tags (XML-escaped). The source
 * is trimmed where codes were left out at its ends (OmegaT matches the trimmed segment); a
 * translation keeps its spaces (OmegaT puts the codes back around it as it is).
 */
export function omegatSegment(content: Content, names: ReadonlyMap<string, string>, leftOut: ReadonlySet<string>, isSource: boolean): string {
  let out = '';
  let dropped = false;
  for (const part of content) {
    if (typeof part === 'string') { out += escapeText(part); continue; }
    const k = key(part);
    if (leftOut.has(k)) { dropped = true; continue; }
    const name = names.get(k);
    // A code the source does not have (a translation's own): its markup, as text.
    if (name === undefined) { out += escapeText(part.data); continue; }
    out += escapeText(part.kind === 'open' ? `<${name}>` : part.kind === 'close' ? `</${name}>` : `<${name}/>`);
  }
  return dropped && isSource ? out.trim() : out;
}
