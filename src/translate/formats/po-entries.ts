/**
 * PO tokens → entries (GNU gettext manual, "The Format of PO Files"). An entry is its comments,
 * `#|` previous fields, then `msgctxt`? `msgid` `msgid_plural`? and `msgstr` or `msgstr[0..n]`;
 * continuation strings extend the field above them. Blank lines carry no meaning, as in
 * gettext: a new entry begins with a comment, a msgctxt or a second msgid.
 *
 * One mistake is reported once: what follows from it (a msgid left without msgstr by a
 * rejected msgstr, the lines after an unreadable one) is not reported again.
 */
import type { FormatProblem } from './exchange.js';
import type { PoEntry } from './po.js';
import type { PoString, PoToken } from './po-lex.js';

/** A keyword's strings as read, with the place of its keyword and the prefix of its lines. */
export interface PoField {
  strings: PoString[];
  line: number;
  column: number;
  obsolete: boolean;
  previous: boolean;
}

/** An entry read, with the places of its keywords for later checks. */
export interface ReadEntry {
  entry: PoEntry;
  msgctxt?: PoField;
  msgid: PoField;
  msgidPlural?: PoField;
  msgstr: PoField[];
  /** A string of the entry could not be read: its value is a guess. */
  unsure: boolean;
}

/** An entry being read. */
interface Draft {
  line?: number;
  obsolete?: boolean;
  translatorComments: string[];
  extractedComments: string[];
  references: string[];
  flags: string[];
  previous: { msgctxt?: PoField; msgid?: PoField; msgid_plural?: PoField };
  msgctxt?: PoField;
  msgid?: PoField;
  msgidPlural?: PoField;
  msgstr: PoField[];
  /** A problem was reported on this entry: the ones that follow from it are not. */
  reported?: boolean;
  prefixReported?: boolean;
  /** An unreadable line came after the entry's start: its msgid_plural and msgstr lines are not checked. */
  unreadable?: boolean;
  unsure?: boolean;
}

type KeywordToken = Extract<PoToken, { kind: 'keyword' }>;
type Target = PoField | 'ignore' | undefined;
type Place = { line: number; column: number };

/**
 * The entries of a token list. `comments` are the `#` lines of a file that has nothing else
 * (they become header comments); comments after the last entry are a problem.
 */
export function readEntries(tokens: PoToken[], problems: FormatProblem[]): { entries: ReadEntry[]; comments: string[] } {
  const reader = new EntryReader(problems);
  for (const token of tokens) reader.add(token);
  return reader.end();
}

class EntryReader {
  private readonly entries: ReadEntry[] = [];
  private draft: Draft = newDraft();
  /** The field a continuation string extends. */
  private target: Target;

  constructor(private readonly problems: FormatProblem[]) {}

  add(token: PoToken): void {
    switch (token.kind) {
      case 'comment':
        if (hasStarted(this.draft)) this.close();
        this.draft.line ??= token.line;
        addComment(this.draft, token);
        this.target = undefined;
        break;
      case 'keyword':
        this.target = token.previous ? this.addPrevious(token) : this.addKeyword(token);
        if (token.broken) this.draft.unsure = true;
        break;
      case 'continuation':
        this.addContinuation(token);
        if (token.broken) this.draft.unsure = true;
        break;
      case 'unreadable':
        this.draft.reported = true;
        this.draft.unreadable = true;
        this.target = 'ignore';
        break;
    }
  }

  end(): { entries: ReadEntry[]; comments: string[] } {
    const { draft } = this;
    if (hasStarted(draft)) {
      this.close();
      return { entries: this.entries, comments: [] };
    }
    if (draft.line === undefined) return { entries: this.entries, comments: [] };
    if (this.entries.length === 0 && hasOnlyTranslatorComments(draft)) return { entries: [], comments: draft.translatorComments };
    if (!draft.reported) {
      this.report(
        { line: draft.line, column: 1 },
        'po/syntax',
        'These comments come after the last entry and belong to none: remove them, or add the entry they describe.',
      );
    }
    return { entries: this.entries, comments: [] };
  }

