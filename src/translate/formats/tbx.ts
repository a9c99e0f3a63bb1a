/**
 * TBX termbases (ISO 30042), the format Weblate, Pontoon and the CAT tools exchange glossaries
 * in: the terms of each concept per language. Read: TBX 2 (`martif` / `termEntry` / `langSet` /
 * `tig` or `ntig/termGrp` / `term`) and TBX 3 and TBX-Basic 2019 (`tbx` / `conceptEntry` /
 * `langSec` / `termSec` / `term`); elements in other namespaces and everything else are skipped.
 * The XML is read as every other exchange file is (xml-reader.ts: no DTD, no entities).
 */
import type { FormatProblem } from './exchange.js';
import { normaliseLanguageTag } from './language-tag.js';
import { readXml } from './xml-reader.js';
import { attribute, childElements, textContent, XML_NAMESPACE, type XmlElement } from './xml-tree.js';
import { wrongFormat } from './wrong-format.js';
import { escapeAttribute, escapeText, XML_DECLARATION } from './xml-writer.js';

/** One concept: its terms by language tag (as normalised), in the file's order. */
export interface TermEntry {
  terms: Map<string, string[]>;
  line: number;
}

export function readTbx(bytes: Uint8Array): { entries?: TermEntry[]; problems: FormatProblem[] } {
  const xml = readXml(bytes);
  if (!xml.root) return { problems: xml.problems };
  const root = xml.root;
  if (root.local !== 'martif' && root.local !== 'tbx') return { problems: [wrongFormat(root, 'TBX')] };
  const body = childElements(root, (e) => e.local === 'text').flatMap((t) => childElements(t, (e) => e.local === 'body'));
  const entries: TermEntry[] = [];
  for (const concept of body.flatMap((b) => childElements(b, (e) => e.local === 'termEntry' || e.local === 'conceptEntry'))) {
    const terms = new Map<string, string[]>();
    for (const langSet of childElements(concept, (e) => e.local === 'langSet' || e.local === 'langSec')) {
      const lang = attribute(langSet, 'lang', XML_NAMESPACE);
      if (!lang) continue;
      const tag = normaliseLanguageTag(lang);
      const found = termsOf(langSet).map((t) => textContent(t).replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
      if (found.length > 0) terms.set(tag, [...(terms.get(tag) ?? []), ...found]);
    }
    if (terms.size > 0) entries.push({ terms, line: concept.line });
  }
  return { entries, problems: [] };
}

/** The `term` elements of a language section: in `tig`, `ntig/termGrp` or `termSec`. */
function termsOf(langSet: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const holder of childElements(langSet, (e) => e.local === 'tig' || e.local === 'ntig' || e.local === 'termSec')) {
    const groups = holder.local === 'ntig' ? childElements(holder, (e) => e.local === 'termGrp') : [holder];
    for (const group of groups) out.push(...childElements(group, (e) => e.local === 'term'));
  }
  return out;
}

/** A TBX 2 file (martif, termEntry/langSet/tig/term, as Weblate writes it) of some concepts. */
export function writeTbx(entries: readonly TermEntry[], sourceLang: string): string {
  const lines = [XML_DECLARATION, `<martif type="TBX" xml:lang="${escapeAttribute(sourceLang)}">`, '  <martifHeader><fileDesc><sourceDesc><p>folio</p></sourceDesc></fileDesc></martifHeader>', '  <text>', '    <body>'];
  entries.forEach((entry, i) => {
    lines.push(`      <termEntry id="c${i + 1}">`);
    for (const [lang, terms] of entry.terms) {
      lines.push(`        <langSet xml:lang="${escapeAttribute(lang)}">`, ...terms.map((t) => `          <tig><term>${escapeText(t)}</term></tig>`), '        </langSet>');
    }
    lines.push('      </termEntry>');
  });
  lines.push('    </body>', '  </text>', '</martif>', '');
  return lines.join('\n');
}
