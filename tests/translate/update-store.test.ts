import { describe, expect, it } from 'vitest';
import { updateStore } from '../../src/translate/update-store.js';
import { writePo, parsePo } from '../../src/translate/formats/po.js';
import type { Segment } from '../../src/segments/segment.js';

const seg = (context: string, source: string, line = 1): Segment => ({ context, source, kind: 'paragraph', syntax: 'markdown', place: { file: 'sources/x.md', line, column: 1 } });
const options = { lang: 'fr', threshold: 75, revised: new Date('2027-01-11T00:00:00Z') };

describe('updateStore', () => {
  const first = updateStore(undefined, [seg('a', 'Hello world, this is the first paragraph.'), seg('a', 'Second one here.', 3)], [], options).catalog;
  first.entries[0]!.msgstr = ['Bonjour le monde, voici le premier paragraphe.'];
  first.entries[0]!.translatorComments = ['checked by the reviser'];

  it('adds new units with references and no translation', () => {
    expect(first.entries.map((e) => [e.msgctxt, e.msgid, e.references])).toEqual([
      ['a', 'Hello world, this is the first paragraph.', ['sources/x.md:1']],
      ['a', 'Second one here.', ['sources/x.md:3']],
    ]);
  });

  it('is idempotent: a second run changes nothing', () => {
    const segments = [seg('a', 'Hello world, this is the first paragraph.'), seg('a', 'Second one here.', 3)];
    const once = updateStore(first, segments, [], options).catalog;
    const twice = updateStore(parsePo(writePo(once)).catalog!, segments, [], options).catalog;
    expect(writePo(twice)).toBe(writePo(once));
  });

  it('turns a changed source into fuzzy with its previous source, keeping the translation and comments', () => {
    const { catalog, summary } = updateStore(first, [seg('a', 'Hello world, this is the first paragraph of the note.'), seg('a', 'Second one here.', 3)], [], options);
    const entry = catalog.entries[0]!;
    expect(entry.flags).toContain('fuzzy');
    expect(entry.previous?.msgid).toBe('Hello world, this is the first paragraph.');
    expect(entry.msgstr[0]).toBe('Bonjour le monde, voici le premier paragraphe.');
    expect(entry.translatorComments).toEqual(['checked by the reviser']);
    expect(summary.changed).toBe(1);
    expect(catalog.entries.some((e) => e.obsolete)).toBe(false);
  });

  it('keeps units no longer in the sources as obsolete, and revives them when they come back', () => {
    const gone = updateStore(first, [seg('b', 'Something else entirely different.')], [], options).catalog;
    const obsolete = gone.entries.filter((e) => e.obsolete);
    expect(obsolete.map((e) => e.msgid)).toContain('Hello world, this is the first paragraph.');
    expect(obsolete.find((e) => e.msgid.startsWith('Hello'))!.msgstr[0]).toBe('Bonjour le monde, voici le premier paragraphe.');
    const back = updateStore(gone, [seg('a', 'Hello world, this is the first paragraph.')], [], options).catalog;
    expect(back.entries[0]).toMatchObject({ obsolete: false, msgstr: ['Bonjour le monde, voici le premier paragraphe.'] });
  });

  it('pre-fills from memory: exact in context, exact elsewhere (marked), fuzzy with score', () => {
    const memory = [
      { source: 'The seminar opens on Tuesday.', target: 'Le séminaire s’ouvre mardi.', context: 'b', origin: 'old.tmx' },
      { source: 'Participants cover their own costs.', target: 'Les participants couvrent leurs frais.', origin: 'old.tmx' },
      { source: 'Ministries of labour will send two senior officials each.', target: 'Les ministères du travail enverront chacun deux hauts fonctionnaires.', origin: 'old.tmx' },
    ];
    const { catalog, summary } = updateStore(undefined, [
      seg('b', 'The seminar opens on Tuesday.'),
      seg('c', 'Participants cover their own costs.'),
      seg('c', 'Ministries of labour will send three senior officials each.'),
      seg('c', 'Nothing like anything in memory at all.'),
    ], memory, options);
    const [exact, elsewhere, fuzzy, none] = catalog.entries;
    expect(exact).toMatchObject({ msgstr: ['Le séminaire s’ouvre mardi.'], flags: [] });
    expect(elsewhere!.msgstr).toEqual(['Les participants couvrent leurs frais.']);
    expect(elsewhere!.translatorComments[0]).toMatch(/exact match from memory \(old\.tmx\)/);
    expect(fuzzy!.flags).toContain('fuzzy');
    expect(fuzzy!.translatorComments[0]).toMatch(/fuzzy match (\d+)% from memory/);
    expect(Number(/(\d+)%/.exec(fuzzy!.translatorComments[0]!)![1])).toBeGreaterThanOrEqual(75);
    expect(fuzzy!.previous?.msgid).toBe('Ministries of labour will send two senior officials each.');
    expect(none!.msgstr).toEqual(['']);
    expect(summary).toMatchObject({ fromMemoryExact: 2, fromMemoryFuzzy: 1 });
  });
});