  private report(place: Place, rule: string, message: string): void {
    this.problems.push({ line: place.line, column: place.column, rule, message });
  }

  /** Reports a problem on the entry being read, and ignores the line. */
  private reject(place: Place, rule: string, message: string): 'ignore' {
    this.report(place, rule, message);
    this.draft.reported = true;
    return 'ignore';
  }

  /** A keyword with no msgid above it: the comments before it go with it, not with the next entry. */
  private rejectOrphan(place: Place, message: string): 'ignore' {
    this.report(place, 'po/syntax', message);
    this.draft = newDraft();
    return 'ignore';
  }

  private close(): void {
    const entry = this.finish(this.draft);
    if (entry) this.entries.push(entry);
    this.draft = newDraft();
    this.target = undefined;
  }

  private addPrevious(token: KeywordToken): Target {
    if (hasStarted(this.draft)) this.close();
    const { draft } = this;
    draft.line ??= token.line;
    if (token.keyword === 'msgstr') {
      return this.reject(token, 'po/syntax', '`#|` lines hold the previous msgctxt, msgid and msgid_plural of an entry, never a msgstr: remove this line.');
    }
    if (draft.previous[token.keyword]) {
      return this.reject(token, 'po/syntax', `This entry already has a previous \`${token.keyword}\` (\`#| ${token.keyword}\`): keep one and remove the other.`);
    }
    return (draft.previous[token.keyword] = fieldOf(token));
  }

  private addKeyword(token: KeywordToken): Target {
    switch (token.keyword) {
      case 'msgctxt':
        if (this.draft.msgid) this.close();
        if (this.draft.msgctxt) {
          return this.reject(token, 'po/syntax', 'A second msgctxt before the msgid: an entry has one context. Keep one, or add the msgid and msgstr that belong to the first.');
        }
        this.start(token);
        return (this.draft.msgctxt = fieldOf(token));
      case 'msgid':
        if (this.draft.msgid) this.close();
        this.start(token);
        return (this.draft.msgid = fieldOf(token));
      case 'msgid_plural':
        return this.addMsgidPlural(token);
      case 'msgstr':
        return this.addMsgstr(token);
    }
  }

  private addMsgidPlural(token: KeywordToken): Target {
    const { draft } = this;
    if (draft.unreadable) return 'ignore';
    if (!draft.msgid) {
      return this.rejectOrphan(token, 'msgid_plural has no msgid above it: write the msgid (the singular) first, then msgid_plural.');
    }
    this.checkPrefix(token);
    if (draft.msgidPlural) {
      return this.reject(token, 'po/syntax', 'A second msgid_plural for this msgid: an entry has one plural source. Remove one.');
    }
    if (draft.msgstr.length > 0) {
      return this.reject(token, 'po/syntax', 'msgid_plural comes after msgstr: move it up, right after the msgid.');
    }
    return (draft.msgidPlural = fieldOf(token));
  }

  private addMsgstr(token: KeywordToken): Target {
    const { draft } = this;
    const name = token.index === undefined ? 'msgstr' : `msgstr[${token.index}]`;
    if (draft.unreadable) return 'ignore';
    if (!draft.msgid) {
      return this.rejectOrphan(token, `${name} has no msgid above it: every translation follows the msgid it translates. Add the msgid, or remove this ${name}.`);
    }
    this.checkPrefix(token);
    if (token.index === undefined) {
      if (draft.msgidPlural) {
        return this.reject(token, 'po/plural', 'This entry has msgid_plural, so its translations are msgstr[0], msgstr[1] …: write msgstr[0] instead of msgstr.');
      }
      if (draft.msgstr.length > 0) {
        return this.reject(token, 'po/syntax', 'A second msgstr for the same msgid: keep one translation, or add the msgid this one belongs to.');
      }
    } else {
      if (!draft.msgidPlural) {
        return this.reject(token, 'po/plural', `${name} needs a msgid_plural after the msgid: add msgid_plural "…" (the plural source), or write a plain msgstr.`);
      }
      const expected = draft.msgstr.length;
      if (token.index !== expected) {
        // One out-of-order form is enough to say: the numbers after it are likely off too.
        if (draft.reported) return 'ignore';
        return this.reject(token, 'po/plural', `${name} is out of order: msgstr[${expected}] comes here. Number the plural forms 0, 1, 2 … in order, without gaps.`);
      }
    }
    const field = fieldOf(token);
    draft.msgstr.push(field);
    return field;
  }

