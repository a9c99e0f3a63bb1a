import { isCountryCode, suggestCountryCode } from '../country-codes.js';
import type { CountryDraft, QuotaDraft, SeatRulesDraft } from '../draft.js';
import type { ConfigReader, Field, ListItem, Mapping } from '../reader.js';
import type { Addressee, CountryGroup } from '../types.js';
import { readLanguageList } from './languages.js';
import { peekText } from './peek.js';
import { SEAT_KIND_KEY } from './seat-rules.js';

/** The groups of the built-in seat rules (a configuration without `groups`). */
export const COUNTRY_GROUPS: readonly CountryGroup[] = ['south', 'north', 'osce'];
const SOCIAL_PARTNER_MODES = ['joint', 'separate'] as const;

/** Reads the `countries` section, one draft per item that is a mapping. */
export function readCountries(reader: ConfigReader, root: Mapping, rules?: SeatRulesDraft): CountryDraft[] | undefined {
  const items = reader.list(root, 'countries', { nonEmpty: true });
  if (!items) return undefined;
  return items.flatMap((item, index) => {
    const country = readCountry(reader, item, index, rules);
    return country ? [country] : [];
  });
}

function readCountry(reader: ConfigReader, item: ListItem, index: number, rules: SeatRulesDraft | undefined): CountryDraft | undefined {
  const label = peekText(reader.source, item.node, 'name') ?? peekText(reader.source, item.node, 'code');
  const where = item.where.about(label);
  // With declared seat rules a country without `quota` has no seats (the group's minimums still apply).
  const m = reader.mapping(item.node, where, {
    required: ['code', 'name', 'group', 'languages', 'addressee', ...(rules ? [] : ['quota'])],
    optional: rules ? ['quota'] : [],
    examples: {
      code: 'code: MA',
      name: 'name: Morocco',
      group: `group: ${rules?.groups[0]?.key ?? 'south'}`,
      languages: 'languages: [fr, ar]',
      addressee: 'addressee: { title: "…", ministry: "…", address: "…" }',
      quota: rules ? `quota: { ${rules.kinds[0]?.key ?? 'government'}: 1 }` : 'quota: { government: 3, socialPartners: 1, additional: 2 }',
    },
  });
  if (!m) return undefined;
  const name = reader.text(m, 'name')?.value;
  return {
    index,
    where,
    place: m.place,
    label: label ?? where.path,
    name,
    code: readCode(reader, m, name),
    group: readGroup(reader, m, rules),
    languages: readLanguageList(reader, m, 'languages')?.languages,
    addressee: readAddressee(reader, m),
    quota: rules ? readCounts(reader, m) : readQuota(reader, m),
  };
}

/** One of the declared groups, or of the built-in ones; unchecked when the declared groups could not be read. */
function readGroup(reader: ConfigReader, country: Mapping, rules: SeatRulesDraft | undefined): Field<string> | undefined {
  if (!rules) return reader.choice(country, 'group', COUNTRY_GROUPS, 'config/unknown-group');
  const keys = rules.groups.map((g) => g.key);
  if (keys.length === 0) return reader.text(country, 'group');
  return reader.choice(country, 'group', keys, 'config/unknown-group');
}

/** ISO 3166-1 alpha-2, in capitals (`config/country-code`). */
function readCode(reader: ConfigReader, country: Mapping, name: string | undefined): Field<string> | undefined {
  const field = reader.text(country, 'code');
  if (!field) return undefined;
  if (isCountryCode(field.value)) return field;
  const suggestion = suggestCountryCode(field.value, name);
  const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
  reader.report(field.place, 'config/country-code',
    `${field.where} is "${field.value}", which is not an ISO 3166-1 alpha-2 country code ` +
      `(two capital letters, e.g. MA for Morocco).${hint}`);
  return undefined;
}

function readAddressee(reader: ConfigReader, country: Mapping): Addressee | undefined {
  const taken = reader.take(country, 'addressee');
  if (!taken) return undefined;
  const m = reader.mapping(taken.node, taken.where, {
    required: ['title', 'ministry', 'address'],
    optional: ['salutation'],
    examples: {
      title: 'title: "His Excellency the Minister of Labour"',
      ministry: 'ministry: "Ministry of Labour"',
      address: 'address: "…"',
    },
  });
  if (!m) return undefined;
  const title = reader.text(m, 'title')?.value;
  const ministry = reader.text(m, 'ministry')?.value;
  const address = reader.text(m, 'address')?.value;
  const salutation = reader.text(m, 'salutation')?.value;
  if (!title || !ministry || !address) return undefined;
  return salutation === undefined ? { title, ministry, address } : { title, ministry, address, salutation };
}

function readQuota(reader: ConfigReader, country: Mapping): QuotaDraft | undefined {
  const taken = reader.take(country, 'quota');
  if (!taken) return undefined;
  const m = reader.mapping(taken.node, taken.where, {
    required: ['government', 'socialPartners', 'additional'],
    optional: ['socialPartnerMode'],
    examples: { government: 'government: 0', socialPartners: 'socialPartners: 0', additional: 'additional: 2' },
  });
  if (!m) return undefined;
  const count = { min: 0, rule: 'config/integer' };
  return {
    where: m.where,
    place: m.place,
    government: reader.integer(m, 'government', count),
    socialPartners: reader.integer(m, 'socialPartners', count),
    additional: reader.integer(m, 'additional', count),
    socialPartnerMode: reader.choice(m, 'socialPartnerMode', SOCIAL_PARTNER_MODES, 'config/social-partner-mode'),
  };
}

/** With declared seat rules: `quota: { <seat kind>: N, … }`, checked against the group by rules/seat-rules.ts. */
function readCounts(reader: ConfigReader, country: Mapping): QuotaDraft | undefined {
  const taken = reader.take(country, 'quota');
  const where = country.where.key('quota');
  if (!taken) return { where, place: country.place, counts: [] };
  const entries = reader.entries(taken.node, where,
    { pattern: SEAT_KIND_KEY, rule: 'seats/kind-key', what: 'each key is a kind of seat declared under `seats`', example: 'government: 2' });
  if (!entries) return undefined;
  const counts: NonNullable<QuotaDraft['counts']> = [];
  let ok = true;
  for (const entry of entries) {
    const holder = { where, place: reader.place(taken.node), spec: { required: [entry.key] }, values: new Map([[entry.key, { keyPlace: entry.keyPlace, node: entry.node }]]) };
    const field = reader.integer(holder, entry.key, { min: 0, rule: 'config/integer' });
    if (field) counts.push({ kind: entry.key, keyPlace: entry.keyPlace, field });
    else ok = false;
  }
  return ok ? { where, place: reader.place(taken.node), counts } : undefined;
}
