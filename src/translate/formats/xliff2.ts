/**
 * XLIFF 2.1 core (OASIS Standard, 13 February 2018); 2.0 and 2.2 files read the same way.
 *
 * Written: `<xliff version="2.1" srcLang trgLang>`, one `<file id="f1" original>`, one
 * `<unit id name>` per unit (the context as `name`), its notes in `<notes>`, its markup in
 * `<originalData>`, one `<segment id="s1" state subState>` with `<source>` and `<target>`, and
 * match proposals in the Translation Candidates module (`<mtc:matches>`, §5.2, `similarity`
 * holding the score). A message with one plural or select: a segment per category and
 * ignorables for its syntax (icu-split.ts). `xml:space="preserve"` on units whose whitespace matters. Unit ids are
 * NMTOKENs (see `nmtoken.ts`). States: see `stateToXliff2`.
 *
 * Read, besides that: `<group>`s, several `<file>`s, `translate="no"` units left out, units of
 * several `<segment>`s and `<ignorable>`s joined into one (targets placed by `order`), the
 * least advanced segment state, `matchQuality` when there is no `similarity`. An empty
 * target reads as no target.
 */
import type { Content } from '../content.js';
import { normaliseContent } from '../content.js';
import type { ExchangeFile, ExchangeUnit, FormatProblem, UnitState } from './exchange.js';
import { FORMAT_RULES, formatProblem, requireAttribute } from './format-rules.js';
import { decodeNmtoken, encodeNmtoken } from './nmtoken.js';
import { UnitIds } from './unit-ids.js';
import { impliedState, leastAdvanced, stateFromXliff2, stateToXliff2 } from './unit-state.js';
import { wrongFormat } from './wrong-format.js';
import { expandBranches, splitIcu } from './icu-split.js';
import { isXliff2, OriginalData, readOriginalData, readXliff2Content, writeXliff2Content, XLIFF2_NAMESPACE } from './xliff2-inline.js';
import { readXml } from './xml-reader.js';
import { attribute, childElements, textContent, type XmlElement } from './xml-tree.js';
import { startTag, textElement, whitespaceMatters, XML_DECLARATION } from './xml-writer.js';

export const MATCHES_NAMESPACE = 'urn:oasis:names:tc:xliff:matches:2.0';

type Alternative = NonNullable<ExchangeUnit['alternatives']>[number];

/** Writes an exchange file as XLIFF 2.1. Same input, same text. */
export function writeXliff2(file: ExchangeFile): string {
  const lines = [
    XML_DECLARATION,
    startTag('xliff', [
      ['xmlns', XLIFF2_NAMESPACE],
      ['xmlns:mtc', MATCHES_NAMESPACE],
      ['version', '2.1'],
      ['srcLang', file.sourceLang],
      ['trgLang', file.targetLang],
    ]),
    `  ${startTag('file', [['id', 'f1'], ['original', file.original]])}`,
  ];
  for (const unit of file.units) lines.push(...unitLines(unit, '    ', file.targetLang));
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}

