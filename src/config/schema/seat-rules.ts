/**
 * The event's own seat rules, the top-level sections `seats`, `groups` and `budgets`:
 *
 * ```yaml
 * seats:                                  # the kinds of seat, in the order letters and forms list them
 *   government: Government officials      # key: the name printed (translated like other texts)
 *   experts: { name: Experts }
 * groups:                                 # the country groups; a country's `group` names one
 *   partners:
 *     name: Partner countries             # optional, for templates (`country.groupName`)
 *     seats:                              # the kinds its countries may have, with bounds
 *       government: { min: 1, max: 3, sponsored: true }
 *       experts: { max: 2 }               # min 0, no sponsorship unless said
 * budgets:                                # optional: seats that must add up
 *   - { name: Sponsored places, total: 12 }          # sponsored seats of every group and kind
 *   - { groups: [partners], seats: [experts], count: all, max: 6 }
 * ```
 *
 * Without `groups`, the built-in rules of folio's first event apply (groups `south`, `north`,
 * `osce`; `sponsorship.delegates`), so kits written before these sections keep their meaning.
 */
import type { BudgetDraft, GroupDraft, SeatRulesDraft } from '../draft.js';
import type { ConfigReader, Field, Mapping } from '../reader.js';
import { closest, didYouMean } from '../suggest.js';
import { isMap, isScalar } from 'yaml';

/** Seat kinds become form field prefixes (`government.1.name`): letters and digits only. */
export const SEAT_KIND_KEY = /^[A-Za-z][A-Za-z0-9]{0,31}$/;
/** Group keys are template keywords (`{group, select, …}`): lower case, digits and hyphens. */
export const GROUP_KEY = /^[a-z][a-z0-9-]{0,31}$/;
/** Names a form's own fields use: not available as seat kinds. */
const RESERVED_KINDS = new Set(['folio']);

export function readSeatRules(reader: ConfigReader, root: Mapping): SeatRulesDraft | undefined {
  const seats = reader.take(root, 'seats');
  const groups = reader.take(root, 'groups');
  const budgets = root.values.has('budgets');
  if (!seats && !groups && !budgets) return undefined;
  const draft: SeatRulesDraft = { place: groups?.place ?? seats?.place ?? root.values.get('budgets')!.keyPlace, kinds: [], groups: [], budgets: [], complete: true };
  if (!seats || !groups) {
    const missing = !seats ? 'seats' : 'groups';
    reader.report(draft.place, 'config/missing-key',
      `Missing key \`${missing}\` at the top level: with ${seats ? 'seats' : 'groups'}${budgets ? ' or budgets' : ''} declared, the configuration needs both ` +
        '`seats` (the kinds of seat, e.g. `seats: { government: Government officials }`) and `groups` ' +
        '(e.g. `groups: { partners: { seats: { government: { min: 1, max: 3, sponsored: true } } } }`).');
    draft.complete = false;
  }
  if (seats) readKinds(reader, seats, draft);
  if (groups) readGroups(reader, groups, draft);
  if (budgets) readBudgets(reader, root, draft);
  return draft;
}

type Taken = NonNullable<ReturnType<ConfigReader['take']>>;

