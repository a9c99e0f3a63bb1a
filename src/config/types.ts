/** The normalised seminar configuration, as read from `sources/seminar.yaml`. */
import type { SourcePlace } from '../diagnostics/diagnostic.js';

export type CountryGroup = 'south' | 'north' | 'osce';
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
  place: SourcePlace;
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
  };
  sponsorship: { delegates: number; experts: number };
  countries: Country[];
  programme: Session[];
  /** Font folders are absolute paths here (resolved from the kit folder). */
  fonts?: FontConfig;
  files?: FilesConfig;
}
