import { isCountryCode, suggestCountryCode } from '../country-codes.js';
import type { CountryDraft, QuotaDraft } from '../draft.js';
import type { ConfigReader, Field, ListItem, Mapping } from '../reader.js';
import type { Addressee, CountryGroup } from '../types.js';
import { readLanguageList } from './languages.js';
import { peekText } from './peek.js';

export const COUNTRY_GROUPS: readonly CountryGroup[] = ['south', 'north', 'osce'];
const SOCIAL_PARTNER_MODES = ['joint', 'separate'] as const;

/** Reads the `countries` section, one draft per item that is a mapping. */
export function readCountries(reader: ConfigReader, root: Mapping): CountryDraft[] | undefined {
  const items = reader.list(root, 'countries', { nonEmpty: true });
  if (!items) return undefined;
  return items.flatMap((item, index) => {
    const country = readCountry(reader, item, index);
    return country ? [country] : [];
  });
}

function readCountry(reader: ConfigReader, item: ListItem, index: number): CountryDraft | undefined {
  const label = peekText(reader.source, item.node, 'name') ?? peekText(reader.source, item.node, 'code');
  const where = item.where.about(label);
  const m = reader.mapping(item.node, where, {
    required: ['code', 'name', 'group', 'languages', 'addressee', 'quota'],
    examples: {
      code: 'code: MA',
      name: 'name: Morocco',
      group: 'group: south',
      languages: 'languages: [fr, ar]',
      addressee: 'addressee: { title: "…", ministry: "…", address: "…" }',
      quota: 'quota: { government: 3, socialPartners: 1, additional: 2 }',
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
    group: reader.choice(m, 'group', COUNTRY_GROUPS, 'config/unknown-group'),
    languages: readLanguageList(reader, m, 'languages')?.languages,
    addressee: readAddressee(reader, m),
    quota: readQuota(reader, m),
  };
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
