/**
 * Store entries ↔ exchange units (XLIFF, TMX). A unit's id is derived from its identity
 * (context + source), so a file that comes back finds its entries even after the store moved on.
 */
import { createHash } from 'node:crypto';
import type { PoCatalog, PoEntry } from './formats/po.js';
import type { ExchangeFile, ExchangeUnit, Memory, UnitState } from './formats/exchange.js';
import { fromContent, toContent } from './content-markdown.js';
import { contentText, type Content, type InlineCode } from './content.js';
import { syntaxOf } from './qa.js';
import { stateOf } from './status.js';
import { expandedSource } from './formats/icu-split.js';

export function unitId(context: string, source: string): string {
  return `u${createHash('sha1').update(`${context}\u0004${source}`).digest('hex').slice(0, 12)}`;
}

function labelsOf(msgid: string): string[] {
  return [...msgid.matchAll(/\[\^([^\]]+)\]/g)].map((m) => m[1]!);
}

export function entryContent(entry: PoEntry, text: string): Content {
  return toContent(text, syntaxOf(entry), labelsOf(entry.msgid));
}

const STATE: Record<ReturnType<typeof stateOf>, UnitState> = { translated: 'translated', fuzzy: 'needs-review', untranslated: 'new' };

export function storeToExchange(store: PoCatalog, sourceLang: string, lang: string, onlyTodo: boolean): ExchangeFile {
  const units: ExchangeUnit[] = [];
  for (const entry of store.entries) {
    if (entry.obsolete) continue;
    const state = stateOf(entry);
    if (onlyTodo && state === 'translated') continue;
    const unit: ExchangeUnit = {
      id: unitId(entry.msgctxt ?? '', entry.msgid),
      context: entry.msgctxt,
      source: entryContent(entry, entry.msgid),
      state: STATE[state],
    };
    if (state !== 'untranslated') unit.target = entryContent(entry, entry.msgstr[0]!);
    const notes = [...entry.extractedComments, ...entry.translatorComments, ...entry.references.map((r) => `Source: ${r}`)];
    if (notes.length) unit.notes = notes;
    units.push(unit);
  }
  return { sourceLang, targetLang: lang, original: `translations/${lang}.po`, units };
}

export function storeToMemory(store: PoCatalog, sourceLang: string, lang: string): Memory {
  const entries: Memory['entries'] = [];
  for (const entry of store.entries) {
    if (entry.obsolete || stateOf(entry) !== 'translated') continue;
    entries.push({
      id: unitId(entry.msgctxt ?? '', entry.msgid),
      variants: new Map([[sourceLang, entryContent(entry, entry.msgid)], [lang, entryContent(entry, entry.msgstr[0]!)]]),
      props: entry.msgctxt ? [{ type: 'x-folio-context', value: entry.msgctxt }] : [],
    });
  }
  return { sourceLang, entries };
}

/**
 * A translated unit back into the store's syntax. Codes are matched by id to the codes of the
 * entry's own source, so tools that keep only ids (XLIFF 1.2 `<g>`/`<x>`) lose nothing.
 */
export function targetText(entry: PoEntry, target: Content): string {
  const codes = new Map<string, InlineCode>();
  for (const part of entryContent(entry, entry.msgid)) {
    if (typeof part !== 'string') codes.set(`${part.kind}:${part.id}`, part);
  }
  const restored = target.map((part) => {
    if (typeof part === 'string') return part;
    const own = codes.get(`${part.kind}:${part.id}`);
    return own ? { ...part, data: own.data } : part;
  });
  return fromContent(restored, syntaxOf(entry));
}

/**
 * How an exchange unit's source is the entry's: `content` (the same words, codes aside, see
 * sameSource), `text` (no codes, and its text is the store's own msgid: a file made from a PO
 * export of folio's, where Markdown and placeholders are text, as Translate Toolkit's xliff2po
 * and po2xliff leave them), or not at all.
 */
export function sourceMatch(entry: PoEntry, source: Content, lang: string): 'content' | 'text' | undefined {
  if (sameSource(entry, source, lang)) return 'content';
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
  if (!source.every((p) => typeof p === 'string')) return undefined;
  return norm(contentText(source)) === norm(withMarkup(entryContent(entry, entry.msgid))) ? 'text' : undefined;
}

/** Content as one string, each code as its markup: how a PO made by xliff2po shows a unit. */
function withMarkup(content: Content): string {
  return content.map((p) => (typeof p === 'string' ? p : p.data)).join('');
}

/**
 * A translation written with its markup as text (see sourceMatch `text`) as content: the
 * markup of the source's codes found in it again, longest first, each occurrence taken as the
 * next unused code with that markup (`**` open, then its close); what is left is text.
 */
export function markupToContent(entry: PoEntry, text: string): Content {
  const codes = entryContent(entry, entry.msgid).filter((p): p is InlineCode => typeof p !== 'string' && p.data !== '');
  const markups = [...new Set(codes.map((c) => c.data))].sort((a, b) => b.length - a.length);
  const used = new Set<InlineCode>();
  const out: Content = [];
  let plain = '';
  // An opening code counts only where its closing markup follows before the opening markup comes
  // again (a literal "[" before a link is text; "**" opens and closes alike).
  const closes = (code: InlineCode, from: number) => {
    if (code.kind !== 'open') return true;
    const partner = codes.find((c) => c.kind === 'close' && c.id === code.id);
    if (!partner) return true;
    const closeAt = text.indexOf(partner.data, from);
    if (closeAt < 0) return false;
    if (partner.data === code.data) return true;
    const again = text.indexOf(code.data, from);
    return again < 0 || again >= closeAt;
  };
  for (let i = 0; i < text.length;) {
    const markup = markups.find((m) => text.startsWith(m, i));
    const code = markup === undefined ? undefined : codes.find((c) => c.data === markup && !used.has(c) && closes(c, i + markup.length));
    if (code) {
      used.add(code);
      if (plain !== '') out.push(plain);
      plain = '';
      out.push(code);
      i += markup!.length;
    } else {
      plain += text[i];
      i++;
    }
  }
  if (plain !== '') out.push(plain);
  return out;
}

/**
 * Whether an exchange unit's source is still the entry's source (same words, codes aside), as
 * written or, for a plural XLIFF 2 gave the target language's categories, as so expanded.
 */
export function sameSource(entry: PoEntry, source: Content, lang: string): boolean {
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
  const own = entryContent(entry, entry.msgid);
  const text = norm(contentText(source));
  if (norm(contentText(own)) === text) return true;
  const expanded = syntaxOf(entry) === 'icu' ? expandedSource(own, lang) : undefined;
  return expanded !== undefined && norm(contentText(expanded)) === text;
}
