/**
 * Every text the nomination forms print, as English ICU MessageFormat source strings. They
 * are translation units of context `template:nomination`; the renderers receive a `message`
 * callback that looks each one up and formats it. The callback's result is printed as plain
 * text (never read as Markdown).
 */

/** The source strings, by role. */
export const NOMINATION_MESSAGE = {
  title: 'Nomination form: {country}',
  deadline: 'Please return this form by {date}.',
  noDeadline: 'Please return this form as soon as possible.',
  contact: 'Seminar secretariat: {contact}',
  howToPdf: 'Fill in this form on screen, save it and send the PDF file back by e-mail. Please do not print and scan it: the nominations are read from the form’s fields.',
  howToDocx: 'Please use the fillable PDF version of this form if you can: the nominations are read from its fields. If you use this version, write one participant per row.',
  rowsHint: 'Fill in one block per participant and leave the blocks of places you do not use empty.',
  required: 'Fields marked * are required.',
  sponsoredNote: 'The organisers cover travel, accommodation and daily subsistence allowance for the sponsored places; additional participants come at their own cost.',
  ownCostNote: 'The participants of {country} come at their own cost.',
  government: 'Government official {n}',
  socialPartner: 'Social-partner representative {n}',
  employers: 'Representative of an employers’ organisation',
  tradeUnion: 'Representative of a trade-union federation',
  additional: 'Additional participant {n}',
  seat: '{kind}: place {n}',
  sponsored: 'sponsored',
  ownCost: 'own cost',
  place: 'Place',
  name: 'Name',
  function: 'Function',
  organisation: 'Ministry or organisation',
  email: 'E-mail',
  phone: 'Phone',
  page: 'Page {page} of {pages}',
} as const;

export type NominationMessageKey = keyof typeof NOMINATION_MESSAGE;

/** Every source string the forms use, for the translation store (context `template:nomination`). */
export const NOMINATION_MESSAGES: string[] = Object.values(NOMINATION_MESSAGE);

/** Looks up and formats one message in the document's language. */
export type MessageFn = (source: string, args?: Record<string, string | number>) => string;
