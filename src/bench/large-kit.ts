/**
 * The bench's kits: a copy of the sample kit, and a generated large kit (the handbook repeated
 * to 300+ pages in each of en, fr and ar; letters for 60 countries in English and French).
 *
 * The large kit stays fully translated. A unit's identity is its context (the chapter's `id`)
 * plus its Markdown, and a paragraph's Markdown includes its footnote marks (`…objective.[^1]`).
 * Each copy of a chapter needs footnote labels of its own (`[^1]` would otherwise name one note
 * from several places), so copy n > 0 renames `[^1]` to `[^1-n]`; headings and paragraphs are
 * otherwise left exactly as written. Footnote labels are not translated text: the translation
 * of `…objective.[^1-3]` is the existing translation of `…objective.[^1]` with the same label
 * renamed, so the copies' stores get those relabelled entries. The generated countries' texts
 * (name, addressee, ministry) get French and Arabic entries in the stores too.
 */
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { parsePo, writePo, entryKey, type PoEntry } from '../translate/formats/po.js';

/** How many times each handbook chapter is repeated in the large kit (English handbook ≥ 300 pages). */
export const COPIES = 12;
/** Countries in the large kit (the sample kit's 18, and generated ones). */
export const COUNTRIES = 60;

const KIT_DIRS = ['sources', 'templates', 'translations'] as const;

/** A copy of a kit's inputs (sources, templates, translations) in a new temporary folder. */
export async function copyKit(from: string, prefix: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  for (const dir of KIT_DIRS) await cp(path.join(from, dir), path.join(root, dir), { recursive: true, filter: (src) => !src.includes('drafts') });
  return root;
}

const FOOTNOTE_LABEL = /\[\^([^\]\s]+)\]/g;

function relabel(text: string, copy: number): string {
  return copy === 0 ? text : text.replace(FOOTNOTE_LABEL, (_, label: string) => `[^${label}-${copy}]`);
}

/** Generated countries: ISO codes not in the sample kit, in this order. */
const EXTRA_CODES = ['AD', 'AM', 'AT', 'AZ', 'BA', 'BE', 'BG', 'BY', 'CA', 'CY', 'CZ', 'DK', 'EE', 'FI', 'GB', 'GE', 'HR', 'HU', 'IE', 'IS',
  'KG', 'KZ', 'LI', 'LT', 'LU', 'LV', 'MC', 'MD', 'ME', 'MK', 'MN', 'NL', 'NO', 'PL', 'RO', 'RS', 'SE', 'SI', 'SK', 'SM', 'TJ', 'TM',
  'UA', 'US', 'UZ', 'VA'];

/** The configuration texts of a generated country, in English, French and Arabic. */
function countryTexts(code: string): { name: string; title: string; ministry: string }[] {
  return [
    { name: `Country ${code}`, title: 'The Minister of Labour', ministry: `Ministry of Labour (${code})` },
    { name: `Pays ${code}`, title: 'Monsieur le Ministre du Travail', ministry: `Ministère du Travail (${code})` },
    { name: `البلد ${code}`, title: 'معالي وزير العمل', ministry: `وزارة العمل (${code})` },
  ];
}

export interface LargeKit {
  root: string;
  copies: number;
  countries: number;
  /** Relabelled and country entries added per store. */
  addedEntries: Record<string, number>;
}

/** Copies the sample kit and grows it into the large kit. */
export async function makeLargeKit(sampleRoot: string): Promise<LargeKit> {
  const root = await copyKit(sampleRoot, 'folio-bench-large-');

  // 1. The handbook: every chapter's body COPIES times, footnote labels renamed per copy.
  const handbook = path.join(root, 'sources', 'handbook');
  const chapterIds = new Set<string>();
  for (const name of (await readdir(handbook)).filter((n) => n.endsWith('.md'))) {
    const file = path.join(handbook, name);
    const text = await readFile(file, 'utf8');
    const end = text.indexOf('\n---', 3);
    const front = text.slice(0, end + 4);
    const id = /^id:\s*"?([^"\n]+)"?\s*$/m.exec(front)?.[1]?.trim() ?? name.replace(/\.md$/, '');
    chapterIds.add(id);
    const body = text.slice(end + 4);
    const copies = Array.from({ length: COPIES }, (_, copy) => relabel(body, copy));
    await writeFile(file, `${front}\n${copies.join('\n\n')}`);
  }

  // 2. Countries: up to COUNTRIES, the generated ones writing in English and French, at their own cost.
  const configFile = path.join(root, 'sources', 'seminar.yaml');
  const doc = parseDocument(await readFile(configFile, 'utf8'));
  const countries = doc.get('countries') as { items: unknown[] };
  const existing = new Set((doc.toJS().countries as { code: string }[]).map((c) => c.code));
  const generated: string[] = [];
  for (const code of EXTRA_CODES.filter((c) => !existing.has(c))) {
    if (countries.items.length >= COUNTRIES) break;
    const [en] = countryTexts(code);
    countries.items.push(doc.createNode({
      code, name: en!.name, group: 'osce', languages: ['en', 'fr'],
      addressee: { title: en!.title, ministry: en!.ministry, address: `1 Labour Square\nCapital City ${code}` },
      quota: { government: 0, socialPartners: 0, additional: 2 },
    }));
    generated.push(code);
  }
  await writeFile(configFile, doc.toString());

  // 3. The stores: relabelled copies of the chapters' units, and the generated countries' texts.
  const addedEntries: Record<string, number> = {};
  for (const [lang, index] of [['fr', 1], ['ar', 2]] as const) {
    const file = path.join(root, 'translations', `${lang}.po`);
    const parsed = parsePo(await readFile(file, 'utf8'));
    if (!parsed.catalog) throw new Error(`bench: cannot read ${file}`);
    const catalog = parsed.catalog;
    const keys = new Set(catalog.entries.map(entryKey));
    const added: PoEntry[] = [];
    const add = (entry: PoEntry) => {
      const key = entryKey(entry);
      if (keys.has(key)) return;
      keys.add(key);
      added.push(entry);
    };
    for (const entry of catalog.entries) {
      if (entry.obsolete || entry.msgctxt === undefined || !chapterIds.has(entry.msgctxt)) continue;
      if (!/\[\^[^\]\s]+\]/.test(entry.msgid)) continue;
      const { line: _line, ...rest } = entry;
      for (let copy = 1; copy < COPIES; copy++) {
        add({ ...rest, msgid: relabel(entry.msgid, copy), msgstr: entry.msgstr.map((s) => relabel(s, copy)), references: [] });
      }
    }
    for (const code of generated) {
      const texts = countryTexts(code);
      for (const field of ['name', 'title', 'ministry'] as const) {
        add({ msgctxt: 'config', msgid: texts[0]![field], msgstr: [texts[index]![field]], translatorComments: [], extractedComments: [], references: [], flags: [], obsolete: false });
      }
    }
    catalog.entries.push(...added);
    addedEntries[lang] = added.length;
    await writeFile(file, writePo(catalog));
  }
  return { root, copies: COPIES, countries: countries.items.length, addedEntries };
}