function unitLines(unit: ExchangeUnit, indent: string, targetLang: string): string[] {
  const hasTarget = hasContent(unit.target);
  const { state, subState } = stateToXliff2(unit.state ?? impliedState(hasTarget), hasTarget);
  const parts = icuParts(unit, targetLang);
  const preserve = parts !== undefined || [unit.source, unit.target, ...(unit.alternatives ?? []).flatMap((a) => [a.source, a.target])].some(
    (content) => content !== undefined && whitespaceMatters(content.map((p) => (typeof p === 'string' ? p : '\u0000')).join('')),
  );
  const lines = [indent + startTag('unit', [['id', encodeNmtoken(unit.id)], ['name', unit.context], ['xml:space', preserve ? 'preserve' : undefined]])];
  const inner = `${indent}  `;
  if (unit.alternatives && unit.alternatives.length > 0) {
    lines.push(`${inner}<mtc:matches>`);
    for (const alternative of unit.alternatives) lines.push(...matchLines(alternative, `${inner}  `));
    lines.push(`${inner}</mtc:matches>`);
  }
  if (unit.notes && unit.notes.length > 0) {
    lines.push(`${inner}<notes>`, ...unit.notes.map((note) => `${inner}  ${textElement('note', [], note)}`), `${inner}</notes>`);
  }
  const originalData = new OriginalData();
  const body: string[] = [];
  // Written even when empty for a state XLIFF 2 allows only with a target.
  const withTarget = hasTarget || state !== 'initial';
  for (const part of parts ?? [{ kind: 'segment', id: 's1', source: unit.source, target: unit.target ?? [] }]) {
    const source = writeXliff2Content(part.source, originalData);
    const target = withTarget && part.target !== undefined ? writeXliff2Content(part.target, originalData) : undefined;
    body.push(part.kind === 'segment' ? `${inner}${startTag('segment', [['id', part.id], ['state', state], ['subState', subState]])}` : `${inner}${startTag('ignorable', [['id', part.id]])}`);
    body.push(`${inner}  <source>${source}</source>`);
    if (target !== undefined) body.push(`${inner}  <target>${target}</target>`);
    body.push(`${inner}</${part.kind}>`);
  }
  lines.push(...originalData.lines(inner), ...body, `${indent}</unit>`);
  return lines;
}

interface UnitPart { kind: 'segment' | 'ignorable'; id: string; source: Content; target?: Content }

/**
 * An ICU message with one plural or select, as segments a translator edits one by one (the text
 * around it, each branch, with the categories the target language needs) and ignorables for
 * its syntax (see icu-split.ts). Undefined when the message has no such argument, or its
 * translation is not built like the source (another argument, text before or after it where the
 * source has none, a category the language does not have): such a unit stays one segment.
 */
