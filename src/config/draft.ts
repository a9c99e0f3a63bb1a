/**
 * What the schema readers make of the file before the cross-field rules run:
 * the normalised shape, but with every part optional (a part that could not be
 * read is left out and has been reported) and with places kept for the values
 * the rules check.
 */
import type { SourcePlace } from '../diagnostics/diagnostic.js';
import type { Field } from './reader.js';
import type { Addressee, CountryGroup, Organisation, SeminarConfig, SessionKind } from './types.js';
import type { Where } from './where.js';

export interface ConfigDraft {
  event?: EventDraft;
  sponsorship?: SponsorshipDraft;
  /** Present when the file declares `groups` (its own seat rules). */
  seatRules?: SeatRulesDraft;
  countries?: CountryDraft[];
  programme?: SessionDraft[];
  documents?: SeminarConfig['documents'];
  fonts?: SeminarConfig['fonts'];
  files?: SeminarConfig['files'];
}

export interface EventDraft {
  place: SourcePlace;
  title?: string;
  subtitle?: string;
  organisers?: Organisation[];
  host?: string;
  venue?: SeminarConfig['event']['venue'];
  dates?: { start?: Field<string>; end?: Field<string> };
  /** Left out when any language is unknown or repeated, so later rules do not pile up. */
  languages?: Field<string>[];
  issued?: Field<string>;
  referencePrefix?: string;
  replyBy?: Field<string>;
  contact?: SeminarConfig['event']['contact'];
  locales?: Record<string, string>;
  letterhead?: SeminarConfig['event']['letterhead'];
  handbook?: SeminarConfig['event']['handbook'];
  typesetting?: SeminarConfig['event']['typesetting'];
}

export interface SponsorshipDraft {
  place: SourcePlace;
  delegates?: Field<number>;
  experts?: Field<number>;
}

export interface QuotaDraft {
  where: Where;
  place: SourcePlace;
  government?: Field<number>;
  socialPartners?: Field<number>;
  additional?: Field<number>;
  socialPartnerMode?: Field<'joint' | 'separate'>;
  /** With declared seat rules: the count written for each key (checked against the group's kinds). */
  counts?: { kind: string; keyPlace: SourcePlace; field: Field<number> }[];
}

export interface SeatRulesDraft {
  place: SourcePlace;
  /** `seats`: the kinds, in declaration order. */
  kinds: { key: string; name?: string; place: SourcePlace }[];
  groups: GroupDraft[];
  budgets: BudgetDraft[];
  /** False when a part of `seats`, `groups` or `budgets` could not be read (and was reported). */
  complete: boolean;
}

export interface GroupDraft {
  key: string;
  place: SourcePlace;
  where: Where;
  name?: string;
  seats: { kind: string; place: SourcePlace; where: Where; min?: Field<number>; max?: Field<number>; sponsored: boolean }[];
}

export interface BudgetDraft {
  where: Where;
  place: SourcePlace;
  name?: string;
  groups?: Field<string>[];
  seats?: Field<string>[];
  count: 'sponsored' | 'all';
  total?: Field<number>;
  max?: Field<number>;
}

export interface CountryDraft {
  index: number;
  where: Where;
  place: SourcePlace;
  /** The name, else the code, else the path: how messages name the country. */
  label: string;
  code?: Field<string>;
  name?: string;
  group?: Field<CountryGroup>;
  /** The supported, distinct codes (the others are reported). */
  languages?: Field<string>[];
  addressee?: Addressee;
  quota?: QuotaDraft;
}

export interface SessionDraft {
  index: number;
  where: Where;
  place: SourcePlace;
  day?: Field<number>;
  start?: Field<string>;
  end?: Field<string>;
  kind?: Field<SessionKind>;
  theme?: Field<number>;
  title?: string;
  speakers?: string[];
  room?: string;
  /** True when any of the session's values could not be read (and was reported). */
  incomplete: boolean;
}
