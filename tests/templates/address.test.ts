import { describe, expect, it } from 'vitest';
import { localiseAddress } from '../../src/templates/address.js';

const DZ = { code: 'DZ', name: 'Algeria' };
const address = '44, rue Mohamed Belouizdad\nEl Mouradia\n16070 Algiers\nAlgeria';

describe('the country line of an address', () => {
  it('is the CLDR name of the country in the document\'s locale', () => {
    expect(localiseAddress(address, DZ, 'fr', 'en')).toBe('44, rue Mohamed Belouizdad\nEl Mouradia\n16070 Algiers\nAlgérie');
    expect(localiseAddress(address, DZ, 'ar', 'en').split('\n').at(-1)).toBe('الجزائر');
    expect(localiseAddress(address, DZ, 'fr-CA', 'en').split('\n').at(-1)).toBe('Algérie');
  });

  it('is recognised by the configured name or the source-language CLDR name, whatever the case or accents', () => {
    expect(localiseAddress('Rabat\nKingdom of Morocco', { code: 'MA', name: 'Kingdom of Morocco' }, 'fr', 'en').split('\n').at(-1)).toBe('Maroc');
    expect(localiseAddress('Rabat\nMOROCCO', { code: 'MA', name: 'Kingdom of Morocco' }, 'fr', 'en').split('\n').at(-1)).toBe('Maroc');
    expect(localiseAddress('Alger\nalgerie\n', DZ, 'en', 'fr')).toBe('Alger\nAlgeria\n');
  });

  it('recognises a formal name that ends with the country\'s name', () => {
    const JO = { code: 'JO', name: 'Jordan' };
    expect(localiseAddress('Amman\nHashemite Kingdom of Jordan', JO, 'ar', 'en').split('\n').at(-1)).toBe('الأردن');
    expect(localiseAddress('Tunis\nRepublic of Tunisia', { code: 'TN', name: 'Tunisia' }, 'fr', 'en').split('\n').at(-1)).toBe('Tunisie');
    // A street or a postcode line that happens to end with the name is not the country line.
    expect(localiseAddress('Box 7\n12 Avenue of Jordan', JO, 'fr', 'en')).toBe('Box 7\n12 Avenue of Jordan');
  });

  it('leaves the address as written in the source language, and when its last line is not the country', () => {
    expect(localiseAddress(address, DZ, 'en', 'en')).toBe(address);
    expect(localiseAddress('44, rue Mohamed Belouizdad\n16070 Algiers', DZ, 'fr', 'en')).toBe('44, rue Mohamed Belouizdad\n16070 Algiers');
    expect(localiseAddress('Algeria', DZ, 'fr', 'en')).toBe('Algeria');
    expect(localiseAddress('Box 1\nAlgeria', { code: 'ZZ', name: 'Algeria' }, 'fr', 'en')).toBe('Box 1\nAlgeria');
  });
});
