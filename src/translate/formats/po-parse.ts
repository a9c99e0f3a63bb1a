/**
 * PO tokens → catalog (GNU gettext manual, "The Format of PO Files"). An entry is its comments,
 * `#|` previous fields, then `msgctxt`? `msgid` `msgid_plural`? and `msgstr` or `msgstr[0..n]`;
 * continuation strings extend the field above them. Blank lines carry no meaning, as in
 * gettext: a new entry begins with a comment, a msgctxt, or a second msgid.
 */
import type { FormatProblem } from './exchange.js';
import { entryKey, type PoCatalog, type PoEntry } from './po.js';
import { readHeaderFields } from './po-header.js';
import { lexPo, type PoString, type PoToken } from './po-lex.js';

/** A keyword's strings as read, with the place of its keyword and the prefix of its lines. */
interface Field {
  strings: PoString[];
  line: number;
  column: number;
  obsolete: boolean;
  previous: boolean;
}

/** An entry being read. */
interface Draft {
  line?: number;
  obsolete?: boolean;
  translatorComments: string[];
  extractedComments: string[];
  references: string[];
  flags: string[];
  previous: { msgctxt?: Field; msgid?: Field; msgid_plural?: Field };
  msgctxt?: Field;
  msgid?: Field;
  msgidPlural?: Field;
  msgstr: Field[];
}

/** An entry read, with its fields' places for later checks. */
interface ReadEntry {
  entry: PoEntry;
  draft: Draft & { msgid: Field };
}

type Target = Field | 'ignore' | undefined;

/**
 * Reads a PO file. Every problem is collected (with its 1-based line and column); the catalog
 * comes only when there are none.
 */
