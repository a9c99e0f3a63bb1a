import { describe, expect, it } from 'vitest';
import { nominationRows, parseRowField, rowsPerKind } from '../../src/nominations/rows.js';
import type { Country } from '../../src/config/types.js';
import { builtInSeats } from '../../src/config/seats.js';
import { country, declaredConfig, sampleConfig } from './helpers.js';

const summary = (c: Pick<Country, 'group' | 'quota'>) => nominationRows({ seats: builtInSeats(c.group, c.quota) }).map((r) => `${r.field}:${r.kind}:${r.index}:${r.sponsored ? 'S' : 'O'}`);

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
    const tn = country(config, 'TN');
    expect(Object.fromEntries(rowsPerKind(tn))).toEqual({ government: 2, 'social-partner': 0, employers: 1, 'trade-union': 1, additional: 2 });
    expect(parseRowField('gov.2', tn)).toEqual({ kind: 'government', index: 2 });
    expect(parseRowField('tu.1', tn)).toEqual({ kind: 'trade-union', index: 1 });
    expect(parseRowField('folio.country', tn)).toBeUndefined();
    expect(parseRowField('gov.0', tn)).toBeUndefined();
  });

  it('declared seat kinds: rows per kind in the order of the configuration, the kind as field prefix', () => {
    const ma = country(declaredConfig(config, { observers: 2, government: 1 }), 'MA');
    expect(nominationRows(ma).map((r) => `${r.field}:${r.kind}:${r.sponsored ? 'S' : 'O'}:${r.name}`)).toEqual([
      'government.1:government:S:Government delegates', 'observers.1:observers:O:Observers', 'observers.2:observers:O:Observers',
    ]);
    expect(parseRowField('observers.2', ma)).toEqual({ kind: 'observers', index: 2 });
    // A built-in prefix means nothing to a country of declared kinds.
    expect(parseRowField('gov.1', ma)).toBeUndefined();
  });
});