function readKinds(reader: ConfigReader, seats: Taken, draft: SeatRulesDraft): void {
  const entries = reader.entries(seats.node, seats.where,
    { pattern: SEAT_KIND_KEY, rule: 'seats/kind-key', what: 'a seat kind is a name of letters and digits, starting with a letter, at most 32 characters', example: 'government or socialPartners' });
  if (!entries) { draft.complete = false; return; }
  if (entries.length === 0) {
    reader.report(seats.place, 'config/empty', `${seats.where} declares no kind of seat: add one, e.g. \`government: Government officials\`.`);
    draft.complete = false;
  }
  const lower = new Map<string, string>();
  for (const entry of entries) {
    // Kinds become file names (MA-observers-1): two that differ only in case would collide on some systems.
    const twin = lower.get(entry.key.toLowerCase());
    if (twin !== undefined) {
      reader.report(entry.keyPlace, 'seats/kind-key', `${entry.where}: \`${entry.key}\` differs from the kind \`${twin}\` only in letter case: give each kind a name of its own.`);
      draft.complete = false;
      continue;
    }
    lower.set(entry.key.toLowerCase(), entry.key);
    if (RESERVED_KINDS.has(entry.key)) {
      reader.report(entry.keyPlace, 'seats/kind-key', `${entry.where}: \`${entry.key}\` is reserved for the fields folio adds to nomination forms: choose another name.`);
      draft.complete = false;
      continue;
    }
    let name: string | undefined;
    if (isScalar(entry.node) && typeof entry.node.value === 'string') {
      name = reader.textNode(entry.node, entry.where)?.value;
    } else if (isMap(entry.node)) {
      const m = reader.mapping(entry.node, entry.where, { required: ['name'], examples: { name: 'name: Government officials' } });
      name = m && reader.text(m, 'name')?.value;
    } else {
      reader.report(entry.node ? reader.place(entry.node) : entry.keyPlace, 'config/type',
        `${entry.where} must be the kind's name as letters and forms print it, e.g. \`${entry.key}: "${entry.key.charAt(0).toUpperCase()}${entry.key.slice(1)}"\`.`);
    }
    if (name === undefined) { draft.complete = false; continue; }
    draft.kinds.push({ key: entry.key, name, place: entry.keyPlace });
  }
}

function readGroups(reader: ConfigReader, groups: Taken, draft: SeatRulesDraft): void {
  const entries = reader.entries(groups.node, groups.where,
    { pattern: GROUP_KEY, rule: 'seats/group-key', what: 'a group is a name in lower case letters, digits and hyphens, starting with a letter', example: 'south or partner-countries' });
  if (!entries) { draft.complete = false; return; }
  if (entries.length === 0) {
    reader.report(groups.place, 'config/empty', `${groups.where} declares no group: add one, e.g. \`partners: { seats: { government: { max: 3 } } }\`.`);
    draft.complete = false;
  }
  const kinds = draft.kinds.map((k) => k.key);
  for (const entry of entries) {
    const m = reader.mapping(entry.node, entry.where.about(entry.key), {
      required: ['seats'],
      optional: ['name'],
      examples: { seats: 'seats: { government: { min: 1, max: 3, sponsored: true } }' },
    });
    if (!m) { draft.complete = false; continue; }
    const group: GroupDraft = { key: entry.key, place: entry.keyPlace, where: m.where, seats: [] };
    const name = reader.text(m, 'name')?.value;
    if (name !== undefined) group.name = name;
    const seats = reader.take(m, 'seats');
    const seatEntries = seats && reader.entries(seats.node, seats.where,
      { pattern: SEAT_KIND_KEY, rule: 'seats/kind-key', what: 'a seat kind is one of the keys of `seats`', example: kinds[0] ?? 'government' });
    if (!seatEntries) { draft.complete = false; draft.groups.push(group); continue; }
    for (const seat of seatEntries) {
      if (!kinds.includes(seat.key)) {
        reader.report(seat.keyPlace, 'seats/unknown-kind',
          `${seat.where}: \`${seat.key}\` is not a kind of seat declared under \`seats\` (${kinds.join(', ') || 'none'}): declare it there or correct the name.${didYouMean(closest(seat.key, kinds))}`);
        draft.complete = false;
        continue;
      }
      const empty = seat.node === null || (isScalar(seat.node) && seat.node.value === null);
      if (empty) { group.seats.push({ kind: seat.key, place: seat.keyPlace, where: seat.where, sponsored: false }); continue; }
      const s = reader.mapping(seat.node, seat.where, { required: [], optional: ['min', 'max', 'sponsored'] });
      if (!s) { draft.complete = false; continue; }
      const min = reader.integer(s, 'min', { min: 0, rule: 'config/integer' });
      const max = reader.integer(s, 'max', { min: 0, rule: 'config/integer' });
      const sponsored = reader.boolean(s, 'sponsored');
      if ((s.values.has('min') && !min) || (s.values.has('max') && !max) || (s.values.has('sponsored') && !sponsored)) draft.complete = false;
      // Bounds the wrong way round are reported here once, and not checked against the countries.
      const crossed = min !== undefined && max !== undefined && max.value < min.value;
      if (crossed) {
        reader.report(max.place, 'seats/bounds',
          `${max.where} is ${max.value}, below ${min.where.path} (${min.value}): a country of group ${entry.key} could have no valid number of ${seat.key} seats. Raise max or lower min.`);
        draft.complete = false;
      }
      group.seats.push({ kind: seat.key, place: seat.keyPlace, where: seat.where, ...(min && !crossed && { min }), ...(max && !crossed && { max }), sponsored: sponsored?.value ?? false });
    }
    // Kinds in declaration order: that is the order of letters and forms.
    group.seats.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
    draft.groups.push(group);
  }
}

