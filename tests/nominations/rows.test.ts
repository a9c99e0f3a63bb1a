import { describe, expect, it } from 'vitest';
import { nominationRows, parseRowField, rowsPerKind } from '../../src/nominations/rows.js';
import type { Country } from '../../src/config/types.js';
import { country, sampleConfig } from './helpers.js';

const summary = (c: Pick<Country, 'group' | 'quota'>) => nominationRows(c).map((r) => `${r.field}:${r.kind}:${r.index}:${r.sponsored ? 'S' : 'O'}`);

describe('nominationRows', () => {
  const config = sampleConfig();

  it('south, joint social partners: government, social-partner, then own-cost rows', () => {
    expect(summary(country(config, 'MA'))).toEqual([
      'gov.1:government:1:S', 'gov.2:government:2:S', 'gov.3:government:3:S',
      'sp.1:social-partner:1:S',
      'add.1:additional:1:O', 'add.2:additional:2:O',
    ]);
  });

  it('south, separate social partners: one employers and one trade-union row', () => {
    expect(summary(country(config, 'TN'))).toEqual([
      'gov.1:government:1:S', 'gov.2:government:2:S',
      'emp.1:employers:1:S', 'tu.1:trade-union:1:S',
      'add.1:additional:1:O', 'add.2:additional:2:O',
    ]);
  });

  it('south, separate with more than two social-partner seats: the rest as social-partner rows', () => {
    const rows = summary({ group: 'south', quota: { government: 2, socialPartners: 4, socialPartnerMode: 'separate', additional: 0 } });
    expect(rows).toEqual(['gov.1:government:1:S', 'gov.2:government:2:S', 'emp.1:employers:1:S', 'tu.1:trade-union:1:S', 'sp.1:social-partner:1:S', 'sp.2:social-partner:2:S']);
  });

  it('north and osce countries: own-cost rows only', () => {
    expect(summary(country(config, 'FR'))).toEqual(['add.1:additional:1:O', 'add.2:additional:2:O']);
    expect(summary(country(config, 'DE'))).toEqual(['add.1:additional:1:O', 'add.2:additional:2:O']);
    // Even if sponsored seats were written for them (the configuration refuses it, quota/own-cost).
    expect(summary({ group: 'osce', quota: { government: 2, socialPartners: 1, socialPartnerMode: 'joint', additional: 1 } })).toEqual(['add.1:additional:1:O']);
  });

  it('counts rows per kind and reads prefixes back', () => {
    expect(rowsPerKind(nominationRows(country(config, 'TN')))).toEqual({ government: 2, 'social-partner': 0, employers: 1, 'trade-union': 1, additional: 2 });
    expect(parseRowField('gov.2')).toEqual({ kind: 'government', index: 2 });
    expect(parseRowField('tu.1')).toEqual({ kind: 'trade-union', index: 1 });
    expect(parseRowField('folio.country')).toBeUndefined();
    expect(parseRowField('gov.0')).toBeUndefined();
  });
});
