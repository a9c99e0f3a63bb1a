import { describe, expect, it } from 'vitest';
import { addDays, daysInclusive, isIsoDate, isTime, minutesOf } from '../../src/config/calendar.js';
import { ISO_3166_ALPHA_2, isCountryCode, suggestCountryCode } from '../../src/config/country-codes.js';
import { SUPPORTED_LANGUAGES, suggestLanguage } from '../../src/config/languages.js';
import { sponsoredSeats } from '../../src/config/load-config.js';
import { builtInSeats } from '../../src/config/seats.js';
import { closest, editDistance } from '../../src/config/suggest.js';

describe('sponsoredSeats', () => {
  const quota = { government: 3, socialPartners: 1, socialPartnerMode: 'joint' as const, additional: 2 };
  it('counts government and social-partner seats of a southern country', () => {
    expect(sponsoredSeats({ seats: builtInSeats('south', quota) })).toBe(4);
  });
  it('is 0 for countries that come at their own cost', () => {
    expect(sponsoredSeats({ seats: builtInSeats('north', quota) })).toBe(0);
    expect(sponsoredSeats({ seats: builtInSeats('osce', quota) })).toBe(0);
  });
  it('splits separate social-partner seats into employers, trade union, then the rest', () => {
    const seats = builtInSeats('south', { ...quota, socialPartners: 3, socialPartnerMode: 'separate' });
    expect(seats.filter((s) => s.count > 0).map((s) => `${s.prefix}:${s.count}`)).toEqual(['gov:3', 'emp:1', 'tu:1', 'sp:1', 'add:2']);
  });
});

describe('suggestions', () => {
  it('finds close keys and values', () => {
    expect(closest('langauges', ['languages', 'name'])).toBe('languages');
    expect(closest('socialpartners', ['socialPartners'])).toBe('socialPartners');
    expect(closest('northern', ['south', 'north', 'osce'])).toBe('north');
    expect(closest('sponsor', ['event', 'sponsorship'])).toBe('sponsorship');
    expect(closest('chair', ['day', 'start', 'end', 'kind', 'title'])).toBeUndefined();
  });
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('suggests a language code', () => {
    expect(suggestLanguage('Arabic')).toBe('ar');
    expect(suggestLanguage('AR')).toBe('ar');
    expect(suggestLanguage('fr-MA')).toBe('fr');
    expect(suggestLanguage('gr')).toBe('el');
    expect(suggestLanguage('sw')).toBeUndefined();
    expect(SUPPORTED_LANGUAGES).toEqual(['en', 'fr', 'ar', 'he', 'es', 'de', 'it', 'pt', 'ru', 'el', 'tr']);
  });
});

describe('country codes', () => {
  it('embeds the 249 assigned ISO 3166-1 alpha-2 codes', () => {
    expect(ISO_3166_ALPHA_2.size).toBe(249);
    for (const code of ['MA', 'DZ', 'EG', 'IL', 'JO', 'LB', 'LY', 'TN', 'FR', 'GR', 'IT', 'MT', 'PT', 'ES']) {
      expect(isCountryCode(code)).toBe(true);
    }
    for (const code of ['UK', 'EL', 'XK', 'EU', 'ma']) expect(isCountryCode(code)).toBe(false);
  });
  it('suggests a code', () => {
    expect(suggestCountryCode('ma', 'Morocco')).toBe('MA');
    expect(suggestCountryCode('EL', 'Greece')).toBe('GR');
    expect(suggestCountryCode('XM', 'Morocco')).toBe('MA');
    expect(suggestCountryCode('QQ', 'Atlantis')).toBeUndefined();
  });
});

describe('calendar', () => {
  it('checks ISO dates and 24-hour times', () => {
    expect(isIsoDate('2027-03-16')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('16/03/2027')).toBe(false);
    expect(isTime('09:00')).toBe(true);
    expect(isTime('23:59')).toBe(true);
    expect(isTime('24:00')).toBe(false);
    expect(isTime('9:00')).toBe(false);
  });
  it('counts days and minutes', () => {
    expect(daysInclusive('2027-03-16', '2027-03-17')).toBe(2);
    expect(daysInclusive('2027-03-31', '2027-03-31')).toBe(1);
    expect(daysInclusive('2027-03-28', '2027-04-02')).toBe(6);
    expect(addDays('2027-03-16', 2)).toBe('2027-03-18');
    expect(minutesOf('14:30')).toBe(870);
  });
});
