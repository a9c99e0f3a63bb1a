import type { ConfigDraft } from '../draft.js';
import type { ConfigReader } from '../reader.js';
import { Where } from '../where.js';
import { placeOf } from '../yaml-places.js';
import { readCountries } from './countries.js';
import { readEvent } from './event.js';
import { readProgramme } from './programme.js';
import { readSeatRules } from './seat-rules.js';
import { readSponsorship } from './sponsorship.js';
import { readFonts } from './fonts.js';
import { readFiles } from './files.js';
import { readDocuments } from './documents.js';

/** Reads the four top-level sections into a draft, reporting every problem on the way. */
export function readConfigDraft(reader: ConfigReader): ConfigDraft {
  const contents = reader.source.document.contents;
  if (contents === null) {
    reader.report(placeOf(reader.source, undefined), 'config/missing-key',
      'The configuration file is empty: it needs the sections event, sponsorship, countries and programme.');
    return {};
  }
  const root = reader.mapping(contents, Where.root, {
    required: ['event', 'countries', 'programme'],
    optional: ['sponsorship', 'seats', 'groups', 'budgets', 'documents', 'fonts', 'files'],
    examples: {
      event: 'event: { title, organisers, host, venue, dates, languages, issued, referencePrefix }',
      sponsorship: 'sponsorship: { delegates: 30, experts: 5 }',
      countries: 'countries: [ { code, name, group, languages, addressee, quota } ]',
      programme: 'programme: [ { day, start, end, kind, title } ]',
    },
  });
  if (!root) return {};
  // `sponsorship` is the budget of the built-in seat rules: required unless the file declares its own.
  const declared = ['seats', 'groups', 'budgets'].some((k) => root.values.has(k));
  if (!declared && !root.values.has('sponsorship')) {
    reader.report(root.place, 'config/missing-key',
      'Missing key `sponsorship` at the top level: add `sponsorship: { delegates: 30, experts: 5 }`, or declare the event\'s own `seats` and `groups`.');
  }
  const event = reader.take(root, 'event');
  const sponsorship = reader.take(root, 'sponsorship');
  const files = readFiles(reader, root);
  const seatRules = readSeatRules(reader, root);
  return {
    event: event && readEvent(reader, event.node, event.where),
    sponsorship: sponsorship && readSponsorship(reader, sponsorship.node, sponsorship.where),
    ...(seatRules && { seatRules }),
    countries: readCountries(reader, root, seatRules),
    programme: readProgramme(reader, root),
    documents: readDocuments(reader, root),
    fonts: readFonts(reader, root, files),
    files,
  };
}
