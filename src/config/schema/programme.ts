import type { SessionDraft } from '../draft.js';
import type { ConfigReader, ListItem, Mapping } from '../reader.js';
import type { SessionKind } from '../types.js';
import { peekText } from './peek.js';

export const SESSION_KINDS: readonly SessionKind[] = ['plenary', 'group', 'break', 'opening', 'closing'];

/** Reads the `programme` section, one draft per item that is a mapping. */
export function readProgramme(reader: ConfigReader, root: Mapping): SessionDraft[] | undefined {
  const items = reader.list(root, 'programme', { nonEmpty: true });
  if (!items) return undefined;
  return items.flatMap((item, index) => {
    const session = readSession(reader, item, index);
    return session ? [session] : [];
  });
}

function readSession(reader: ConfigReader, item: ListItem, index: number): SessionDraft | undefined {
  const title = peekText(reader.source, item.node, 'title');
  const where = item.where.about(title === undefined ? undefined : `"${title}"`);
  const m = reader.mapping(item.node, where, {
    required: ['day', 'start', 'end', 'kind', 'title'],
    optional: ['theme', 'speakers', 'room'],
    examples: {
      day: 'day: 1',
      start: 'start: "09:00"',
      end: 'end: "10:30"',
      kind: 'kind: plenary',
      title: 'title: "…"',
    },
  });
  if (!m) return undefined;
  const reported = reader.diagnostics.length;
  const session: SessionDraft = {
    index,
    where,
    place: m.place,
    day: reader.integer(m, 'day'),
    start: reader.time(m, 'start'),
    end: reader.time(m, 'end'),
    kind: reader.choice(m, 'kind', SESSION_KINDS, 'config/unknown-kind'),
    theme: readTheme(reader, m),
    title: reader.text(m, 'title')?.value,
    speakers: reader.textList(m, 'speakers')?.map((s) => s.value),
    room: reader.text(m, 'room')?.value,
    incomplete: false,
  };
  session.incomplete = reader.diagnostics.length > reported;
  return session;
}

/**
 * The optional theme number (`config/theme-range`): a whole number from 1; whether the kit has
 * that theme (a brief in sources/themes/) is checked with the sources (rules/themes.ts).
 */
function readTheme(reader: ConfigReader, session: Mapping): SessionDraft['theme'] {
  const field = reader.integer(session, 'theme');
  if (!field) return undefined;
  if (field.value < 1 || field.value > 99) {
    reader.report(field.place, 'config/theme-range',
      `${field.where} is ${field.value}: themes are numbered from 1 (sources/themes/01-….md) to at most 99. Write the number of one of the kit's themes, or leave theme out.`);
    return undefined;
  }
  return field;
}
