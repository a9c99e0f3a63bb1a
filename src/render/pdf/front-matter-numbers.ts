/**
 * Numbers of front-matter pages: lower-case roman numerals (i, ii, iii) in Latin-script
 * documents; in Arabic-script documents the abjad numerals (أ، ب، ج، د، هـ …: letters in
 * their abjad values, hundreds, tens and units in that order), as Arabic books number their
 * front matter.
 */
import { languageScript } from '../../config/languages.js';

export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, letters] of table) while (n >= value) { out += letters; n -= value; }
  return out;
}

const UNITS = ['', 'أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط'];
const TENS = ['', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص'];
const HUNDREDS = ['', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ'];

/** 1 → أ, 5 → هـ, 11 → يا, 42 → مب; 1000 and more: غ per thousand. */
export function abjad(n: number): string {
  if (!Number.isInteger(n) || n < 1) return String(n);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const higher = 'غ'.repeat(thousands) + HUNDREDS[Math.floor(rest / 100)]! + TENS[Math.floor((rest % 100) / 10)]!;
  // One alone is أ (as lists letter their items: أ، ب، ج); inside a numeral it is the bare alif (يا = 11).
  const units = higher !== '' && rest % 10 === 1 ? 'ا' : UNITS[rest % 10]!;
  return higher + units;
}

/** Whether a language is written in Arabic script (its front matter takes abjad numerals). */
export function arabicScript(lang: string): boolean {
  return languageScript(lang) === 'Arab';
}

/** The label of front-matter page `n` in `lang`. */
export function frontMatterNumber(n: number, lang: string): string {
  return arabicScript(lang) ? abjad(n) : roman(n);
}
