/**
 * Bidi_Class values (UAX #9 §3.2, Table 4) as bit flags, from bidi-js's
 * character data, and the bracket pairs of BD16.
 */
import bidiFactory from 'bidi-js';

/** The parts of bidi-js the level resolver reads that its declarations leave out. */
interface BidiData {
  /** The Bidi_Class of a UTF-16 code unit, as one bit. */
  getBidiCharType(char: string): number;
  openingToClosingBracket(char: string): string | null;
  closingToOpeningBracket(char: string): string | null;
  getCanonicalBracket(char: string): string | null;
}

const data = bidiFactory() as unknown as BidiData;

/** The flag of one class, read off a character of that class. */
function classOf(char: string): number {
  return data.getBidiCharType(char);
}

export const L = classOf('a');
export const R = classOf('\u05d0');
export const AL = classOf('\u0627');
export const EN = classOf('1');
export const ES = classOf('+');
export const ET = classOf('%');
export const AN = classOf('\u0660');
export const CS = classOf(',');
export const NSM = classOf('\u0301');
export const BN = classOf('\u200b');
export const B = classOf('\u2029');
export const S = classOf('\u001f');
export const WS = classOf(' ');
export const ON = classOf('!');
export const LRE = classOf('\u202a');
export const RLE = classOf('\u202b');
export const PDF = classOf('\u202c');
export const LRO = classOf('\u202d');
export const RLO = classOf('\u202e');
export const LRI = classOf('\u2066');
export const RLI = classOf('\u2067');
export const FSI = classOf('\u2068');
export const PDI = classOf('\u2069');

export const STRONG = L | R | AL;
export const ISOLATE_INITIATOR = LRI | RLI | FSI;
/** NI of UAX #9: neutrals and isolate formatting characters. */
export const NEUTRAL_OR_ISOLATE = B | S | WS | ON | ISOLATE_INITIATOR | PDI;
/** Removed by rule X9 (here kept, and skipped, as UAX #9 §5.2 allows). */
export const REMOVED_BY_X9 = BN | RLE | LRE | RLO | LRO | PDF;
/** Reset to the paragraph level before a segment separator or the end (rule L1). */
export const TRAILING = S | WS | B | ISOLATE_INITIATOR | PDI | REMOVED_BY_X9;

{
  const all = [L, R, AL, EN, ES, ET, AN, CS, NSM, BN, B, S, WS, ON, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI];
  // Guards against a bidi-js whose data no longer gives one distinct bit per class.
  if (new Set(all).size !== all.length || all.some((t) => t <= 0 || (t & (t - 1)) !== 0)) {
    throw new Error('Internal bug: bidi-js character classes are not distinct bit flags; check the bidi-js version.');
  }
}

/** The Bidi_Class flag of a UTF-16 code unit (surrogates count as L, as in bidi-js). */
export function bidiClass(unit: string): number {
  return data.getBidiCharType(unit);
}

/** The closing bracket of an opening one (Bidi_Paired_Bracket), or null. */
export const closingBracketOf = (c: string) => data.openingToClosingBracket(c);
/** The opening bracket of a closing one, or null. */
export const openingBracketOf = (c: string) => data.closingToOpeningBracket(c);
/** The canonical equivalent of a bracket (U+2329 ≡ U+3008), or null. */
export const canonicalBracketOf = (c: string) => data.getCanonicalBracket(c);
