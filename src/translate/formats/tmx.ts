/**
 * TMX 1.4b (LISA, 2005), the translation-memory exchange format.
 *
 * Written: `<header creationtool="folio" creationtoolversion="0.1" segtype="sentence"
 * o-tmf="folio" adminlang="en" srclang datatype="markdown"/>` (no creation date, so that the
 * same memory gives the same bytes), then per entry a `<tu tuid changedate>` with its
 * `<prop type>`s, `<note>`s and one `<tuv xml:lang><seg>` per variant, in the variants' order.
 * Inline codes: see `tmx-inline.ts`. No DOCTYPE is written.
 *
 * Read: TMX 1.1 to 1.4 (`lang` as well as `xml:lang`), a DOCTYPE ignored, `tu`-level props,
 * notes and `changedate` (else the latest `tuv` changedate); `tuv`-level props and notes
 * and the header's are not kept. Language codes stay as written (`FR-CA`), each the key of
 * its variant; a second `tuv` in the same language, compared case-insensitively, is reported
 * and left out. Compare keys with `sameLanguageTag`.
 */
import type { Content } from '../content.js';
import type { FormatProblem, Memory, MemoryEntry } from './exchange.js';
import { FORMAT_RULES, formatProblem, requireAttribute } from './format-rules.js';
import { normaliseLanguageTag } from './language-tag.js';
import { numberCodes, readTmxContent, writeTmxContent } from './tmx-inline.js';
import { edgeCodes, omegatNames, omegatSegment } from './omegat-tags.js';

import { wrongFormat } from './wrong-format.js';
import { readXml } from './xml-reader.js';
import { attribute, childElements, textContent, XML_NAMESPACE, type XmlElement } from './xml-tree.js';
import { FOLIO_TOOL, startTag, textElement, XML_DECLARATION } from './xml-writer.js';

/**
 * Writes a memory as TMX 1.4b. Same input, same text. `tags: 'omegat'`: inline codes as OmegaT's
 * own tags in the text (omegat-tags.ts), for a memory in an OmegaT project's tm/ folder.
 */
export function writeTmx(memory: Memory, options: { tags?: 'tmx' | 'omegat' } = {}): string {
  const lines = [
    XML_DECLARATION,
    startTag('tmx', [['version', '1.4']]),
    `  ${startTag(
      'header',
      [
        ['creationtool', FOLIO_TOOL.name],
        ['creationtoolversion', FOLIO_TOOL.version],
        ['segtype', 'sentence'],
        ['o-tmf', 'folio'],
        ['adminlang', 'en'],
        ['srclang', memory.sourceLang],
        ['datatype', 'markdown'],
      ],
      true,
    )}`,
    '  <body>',
  ];
  for (const entry of memory.entries) lines.push(...tuLines(entry, '    ', options.tags === 'omegat' ? memory.sourceLang : undefined));
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}

function tuLines(entry: MemoryEntry, indent: string, omegatSource?: string): string[] {
  const lines = [indent + startTag('tu', [['tuid', entry.id], ['changedate', entry.changedate]])];
  for (const prop of entry.props ?? []) lines.push(`${indent}  ${textElement('prop', [['type', prop.type]], prop.value)}`);
  for (const note of entry.notes ?? []) lines.push(`${indent}  ${textElement('note', [], note)}`);
  const numbers = numberCodes(entry.variants.values());
  const source = omegatSource === undefined ? undefined : entry.variants.get(omegatSource);
  const names = source ? omegatNames(source) : undefined;
  const leftOut = source ? edgeCodes(source) : undefined;
  for (const [lang, content] of entry.variants) {
    const seg = names ? omegatSegment(content, names, leftOut!, lang === omegatSource) : writeTmxContent(content, numbers);
    lines.push(`${indent}  ${startTag('tuv', [['xml:lang', lang]])}`, `${indent}    <seg>${seg}</seg>`, `${indent}  </tuv>`);
  }
  lines.push(`${indent}</tu>`);
  return lines;
}

/** Reads a TMX file. Malformed XML gives no memory and one problem. */
export function readTmx(bytes: Uint8Array): { memory?: Memory; problems: FormatProblem[] } {
  const xml = readXml(bytes);
  if (!xml.root) return { problems: xml.problems };
  const root = xml.root;
  if (root.local !== 'tmx') return { problems: [wrongFormat(root, 'TMX')] };
  const problems: FormatProblem[] = [];
  const header = childElements(root, (e) => e.local === 'header')[0];
  const sourceLang = requireAttribute(header ?? root, 'srclang', header && attribute(header, 'srclang'), problems) ?? '';
  const entries: MemoryEntry[] = [];
  for (const body of childElements(root, (e) => e.local === 'body')) {
    for (const tu of childElements(body, (e) => e.local === 'tu')) entries.push(readTu(tu, problems));
  }
  return { memory: { sourceLang, entries }, problems };
}

function readTu(tu: XmlElement, problems: FormatProblem[]): MemoryEntry {
  const entry: MemoryEntry = { variants: new Map<string, Content>() };
  const id = attribute(tu, 'tuid');
  if (id !== undefined) entry.id = id;
  const props = childElements(tu, (e) => e.local === 'prop').map((prop) => ({ type: attribute(prop, 'type') ?? '', value: textContent(prop) }));
  if (props.length > 0) entry.props = props;
  const notes = childElements(tu, (e) => e.local === 'note').map(textContent);
  if (notes.length > 0) entry.notes = notes;

  const seen = new Map<string, XmlElement>();
  let latestChange: string | undefined;
  for (const tuv of childElements(tu, (e) => e.local === 'tuv')) {
    const lang = requireAttribute(tuv, 'xml:lang', attribute(tuv, 'lang', XML_NAMESPACE) ?? attribute(tuv, 'lang'), problems);
    if (lang === undefined) continue;
    const key = normaliseLanguageTag(lang);
    const earlier = seen.get(key);
    if (earlier) {
      problems.push(
        formatProblem(
          tuv,
          FORMAT_RULES.duplicateLanguage,
          `A second <tuv> in ${lang} in this <tu> (the first is on line ${earlier.line}); it is left out. Keep one translation per language in each <tu>.`,
        ),
      );
      continue;
    }
    const seg = childElements(tuv, (e) => e.local === 'seg')[0];
    if (!seg) {
      problems.push(formatProblem(tuv, FORMAT_RULES.missingSource, `This <tuv> in ${lang} has no <seg>; it is left out. Export the memory again from the translation tool.`));
      continue;
    }
    seen.set(key, tuv);
    entry.variants.set(lang, readTmxContent(seg));
    const changed = attribute(tuv, 'changedate');
    // TMX dates are YYYYMMDDThhmmssZ (§3.2, ISO 8601 basic): they sort as strings.
    if (changed && (latestChange === undefined || changed > latestChange)) latestChange = changed;
  }
  const changedate = attribute(tu, 'changedate') ?? latestChange;
  if (changedate) entry.changedate = changedate;
  entry.line = tu.line;
  entry.column = tu.column;
  return entry;
}
