/** Shared set-up of the nomination tests: the sample configuration, fonts, and message callbacks. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { parseConfig } from '../../src/config/load-config.js';
import { builtInSeats, declaredSeats } from '../../src/config/seats.js';
import type { Country, SeminarConfig } from '../../src/config/types.js';
import { FontLibrary } from '../../src/text/fonts.js';
import { NOMINATION_MESSAGE as M, type MessageFn } from '../../src/nominations/messages.js';
import { renderNominationPdf, type FormInput } from '../../src/nominations/form-pdf.js';
import { fillNominationPdf } from '../../src/nominations/fill-pdf.js';
import { PROJECT } from '../helpers/kit.js';

export function sampleConfig(root = PROJECT): SeminarConfig {
  const file = path.join(root, 'sources', 'seminar.yaml');
  const { config, diagnostics } = parseConfig(readFileSync(file, 'utf8'), 'sources/seminar.yaml');
  if (!config) throw new Error(`test setup: the sample configuration has errors: ${JSON.stringify(diagnostics)}`);
  return config;
}

/** The configuration with one country's quota changed (its seats recomputed by the built-in rules). */
export function withQuota(config: SeminarConfig, code: string, quota: Partial<Country['quota']>): SeminarConfig {
  return {
    ...config,
    countries: config.countries.map((c) => {
      if (c.code !== code) return c;
      const q = { ...c.quota, ...quota };
      return { ...c, quota: q, seats: builtInSeats(c.group, q) };
    }),
  };
}

/** The sample with seat rules of its own: one group `partners` with government (sponsored) and observer seats. */
export function declaredConfig(config: SeminarConfig, counts: Record<string, number> = { government: 2, observers: 1 }): SeminarConfig {
  const seatRules: NonNullable<SeminarConfig['seatRules']> = {
    kinds: [{ key: 'government', name: 'Government delegates' }, { key: 'observers', name: 'Observers' }],
    groups: [{ key: 'partners', seats: [{ kind: 'government', min: 1, max: 3, sponsored: true }, { kind: 'observers', min: 0, max: 2, sponsored: false }] }],
    budgets: [],
  };
  return {
    ...config,
    seatRules,
    countries: config.countries.map((c) => ({ ...c, group: 'partners', seats: declaredSeats(seatRules, 'partners', new Map(Object.entries(counts))) })),
  };
}

export function country(config: SeminarConfig, code: string): Country {
  const found = config.countries.find((c) => c.code === code);
  if (!found) throw new Error(`test setup: no country ${code}`);
  return found;
}

/** Arabic for the form's messages (a translator's work in the real store). */
export const ARABIC: Record<string, string> = {
  [M.title]: 'استمارة الترشيح: {country}',
  [M.deadline]: 'يُرجى إعادة هذه الاستمارة في موعد أقصاه {date}.',
  [M.noDeadline]: 'يُرجى إعادة هذه الاستمارة في أقرب وقت ممكن.',
  [M.contact]: 'أمانة الندوة: {contact}',
  [M.howToPdf]: 'يُرجى ملء هذه الاستمارة على الشاشة وحفظها ثم إرسال ملف PDF بالبريد الإلكتروني. يُرجى عدم طباعتها ومسحها ضوئيًا: تُقرأ الترشيحات من حقول الاستمارة.',
  [M.howToDocx]: 'يُرجى استخدام نسخة PDF القابلة للملء من هذه الاستمارة إن أمكن: تُقرأ الترشيحات من حقولها. وإن استخدمتم هذه النسخة، فاكتبوا مشاركًا واحدًا في كل صف.',
  [M.rowsHint]: 'املؤوا خانة واحدة لكل مشارك، واتركوا خانات الأماكن غير المستخدمة فارغة.',
  [M.required]: 'الحقول المعلَّمة بعلامة * إلزامية.',
  [M.sponsoredNote]: 'يتحمل المنظمون تكاليف السفر والإقامة وبدل الإقامة اليومي للأماكن المموَّلة؛ ويتحمل المشاركون الإضافيون تكاليفهم بأنفسهم.',
  [M.ownCostNote]: 'يتحمل مشاركو {country} تكاليف مشاركتهم بأنفسهم.',
  [M.government]: 'مسؤول حكومي {n}',
  [M.socialPartner]: 'ممثل الشركاء الاجتماعيين {n}',
  [M.employers]: 'ممثل منظمة لأصحاب العمل',
  [M.tradeUnion]: 'ممثل اتحاد نقابي',
  [M.additional]: 'مشارك إضافي {n}',
  [M.seat]: '{kind}: المقعد {n}',
  [M.sponsored]: 'مموَّل',
  [M.ownCost]: 'على نفقته الخاصة',
  [M.place]: 'المكان',
  [M.name]: 'الاسم',
  [M.function]: 'الوظيفة',
  [M.organisation]: 'الوزارة أو المنظمة',
  [M.email]: 'البريد الإلكتروني',
  [M.phone]: 'الهاتف',
  [M.page]: 'الصفحة {page} من {pages}',
};

/** A message callback: the translation from `table` when there is one, else the English source. */
export function messages(locale: string, table: Record<string, string> = {}): MessageFn & { used: Set<string> } {
  const used = new Set<string>();
  const fn = (source: string, args?: Record<string, string | number>) => {
    used.add(source);
    return String(new IntlMessageFormat(table[source] ?? source, locale, undefined, { ignoreTag: true }).format(args));
  };
  return Object.assign(fn, { used });
}

export const DATE = new Date('2027-01-11T00:00:00Z');

/** The input of one form: English, French (English labels) or Arabic. */
export async function formInput(config: SeminarConfig, code: string, lang: 'en' | 'fr' | 'ar', overrides: Partial<FormInput> = {}): Promise<FormInput> {
  const c = country(config, code);
  const arabic = lang === 'ar';
  return {
    config,
    country: c,
    lang,
    direction: arabic ? 'rtl' : 'ltr',
    fonts: await FontLibrary.load(),
    message: messages(arabic ? 'ar' : lang, arabic ? ARABIC : {}),
    countryName: arabic ? ({ MA: 'المغرب', EG: 'مصر', TN: 'تونس', DZ: 'الجزائر', JO: 'الأردن', LB: 'لبنان', LY: 'ليبيا' }[code] ?? c.name) : c.name,
    deadline: arabic ? '12 فبراير 2027' : lang === 'fr' ? '12 février 2027' : '12 February 2027',
    date: DATE,
    ...overrides,
  };
}

let fontLibrary: Promise<FontLibrary> | undefined;

/** A form as a country sends it back: generated for `code` in `lang` from the sample configuration, filled with `values`. */
export async function returnedForm(code: string, lang: 'en' | 'fr' | 'ar', values: Record<string, string>, config = sampleConfig()): Promise<Uint8Array> {
  const fonts = await (fontLibrary ??= FontLibrary.load());
  return fillNominationPdf(await renderNominationPdf(await formInput(config, code, lang)), values, { fonts, lang });
}

/** One government official's fields, made up (not personal data of anyone). */
export function nominee(prefix: string, name: string, email: string): Record<string, string> {
  return { [`${prefix}.name`]: name, [`${prefix}.function`]: 'Director', [`${prefix}.organisation`]: 'Ministry of Labour', [`${prefix}.email`]: email };
}
