/**
 * ISO 3166-1 alpha-2: the 249 officially assigned country codes (ISO 3166
 * Maintenance Agency, "officially assigned code elements"). User-assigned codes
 * such as XK and reserved codes such as UK or EL are not in it.
 */
export const ISO_3166_ALPHA_2: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ ' +
    'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
    'DE DJ DK DM DO DZ ' +
    'EC EE EG EH ER ES ET ' +
    'FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY ' +
    'HK HM HN HR HT HU ' +
    'ID IE IL IM IN IO IQ IR IS IT ' +
    'JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ ' +
    'LA LB LC LI LK LR LS LT LU LV LY ' +
    'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ ' +
    'NA NC NE NF NG NI NL NO NP NR NU NZ ' +
    'OM ' +
    'PA PE PF PG PH PK PL PM PN PR PS PT PW PY ' +
    'QA ' +
    'RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ ' +
    'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ ' +
    'VA VC VE VG VI VN VU ' +
    'WF WS ' +
    'YE YT ' +
    'ZA ZM ZW'
  ).split(' '),
);

/**
 * Codes in common use that ISO 3166-1 does not assign, and the assigned code:
 * the EU writes EL for Greece and UK for the United Kingdom.
 */
const CODE_MISTAKES: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };

export function isCountryCode(code: string): boolean {
  return ISO_3166_ALPHA_2.has(code);
}

/**
 * The assigned code the user probably meant: the same code in capitals, the ISO
 * code for an EU-style code, or the code whose English name is the country's name.
 */
export function suggestCountryCode(code: string, name: string | undefined): string | undefined {
  const upper = code.trim().toUpperCase();
  if (ISO_3166_ALPHA_2.has(upper)) return upper;
  const mistake = CODE_MISTAKES[upper];
  if (mistake) return mistake;
  if (name !== undefined) return codeForName(name);
  return undefined;
}

let namesToCodes: Map<string, string> | undefined;

/** Looks a country name up in the English region names Node ships with (ICU/CLDR). */
function codeForName(name: string): string | undefined {
  if (!namesToCodes) {
    namesToCodes = new Map();
    try {
      const regions = new Intl.DisplayNames(['en'], { type: 'region' });
      for (const code of ISO_3166_ALPHA_2) {
        const regionName = regions.of(code);
        if (regionName && regionName !== code) namesToCodes.set(regionName.toLowerCase(), code);
      }
    } catch {
      // Node built without ICU region names: no suggestion by name.
    }
  }
  return namesToCodes.get(name.trim().toLowerCase());
}
