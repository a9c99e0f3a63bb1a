/** The normalised seminar configuration, as read from `sources/seminar.yaml`. */
import type { SourcePlace } from '../diagnostics/diagnostic.js';

/** A country group: `south`, `north` or `osce` without declared `groups`, else a declared group's key. */
export type CountryGroup = string;
export type SessionKind = 'plenary' | 'group' | 'break' | 'opening' | 'closing';

export interface Addressee {
  /** e.g. "His Excellency the Minister of Labour" */
  title: string;
  ministry: string;
  /** May contain line breaks. */
  address: string;
  /** Optional salutation name, e.g. "Minister". */
  salutation?: string;
}

export interface Quota {
  /** Sponsored government officials (south only; 0 elsewhere). */
  government: number;
  /** Sponsored social-partner seats (south only; 0 elsewhere). */
  socialPartners: number;
  /**
   * How the social-partner seats are read: one joint employers' and trade-union
   * federation seat (`joint`, default) or separate seats (`separate`).
   */
  socialPartnerMode: 'joint' | 'separate';
  /** Additional participants at the country's own cost (0–2). */
  additional: number;
}

export interface Country {
  code: string;
  name: string;
  group: CountryGroup;
  languages: string[];
  addressee: Addressee;
  quota: Quota;
  /**
   * The country's seats by kind, in the order letters and forms list them (kinds with no seat
   * included): from `quota` and the group's rules ({@link SeatRules}, or the built-in rules
   * of `south`/`north`/`osce` when none are declared).
   */
  seats: CountrySeats[];
  place: SourcePlace;
}

/** How many seats of one kind a country has, and who pays for them. */
export interface CountrySeats {
  /** The kind's key: a declared seat kind, or for the built-in rules `government`, `social-partner`, `employers`, `trade-union`, `additional`. */
  kind: string;
  count: number;
  sponsored: boolean;
  /** Prefix of the nomination form's field names for this kind (`gov` → `gov.1.name`). */
  prefix: string;
  /** The declared kind's name as written (translated at print); absent for the built-in kinds. */
  name?: string;
}

export type PageSize = 'A4' | 'A5' | 'Letter' | 'A4-landscape' | 'A5-landscape';

/** A kind of document the configuration declares (`documents:`), rendered from a template of the kit. */
export interface DeclaredDocument {
  /** Its files' name and its `--only` kind. */
  name: string;
  /** As written (translated at print); default: the name. */
  title?: string;
  /** templates/<template>.md.hbs */
  template: string;
  per: 'event' | 'country' | 'participant';
  formats: ('pdf' | 'docx')[];
  page: PageSize;
  /** Where its name is written. */
  place: SourcePlace;
}

/** The seat rules declared in the configuration (`seats`, `groups`, `budgets`). */
export interface SeatRules {
  /** The kinds of seat, in declaration order. */
  kinds: { key: string; name: string }[];
  groups: GroupRules[];
  budgets: Budget[];
}

export interface GroupRules {
  key: string;
  /** As written (translated at print). */
  name?: string;
  /** The kinds this group's countries may have seats of, in declaration order of `seats`. */
  seats: { kind: string; min: number; max?: number; sponsored: boolean }[];
}

/** Seats that must add up to `total` (or stay at most `max`). */
export interface Budget {
  name?: string;
  /** Only these groups (default: all). */
  groups?: string[];
  /** Only these kinds (default: all). */
  seats?: string[];
  /** Sponsored seats only (default), or every seat. */
  count: 'sponsored' | 'all';
  total?: number;
  max?: number;
}

export interface Session {
  day: number;
  start: string; // "HH:MM"
  end: string;   // "HH:MM"
  kind: SessionKind;
  theme?: number;
  title: string;
  speakers: string[];
  room?: string;
  place: SourcePlace;
}

export interface Organisation {
  /** Short name, e.g. "OSCE". */
  short: string;
  /** Full name. */
  name: string;
  /** Who signs letters for it. */
  /** `honorific` (Dr, Ms, Mr…) is printed before the name, translated into each language. */
  signatory?: { name: string; title: string; honorific?: string };
  /** Its logo, a PNG or JPEG file of the kit (path relative to the kit folder), for letterheads and pack covers. */
  logo?: { file: string; place: SourcePlace };
}

/** How the organisers' logos head letters and pack covers. */
export interface LetterheadConfig {
  /** `spread`: from the start edge to the end edge; `start`, `center`, `end`: side by side there. */
  layout: 'spread' | 'start' | 'center' | 'end';
  /** The logos' height, in millimetres. */
  height: number;
}

/** Font packages (or folders) per script; absent keys take the defaults. */
export interface FontConfig {
  serif?: string;
  sans?: string;
  mono?: string;
  arabic?: string;
  hebrew?: string;
}

/** `files:` — what folio may read outside the kit. */
export interface FilesConfig {
  /** Folders outside the kit that images and font folders may be read from, as real (absolute) paths. */
  allow: string[];
}

export interface SeminarConfig {
  /** The file it was read from. */
  file: string;
  event: {
    title: string;
    subtitle?: string;
    organisers: Organisation[];
    host: string;
    venue: { name: string; city: string; country: string; address?: string };
    /** ISO dates (YYYY-MM-DD), first and last day. */
    dates: { start: string; end: string };
    /** Languages documents are produced in; first is the source language. */
    languages: string[];
    /** Date printed on letters and in PDF metadata (YYYY-MM-DD). */
    issued: string;
    /** Prefix of letter reference numbers, e.g. "LMH/RBT". */
    referencePrefix: string;
    /** Reply-by date for nominations (YYYY-MM-DD). */
    replyBy?: string;
    /** `name` is the person; `honorific` and `role` ("Seminar Secretariat") are translated. */
    contact?: { name?: string; email?: string; phone?: string; honorific?: string; role?: string };
    /** Intl locale per language for dates and numbers, e.g. `{ ar: 'ar-MA-u-nu-latn' }`. */
    locales?: Record<string, string>;
    /** The organisers' logos' arrangement (defaults: spread, 16 mm). */
    letterhead?: LetterheadConfig;
    /** The handbook's title (and subtitle), translated; without it the handbook is called "Handbook". */
    handbook?: { title: string; subtitle?: string };
    /** Per language: hyphenation and kashida justification switched off (both on by default). */
    typesetting?: TypesettingConfig;
  };
  /** Required without declared seat rules (`sponsorship.delegates` is then the sponsored seats' budget). */
  sponsorship?: { delegates: number; experts: number };
  /** Present when the configuration declares its own `seats` and `groups`. */
  seatRules?: SeatRules;
  countries: Country[];
  programme: Session[];
  /** The event's own kinds of document (`documents:`). */
  documents?: DeclaredDocument[];
  /** Font folders are absolute paths here (resolved from the kit folder). */
  fonts?: FontConfig;
  files?: FilesConfig;
}

/** `event.typesetting`: per language of the event, the typesetting switches written (absent: on). */
export type TypesettingConfig = Record<string, { hyphenate?: boolean; kashida?: boolean }>;
