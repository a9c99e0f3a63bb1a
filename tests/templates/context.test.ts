import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { eventContext, translatableConfigTexts } from '../../src/templates/context.js';
import { PROJECT } from '../helpers/kit.js';

const sample = readFileSync(path.join(PROJECT, 'sources/seminar.yaml'), 'utf8');
const configOf = (text: string) => {
  const result = parseConfig(text, 'sources/seminar.yaml');
  if (!result.config) throw new Error(JSON.stringify(result.diagnostics));
  return result.config;
};
const NO_SOURCES = { themes: [], chapters: [] };
const french: Record<string, string> = { Ms: 'Mme', Dr: 'Dr', 'Seminar Secretariat': 'Secrétariat du séminaire' };
const arabic: Record<string, string> = { Ms: 'السيدة', 'Seminar Secretariat': 'أمانة الندوة' };

describe('people in the event context', () => {
  const config = configOf(sample);
  type Event = { event: { contact: { name: string; person: string }; organisers: { signatory: { honorific: string | null; name: string } | null }[] } };

  it('prints the contact as honorific, name and role, each translated but the name, with the language\'s comma', () => {
    const fr = eventContext(config, NO_SOURCES, 'fr', (t) => french[t] ?? t, 'fr-MA') as Event;
    expect(fr.event.contact.name).toBe('Mme Leïla Bennani, Secrétariat du séminaire');
    expect(fr.event.contact.person).toBe('Mme Leïla Bennani');
    const ar = eventContext(config, NO_SOURCES, 'ar', (t) => arabic[t] ?? t, 'ar-MA-u-nu-latn') as Event;
    expect(ar.event.contact.name).toBe('السيدة Leïla Bennani\u060c أمانة الندوة');
  });

  it('gives each signatory a translated honorific and the name as written', () => {
    const fr = eventContext(config, NO_SOURCES, 'fr', (t) => french[t] ?? t, 'fr') as Event;
    const iom = fr.event.organisers.find((o) => o.signatory?.name === 'Amira Haddad-Lindqvist')!;
    expect(iom.signatory!.honorific).toBe('Mme');
  });

  it('offers the honorifics and the role to translators, with whom they are for', () => {
    const texts = translatableConfigTexts(config);
    expect(texts.find((t) => t.text === 'Seminar Secretariat')?.note).toMatch(/contact\.role/);
    expect(texts.filter((t) => t.text === 'Ms').map((t) => t.note).join(' ')).toMatch(/Leïla Bennani.*|Amira Haddad-Lindqvist/);
  });

  it('keeps a configuration without honorific or role as before', () => {
    const plain = configOf(sample.replace(/\n    honorific: Ms\n    name: "Leïla Bennani"\n    role: Seminar Secretariat/, '\n    name: "Leïla Bennani"'));
    const en = eventContext(plain, NO_SOURCES, 'en') as Event;
    expect(en.event.contact.name).toBe('Leïla Bennani');
  });
});
