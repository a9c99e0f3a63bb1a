/**
 * XLIFF 1.2 (OASIS Standard, 1 February 2008), the format most translation tools exchange.
 *
 * Written: one `<file original datatype="x-markdown" source-language target-language>`, one
 * `<trans-unit>` per unit with `resname` (the context), `<source>`, `<target state>` (left
 * out for a new unit without a target; `approved="yes"` on every unit folio publishes, translated
 * or final), `<note>`s and
 * `<alt-trans match-quality origin>`; `xml:space="preserve"` on units whose whitespace
 * matters. Inline codes: see `xliff12-inline.ts`.
 *
 * Read, besides that: `<group>`s (their `translate="no"` inherited), several `<file>`s with
 * one language pair, units with `translate="no"` and `<bin-unit>`s left out, `state` values of
 * §2.4.4 and `approved="yes"`, `context-group`s (as the context when there is no `resname`),
 * and what Trados Studio and memoQ add: a `<seg-source>` whose `<mrk mtype="seg">` sentences
 * make one unit several segments. Such a unit is read as one unit with its own id — folio's
 * unit, which the tool split — its target the segments' targets joined (with what lies
 * between them), its state the least advanced of the segments' (`sdl:seg conf`, else the
 * target's `state`). An empty target reads as no target; a file without `target-language`
 * reads with `targetLang` empty, for the caller to judge.
 */
import type { Content } from '../content.js';
import type { ExchangeFile, ExchangeUnit, FormatProblem, UnitState } from './exchange.js';
import { FORMAT_RULES, formatProblem, requireAttribute } from './format-rules.js';
import { sameLanguageTag } from './language-tag.js';
import { impliedState, leastAdvanced, stateFromSdlConf, stateFromXliff12, stateToXliff12 } from './unit-state.js';
import {
  FOLIO_NAMESPACE,
  readTagDefinitions,
  readXliff12Content,
  SDL_NAMESPACE,
  writeXliff12Content,
  XLIFF12_NAMESPACE,
  type Xliff12InlineContext,
} from './xliff12-inline.js';
import { readXml } from './xml-reader.js';
import { attribute, childElements, textContent, type XmlElement } from './xml-tree.js';
import { FOLIO_TOOL, startTag, textElement, whitespaceMatters, XML_DECLARATION } from './xml-writer.js';
import { UnitIds } from './unit-ids.js';
import { wrongFormat } from './wrong-format.js';

/** Writes an exchange file as XLIFF 1.2. Same input, same text. */
/** What an untranslated unit's `<target>` holds: a copy of its source (OmegaT translates only units that have a target), or nothing. */
export type UntranslatedTarget = 'source' | 'empty';

export function writeXliff12(file: ExchangeFile, options: { untranslated?: UntranslatedTarget } = {}): string {
  const lines = [
    XML_DECLARATION,
    startTag('xliff', [
      ['version', '1.2'],
      ['xmlns', XLIFF12_NAMESPACE],
      ['xmlns:folio', FOLIO_NAMESPACE],
    ]),
    `  ${startTag('file', [
      ['original', file.original ?? ''],
      ['datatype', 'x-markdown'],
      ['source-language', file.sourceLang],
      ['target-language', file.targetLang],
    ])}`,
    '    <header>',
    `      ${startTag('tool', [['tool-id', FOLIO_TOOL.name], ['tool-name', FOLIO_TOOL.name], ['tool-version', FOLIO_TOOL.version]], true)}`,
    '    </header>',
    '    <body>',
  ];
  for (const unit of file.units) lines.push(...transUnitLines(unit, '      ', options.untranslated ?? 'source'));
  lines.push('    </body>', '  </file>', '</xliff>', '');
  return lines.join('\n');
}

function transUnitLines(unit: ExchangeUnit, indent: string, untranslated: UntranslatedTarget): string[] {
  const state = unit.state ?? impliedState(hasContent(unit.target));
  const preserve = [unit.source, unit.target, ...(unit.alternatives ?? []).flatMap((a) => [a.source, a.target])].some(
    (content) => content !== undefined && whitespaceMatters(textOf(content)),
  );
  const lines = [
    indent +
      startTag('trans-unit', [
        ['id', unit.id],
        ['resname', unit.context],
        // Every unit folio publishes as it is (Translate Toolkit reads a unit without it as fuzzy).
        ['approved', state === 'final' || state === 'translated' ? 'yes' : undefined],
        ['xml:space', preserve ? 'preserve' : undefined],
      ]),
    `${indent}  <source>${writeXliff12Content(unit.source)}</source>`,
  ];
  if (hasContent(unit.target) || state !== 'new') {
    lines.push(`${indent}  ${startTag('target', [['state', stateToXliff12(state)]])}${writeXliff12Content(unit.target ?? [])}</target>`);
  } else if (untranslated === 'source') {
    // folio:copy="source" says the target is folio's copy: a tool that translates it without
    // changing the state (OmegaT) is still read as having translated it (see import-file.ts).
    lines.push(`${indent}  ${startTag('target', [['state', 'needs-translation'], ['folio:copy', 'source']])}${writeXliff12Content(unit.source)}</target>`);
  } else {
    lines.push(`${indent}  ${startTag('target', [['state', 'needs-translation']], true)}`);
  }
  for (const note of unit.notes ?? []) lines.push(`${indent}  ${textElement('note', [], note)}`);
  for (const alternative of unit.alternatives ?? []) {
    lines.push(`${indent}  ${startTag('alt-trans', [['match-quality', alternative.quality], ['origin', alternative.origin]])}`);
    if (alternative.source) lines.push(`${indent}    <source>${writeXliff12Content(alternative.source)}</source>`);
    lines.push(`${indent}    <target>${writeXliff12Content(alternative.target)}</target>`, `${indent}  </alt-trans>`);
  }
  lines.push(`${indent}</trans-unit>`);
  return lines;
}

