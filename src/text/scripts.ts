/**
 * Unicode Script property (UAX #24) for the scripts folio sets, as ISO 15924
 * codes (what HarfBuzz takes). `Zyyy` (Common) and `Zinh` (Inherited) take the
 * script of the text around them; see {@link resolveScripts}.
 */
import { isForcedBreak } from './controls.js';

const NAMED: [code: string, re: RegExp][] = [
  ['Latn', /\p{Script=Latin}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Zyyy', /\p{Script=Common}/u],
  ['Zinh', /\p{Script=Inherited}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Syrc', /\p{Script=Syriac}/u],
  ['Thaa', /\p{Script=Thaana}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Hira', /\p{Script=Hiragana}/u],
  ['Kana', /\p{Script=Katakana}/u],
  ['Hang', /\p{Script=Hangul}/u],
];

const ascii: string[] = [];
for (let cp = 0; cp < 128; cp++) {
  ascii.push(/[A-Za-z]/.test(String.fromCharCode(cp)) ? 'Latn' : 'Zyyy');
}
const cache = new Map<number, string>();

/** The Script property of one code point; `Zzzz` when it is none of those named above. */
export function scriptOf(cp: number): string {
  if (cp < 128) return ascii[cp]!;
  let script = cache.get(cp);
  if (script === undefined) {
    const ch = String.fromCodePoint(cp);
    script = 'Zzzz';
    for (const [code, re] of NAMED) {
      if (re.test(ch)) {
        script = code;
        break;
      }
    }
    cache.set(cp, script);
  }
  return script;
}

/** True for Common and Inherited: characters that belong to no script of their own. */
export function isNeutralScript(script: string): boolean {
  return script === 'Zyyy' || script === 'Zinh';
}

/**
 * The script each code unit is shaped as: Common and Inherited characters take
 * the script before them, or the one after them at the start of the text
 * (UAX #24 §5.2, without paired-bracket matching).
 */
export function resolveScripts(text: string): string[] {
  const out = new Array<string>(text.length);
  let current = '';
  // An isolate (LRI, RLI, FSI … PDI) and a line after a forced break are units of their own: a
  // digit that opens a Latin address line in an Arabic letter takes the Latin face of its line,
  // not the Arabic one of the line before.
  const outer: string[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const n = cp > 0xffff ? 2 : 1;
    const script = scriptOf(cp);
    if (cp >= 0x2066 && cp <= 0x2068) { outer.push(current); current = ''; }
    else if (cp === 0x2069) current = outer.pop() ?? '';
    else if (isForcedBreak(cp)) current = '';
    if (!isNeutralScript(script)) current = script;
    const value = isNeutralScript(script) ? current : script;
    out[i] = value;
    if (n === 2) out[i + 1] = value;
    i += n;
  }
  // Leading neutrals take the first real script; text with none is Common.
  let next = 'Zyyy';
  for (let i = text.length - 1; i >= 0; i--) {
    if (out[i] === '') out[i] = next;
    else next = out[i]!;
  }
  return out;
}

/** Scripts whose letters join, so a style change inside a word must keep shaping context. */
export function isJoiningScript(script: string): boolean {
  return script === 'Arab' || script === 'Syrc' || script === 'Thaa';
}
