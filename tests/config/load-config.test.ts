import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load-config.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/config', name, 'seminar.yaml');

describe('parseConfig on a valid file', () => {
  const result = parseConfig(readFileSync(fixture('valid'), 'utf8'), 'sources/seminar.yaml');
  const config = result.config!;

  it('reports nothing and returns the config', () => {
    expect(result.diagnostics).toEqual([]);
    expect(config).toBeDefined();
    expect(config.file).toBe('sources/seminar.yaml');
  });

  it('normalises the event', () => {
    expect(config.event.title).toBe('Launch seminar of the Labour Migration Handbook');
    expect(config.event.organisers.map((o) => o.short)).toEqual(['OSCE', 'ILO', 'IOM']);
    expect(config.event.organisers[0]!.signatory).toEqual({ name: 'A. Signatory', title: 'Co-ordinator' });
    expect(config.event.organisers[1]).toEqual({ short: 'ILO', name: 'International Labour Organization' });
    // Unquoted and quoted dates read the same.
    expect(config.event.dates).toEqual({ start: '2027-03-16', end: '2027-03-17' });
    expect(config.event.issued).toBe('2027-01-11');
    expect(config.event.replyBy).toBe('2027-02-12');
    expect(config.event.languages).toEqual(['en', 'fr', 'ar']);
    expect(config.event.referencePrefix).toBe('LMH-RBT/2027');
    expect(config.event.contact?.email).toBe('secretariat@example.org');
    expect(config.sponsorship).toEqual({ delegates: 8, experts: 5 });
  });

  it('normalises countries, with defaults and places', () => {
    const [morocco, tunisia, malta] = config.countries;
    expect(morocco).toMatchObject({ code: 'MA', group: 'south', languages: ['fr', 'ar'] });
    expect(morocco!.quota).toEqual({ government: 3, socialPartners: 1, socialPartnerMode: 'joint', additional: 2 });
    expect(morocco!.addressee.address).toBe('Avenue Mohammed V\nRabat\n');
    expect(morocco!.place).toEqual({ file: 'sources/seminar.yaml', line: 27, column: 5 });
    // The alias gives Tunisia the same addressee.
    expect(tunisia!.addressee).toEqual(morocco!.addressee);
    expect(tunisia!.quota.socialPartnerMode).toBe('separate');
    expect(malta!.addressee.salutation).toBe('Minister');
    expect('salutation' in morocco!.addressee).toBe(false);
  });

  it('normalises the programme', () => {
    const [opening, plenary, groupA] = config.programme;
    // Unquoted 09:00 is a string in YAML 1.2.
    expect(opening).toMatchObject({ day: 1, start: '09:00', end: '09:30', kind: 'opening', speakers: [] });
    expect('theme' in opening!).toBe(false);
    expect(plenary).toMatchObject({ theme: 1, room: 'Plenary hall', speakers: ['A. Speaker', 'B. Speaker'] });
    expect(groupA).toMatchObject({ kind: 'group', theme: 2, room: 'Room 1' });
    expect(config.programme).toHaveLength(6);
  });

  it('reads a document marked %YAML 1.1 with the 1.2 core schema all the same', () => {
    const yaml11 = parseConfig(readFileSync(fixture('yaml-1-1'), 'utf8'), 'sources/seminar.yaml');
    expect(yaml11.diagnostics).toEqual([]);
    const strip = (c: typeof config) => JSON.parse(JSON.stringify({ ...c, countries: c.countries.map((x) => ({ ...x, place: 0 })), programme: c.programme.map((s) => ({ ...s, place: 0 })) }));
    expect(strip(yaml11.config!)).toEqual(strip(config));
  });
});

describe('parseConfig: typesetting switches', () => {
  it('keeps the switches written, per language, and nothing for the others', () => {
    const result = parseConfig(readFileSync(fixture('typesetting-valid'), 'utf8'), 'sources/seminar.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.config!.event.typesetting).toEqual({ ar: { kashida: false }, fr: { hyphenate: false, kashida: true } });
  });

  it('leaves them out when the file has none', () => {
    expect(parseConfig(readFileSync(fixture('valid'), 'utf8'), 'sources/seminar.yaml').config!.event.typesetting).toBeUndefined();
  });
});

describe('loadConfig', () => {
  it('reports a missing file as a diagnostic', async () => {
    const result = await loadConfig('no/such/seminar.yaml');
    expect(result.config).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'no/such/seminar.yaml:1:1: error: The configuration file no/such/seminar.yaml does not exist: ' +
        'create it (see the sample sources/seminar.yaml), or check the path. [config/read]',
    ]);
  });

  it('reports a folder given as the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-config-'));
    const result = await loadConfig(dir);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ rule: 'config/read', line: 1, column: 1 });
    expect(result.diagnostics[0]!.message).toContain('is a folder');
  });

  it('reads a file, byte-order mark included, and keeps the path as given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-config-'));
    const file = path.join(dir, 'seminar.yaml');
    writeFileSync(file, '\uFEFF' + readFileSync(fixture('valid'), 'utf8'));
    const result = await loadConfig(file);
    expect(result.diagnostics).toEqual([]);
    expect(result.config?.file).toBe(file);
  });

  it('reports a problem at the line and column of the value', async () => {
    const result = parseConfig('event: 3\n', 'x.yaml');
    expect(result.diagnostics.find((d) => d.rule === 'config/type')).toEqual({
      file: 'x.yaml', line: 1, column: 8, severity: 'error', rule: 'config/type',
      message: 'event must be a mapping (key: value lines), found the number 3.',
    });
  });
});

describe('the sample configuration', () => {
  const sample = path.join(root, 'sources/seminar.yaml');
  it('sources/seminar.yaml validates with no diagnostics', async () => {
    const result = await loadConfig(path.relative(process.cwd(), sample) || sample);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const config = result.config!;
    const south = config.countries.filter((c) => c.group === 'south');
    expect(south).toHaveLength(8);
    expect(config.sponsorship?.delegates).toBe(30);
  });
});
