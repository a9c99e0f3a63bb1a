/**
 * Reads YAML nodes into plain values, reporting every problem as a diagnostic
 * and carrying on: a value that cannot be read comes back `undefined`.
 */
import { isMap, isScalar, isSeq, type ParsedNode, type Scalar, type YAMLMap } from 'yaml';
import { diagnostic, type Diagnostic, type SourcePlace } from '../diagnostics/diagnostic.js';
import { isIsoDate, isTime } from './calendar.js';
import { closest, didYouMean } from './suggest.js';
import { Where } from './where.js';
import { placeAtOffset, placeOf, resolveNode, type YamlSource } from './yaml-places.js';
import { describeBidiProblem, findBidiControlProblems } from '../input/bidi-controls.js';

/** A value read from the file, with where it was written. */
export interface Field<T> {
  value: T;
  place: SourcePlace;
  where: Where;
}

/** The keys a mapping may hold. */
export interface MappingSpec {
  required: readonly string[];
  optional?: readonly string[];
  /** What to write for a missing key, quoted in the message, e.g. `title: "…"`. */
  examples?: Readonly<Record<string, string>>;
}

/** A mapping whose keys have been checked against its spec. */
export interface Mapping {
  where: Where;
  place: SourcePlace;
  spec: MappingSpec;
  /** The value written for each known key; `null` for an empty value (`key:`). */
  values: Map<string, { keyPlace: SourcePlace; node: ParsedNode | null }>;
}

/** One item of a list. */
export interface ListItem {
  node: ParsedNode | null;
  place: SourcePlace;
  where: Where;
}

