import type { ParsedNode } from 'yaml';
import type { EventDraft } from '../draft.js';
import type { ConfigReader, Field, Mapping } from '../reader.js';
import type { LetterheadConfig, Organisation } from '../types.js';
import type { Where } from '../where.js';
import { readLanguageList } from './languages.js';
import { readTypesetting } from './typesetting.js';
import { hasUrlScheme } from '../../input/confine.js';

/** Letters, digits, hyphens and slashes: the prefix is printed in every letter reference, e.g. LMH-RBT/MA/01. */
const REFERENCE_PREFIX = /^[A-Za-z0-9/-]+$/;

/** Reads the `event` section. */
export function readEvent(reader: ConfigReader, node: ParsedNode, where: Where): EventDraft | undefined {
  const m = reader.mapping(node, where, {
    required: ['title', 'organisers', 'host', 'venue', 'dates', 'languages', 'issued', 'referencePrefix'],
    optional: ['subtitle', 'replyBy', 'contact', 'locales', 'letterhead', 'handbook', 'typesetting'],
    examples: {
      title: 'title: "Launch seminar of the Labour Migration Handbook"',
      organisers: 'organisers: [{ short: OSCE, name: "Organization for Security and Co-operation in Europe" }]',
      host: 'host: "Kingdom of Morocco"',
      venue: 'venue: { name: "…", city: Rabat, country: Morocco }',
      dates: 'dates: { start: 2027-03-16, end: 2027-03-17 }',
      languages: 'languages: [en, fr, ar]',
      issued: 'issued: 2027-01-11',
      referencePrefix: 'referencePrefix: LMH-RBT',
    },
  });
  if (!m) return undefined;
  const event: EventDraft = { place: m.place };
  event.title = reader.text(m, 'title')?.value;
  event.subtitle = reader.text(m, 'subtitle')?.value;
  event.organisers = readOrganisers(reader, m);
  event.host = reader.text(m, 'host')?.value;
  event.venue = readVenue(reader, m);
  event.dates = readDates(reader, m);
  // A broken event list would make every country's languages look wrong: leave it out.
  const languages = readLanguageList(reader, m, 'languages');
  event.languages = languages?.complete ? languages.languages : undefined;
  event.issued = reader.date(m, 'issued');
  event.referencePrefix = readReferencePrefix(reader, m);
  event.replyBy = reader.date(m, 'replyBy');
  event.contact = readContact(reader, m);
  event.locales = readLocales(reader, m);
  event.letterhead = readLetterhead(reader, m);
  event.handbook = readHandbook(reader, m);
  event.typesetting = readTypesetting(reader, m, languages?.languages);
  return event;
}

function readOrganisers(reader: ConfigReader, event: Mapping): Organisation[] | undefined {
  const items = reader.list(event, 'organisers', { nonEmpty: true });
  if (!items) return undefined;
  const organisers = items.map((item) => {
    const m = reader.mapping(item.node, item.where, {
      required: ['short', 'name'],
      optional: ['signatory', 'logo'],
      examples: { short: 'short: ILO', name: 'name: "International Labour Organization"' },
    });
    if (!m) return undefined;
    const short = reader.text(m, 'short')?.value;
    const name = reader.text(m, 'name')?.value;
    const signatoryNode = reader.take(m, 'signatory');
    let signatory: Organisation['signatory'];
    let signatoryOk = true;
    if (signatoryNode) {
      const s = reader.mapping(signatoryNode.node, signatoryNode.where, {
        required: ['name', 'title'],
        optional: ['honorific'],
        examples: { name: 'name: "…"', title: 'title: "Director-General"', honorific: 'honorific: Dr' },
      });
      const signatoryName = s && reader.text(s, 'name')?.value;
      const signatoryTitle = s && reader.text(s, 'title')?.value;
      const honorific = s && reader.text(s, 'honorific')?.value;
      if (signatoryName && signatoryTitle) signatory = honorific ? { name: signatoryName, title: signatoryTitle, honorific } : { name: signatoryName, title: signatoryTitle };
      else signatoryOk = false;
    }
    const logoField = reader.text(m, 'logo');
    const logo = logoField && readLogo(reader, logoField);
    if (!short || !name || !signatoryOk || (logoField && !logo)) return undefined;
    return { short, name, ...(signatory ? { signatory } : {}), ...(logo ? { logo } : {}) };
  });
  return organisers.every((o) => o !== undefined) ? (organisers as Organisation[]) : undefined;
}

/**
 * A logo's path, relative to the kit folder. Whether the file is there and is a usable image
 * is checked where it is read (with the sources' images, inside the kit only).
 */
function readLogo(reader: ConfigReader, field: Field<string>): Organisation['logo'] {
  const file = field.value.trim();
  // A Windows drive (C:\…) is a path, not a scheme.
  if (hasUrlScheme(file) && !/^[a-z]:[\\/]/i.test(file)) {
    reader.report(field.place, 'config/logo',
      `${field.where} is a URL ("${field.value}"); folio never downloads. Save the logo in the kit (say assets/logos/) and write its path relative to the kit folder.`);
    return undefined;
  }
  return { file, place: field.place };
}

const LETTERHEAD_LAYOUTS = ['spread', 'start', 'center', 'end'] as const;
/** Logo heights, in millimetres: smaller cannot be read; larger crowds a letter off its page. */
const LOGO_HEIGHT = { min: 8, max: 40 };

/** The letterhead when the configuration says nothing: logos 16 mm high, from one edge to the other. */
export const DEFAULT_LETTERHEAD: LetterheadConfig = { layout: 'spread', height: 16 };