export function parsePo(text: string): { catalog?: PoCatalog; problems: FormatProblem[] } {
  const { tokens, problems } = lexPo(text);
  const report = (place: { line: number; column: number }, rule: string, message: string): void => {
    problems.push({ line: place.line, column: place.column, rule, message });
  };
  const read: ReadEntry[] = [];
  let draft = newDraft();
  let target: Target;

  const close = (): void => {
    const entry = finishEntry(draft, report);
    if (entry) read.push(entry);
    draft = newDraft();
    target = undefined;
  };

  for (const token of tokens) {
    switch (token.kind) {
      case 'comment':
        if (hasStarted(draft)) close();
        draft.line ??= token.line;
        addComment(draft, token);
        target = undefined;
        break;
      case 'keyword':
        target = token.previous ? addPrevious(token) : addKeyword(token);
        break;
      case 'continuation':
        addContinuation(token);
        break;
      case 'unreadable':
        target = 'ignore';
        break;
    }
  }
  let leftover: Draft | undefined;
  if (hasStarted(draft)) close();
  else if (draft.line !== undefined) leftover = draft;

  function addPrevious(token: Extract<PoToken, { kind: 'keyword' }>): Target {
    if (hasStarted(draft)) close();
    draft.line ??= token.line;
    if (token.keyword === 'msgstr') {
      report(token, 'po/syntax', '`#|` lines hold the previous msgctxt, msgid and msgid_plural of an entry, never a msgstr: remove this line.');
      return 'ignore';
    }
    if (draft.previous[token.keyword]) {
      report(token, 'po/syntax', `This entry already has a previous \`${token.keyword}\` (\`#| ${token.keyword}\`): keep one and remove the other.`);
      return 'ignore';
    }
    const field = fieldOf(token);
    draft.previous[token.keyword] = field;
    return field;
  }

  function addKeyword(token: Extract<PoToken, { kind: 'keyword' }>): Target {
    switch (token.keyword) {
      case 'msgctxt':
        if (draft.msgid) close();
        if (draft.msgctxt) {
          report(token, 'po/syntax', 'A second msgctxt before the msgid: an entry has one context. Keep one, or add the msgid and msgstr that belong to the first.');
          return 'ignore';
        }
        startEntry(token);
        return (draft.msgctxt = fieldOf(token));
      case 'msgid':
        if (draft.msgid) close();
        startEntry(token);
        return (draft.msgid = fieldOf(token));
      case 'msgid_plural':
        if (!draft.msgid) {
          report(token, 'po/syntax', 'msgid_plural has no msgid above it: write the msgid (the singular) first, then msgid_plural.');
          return 'ignore';
        }
        checkPrefix(token);
        if (draft.msgidPlural) {
          report(token, 'po/syntax', 'A second msgid_plural for this msgid: an entry has one plural source. Remove one.');
          return 'ignore';
        }
        if (draft.msgstr.length > 0) {
          report(token, 'po/syntax', 'msgid_plural comes after msgstr: move it up, right after the msgid.');
          return 'ignore';
        }
        return (draft.msgidPlural = fieldOf(token));
      case 'msgstr':
        return addMsgstr(token);
    }
  }

  function addMsgstr(token: Extract<PoToken, { kind: 'keyword' }>): Target {
    const name = token.index === undefined ? 'msgstr' : `msgstr[${token.index}]`;
    if (!draft.msgid) {
      report(token, 'po/syntax', `${name} has no msgid above it: every translation follows the msgid it translates. Add the msgid, or remove this ${name}.`);
      return 'ignore';
    }
    checkPrefix(token);
    if (token.index === undefined) {
      if (draft.msgidPlural) {
        report(token, 'po/plural', 'This entry has msgid_plural, so its translations are msgstr[0], msgstr[1] …: write msgstr[0] instead of msgstr.');
        return 'ignore';
      }
      if (draft.msgstr.length > 0) {
        report(token, 'po/syntax', 'A second msgstr for the same msgid: keep one translation, or add the msgid this one belongs to.');
        return 'ignore';
      }
    } else {
      if (!draft.msgidPlural) {
        report(token, 'po/plural', `${name} needs a msgid_plural after the msgid: add msgid_plural "…" (the plural source), or write a plain msgstr.`);
        return 'ignore';
      }
      const expected = draft.msgstr.length;
      if (token.index !== expected) {
        report(token, 'po/plural', `${name} is out of order: msgstr[${expected}] comes here. Number the plural forms 0, 1, 2 … in order, without gaps.`);
        return 'ignore';
      }
    }
    const field = fieldOf(token);
    draft.msgstr.push(field);
    return field;
  }

  function addContinuation(token: Extract<PoToken, { kind: 'continuation' }>): void {
    if (target === 'ignore') return;
    if (target === undefined) {
      report(token, 'po/syntax', 'A string with no keyword above it: continuation strings follow a msgid, msgstr … line. Add the keyword, or remove the blank or comment line between them.');
      target = 'ignore';
      return;
    }
    if (token.obsolete !== target.obsolete || token.previous !== target.previous) {
      report(token, 'po/syntax', `This string continues the line above, so it needs the same prefix (${prefixName(target)}): write it as ${prefixName(target)}"…".`);
      return;
    }
    target.strings.push(...token.strings);
  }

  function startEntry(token: Extract<PoToken, { kind: 'keyword' }>): void {
    draft.line ??= token.line;
    if (draft.obsolete === undefined) draft.obsolete = token.obsolete;
    else checkPrefix(token);
  }

  function checkPrefix(token: Extract<PoToken, { kind: 'keyword' }>): void {
    if (token.obsolete === draft.obsolete) return;
    report(
      { line: token.line, column: 1 },
      'po/syntax',
      token.obsolete
        ? 'This line is marked obsolete (#~) but the rest of its entry is not: mark every line of an obsolete entry with #~, or none.'
        : 'This entry is obsolete (#~) but this line is not marked: mark every line of an obsolete entry with #~, or none.',
    );
  }

  if (leftover) {
    const onlyComments = read.length === 0 && hasOnlyTranslatorComments(leftover);
    if (!onlyComments) {
      report({ line: leftover.line!, column: 1 }, 'po/syntax', 'These comments come after the last entry and belong to none: remove them, or add the entry they describe.');
    }
  }
  const catalog = assemble(read, leftover, report);
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return problems.length > 0 ? { problems } : { catalog, problems };
}

function newDraft(): Draft {
  return { translatorComments: [], extractedComments: [], references: [], flags: [], previous: {}, msgstr: [] };
}

function hasStarted(draft: Draft): boolean {
  return draft.msgctxt !== undefined || draft.msgid !== undefined;
}

function hasOnlyTranslatorComments(draft: Draft): boolean {
  return (
    draft.extractedComments.length === 0 &&
    draft.references.length === 0 &&
    draft.flags.length === 0 &&
    Object.keys(draft.previous).length === 0
  );
}

function fieldOf(token: Extract<PoToken, { kind: 'keyword' }>): Field {
  return { strings: [...token.strings], line: token.line, column: token.column, obsolete: token.obsolete, previous: token.previous };
}

function valueOf(field: Field): string {
  return field.strings.map((s) => s.value).join('');
}

function prefixName(field: Field): string {
  if (field.previous) return field.obsolete ? '#~| ' : '#| ';
  return field.obsolete ? '#~ ' : 'no prefix, just ';
}

function addComment(draft: Draft, token: Extract<PoToken, { kind: 'comment' }>): void {
  const list = {
    translator: draft.translatorComments,
    extracted: draft.extractedComments,
    reference: draft.references,
    flag: draft.flags,
  }[token.mark];
  list.push(...token.texts);
}