function hasContent(content: Content | undefined): content is Content {
  return content !== undefined && content.some((part) => part !== '');
}

function textOf(content: Content): string {
  return content.map((part) => (typeof part === 'string' ? part : '\u0000')).join('');
}

/** Reads an XLIFF 1.2 file (1.0 and 1.1 alike). Malformed XML gives no file and one problem. */
export function readXliff12(bytes: Uint8Array): { file?: ExchangeFile; problems: FormatProblem[] } {
  const xml = readXml(bytes);
  if (!xml.root) return { problems: xml.problems };
  const root = xml.root;
  const version = attribute(root, 'version') ?? '';
  if (root.local !== 'xliff' || !isXliff12(root) || version.startsWith('2')) return { problems: [wrongFormat(root, 'XLIFF 1.2')] };

  const problems: FormatProblem[] = [];
  const files = childElements(root, (e) => isXliff12(e) && e.local === 'file');
  if (files.length === 0) {
    return { problems: [formatProblem(root, FORMAT_RULES.wrongFormat, 'This XLIFF file has no <file> element, so nothing in it can be imported. Export it again from the translation tool.')] };
  }
  const first = files[0]!;
  const sourceLang = requiredAttribute(first, 'source-language', problems) ?? '';
  const targetLang = attribute(first, 'target-language') ?? '';
  const original = attribute(first, 'original');
  const reader = new UnitReader(problems);
  for (const file of files) {
    const fileSource = attribute(file, 'source-language') ?? '';
    const fileTarget = attribute(file, 'target-language') ?? '';
    if (file !== first && (!sameLanguageTag(fileSource, sourceLang) || !sameLanguageTag(fileTarget, targetLang))) {
      problems.push(
        formatProblem(
          file,
          FORMAT_RULES.mixedLanguages,
          `This <file> is ${fileSource} → ${fileTarget}, but the first one is ${sourceLang} → ${targetLang}; its units are left out. Export one XLIFF file per language pair.`,
        ),
      );
      continue;
    }
    const header = childElements(file, (e) => isXliff12(e) && e.local === 'header')[0];
    const context: Xliff12InlineContext = { tagDefinitions: readTagDefinitions(header) };
    for (const body of childElements(file, (e) => isXliff12(e) && e.local === 'body')) reader.readContainer(body, context, true);
  }
  const result: ExchangeFile = { sourceLang, targetLang, units: reader.units };
  if (original) result.original = original;
  return { file: result, problems };
}

/** XLIFF 1.2's namespace, 1.1's (Translate Toolkit's po2xliff writes it), or none. */
function isXliff12(element: XmlElement): boolean {
  return element.uri === XLIFF12_NAMESPACE || element.uri === XLIFF11_NAMESPACE || element.uri === '';
}

const XLIFF11_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.1';

function requiredAttribute(element: XmlElement, name: string, problems: FormatProblem[]): string | undefined {
  return requireAttribute(element, name, attribute(element, name), problems);
}

class UnitReader {
  readonly units: ExchangeUnit[] = [];
  private readonly ids: UnitIds;
  constructor(private readonly problems: FormatProblem[]) {
    this.ids = new UnitIds(problems);
  }

  /** A `<body>` or `<group>`: units and groups in order; `bin-unit`s are binary and skipped. */
  readContainer(container: XmlElement, context: Xliff12InlineContext, translate: boolean): void {
    for (const child of childElements(container, isXliff12)) {
      const childTranslate = (attribute(child, 'translate') ?? (translate ? 'yes' : 'no')) !== 'no';
      if (child.local === 'group') this.readContainer(child, context, childTranslate);
      else if (child.local === 'trans-unit' && childTranslate) this.readTransUnit(child, context);
    }
  }

