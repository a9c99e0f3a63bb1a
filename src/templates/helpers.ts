/**
 * Helpers available to every template. Formatting follows the document's language
 * through `Intl`, with dates read as calendar days (UTC) so they never shift by time zone.
 */
import { formatList } from './lists.js';
import type { HelperDelegate } from 'handlebars';
import { MarkdownFragment } from './literal-values.js';
import { sourceFragment } from '../sources/fragment.js';
import type { SourceDocument } from '../sources/load-sources.js';

export interface HelperContext {
  lang: string;
  /** Intl locale for formatting; defaults to {@link formattingLocale} of `lang`. */
  locale?: string;
}

const SMALL_NUMBERS_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export function parseIsoDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new TemplateValueError(`expected a date as YYYY-MM-DD, found ${JSON.stringify(iso)}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** A helper was given a value it cannot use; reported against the template. */
export class TemplateValueError extends Error {}

function isOptions(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;
}

/** Drops Handlebars' trailing `options` argument. */
function args(list: unknown[]): unknown[] {
  return isOptions(list[list.length - 1]) ? list.slice(0, -1) : list;
}

/** The locale used to format dates and numbers: British English for bare `en`. */
export function formattingLocale(lang: string): string {
  return lang === 'en' ? 'en-GB' : lang;
}

/** Intl formatters are costly to build and many documents share a locale: one per locale and options. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\0${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) { format = new Intl.DateTimeFormat(locale, options); dateFormats.set(key, format); }
  return format;
}
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormatter(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) { format = new Intl.NumberFormat(locale); numberFormats.set(locale, format); }
  return format;
}

export function makeHelpers(ctx: HelperContext): Record<string, HelperDelegate> {
  const locale = ctx.locale ?? formattingLocale(ctx.lang);
  const dateFormat = dateFormatter(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const weekdayFormat = dateFormatter(locale, { weekday: 'long', timeZone: 'UTC' });
  const fullFormat = dateFormatter(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const numberFormat = numberFormatter(locale);
  const timeFormat = dateFormatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  const formatTime = (hhmm: unknown) => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(String(hhmm));
    if (!m) throw new TemplateValueError(`expected a time as HH:MM, found ${JSON.stringify(hhmm)}`);
    return timeFormat.format(new Date(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2]))));
  };
  return {
    date: (iso: unknown) => dateFormat.format(parseIsoDate(String(iso))),
    fullDate: (iso: unknown) => fullFormat.format(parseIsoDate(String(iso))),
    weekday: (iso: unknown) => weekdayFormat.format(parseIsoDate(String(iso))),
    year: (iso: unknown) => String(parseIsoDate(String(iso)).getUTCFullYear()),
    /** `{{dateRange start end}}`: "16–17 March 2027" in the document's language. */
    dateRange: (start: unknown, end: unknown) => {
      const a = parseIsoDate(String(start));
      const b = parseIsoDate(String(end));
      return dateFormatter(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(a, b);
    },
    time: (hhmm: unknown) => formatTime(hhmm),
    /** `{{timeRange "09:00" "10:30"}}`: "09:00–10:30", never broken across lines (WORD JOINERs around the dash). */
    timeRange: (start: unknown, end: unknown) => `${formatTime(start)}\u2060–\u2060${formatTime(end)}`,
    formatNumber: (n: unknown) => numberFormat.format(Number(n)),
    /** Small numbers as words in English ("three"); other numbers and languages as digits. */
    spell: (n: unknown) => {
      const value = Number(n);
      if (ctx.lang.startsWith('en') && Number.isInteger(value) && value >= 0 && value < SMALL_NUMBERS_EN.length) {
        return SMALL_NUMBERS_EN[value];
      }
      return numberFormat.format(value);
    },
    /** `{{plural n "official" "officials"}}`: English-style singular/plural choice. */
    plural: (n: unknown, one: unknown, other: unknown) => (Number(n) === 1 ? String(one) : String(other)),
    eq: (...list: unknown[]) => { const [a, b] = args(list); return a === b; },
    ne: (...list: unknown[]) => { const [a, b] = args(list); return a !== b; },
    gt: (...list: unknown[]) => { const [a, b] = args(list); return Number(a) > Number(b); },
    lt: (...list: unknown[]) => { const [a, b] = args(list); return Number(a) < Number(b); },
    and: (...list: unknown[]) => args(list).every(Boolean),
    or: (...list: unknown[]) => args(list).some(Boolean),
    not: (value: unknown) => !value,
    add: (...list: unknown[]) => args(list).reduce<number>((sum, v) => sum + Number(v), 0),
    /**
     * `{{list items}}`: items separated by the language's comma; `{{list items "and"}}` or
     * `"or"`: one phrase in the language ("A, B and C", "A وB وC").
     */
    list: (items: unknown, kind: unknown) => {
      const values = Array.isArray(items) ? items.map(String) : [];
      return formatList(values, kind === 'and' || kind === 'or' ? kind : 'comma', locale);
    },
    join: (list: unknown, sep: unknown) => (Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : ''),
    pad2: (n: unknown) => String(n).padStart(2, '0'),
    /** `{{organiser 0}}`: "Name (SHORT)" of the first organiser, from the root data. */
    organiser: (index: unknown, options: { data?: { root?: { event?: { organisers?: { name: string; short: string }[] } } } }) => {
      const list = options?.data?.root?.event?.organisers ?? [];
      const o = list[Number(index)];
      if (!o) throw new TemplateValueError(`there is no organiser number ${Number(index) + 1} (the configuration lists ${list.length})`);
      return `${o.name} (${o.short})`;
    },
    /**
     * `{{content source shift=-1}}` inserts a source's parsed Markdown as blocks;
     * `shift` moves its headings up or down (## → # with -1).
     */
    content: (doc: unknown, options: { hash?: { shift?: number } }) => {
      if (!doc || typeof doc !== 'object' || !('tree' in doc)) {
        throw new TemplateValueError('`content` needs a source document (for example `{{content brief}}`)');
      }
      return new MarkdownFragment(sourceFragment(doc as SourceDocument, { shift: Number(options?.hash?.shift ?? 0) }));
    },
  };
}