type Report = (place: { line: number; column: number }, rule: string, message: string) => void;

/** The entry of a draft with a msgid and its msgstr, or a problem. */
function finishEntry(draft: Draft, report: Report): ReadEntry | undefined {
  const { msgid, msgctxt } = draft;
  if (!msgid) {
    if (msgctxt) report(msgctxt, 'po/syntax', 'msgctxt is not followed by a msgid: add the msgid and msgstr it is the context of, or remove it.');
    return undefined;
  }
  if (draft.msgstr.length === 0) {
    report(
      msgid,
      'po/syntax',
      draft.msgidPlural
        ? `msgid "${preview(valueOf(msgid))}" has msgid_plural but no msgstr[0]: add msgstr[0] "" and msgstr[1] "" (empty translations) after it.`
        : `msgid "${preview(valueOf(msgid))}" has no msgstr: add msgstr "" (an empty translation) after it.`,
    );
    return undefined;
  }
  const previous: NonNullable<PoEntry['previous']> = {};
  if (draft.previous.msgctxt) previous.msgctxt = valueOf(draft.previous.msgctxt);
  if (draft.previous.msgid) previous.msgid = valueOf(draft.previous.msgid);
  if (draft.previous.msgid_plural) previous.msgidPlural = valueOf(draft.previous.msgid_plural);
  const entry: PoEntry = {
    ...(msgctxt && { msgctxt: valueOf(msgctxt) }),
    msgid: valueOf(msgid),
    ...(draft.msgidPlural && { msgidPlural: valueOf(draft.msgidPlural) }),
    msgstr: draft.msgstr.map(valueOf),
    translatorComments: draft.translatorComments,
    extractedComments: draft.extractedComments,
    references: draft.references,
    flags: draft.flags,
    ...(Object.keys(previous).length > 0 && { previous }),
    obsolete: draft.obsolete ?? false,
    line: draft.line ?? msgid.line,
  };
  return { entry, draft: { ...draft, msgid } };
}

function preview(value: string): string {
  const flat = JSON.stringify(value).slice(1, -1);
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

/** Splits off the header entry and checks for duplicates (gettext keys them by msgctxt + msgid). */
function assemble(read: ReadEntry[], leftover: Draft | undefined, report: Report): PoCatalog {
  const catalog: PoCatalog = { headers: [], headerComments: leftover?.translatorComments ?? [], entries: [] };
  const seen = new Map<string, ReadEntry>();
  let header: ReadEntry | undefined;
  for (const item of read) {
    const { entry, draft } = item;
    const isHeader = !entry.obsolete && entry.msgctxt === undefined && entry.msgid === '';
    const key = `${entry.obsolete ? 'obsolete' : 'active'}\u0000${entryKey(entry)}`;
    const first = seen.get(key);
    if (first) {
      report(draft.msgctxt ?? draft.msgid, 'po/duplicate', duplicateMessage(entry, first.entry.line!, isHeader));
      continue;
    }
    seen.set(key, item);
    if (isHeader) header = item;
    else catalog.entries.push(entry);
  }
  if (header) readHeader(header, catalog, report);
  return catalog;
}

function duplicateMessage(entry: PoEntry, firstLine: number, isHeader: boolean): string {
  if (isHeader) {
    return `A second header entry (msgid ""); the first is on line ${firstLine}. A PO file has one header: merge their fields into the first and remove this one.`;
  }
  const context = entry.msgctxt === undefined ? '' : ` with msgctxt "${preview(entry.msgctxt)}"`;
  return (
    `msgid "${preview(entry.msgid)}"${context} is already on line ${firstLine}; gettext refuses duplicates. ` +
    'Merge the two entries into one (`msgcat --use-first` does it), or give one a different msgctxt.'
  );
}

function readHeader(header: ReadEntry, catalog: PoCatalog, report: Report): void {
  const { entry, draft } = header;
  const place = { line: entry.line!, column: 1 };
  if (entry.msgidPlural !== undefined) {
    report(draft.msgidPlural!, 'po/header', 'The header entry (msgid "") has a msgid_plural: remove it and write the fields in a plain msgstr.');
    return;
  }
  if (entry.extractedComments.length > 0 || entry.references.length > 0 || entry.previous) {
    report(place, 'po/header', 'The header entry (msgid "") carries #., #: or #| lines, which folio does not keep: remove them (# comments and #, flags are kept).');
  }
  catalog.headerComments = entry.translatorComments;
  if (entry.flags.length > 0) catalog.headerFlags = entry.flags;
  const problems: FormatProblem[] = [];
  catalog.headers = readHeaderFields(draft.msgstr[0]!.strings, problems);
  for (const p of problems) report(p, p.rule, p.message);
}
