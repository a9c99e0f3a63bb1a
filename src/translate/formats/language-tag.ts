/**
 * Language tags as tools write them (`en-us`, `FR-CA`, `pt_BR`) in the case BCP 47 recommends
 * (RFC 5646 §2.1.1): language lowercase, script titlecase, region uppercase. Readers keep
 * tags as written (a TMX `variants` key is the file's own `xml:lang`); compare them through
 * this form.
 */
export function normaliseLanguageTag(tag: string): string {
  let privateUse = false;
  return tag
    .trim()
    .split(/[-_]/)
    .map((subtag, index) => {
      if (subtag.toLowerCase() === 'x') privateUse = true;
      if (index === 0 || privateUse) return subtag.toLowerCase();
      if (/^[A-Za-z]{2}$|^\d{3}$/.test(subtag)) return subtag.toUpperCase();
      if (/^[A-Za-z]{4}$/.test(subtag)) return subtag[0]!.toUpperCase() + subtag.slice(1).toLowerCase();
      return subtag.toLowerCase();
    })
    .join('-');
}

/** Whether two tags name the same language, region and script, whatever their case. */
export function sameLanguageTag(a: string, b: string): boolean {
  return normaliseLanguageTag(a) === normaliseLanguageTag(b);
}
