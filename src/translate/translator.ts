/**
 * Chooses, for each unit, the text that is published in a language: the translation when it is
 * final, the fuzzy one only under --allow-fuzzy, otherwise the source text (with a warning, or
 * an error under --strict). Every choice is counted for the report.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Segment } from '../segments/segment.js';
import type { TranslationCatalog } from './catalog.js';

export interface PublishPolicy {
  allowFuzzy: boolean;
  strict: boolean;
}

export class Translator {
  private readonly unpublished = new Map<string, { segment: Segment; reason: 'untranslated' | 'fuzzy'; line?: number }>();

  /**
   * With `folioOnly`, the translator of a kit's source language when that is not English: it
   * translates folio's own texts (built-in templates, form and layout messages, written in
   * English) and prints the kit's as written.
   */
  constructor(
    readonly lang: string,
    private readonly catalog: TranslationCatalog | undefined,
    private readonly policy: PublishPolicy,
    private readonly options: { folioOnly?: boolean } = {},
  ) {}

  /** The source language's content needs no translation: every unit of the kit is printed as written. */
  get isSource(): boolean {
    return this.catalog === undefined || this.options.folioOnly === true;
  }

  /** Where the translation used for a unit sits in the store (`translations/fr.po:123`), if one is used. */
  placeOf(segment: Segment): { file: string; line: number; column: number } | undefined {
    if (!this.catalog) return undefined;
    const entry = this.catalog.get(segment.context, segment.source);
    if (!entry || (entry.fuzzy && !this.policy.allowFuzzy)) return undefined;
    return { file: this.catalog.file, line: entry.line ?? 1, column: 1 };
  }

  text(segment: Segment): string {
    if (!this.catalog || (this.options.folioOnly && !isFolioText(segment))) return segment.source;
    const entry = this.catalog.get(segment.context, segment.source);
    if (entry && (!entry.fuzzy || this.policy.allowFuzzy)) return entry.target;
    const key = `${segment.context}\u0004${segment.source}`;
    if (!this.unpublished.has(key)) this.unpublished.set(key, { segment, reason: entry ? 'fuzzy' : 'untranslated', line: entry?.line });
    return segment.source;
  }

  /** Warnings (errors under --strict) for units printed in the source language. */
  diagnostics(): Diagnostic[] {
    if (!this.catalog || this.unpublished.size === 0) return [];
    const file = this.catalog.file;
    if (this.options.folioOnly) {
      const list = [...this.unpublished.values()];
      const shown = list.slice(0, 3).map(({ segment }) => `"${preview(segment.source)}" (${segment.place.file}:${segment.place.line})`).join(', ');
      return [diagnostic(list[0]!.segment.place, this.policy.strict ? 'error' : 'warning', 'translate/folio-wording',
        `${list.length} of folio's own text${list.length === 1 ? '' : 's'} ${list.length === 1 ? 'has' : 'have'} no ${this.lang} wording in its memory and ${list.length === 1 ? 'prints' : 'print'} in English in the ${this.lang} documents: ${shown}${list.length > 3 ? ', …' : ''}. ` +
          `Give ${list.length === 1 ? 'it' : 'them'} a ${this.lang} wording in a TMX file of translations/memory/ (English as the source language), or write the template in ${this.lang} (templates/<name>.md.hbs).`)];
    }
    if (this.policy.strict) {
      return [...this.unpublished.values()].map(({ segment, reason, line }) =>
        diagnostic(line ? { file, line, column: 1 } : segment.place, 'error', `translate/${reason}`,
          `${reason === 'fuzzy' ? 'Fuzzy' : 'No'} ${this.lang} translation for "${preview(segment.source)}" (${segment.place.file}:${segment.place.line}); --strict publishes only final translations. Translate it${reason === 'fuzzy' ? ' and remove the fuzzy flag' : ''}, or build without --strict.`));
    }
    const counts = { untranslated: 0, fuzzy: 0 };
    for (const u of this.unpublished.values()) counts[u.reason]++;
    const parts = [counts.untranslated ? `${counts.untranslated} untranslated` : '', counts.fuzzy ? `${counts.fuzzy} fuzzy` : ''].filter(Boolean).join(' and ');
    return [diagnostic({ file, line: 1, column: 1 }, 'warning', 'translate/incomplete',
      `${parts} unit${this.unpublished.size === 1 ? '' : 's'} printed in the source language in the ${this.lang} documents (run \`folio status\` for the list; --allow-fuzzy publishes fuzzy units, --strict makes this an error).`)];
  }
}

function preview(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47)}…` : text;
}

/** folio's own texts: the built-in templates' messages, the forms' and the page furniture's. */
export function isFolioText(segment: Segment): boolean {
  return segment.place.file.startsWith('folio:') || segment.place.file.startsWith('src/');
}
