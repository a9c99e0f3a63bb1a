/**
 * Nothing left in the source language: a French or Arabic document that prints an English
 * word ("the", "and", "Secretariat", "Dr") shows a text that was not translated — a template
 * word, a configuration text, a store entry left empty. Checked on the model, like the glyphs.
 *
 * The source language's telltale words are learnt from the kit itself: the words used most in
 * the source texts (the store's msgids) that its translations (the msgstrs) never use. Names,
 * acronyms and places appear in both and are never telltale; a word a translator keeps on
 * purpose is in the msgstrs and is not reported either.
 */
import { languageName } from '../config/languages.js';
import type { Block, DocumentModel, Inline } from '../document/model.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourcePlace } from '../diagnostics/diagnostic.js';
import type { PoCatalog } from '../translate/formats/po.js';

/** How many of the most frequent source words are candidates. */
const CANDIDATES = 150;
/** Words this short are too often shared between languages by chance ("a", "I"). */
const MIN_LENGTH = 2;

const WORD = /[\p{L}\p{M}]+/gu;

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * The words of the source language that the translations of `store` never use, among the
 * most frequent in its source texts. Empty when the store has no translations to learn from.
 */
export function telltaleWords(store: PoCatalog): Set<string> {
  const counts = new Map<string, number>();
  const translated = new Set<string>();
  for (const entry of store.entries) {
    if (entry.obsolete) continue;
    const target = entry.msgstr.join(' ');
    if (target.trim() === '') continue;
    for (const w of words(target)) translated.add(w.toLowerCase());
    for (const w of words(`${entry.msgid} ${entry.msgidPlural ?? ''}`)) {
      if (w.length < MIN_LENGTH) continue;
      const key = w.toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CANDIDATES);
  return new Set(ranked.map(([w]) => w).filter((w) => !translated.has(w)));
}

interface Found {
  word: string;
  place: SourcePlace | undefined;
  count: number;
}

/**
 * A warning (an error under `--strict`) when `model` prints source-language words: which
 * words, how many times each, placed at the first one.
 */
export function checkSourceLanguage(model: DocumentModel, telltale: ReadonlySet<string>, output: string, sourceLanguage: string, strict = false): Diagnostic[] {
  if (telltale.size === 0) return [];
  const found = new Map<string, Found>();
  const inlines = (list: readonly Inline[], place: SourcePlace | undefined) => {
    for (const node of list) {
      if (node.type === 'text') {
        for (const w of words(node.value)) {
          const key = w.toLowerCase();
          if (!telltale.has(key)) continue;
          const seen = found.get(key);
          if (seen) seen.count++;
          else found.set(key, { word: w, place: node.place ?? place, count: 1 });
        }
      } else if ('children' in node) {
        inlines(node.children, place);
      }
    }
  };
  const blocks = (list: readonly Block[]) => {
    for (const block of list) {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          inlines(block.children, block.place);
          break;
        case 'list':
          block.items.forEach(blocks);
          break;
        case 'blockquote':
          blocks(block.children);
          break;
        case 'table':
          for (const row of [block.header, ...block.rows]) for (const cell of row) inlines(cell, block.place);
          break;
        default:
          break;
      }
    }
  };
  blocks(model.blocks);
  for (const note of model.footnotes) blocks(note.children);
  if (found.size === 0) return [];
  const language = languageName(sourceLanguage);
  const all = [...found.values()];
  const listed = all.slice(0, 8).map((f) => `“${f.word}”${f.count > 1 ? ` (${f.count}×)` : ''}`).join(', ');
  const more = all.length > 8 ? ` and ${all.length - 8} more` : '';
  return [diagnostic(all[0]!.place ?? { file: model.origin }, strict ? 'error' : 'warning', 'i18n/source-language',
    `${output} (${model.meta.lang}) prints ${language} words, left untranslated: ${listed}${more}. Translate them in translations/${model.meta.lang}.po, or the configuration texts they come from${strict ? ' (--strict makes this an error)' : ''}.`)];
}