function readBudgets(reader: ConfigReader, root: Mapping, draft: SeatRulesDraft): void {
  const items = reader.list(root, 'budgets');
  if (!items) { draft.complete = false; return; }
  const groupKeys = draft.groups.map((g) => g.key);
  const kindKeys = draft.kinds.map((k) => k.key);
  for (const item of items) {
    const b = reader.mapping(item.node, item.where, {
      required: [],
      optional: ['name', 'groups', 'seats', 'count', 'total', 'max'],
    });
    if (!b) { draft.complete = false; continue; }
    const budget: BudgetDraft = { where: b.where, place: b.place, count: 'sponsored' };
    const name = reader.text(b, 'name')?.value;
    if (name !== undefined) budget.name = name;
    const count = reader.choice(b, 'count', ['sponsored', 'all'] as const, 'seats/budget-count');
    if (count) budget.count = count.value;
    else if (b.values.has('count')) draft.complete = false;
    const groups = namesIn(reader, b, 'groups', groupKeys, 'seats/unknown-group', 'group declared under `groups`');
    const seats = namesIn(reader, b, 'seats', kindKeys, 'seats/unknown-kind', 'kind of seat declared under `seats`');
    if (groups === null || seats === null) draft.complete = false;
    if (groups) budget.groups = groups;
    if (seats) budget.seats = seats;
    const total = reader.integer(b, 'total', { min: 0, rule: 'config/integer' });
    const max = reader.integer(b, 'max', { min: 0, rule: 'config/integer' });
    if (total) budget.total = total;
    if (max) budget.max = max;
    const written = ['total', 'max'].filter((k) => b.values.has(k));
    if (written.length !== 1) {
      reader.report(b.place, 'seats/budget-form',
        `${b.where} ${written.length === 0 ? 'has neither total nor max' : 'has both total and max'}: write \`total: N\` (the seats must add up to N) or \`max: N\` (at most N).`);
      draft.complete = false;
    } else if (!total && !max) draft.complete = false;
    draft.budgets.push(budget);
  }
}

/** A list of declared names; `null` when it could not be read or names an unknown one (reported). */
function namesIn(reader: ConfigReader, m: Mapping, key: string, known: string[], rule: string, what: string): Field<string>[] | undefined | null {
  if (!m.values.has(key)) return undefined;
  const list = reader.textList(m, key, { nonEmpty: true });
  if (!list) return null;
  let ok = true;
  for (const field of list) {
    if (known.includes(field.value)) continue;
    reader.report(field.place, rule,
      `${field.where} is "${field.value}", which is not a ${what} (${known.join(', ') || 'none'}).${didYouMean(closest(field.value, known))}`);
    ok = false;
  }
  return ok ? list : null;
}