  private readTransUnit(element: XmlElement, context: Xliff12InlineContext): void {
    const id = requiredAttribute(element, 'id', this.problems);
    if (id === undefined) return;
    // A PO file's header, as po2xliff writes it: no unit.
    if (attribute(element, 'restype') === 'x-gettext-domain-header') return;
    if (!this.ids.claim(id, element)) return;
    const child = (local: string) => childElements(element, (e) => isXliff12(e) && e.local === local);
    const sourceElement = child('source')[0] ?? child('seg-source')[0];
    if (!sourceElement) {
      this.problems.push(formatProblem(element, FORMAT_RULES.missingSource, `The unit "${id}" has no <source>; it is left out. Export the file again from the translation tool.`));
      return;
    }
    const targetElement = child('target')[0];
    const target = targetElement ? readXliff12Content(targetElement, context) : undefined;
    const unit: ExchangeUnit = { id, source: readXliff12Content(sourceElement, context) };
    const contextText = attribute(element, 'resname') ?? contextGroupsText(child('context-group'));
    if (contextText) unit.context = contextText;
    const references = locations(child('context-group'));
    if (references.length > 0) unit.references = references;
    if (target && target.length > 0) unit.target = target;
    unit.state = unitState(element, targetElement, unit.target !== undefined);
    // folio's copy of the source: left as it was, the unit is still new; changed, it was translated
    // by a tool that kept the state folio wrote (OmegaT does).
    if (targetElement && attribute(targetElement, 'copy', FOLIO_NAMESPACE) === 'source' && (unit.state === 'new' || unit.state === 'needs-translation')) {
      if (unit.target && JSON.stringify(unit.target) !== JSON.stringify(unit.source)) unit.sourceCopy = true;
      else {
        delete unit.target;
        unit.state = 'new';
      }
    }
    const notes = child('note').map(textContent);
    if (notes.length > 0) unit.notes = notes;
    const alternatives = child('alt-trans').flatMap((alt) => {
      const altTarget = childElements(alt, (e) => isXliff12(e) && e.local === 'target')[0];
      if (!altTarget) return [];
      const altSource = childElements(alt, (e) => isXliff12(e) && e.local === 'source')[0];
      const alternative: NonNullable<ExchangeUnit['alternatives']>[number] = { target: readXliff12Content(altTarget, context) };
      if (altSource) alternative.source = readXliff12Content(altSource, context);
      const quality = matchQuality(attribute(alt, 'match-quality'));
      if (quality !== undefined) alternative.quality = quality;
      const origin = attribute(alt, 'origin') ?? attribute(alt, 'tool-id');
      if (origin) alternative.origin = origin;
      return [alternative];
    });
    if (alternatives.length > 0) unit.alternatives = alternatives;
    unit.line = element.line;
    unit.column = element.column;
    this.units.push(unit);
  }
}

/** Trados's per-segment confirmation levels win; then `state`, then `approved`. */
function unitState(unit: XmlElement, target: XmlElement | undefined, hasTarget: boolean): UnitState {
  const sdlSegments = childElements(unit, (e) => e.uri === SDL_NAMESPACE && e.local === 'seg-defs').flatMap((defs) =>
    childElements(defs, (e) => e.uri === SDL_NAMESPACE && e.local === 'seg'),
  );
  if (sdlSegments.length > 0) return leastAdvanced(sdlSegments.map((seg) => stateFromSdlConf(attribute(seg, 'conf'))))!;
  const state = stateFromXliff12(target ? attribute(target, 'state') : undefined);
  if (state !== undefined) return state;
  return attribute(unit, 'approved') === 'yes' ? 'final' : impliedState(hasTarget);
}

/** `match-quality` is free text in XLIFF 1.2 (§2.4.3): tools write `85`, `85%` or `85.5`. */
function matchQuality(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** Informational context groups as one line, `type: value; …` (location groups left out). */
function contextGroupsText(groups: XmlElement[]): string | undefined {
  const parts: string[] = [];
  for (const group of groups) {
    if ((attribute(group, 'purpose') ?? '').split(/\s+/).includes('location')) continue;
    for (const context of childElements(group, (e) => isXliff12(e) && e.local === 'context')) {
      parts.push(`${attribute(context, 'context-type') ?? 'context'}: ${textContent(context)}`);
    }
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * The places a unit comes from, by its location context groups (XLIFF 1.2 §2.5.6,
 * `purpose="location"`): po2xliff puts a PO entry's `#:` references there, so a unit made from
 * a PO that xliff2po made from folio's XLIFF names folio's unit id.
 */
function locations(groups: XmlElement[]): string[] {
  return groups
    .filter((g) => (attribute(g, 'purpose') ?? '').split(/\s+/).includes('location'))
    .flatMap((g) => childElements(g, (e) => isXliff12(e) && e.local === 'context' && attribute(e, 'context-type') === 'sourcefile'))
    .map((c) => textContent(c).trim())
    .filter((r) => r !== '');
}