/** `letterhead: { layout: spread, height: 16 }`: how the organisers' logos head letters and pack covers. */
function readLetterhead(reader: ConfigReader, event: Mapping): LetterheadConfig | undefined {
  const taken = reader.take(event, 'letterhead');
  if (!taken) return undefined;
  const m = reader.mapping(taken.node, taken.where, {
    required: [],
    optional: ['layout', 'height'],
    examples: { layout: 'layout: spread', height: 'height: 16' },
  });
  if (!m) return undefined;
  const layout = reader.choice(m, 'layout', LETTERHEAD_LAYOUTS, 'config/letterhead');
  const height = reader.integer(m, 'height', { min: LOGO_HEIGHT.min, rule: 'config/letterhead' });
  if (height && height.value > LOGO_HEIGHT.max) {
    reader.report(height.place, 'config/letterhead',
      `${height.where} is ${height.value} (millimetres): logos of at most ${LOGO_HEIGHT.max} mm leave a letter room for its text. Write a height from ${LOGO_HEIGHT.min} to ${LOGO_HEIGHT.max}.`);
    return undefined;
  }
  return { layout: layout?.value ?? DEFAULT_LETTERHEAD.layout, height: height?.value ?? DEFAULT_LETTERHEAD.height };
}

function readVenue(reader: ConfigReader, event: Mapping): EventDraft['venue'] {
  const taken = reader.take(event, 'venue');
  if (!taken) return undefined;
  const m = reader.mapping(taken.node, taken.where, {
    required: ['name', 'city', 'country'],
    optional: ['address'],
    examples: { name: 'name: "…"', city: 'city: Rabat', country: 'country: Morocco' },
  });
  if (!m) return undefined;
  const name = reader.text(m, 'name')?.value;
  const city = reader.text(m, 'city')?.value;
  const country = reader.text(m, 'country')?.value;
  const address = reader.text(m, 'address')?.value;
  if (!name || !city || !country) return undefined;
  return address === undefined ? { name, city, country } : { name, city, country, address };
}

function readDates(reader: ConfigReader, event: Mapping): EventDraft['dates'] {
  const taken = reader.take(event, 'dates');
  if (!taken) return undefined;
  const m = reader.mapping(taken.node, taken.where, {
    required: ['start', 'end'],
    examples: { start: 'start: 2027-03-16', end: 'end: 2027-03-17' },
  });
  if (!m) return undefined;
  return { start: reader.date(m, 'start'), end: reader.date(m, 'end') };
}

function readReferencePrefix(reader: ConfigReader, event: Mapping): string | undefined {
  const field = reader.text(event, 'referencePrefix');
  if (!field) return undefined;
  if (!REFERENCE_PREFIX.test(field.value)) {
    reader.report(field.place, 'config/reference-prefix',
      `${field.where} is "${field.value}": use only letters, digits, hyphens and slashes (e.g. LMH-RBT), ` +
        'because it starts every letter reference number.');
    return undefined;
  }
  return field.value;
}

/** `handbook: { title, subtitle }`: the handbook's title page and the PDF's title (both translated). */
function readHandbook(reader: ConfigReader, event: Mapping): EventDraft['handbook'] {
  const taken = reader.take(event, 'handbook');
  if (!taken) return undefined;
  const m = reader.mapping(taken.node, taken.where, {
    required: ['title'],
    optional: ['subtitle'],
    examples: { title: 'title: "Labour Migration Handbook"', subtitle: 'subtitle: "Policy models and good practice"' },
  });
  if (!m) return undefined;
  const title = reader.text(m, 'title')?.value;
  const subtitle = reader.text(m, 'subtitle')?.value;
  if (!title) return undefined;
  return subtitle ? { title, subtitle } : { title };
}

function readContact(reader: ConfigReader, event: Mapping): EventDraft['contact'] {
  const taken = reader.take(event, 'contact');
  if (!taken) return undefined;
  const m = reader.mapping(taken.node, taken.where, { required: [], optional: ['name', 'honorific', 'role', 'email', 'phone'] });
  if (!m) return undefined;
  const contact: NonNullable<EventDraft['contact']> = {};
  for (const key of ['name', 'honorific', 'role', 'email', 'phone'] as const) {
    const value = reader.text(m, key)?.value;
    if (value !== undefined) contact[key] = value;
  }
  return contact;
}

/**
 * `locales: { ar: ar-MA-u-nu-latn }`: the Intl locale used to format dates and numbers for a
 * language (BCP 47, with Unicode extensions such as `-u-nu-latn` for Latin digits).
 */
function readLocales(reader: ConfigReader, event: Mapping): Record<string, string> | undefined {
  const taken = reader.take(event, 'locales');
  if (!taken) return undefined;
  const keys = ['en', 'fr', 'ar', 'he', 'es', 'de', 'it', 'pt', 'ru', 'el', 'tr'];
  const m = reader.mapping(taken.node, taken.where, { required: [], optional: keys });
  if (!m) return undefined;
  const locales: Record<string, string> = {};
  for (const key of keys) {
    const field = reader.text(m, key);
    if (!field) continue;
    let canonical: string | undefined;
    try {
      canonical = Intl.getCanonicalLocales(field.value)[0];
    } catch {
      canonical = undefined;
    }
    if (!canonical || canonical.split('-')[0] !== key) {
      reader.report(field.place, 'config/locale',
        `${field.where} is "${field.value}", which is not a locale of the language ${key}: write a BCP 47 tag such as ${key}-MA or ${key}-MA-u-nu-latn (Latin digits).`);
      continue;
    }
    locales[key] = canonical;
  }
  return locales;
}
