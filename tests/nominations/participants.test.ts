import { describe, expect, it } from 'vitest';
import { SEAT_KINDS } from '../../src/nominations/rows.js';
import { mergeParticipants, readParticipants, writeParticipants, type Participant } from '../../src/nominations/participants.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';

const FILE = 'sources/participants.yaml';
const person = (id: string, extra: Partial<Participant> = {}): Participant => {
  const [country, ...rest] = id.split('-');
  const index = rest.pop();
  return { id, name: `Person ${index}`, country: country!, kind: rest.join('-') as Participant['kind'], sponsored: rest[0] !== 'additional', function: 'Director', organisation: 'Ministry', email: `p${index}@example.org`, language: 'en', ...extra };
};

describe('readParticipants', () => {
  it('reads entries, with an optional phone', () => {
    const text = 'participants:\n  - id: MA-government-1\n    name: "Amal"\n    country: MA\n    kind: government\n    sponsored: true\n    function: Director\n    organisation: Ministry\n    email: a@example.ma\n    phone: "+212 5"\n    language: fr\n';
    expect(readParticipants(text, FILE)).toMatchObject({
      diagnostics: [],
      participants: [{ id: 'MA-government-1', name: 'Amal', country: 'MA', kind: 'government', sponsored: true, function: 'Director', organisation: 'Ministry', email: 'a@example.ma', phone: '+212 5', language: 'fr' }],
    });
    expect(readParticipants('', FILE)).toEqual({ participants: [], document: expect.anything(), diagnostics: [] });
    expect(readParticipants('# nothing yet\nparticipants:\n', FILE).participants).toEqual([]);
  });

  it('reports every problem with its place and a participants/ rule', () => {
    const text = [
      'participants:',
      '  - id: MA-government-1',          // 2: missing email
      '    name: Amal',
      '    country: MA',
      '    kind: goverment',               // 5: not a kind
      '    sponsored: "yes"',              // 6: not a boolean
      '    function: Director',
      '    organisation: Ministry',
      '    language: fr',
      '    phone: 212537',                 // 10: a number
      '  - id: MA-government-1',           // 11: duplicate id
      '    name: Other',
      '    country: MA',
      '    kind: government',
      '    sponsored: true',
      '    function: Director',
      '    organisation: Ministry',
      '    email: o@example.ma',
      '    language: fr',
      '    mail: o@example.ma',            // 20: unknown key
      'extra: 1',                          // 21: unknown top-level key
    ].join('\n');
    const result = readParticipants(text, FILE, { languages: ['en', 'fr', 'ar'], countries: ['MA'], kinds: SEAT_KINDS });
    expect(result.participants).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'sources/participants.yaml:2:5: error: Missing key `email` in participants[0]: add it. [participants/missing-key]',
      'sources/participants.yaml:5:11: error: participants[0].kind is the text "goverment", which is not one of: government, social-partner, employers, trade-union, additional. Did you mean `government`? [participants/kind]',
      'sources/participants.yaml:6:16: error: participants[0].sponsored must be true or false, found the text "yes". [participants/type]',
      'sources/participants.yaml:10:12: error: participants[0].phone must be text, found the number …: put it in quotes, "…". [participants/type]',
      'sources/participants.yaml:11:9: error: participants[1]: the id MA-government-1 is already used by the entry on line 2: give each participant its own id. [participants/duplicate-id]',
      'sources/participants.yaml:20:5: error: Unknown key `mail` in participants[1]. Known keys are: id, name, country, kind, sponsored, function, organisation, email, language, phone, passport, nationality, birthDate, embassy. Did you mean `email`? [participants/unknown-key]',
      'sources/participants.yaml:21:1: error: Unknown key `extra` at the top level of the file. Known keys are: participants. [participants/unknown-key]',
    ]);
  });

  it('never quotes a personal value in a message', () => {
    const text = 'participants:\n  - id: MA-government-1\n    name: [Amal, Benali]\n    country: MA\n    kind: government\n    sponsored: true\n    function: 42\n    organisation: Ministry\n    email: amal@example.ma\n    phone: 0612345678\n    language: fr\n';
    const messages = readParticipants(text, FILE).diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('participants[0].phone must be text');
    expect(messages).toContain('participants[0].name must be text');
    expect(messages).not.toMatch(/0612345678|612345678|Amal|Benali/);
  });

  it('reports a blank required value', () => {
    const text = 'participants:\n  - id: MA-government-1\n    name: "  "\n    country: MA\n    kind: government\n    sponsored: true\n    function: D\n    organisation: M\n    email: a@example.ma\n    language: fr\n';
    expect(readParticipants(text, FILE).diagnostics).toMatchObject([{ line: 3, column: 11, rule: 'participants/empty', message: 'participants[0].name is empty: write the text.' }]);
  });

  it('reports YAML syntax errors', () => {
    expect(readParticipants('participants:\n  - id: [\n', FILE).diagnostics[0]).toMatchObject({ rule: 'participants/yaml-syntax', file: FILE });
  });
});

describe('writeParticipants', () => {
  it('starts a file with a header comment, in country, kind and index order', () => {
    const text = writeParticipants(undefined, [person('TN-additional-1'), person('MA-additional-2'), person('MA-government-2'), person('MA-government-10'), person('MA-social-partner-1')]);
    expect(text.startsWith('# Participants nominated by the invited countries.')).toBe(true);
    expect(readParticipants(text, FILE).participants!.map((p) => p.id)).toEqual(['MA-government-2', 'MA-government-10', 'MA-social-partner-1', 'MA-additional-2', 'TN-additional-1']);
    expect(writeParticipants(undefined, [person('TN-additional-1'), person('MA-government-2')])).toBe(writeParticipants(undefined, [person('MA-government-2'), person('TN-additional-1')]));
  });

  it('changes only what differs, drops a phone no longer given, and never removes an entry', () => {
    const start = writeParticipants(undefined, [person('MA-government-1', { phone: '1' }), person('MA-government-2')]);
    const same = mergeParticipants(start, [person('MA-government-1', { phone: '1' })]);
    expect(same).toMatchObject({ added: 0, updated: 0, unchanged: 1, text: start });
    const changed = mergeParticipants(start, [person('MA-government-1', { email: 'new@example.org' })]);
    expect(changed).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    const after = readParticipants(changed.text, FILE).participants!;
    expect(after.map((p) => p.id)).toEqual(['MA-government-1', 'MA-government-2']);
    expect(after[0]).toEqual(person('MA-government-1', { email: 'new@example.org' }));
  });

  it('quotes values YAML would read as something else', () => {
    const text = writeParticipants(undefined, [person('MA-government-1', { name: 'true', phone: '0612345678', function: 'Head: unit' })]);
    expect(readParticipants(text, FILE).participants![0]).toMatchObject({ name: 'true', phone: '0612345678', function: 'Head: unit' });
  });
});
