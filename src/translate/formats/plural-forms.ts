/**
 * The `Plural-Forms` header of a PO store, for gettext's tools (msgfmt, msgmerge, Poedit and
 * Weblate show and check it). folio's messages choose their plural forms themselves (ICU
 * `{n, plural, …}`, CLDR's rules), so the header must sort numbers as CLDR does.
 *
 * From node-gettext's table (136 languages, after gettext's plural table), its JavaScript
 * expressions written back in gettext's C syntax, when the table's rule sorts the whole numbers
 * 0–1200 into the same classes as CLDR (Intl.PluralRules); else the first of gettext's common
 * rules that does (Turkish, for one, is `n > 1` in the table and `n != 1` in CLDR); else none.
 */
import plurals from 'node-gettext/lib/plurals.js';

const COMMON: { nplurals: number; plural: string; index: (n: number) => number }[] = [
  { nplurals: 2, plural: '(n != 1)', index: (n) => (n !== 1 ? 1 : 0) },
  { nplurals: 2, plural: '(n > 1)', index: (n) => (n > 1 ? 1 : 0) },
  { nplurals: 1, plural: '0', index: () => 0 },
  { nplurals: 3, plural: '(n == 1 ? 0 : n == 2 ? 1 : 2)', index: (n) => (n === 1 ? 0 : n === 2 ? 1 : 2) },
];

const known = new Map<string, string | undefined>();

/** `nplurals=N; plural=EXPR;` for a BCP 47 tag (its language alone when the region is not listed), or undefined. */
export function pluralForms(tag: string): string | undefined {
  if (!known.has(tag)) known.set(tag, find(tag));
  return known.get(tag);
}

function find(tag: string): string | undefined {
  let rules: Intl.PluralRules;
  const [language, region] = tag.toLowerCase().split(/[-_]/);
  try {
    rules = new Intl.PluralRules(tag);
  } catch {
    return undefined;
  }
  // A language CLDR does not know falls back to the runtime's default: no rules of its own.
  if (rules.resolvedOptions().locale.toLowerCase().split('-')[0] !== language) return undefined;
  const entry = (region ? plurals[`${language}_${region.toUpperCase()}`] : undefined) ?? plurals[language ?? ''];
  if (entry && sortsLikeCldr(entry.pluralsFunc, entry.nplurals, rules)) {
    const match = /^nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$/.exec(entry.pluralsText);
    const expression = match?.[2]!.replace(/===/g, '==').replace(/!==/g, '!=');
    // Nothing but n, numbers, C operators and parentheses: the table is data, copied, never run.
    if (match && expression && /^[n0-9\s()?:<>=!&|%]+$/.test(expression)) return `nplurals=${match[1]}; plural=${expression};`;
  }
  const common = COMMON.find((c) => sortsLikeCldr(c.index, c.nplurals, rules));
  return common && `nplurals=${common.nplurals}; plural=${common.plural};`;
}

/** Whether `index` puts the whole numbers 0–1200 in the classes CLDR puts them in, one index per category. */
function sortsLikeCldr(index: (n: number) => number, nplurals: number, rules: Intl.PluralRules): boolean {
  const categoryOf = new Map<number, string>();
  const indexOf = new Map<string, number>();
  for (let n = 0; n <= 1200; n++) {
    const i = Number(index(n));
    const category = rules.select(n);
    if (!(i >= 0 && i < nplurals)) return false;
    if ((categoryOf.get(i) ?? category) !== category || (indexOf.get(category) ?? i) !== i) return false;
    categoryOf.set(i, category);
    indexOf.set(category, i);
  }
  return true;
}
