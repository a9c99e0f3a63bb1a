/**
 * XLIFF 2 ids (of units, codes, data) are NMTOKENs (XML 1.0 §2.3: name characters only), while
 * folio's and other tools' ids may hold `/`, `#`, spaces… Such characters are written as
 * `_xHHHH_`, the escape OOXML uses (ECMA-376 Part 1, §22.9.2.19 ST_Xstring); a literal `_` that
 * would read as the start of an escape is itself escaped (`_x005F_`). Ids that are already
 * NMTOKENs, as folio's digits are, are written unchanged.
 */

const NAME_CHAR =
  /[-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]/u;

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function encodeNmtoken(id: string): string {
  let out = '';
  for (let i = 0; i < id.length; ) {
    const cp = id.codePointAt(i)!;
    const char = String.fromCodePoint(cp);
    const startsEscape = char === '_' && /^_x[0-9A-Fa-f]{4}_/.test(id.slice(i));
    out += NAME_CHAR.test(char) && !startsEscape ? char : `_x${cp.toString(16).toUpperCase().padStart(4, '0')}_`;
    i += char.length;
  }
  return out;
}

export function decodeNmtoken(token: string): string {
  return token.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
