import type { ConfigReader, Field, Mapping } from '../reader.js';
import type { TypesettingConfig } from '../types.js';

/**
 * Reads `event.typesetting`: per language of the event, whether paragraphs are hyphenated
 * (`hyphenate`) and whether Arabic-script lines are justified with kashida (`kashida`); both
 * default to true. A key must be one of the event's languages, so that a switch written for a
 * language the kit does not produce is not silently ignored.
 */
export function readTypesetting(reader: ConfigReader, event: Mapping, languages: readonly Field<string>[] | undefined): TypesettingConfig | undefined {
  const taken = reader.take(event, 'typesetting');
  if (!taken) return undefined;
  const entries = reader.entries(taken.node, taken.where, {
    pattern: /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/,
    rule: 'config/typesetting-language',
    what: 'each key is a language of the event',
    example: 'ar: { kashida: false }',
  });
  if (!entries) return undefined;
  const known = languages?.map((l) => l.value);
  const out: TypesettingConfig = {};
  for (const entry of entries) {
    if (known && !known.includes(entry.key)) {
      reader.report(entry.keyPlace, 'config/typesetting-language',
        `${entry.where} names the language \`${entry.key}\`, which is not in event.languages (${known.join(', ')}): use one of those, or add it there.`);
      continue;
    }
    const m = reader.mapping(entry.node, entry.where, { required: [], optional: ['hyphenate', 'kashida'] });
    if (!m) continue;
    const hyphenate = reader.boolean(m, 'hyphenate')?.value;
    const kashida = reader.boolean(m, 'kashida')?.value;
    out[entry.key] = { ...(hyphenate !== undefined && { hyphenate }), ...(kashida !== undefined && { kashida }) };
  }
  return out;
}
