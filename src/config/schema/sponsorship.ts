import type { ParsedNode } from 'yaml';
import type { SponsorshipDraft } from '../draft.js';
import type { ConfigReader } from '../reader.js';
import type { Where } from '../where.js';

/** Reads the `sponsorship` section: how many delegates and experts the organisers pay for. */
export function readSponsorship(reader: ConfigReader, node: ParsedNode, where: Where): SponsorshipDraft | undefined {
  const m = reader.mapping(node, where, {
    required: ['delegates', 'experts'],
    examples: { delegates: 'delegates: 30', experts: 'experts: 5' },
  });
  if (!m) return undefined;
  return {
    place: m.place,
    delegates: reader.integer(m, 'delegates', { min: 0, rule: 'config/integer' }),
    experts: reader.integer(m, 'experts', { min: 0, rule: 'config/integer' }),
  };
}