  private addContinuation(token: Extract<PoToken, { kind: 'continuation' }>): void {
    const { target } = this;
    if (target === 'ignore') return;
    if (target === undefined) {
      this.report(token, 'po/syntax', 'A string with no keyword above it: continuation strings follow a msgid, msgstr … line. Add the keyword, or remove the blank or comment line between them.');
      this.target = 'ignore';
      return;
    }
    if (token.obsolete !== target.obsolete || token.previous !== target.previous) {
      const prefix = prefixName(target);
      this.report(token, 'po/syntax', `This string continues the line above, so it needs the same prefix (${prefix}): write it as ${prefix}"…".`);
      return;
    }
    target.strings.push(...token.strings);
  }

  /** msgctxt or msgid: the entry's first keyword decides whether it is obsolete. */
  private start(token: KeywordToken): void {
    const { draft } = this;
    draft.line ??= token.line;
    if (draft.obsolete === undefined) draft.obsolete = token.obsolete;
    else this.checkPrefix(token);
  }

  private checkPrefix(token: KeywordToken): void {
    const { draft } = this;
    if (token.obsolete === draft.obsolete || draft.prefixReported) return;
    draft.prefixReported = true;
    this.report(
      { line: token.line, column: 1 },
      'po/syntax',
      token.obsolete
        ? 'This line is marked obsolete (#~) but the rest of its entry is not: mark every line of an obsolete entry with #~, or none.'
        : 'This entry is obsolete (#~) but this line is not marked: mark every line of an obsolete entry with #~, or none.',
    );
  }

  /** The entry of a draft with a msgid and its msgstr, or a problem. */
  private finish(draft: Draft): ReadEntry | undefined {
    const { msgid, msgctxt } = draft;
    if (!msgid) {
      if (msgctxt && !draft.reported) {
        this.report(msgctxt, 'po/syntax', 'msgctxt is not followed by a msgid: add the msgid and msgstr it is the context of, or remove it.');
      }
      return undefined;
    }
    if (draft.msgstr.length === 0) {
      if (!draft.reported) {
        const quoted = `msgid "${previewPoValue(valueOf(msgid))}"`;
        this.report(
          msgid,
          'po/syntax',
          draft.msgidPlural
            ? `${quoted} has msgid_plural but no msgstr[0]: add msgstr[0] "" and msgstr[1] "" (empty translations) after it.`
            : `${quoted} has no msgstr: add msgstr "" (an empty translation) after it.`,
        );
      }
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
    return {
      entry,
      ...(msgctxt && { msgctxt }),
      msgid,
      ...(draft.msgidPlural && { msgidPlural: draft.msgidPlural }),
      msgstr: draft.msgstr,
      unsure: draft.unsure ?? false,
    };
  }
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

function addComment(draft: Draft, token: Extract<PoToken, { kind: 'comment' }>): void {
  const list = {
    translator: draft.translatorComments,
    extracted: draft.extractedComments,
    reference: draft.references,
    flag: draft.flags,
  }[token.mark];
  list.push(...token.texts);
}

function fieldOf(token: KeywordToken): PoField {
  return { strings: [...token.strings], line: token.line, column: token.column, obsolete: token.obsolete, previous: token.previous };
}

function valueOf(field: PoField): string {
  return field.strings.map((s) => s.value).join('');
}

function prefixName(field: PoField): string {
  if (field.previous) return field.obsolete ? '#~| ' : '#| ';
  return field.obsolete ? '#~ ' : 'no prefix, just ';
}

/** A value as it would be written in a message: escaped, and cut after 40 characters. */
export function previewPoValue(value: string): string {
  const flat = JSON.stringify(value).slice(1, -1);
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}