function icuParts(unit: ExchangeUnit, lang: string): UnitPart[] | undefined {
  if (!unit.source.some((p) => typeof p === 'string' && p.includes('{'))) return undefined;
  const source = splitIcu(unit.source);
  if (!source) return undefined;
  const branches = expandBranches(source, lang);
  const translated = hasContent(unit.target) ? splitIcu(unit.target!) : undefined;
  if (hasContent(unit.target)) {
    if (!translated || translated.head.replace(/\s+/g, '') !== source.head.replace(/\s+/g, '')) return undefined;
    if (translated.branches.some((b) => !branches.some((own) => own.key === b.key))) return undefined;
    if (hasContent(translated.before) !== hasContent(source.before) || hasContent(translated.after) !== hasContent(source.after)) return undefined;
  }
  // A category the translation lacks is its `other` (as ICU chooses); an exact value it lacks
  // (`=1`) is the category of that number in the target language.
  const own = new Map((translated?.branches ?? []).map((b) => [b.key, b.content]));
  const targetOf = (key: string) => {
    if (!translated) return undefined;
    if (own.has(key)) return own.get(key);
    if (key.startsWith('=') && source.kind !== 'select') {
      const category = new Intl.PluralRules(lang, { type: source.kind === 'selectordinal' ? 'ordinal' : 'cardinal' }).select(Number(key.slice(1)));
      return own.get(category) ?? own.get('other');
    }
    return own.get('other');
  };
  // With an offset, an exact value and a category count differently: such a translation stays whole.
  if (translated && /offset:/.test(source.head) && branches.some((b) => b.key.startsWith('=') && !own.has(b.key))) return undefined;
  const name = /^\{\s*([^,\s]+)/.exec(source.head)![1]!;
  const parts: UnitPart[] = [];
  let skeleton = '';
  let n = 0;
  const flush = () => {
    if (skeleton !== '') parts.push({ kind: 'ignorable', id: `i${++n}`, source: [skeleton], ...(translated ? { target: [skeleton] } : {}) });
    skeleton = '';
  };
  if (hasContent(source.before)) parts.push({ kind: 'segment', id: 'before', source: source.before, ...(translated ? { target: translated.before } : {}) });
  skeleton += source.head;
  branches.forEach((branch, i) => {
    skeleton += `${i > 0 ? ' ' : ''}${branch.key} {`;
    const target = targetOf(branch.key);
    // An empty branch (`=0 {}`) has nothing to translate: it is syntax.
    if (hasContent(branch.content) || hasContent(target)) {
      flush();
      parts.push({ kind: 'segment', id: `${name}.${branch.key.replace(/^=/, 'eq')}`, source: branch.content, ...(translated ? { target: target ?? [] } : {}) });
    }
    skeleton += '}';
  });
  skeleton += '}';
  flush();
  if (hasContent(source.after)) parts.push({ kind: 'segment', id: 'after', source: source.after, ...(translated ? { target: translated.after } : {}) });
  return parts;
}

function matchLines(alternative: Alternative, indent: string): string[] {
  const originalData = new OriginalData();
  const source = alternative.source ? writeXliff2Content(alternative.source, originalData) : undefined;
  const target = writeXliff2Content(alternative.target, originalData);
  return [
    indent + startTag('mtc:match', [['ref', '#s1'], ['similarity', alternative.quality], ['origin', alternative.origin]]),
    ...originalData.lines(`${indent}  `),
    // A match needs a source (§5.2.2.2): an empty one stands for "not known".
    `${indent}  <source>${source ?? ''}</source>`,
    `${indent}  <target>${target}</target>`,
    `${indent}</mtc:match>`,
  ];
}

function hasContent(content: Content | undefined): content is Content {
  return content !== undefined && content.some((part) => part !== '');
}

/** Reads an XLIFF 2.0, 2.1 or 2.2 file. Malformed XML gives no file and one problem. */
export function readXliff2(bytes: Uint8Array): { file?: ExchangeFile; problems: FormatProblem[] } {
  const xml = readXml(bytes);
  if (!xml.root) return { problems: xml.problems };
  const root = xml.root;
  if (root.local !== 'xliff' || !isXliff2(root)) return { problems: [wrongFormat(root, 'XLIFF 2')] };
  const problems: FormatProblem[] = [];
  const sourceLang = requireAttribute(root, 'srcLang', attribute(root, 'srcLang'), problems) ?? '';
  const file: ExchangeFile = { sourceLang, targetLang: attribute(root, 'trgLang') ?? '', units: [] };
  const reader = new UnitReader(problems, file.units);
  for (const fileElement of childElements(root, (e) => isXliff2(e) && e.local === 'file')) {
    const original = attribute(fileElement, 'original');
    if (original && file.original === undefined) file.original = original;
    reader.readContainer(fileElement, attribute(fileElement, 'translate') !== 'no');
  }
  return { file, problems };
}

interface Part {
  source: Content;
  target?: Content;
  order?: number;
  segment?: { state?: string; subState?: string };
}

class UnitReader {
  private readonly ids: UnitIds;
  constructor(
    private readonly problems: FormatProblem[],
    private readonly units: ExchangeUnit[],
  ) {
    this.ids = new UnitIds(problems);
  }

  readContainer(container: XmlElement, translate: boolean): void {
    for (const child of childElements(container, isXliff2)) {
      const childTranslate = (attribute(child, 'translate') ?? (translate ? 'yes' : 'no')) !== 'no';
      if (child.local === 'group') this.readContainer(child, childTranslate);
      else if (child.local === 'unit' && childTranslate) this.readUnit(child);
    }
  }

  private readUnit(element: XmlElement): void {
    const rawId = requireAttribute(element, 'id', attribute(element, 'id'), this.problems);
    if (rawId === undefined) return;
    const id = decodeNmtoken(rawId);
    if (!this.ids.claim(id, element)) return;
    const children = (local: string, of: XmlElement = element) => childElements(of, (e) => isXliff2(e) && e.local === local);
    const originalData = readOriginalData(children('originalData')[0]);

    const parts: Part[] = [];
    for (const child of childElements(element, (e) => isXliff2(e) && (e.local === 'segment' || e.local === 'ignorable'))) {
      const sourceElement = children('source', child)[0];
      if (!sourceElement) {
        this.problems.push(formatProblem(child, FORMAT_RULES.missingSource, `A <${child.local}> of unit "${id}" has no <source>; the unit is left out. Export the file again from the translation tool.`));
        return;
      }
      const part: Part = { source: readXliff2Content(sourceElement, originalData) };
      const targetElement = children('target', child)[0];
      if (targetElement) {
        part.target = readXliff2Content(targetElement, originalData);
        const order = Number(attribute(targetElement, 'order'));
        if (Number.isInteger(order) && order > 0) part.order = order;
      }
      if (child.local === 'segment') part.segment = { state: attribute(child, 'state'), subState: attribute(child, 'subState') };
      parts.push(part);
    }
    if (parts.length === 0) {
      this.problems.push(formatProblem(element, FORMAT_RULES.missingSource, `The unit "${id}" has no <segment>; it is left out. Export the file again from the translation tool.`));
      return;
    }

    const unit: ExchangeUnit = { id, source: normaliseContent(parts.flatMap((p) => p.source)) };
    const name = attribute(element, 'name');
    if (name) unit.context = name;
    const target = joinTargets(parts);
    if (target) unit.target = target;
    unit.state = leastAdvanced(parts.flatMap((p): UnitState[] => (p.segment ? [stateFromXliff2(p.segment.state, p.segment.subState, hasContent(p.target))] : []))) ?? 'new';
    const notes = children('notes').flatMap((notesElement) => children('note', notesElement).map(textContent));
    if (notes.length > 0) unit.notes = notes;
    const alternatives = childElements(element, (e) => e.uri === MATCHES_NAMESPACE && e.local === 'matches')
      .flatMap((matches) => childElements(matches, (e) => e.uri === MATCHES_NAMESPACE && e.local === 'match'))
      .flatMap((match) => readMatch(match));
    if (alternatives.length > 0) unit.alternatives = alternatives;
    unit.line = element.line;
    unit.column = element.column;
    this.units.push(unit);
  }
}

/**
 * Segment targets in `order`, or none. Ignorables without a target keep their source, and so do
 * segments not translated yet when others are (the unit then reads as not translated): the text
 * around a half-translated plural is never lost.
 */
function joinTargets(parts: Part[]): Content | undefined {
  if (!parts.some((p) => p.segment && p.target !== undefined)) return undefined;
  const slots = parts.map((p, index) => ({ position: p.order ?? index + 1, index, content: p.target ?? p.source }));
  slots.sort((a, b) => a.position - b.position || a.index - b.index);
  const joined = normaliseContent(slots.flatMap((s) => s.content));
  return joined.length > 0 ? joined : undefined;
}

function readMatch(match: XmlElement): Alternative[] {
  const children = (local: string) => childElements(match, (e) => isXliff2(e) && e.local === local);
  const targetElement = children('target')[0];
  if (!targetElement) return [];
  const originalData = readOriginalData(children('originalData')[0]);
  const alternative: Alternative = { target: readXliff2Content(targetElement, originalData) };
  const sourceElement = children('source')[0];
  const source = sourceElement ? readXliff2Content(sourceElement, originalData) : [];
  if (source.length > 0) alternative.source = source;
  const quality = attribute(match, 'similarity') ?? attribute(match, 'matchQuality');
  if (quality !== undefined && quality.trim() !== '' && Number.isFinite(Number(quality))) alternative.quality = Number(quality);
  const origin = attribute(match, 'origin');
  if (origin) alternative.origin = origin;
  return [alternative];
}
