import { describe, expect, it } from 'vitest';
import { applyFrenchSpacing, frenchSpacingFor } from '../../src/document/french-spacing.js';

const show = (s: string) => s.replace(/\u202f/g, '⍽').replace(/\u00a0/g, '~');
const fr = frenchSpacingFor('fr-MA')!;

describe('French spacing', () => {
  it('puts a narrow no-break space before ; ! ? and inside « », a no-break space before :', () => {
    expect(show(applyFrenchSpacing('Pourquoi? Parce que! Voici: la liste; « citation »', fr))).toBe('Pourquoi⍽? Parce que⍽! Voici~: la liste⍽; «⍽citation⍽»');
    // Ordinary spaces, no-break spaces or thin spaces as written become the rule's.
    expect(show(applyFrenchSpacing('Objet : x ; y\u00a0? «\u00a0z\u00a0»', fr))).toBe('Objet~: x⍽; y⍽? «⍽z⍽»');
  });

  it('leaves times, addresses, queries and repeated marks as written', () => {
    for (const text of ['à 10:30 précises', 'https://example.org/a', 'index.php?id=1', 'a@b.org', 'Quoi ?!']) {
      expect(show(applyFrenchSpacing(text, fr)), text).toBe(show(text.replace('Quoi ?!', 'Quoi\u202f?!')));
    }
  });

  it('follows the locale: no space before ; ! ? in Canada, narrow spaces before : too in Switzerland', () => {
    expect(show(applyFrenchSpacing('Prêt ? Voici : « oui »', frenchSpacingFor('fr-CA')!))).toBe('Prêt? Voici~: «~oui~»');
    expect(show(applyFrenchSpacing('Prêt ? Voici : « oui »', frenchSpacingFor('fr-CH')!))).toBe('Prêt⍽? Voici⍽: «⍽oui⍽»');
    expect(frenchSpacingFor('en-GB')).toBeUndefined();
    expect(frenchSpacingFor('ar-MA-u-nu-latn')).toBeUndefined();
  });

  it('spaces a mark that follows an inline element or a data value, never inside the value', () => {
    expect(show(applyFrenchSpacing(' : demande', fr, true))).toBe('~: demande');
    expect(show(applyFrenchSpacing('\uE0003\uE001?', fr))).toBe('\uE0003\uE001⍽?');
  });
});
