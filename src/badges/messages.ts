/**
 * The words name badges print besides the data: the kinds of seat of the built-in rules (a
 * declared kind prints its configured name). Translation units of context `template:badge`.
 */
export const BADGE_MESSAGE = {
  government: 'Government',
  'social-partner': 'Social partner',
  employers: 'Employers',
  'trade-union': 'Trade union',
  additional: 'Participant',
} as const;

/** The title of the badges' PDF. */
export const BADGE_TITLE = 'Name badges';

export const BADGE_MESSAGES: string[] = [...Object.values(BADGE_MESSAGE), BADGE_TITLE];
