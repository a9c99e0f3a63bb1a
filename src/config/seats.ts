import type { Country } from './types.js';

/**
 * The seats the organisers pay for in a country's delegation: government
 * officials plus social partners for a southern country, none for the others
 * (whose participants come at their own cost).
 */
export function sponsoredSeats(country: Pick<Country, 'group' | 'quota'>): number {
  if (country.group !== 'south') return 0;
  return country.quota.government + country.quota.socialPartners;
}