export class ConfigReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly source: YamlSource) {}

  get file(): string {
    return this.source.file;
  }

  report(place: SourcePlace, rule: string, message: string): void {
    this.diagnostics.push(diagnostic(place, 'error', rule, message));
  }

  place(node: ParsedNode | null | undefined): SourcePlace {
    return placeOf(this.source, node);
  }

  /**
   * Checks that `node` is a mapping holding the spec's keys: unknown keys are
   * reported at the key (`config/unknown-key`), missing ones at the mapping
   * (`config/missing-key`).
   */
  mapping(node: ParsedNode | null | undefined, where: Where, spec: MappingSpec): Mapping | undefined {
    const resolved = resolveNode(this.source, node);
    if (!isMap(resolved)) {
      const subject = where.path ? `${where}` : 'The top level of the file';
      this.report(this.place(resolved), 'config/type',
        `${subject} must be a mapping (key: value lines), found ${describe(resolved)}.`);
      return undefined;
    }
    const known = [...spec.required, ...(spec.optional ?? [])];
    const values: Mapping['values'] = new Map();
    for (const pair of (resolved as YAMLMap.Parsed).items) {
      const keyNode = resolveNode(this.source, pair.key);
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      const keyPlace = this.place(keyNode ?? resolved);
      if (key === undefined || !known.includes(key)) {
        const shown = key === undefined ? '' : ` \`${key}\``;
        this.report(keyPlace, 'config/unknown-key',
          `Unknown key${shown} ${where.inside()}. Known keys are: ${known.join(', ')}.` +
            (key === undefined ? '' : didYouMean(closest(key, known))));
        continue;
      }
      values.set(key, { keyPlace, node: resolveNode(this.source, pair.value) ?? null });
    }
    const place = this.place(resolved);
    for (const key of spec.required) {
      if (values.has(key)) continue;
      const example = spec.examples?.[key];
      this.report(place, 'config/missing-key',
        `Missing key \`${key}\` ${where.inside()}: add ${example ? `\`${example}\`` : 'it'}.`);
    }
    return { where, place, spec, values };
  }

  /**
   * The entries of a mapping whose keys are the user's own names (seat kinds, groups): each key
   * must match `key.pattern` (else `key.rule`, naming `key.what`). Non-mappings are `config/type`.
   */
  entries(node: ParsedNode | null | undefined, where: Where, key: { pattern: RegExp; rule: string; what: string; example: string }):
    { key: string; keyPlace: SourcePlace; node: ParsedNode | null; where: Where }[] | undefined {
    const resolved = resolveNode(this.source, node);
    if (!isMap(resolved)) {
      this.report(this.place(resolved), 'config/type', `${where} must be a mapping (key: value lines), found ${describe(resolved)}.`);
      return undefined;
    }
    const out: { key: string; keyPlace: SourcePlace; node: ParsedNode | null; where: Where }[] = [];
    for (const pair of (resolved as YAMLMap.Parsed).items) {
      const keyNode = resolveNode(this.source, pair.key);
      const name = isScalar(keyNode) ? String(keyNode.value) : undefined;
      const keyPlace = this.place(keyNode ?? resolved);
      if (name === undefined || !key.pattern.test(name)) {
        const shown = name === undefined ? 'a key that is not a name' : `the key \`${name.length > 40 ? `${name.slice(0, 39)}…` : name}\``;
        this.report(keyPlace, key.rule, `${where} has ${shown}: ${key.what} (e.g. ${key.example}).`);
        continue;
      }
      out.push({ key: name, keyPlace, node: resolveNode(this.source, pair.value) ?? null, where: where.key(name) });
    }
    return out;
  }

  /**
   * The node written for `key`, or undefined when the key is absent (already
   * reported if required) or empty. An empty value counts as absent for an
   * optional key and is reported for a required one.
   */
  take(m: Mapping, key: string): { node: ParsedNode; where: Where; place: SourcePlace } | undefined {
    const entry = m.values.get(key);
    if (!entry) return undefined;
    const where = m.where.key(key);
    if (entry.node === null || (isScalar(entry.node) && entry.node.value === null)) {
      if (m.spec.required.includes(key)) {
        const example = m.spec.examples?.[key];
        this.report(entry.node ? this.place(entry.node) : entry.keyPlace, 'config/type',
          `${where} has no value: write one${example ? `, e.g. \`${example}\`` : ''}.`);
      }
      return undefined;
    }
    return { node: entry.node, where, place: this.place(entry.node) };
  }

  /** Where a character of a scalar is written (when it is written as itself, not as an escape). */
  private placeOfCharacter(node: ParsedNode, char: string, fallback: SourcePlace): SourcePlace {
    const [start, end] = node.range ?? [0, 0];
    const at = this.source.text.slice(start, end).indexOf(char);
    return at === -1 ? fallback : placeAtOffset(this.source, start + at);
  }

  /** A string; for a required key it must not be blank. */
  text(m: Mapping, key: string): Field<string> | undefined {
    const taken = this.take(m, key);
    if (!taken) return undefined;
    return this.textNode(taken.node, taken.where, m.spec.required.includes(key));
  }

  textNode(node: ParsedNode | null, where: Where, required = true): Field<string> | undefined {
    const place = this.place(node);
    if (!isScalar(node) || typeof node.value !== 'string') {
      const quote = isScalar(node) && node.value !== null ? `: put it in quotes, "${sourceText(node)}"` : '';
      this.report(place, 'config/type', `${where} must be text, found ${describe(node)}${quote}.`);
      return undefined;
    }
    if (node.value.trim() === '') {
      if (required) this.report(place, 'config/empty', `${where} is empty: write the text.`);
      return undefined;
    }
    // A data value is printed as it is: an invisible control in it must not reorder the letter around it.
    const bidi = findBidiControlProblems(node.value);
    if (bidi.length > 0) {
      const first = bidi[0]!;
      this.report(this.placeOfCharacter(node, node.value[first.index]!, place), 'config/bidi-control', `${where}: ${describeBidiProblem(first)}.`);
      return undefined;
    }
    return { value: node.value, place, where };
  }

  /**
   * A whole number. A non-number is a `config/type` error; a fraction or a
   * number below `min` is reported under `rule`.
   */
  integer(m: Mapping, key: string, options: { min?: number; rule?: string } = {}): Field<number> | undefined {
    const taken = this.take(m, key);
    if (!taken) return undefined;
    const { node, where, place } = taken;
    if (!isScalar(node) || typeof node.value !== 'number') {
      const unquote = isScalar(node) && typeof node.value === 'string' && /^\s*-?\d+\s*$/.test(node.value)
        ? ': remove the quotes' : '';
      this.report(place, 'config/type', `${where} must be a whole number, found ${describe(node)}${unquote}.`);
      return undefined;
    }
    const rule = options.rule ?? 'config/type';
    const min = options.min;
    if (!Number.isInteger(node.value) || (min !== undefined && node.value < min)) {
      const range = min === undefined ? '' : ` of ${min} or more`;
      this.report(place, rule, `${where} must be a whole number${range}, found ${describe(node)}.`);
      return undefined;
    }
    return { value: node.value, place, where };
  }

  /** `true` or `false` (YAML booleans only: `yes`/`no` are text in YAML 1.2). */
  boolean(m: Mapping, key: string): Field<boolean> | undefined {
    const taken = this.take(m, key);
    if (!taken) return undefined;
    if (isScalar(taken.node) && typeof taken.node.value === 'boolean') return { value: taken.node.value, place: taken.place, where: taken.where };
    this.report(taken.place, 'config/type', `${taken.where} must be true or false, found ${describe(taken.node)}.`);
    return undefined;
  }

  /** One of a fixed set of words, with a suggestion when the value is close to one. */
  choice<T extends string>(m: Mapping, key: string, choices: readonly T[], rule: string): Field<T> | undefined {
    const taken = this.take(m, key);
    if (!taken) return undefined;
    const { node, where, place } = taken;
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value === 'string' && (choices as readonly string[]).includes(value)) {
      return { value: value as T, place, where };
    }
    const hint = typeof value === 'string' ? didYouMean(closest(value, choices)) : '';
    this.report(place, isScalar(node) ? rule : 'config/type',
      `${where} is ${describe(node)}, which is not one of: ${choices.join(', ')}.${hint}`);
    return undefined;
  }

  /** An ISO 8601 calendar date, YYYY-MM-DD. */
  date(m: Mapping, key: string): Field<string> | undefined {
    const taken = this.take(m, key);
    if (!taken) return undefined;
    const { node, where, place } = taken;
    const written = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
    if (written === undefined || !isIsoDate(written.trim())) {
      this.report(place, isScalar(node) ? 'config/date' : 'config/type',
        `${where} must be a date written YYYY-MM-DD (e.g. 2027-03-16), found ${describe(node)}.`);
      return undefined;
    }
    return { value: written.trim(), place, where };
  }

  /** A 24-hour time, HH:MM. */
  time(m: Mapping, key: string): Field<string> | undefined {
    const taken = this.take(m, key);
    if (!taken) return undefined;
    const { node, where, place } = taken;
    const written = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
    if (written === undefined || !isTime(written.trim())) {
      const padded = written && /^\d:\d\d$/.test(written.trim()) ? `: write 0${written.trim()}` : '';
      this.report(place, isScalar(node) ? 'config/time-format' : 'config/type',
        `${where} must be a 24-hour time written HH:MM (e.g. 09:00 or 14:30), found ${describe(node)}${padded}.`);
      return undefined;
    }
    return { value: written.trim(), place, where };
  }

  /** The items of a list; `nonEmpty` reports an empty list as `config/empty`. */
  list(m: Mapping, key: string, options: { nonEmpty?: boolean } = {}): ListItem[] | undefined {
    const taken = this.take(m, key);
    if (!taken) return undefined;
    const { node, where, place } = taken;
    if (!isSeq(node)) {
      const hint = isScalar(node) ? `: write a list, e.g. [${sourceText(node)}]` : '';
      this.report(place, 'config/type', `${where} must be a list, found ${describe(node)}${hint}.`);
      return undefined;
    }
    if (options.nonEmpty && node.items.length === 0) {
      this.report(place, 'config/empty', `${where} is an empty list: add at least one item.`);
      return undefined;
    }
    return node.items.map((item, index) => {
      const resolved = resolveNode(this.source, item) ?? null;
      return { node: resolved, place: this.place(resolved ?? node), where: where.item(index) };
    });
  }

  /** A list of strings. */
  textList(m: Mapping, key: string, options: { nonEmpty?: boolean } = {}): Field<string>[] | undefined {
    const items = this.list(m, key, options);
    if (!items) return undefined;
    const fields = items.map((item) => this.textNode(item.node, item.where));
    return fields.every((f) => f !== undefined) ? (fields as Field<string>[]) : undefined;
  }
}

/** How a value reads in a message: `the number 3`, `the text "three"`, `a list`. */
export function describe(node: ParsedNode | null | undefined): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (!isScalar(node)) return 'an alias';
  const value: unknown = node.value;
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
  if (typeof value === 'number') return `the number ${sourceText(node)}`;
  if (typeof value === 'boolean') return `the value ${sourceText(node)}`;
  return sourceText(node);
}

/** What the user typed for a scalar. */
function sourceText(node: Scalar): string {
  return node.source !== undefined && node.source !== '' ? node.source : String(node.value);
}
