/**
 * An exchange file and a memory that use every feature the writers must carry: paired,
 * crossing, lone and standalone codes, awkward characters and whitespace, every state,
 * notes, contexts and match proposals.
 */
import type { InlineCode } from '../../../src/translate/content.js';
import type { ExchangeFile, Memory } from '../../../src/translate/formats/exchange.js';

const open = (id: string, data: string, equiv?: string): InlineCode => (equiv ? { kind: 'open', id, data, equiv } : { kind: 'open', id, data });
const close = (id: string, data: string, equiv?: string): InlineCode => (equiv ? { kind: 'close', id, data, equiv } : { kind: 'close', id, data });
const standalone = (id: string, data: string, equiv?: string): InlineCode =>
  equiv ? { kind: 'standalone', id, data, equiv } : { kind: 'standalone', id, data };

export function sampleFile(): ExchangeFile {
  return {
    sourceLang: 'en',
    targetLang: 'fr-FR',
    original: 'sources/handbook/03-theme-brief.md',
    units: [
      {
        id: 'b8f3a1',
        context: 'theme 3 brief',
        source: ['Read the ', open('1', '**'), 'handbook', close('1', '**'), ' before ', open('2', '['), 'the seminar', close('2', '](https://example.org/a?b=1&c=2)'), '.'],
        target: ['Lisez le ', open('1', '**'), 'manuel', close('1', '**'), ' avant ', open('2', '['), 'le séminaire', close('2', '](https://example.org/a?b=1&c=2)'), '.'],
        state: 'translated',
        notes: ['Keep the title as in the printed handbook.', 'Second note'],
      },
      {
        id: 'c0ffee',
        source: ['Welcome, ', standalone('1', '{name}', 'name'), ', to ', standalone('2', '{country}', 'country'), '!'],
        target: ['Bienvenue, ', standalone('1', '{name}', 'name'), ', au ', standalone('2', '{country}', 'country'), ' !'],
        state: 'final',
      },
      {
        id: 'crossing',
        source: ['a ', open('1', '*'), 'b ', open('2', '**'), 'c', close('1', '*'), ' d', close('2', '**'), ' e'],
        target: [open('2', '**', 'bold'), 'x ', open('1', '*', 'italic'), 'y', close('2', '**', 'bold'), close('1', '*', 'italic')],
        state: 'needs-review',
      },
      {
        id: 'lone-codes',
        source: ['Starts ', open('7', '<b>'), 'here and ends ', close('8', '</i>'), 'there.'],
        state: 'new',
      },
      {
        id: 'whitespace',
        source: ['  two  spaces\nnew line\ttab, CR\r\nCRLF  '],
        target: [' deux  espaces\n'],
        state: 'needs-review',
      },
      {
        id: 'special',
        context: 'quotes "here" & <there>',
        source: ['< & > " \' ]]> end; &amp; is text; 𝄞 astral, العربية, emoji 👍'],
        target: ['« & » — 𝄞'],
        state: 'translated',
        notes: ['Note with <markup> & "quotes"\nand a line break'],
      },
      {
        id: 'needs-translation',
        source: ['Not translated yet, but asked for.'],
        state: 'needs-translation',
      },
      {
        id: 'handbook/03.md#p 12',
        source: ['An id with a slash, a hash and a space; ', standalone('ph/1', '`code`'), '.'],
        target: ['Un identifiant ; ', standalone('ph/1', '`code`'), '.'],
        state: 'translated',
        alternatives: [
          { source: ['An id with a slash; ', standalone('ph/1', '`code`'), '.'], target: ['Un identifiant ; ', standalone('ph/1', '`code`'), '.'], quality: 85, origin: 'memory/2023.tmx' },
          { target: ['Proposition sans source'], quality: 62.5 },
          { target: ['Proposition sans score'], origin: 'mt' },
        ],
      },
      {
        id: 'empty-data',
        source: ['Line', standalone('1', '', 'br'), 'break and ', standalone('2', '\\\n'), 'hard break'],
        state: 'new',
      },
    ],
  };
}

export function sampleMemory(): Memory {
  return {
    sourceLang: 'en',
    entries: [
      {
        id: 'b8f3a1',
        variants: new Map([
          ['en', ['Read the ', open('1', '**'), 'handbook', close('1', '**'), '.']],
          ['fr-FR', ['Lisez le ', open('1', '**'), 'manuel', close('1', '**'), '.']],
          ['ar', ['اقرأ ', open('1', '**'), 'الدليل', close('1', '**'), '.']],
        ]),
        props: [
          { type: 'x-folio-context', value: 'theme 3 brief' },
          { type: 'x-Domain', value: 'Migration & <labour>' },
        ],
        notes: ['Approved by the secretariat'],
        changedate: '20240105T101500Z',
      },
      {
        variants: new Map([
          ['en', ['Crossing ', open('1', '*'), 'a ', open('2', '**'), 'b', close('1', '*'), ' c', close('2', '**'), ', lone ', open('3', '<b>'), ' and ', standalone('4', '{n}'), '.']],
          ['FR-ca', ['Croisés ', open('2', '**'), 'a ', open('1', '*'), 'b', close('2', '**'), close('1', '*'), ', seul ', open('3', '<b>'), standalone('4', '{n}'), '.']],
        ]),
      },
      {
        id: 'ws',
        variants: new Map([
          ['en', ['  spaces  and\nlines\t<tags> & "quotes" 𝄞  ']],
          ['de', ['  Leerzeichen  ']],
        ]),
      },
    ],
  };
}
