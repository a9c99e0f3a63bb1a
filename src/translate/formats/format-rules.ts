/**
 * Rule ids of the problems the exchange-format readers report, and one helper to build them.
 * A problem under `xml/` means the file could not be read at all (no file or memory is
 * returned); the others concern one element, and reading carries on without it.
 */
import type { FormatProblem } from './exchange.js';
import type { XmlElement } from './xml-tree.js';

export const FORMAT_RULES = {
  /** Not well-formed XML, an undecodable byte sequence or a forbidden entity: the whole file is rejected. */
  malformed: 'xml/malformed',
  /** Elements nested deeper than any exchange file needs: rejected before a reader can recurse that far. */
  tooDeep: 'xml/too-deep',
  /** Well-formed, but another format (a TMX given to the XLIFF reader, an XLIFF 2 to the 1.2 one, …). */
  wrongFormat: 'exchange/wrong-format',
  /** A required attribute is missing (unit id, source language, `xml:lang` of a `tuv`, …). */
  missingAttribute: 'exchange/missing-attribute',
  /** A unit or segment without its `<source>`. */
  missingSource: 'exchange/missing-source',
  /** Two units with the same id: the second is left out. */
  duplicateId: 'exchange/duplicate-id',
  /** Several `<file>` elements with different language pairs. */
  mixedLanguages: 'exchange/mixed-languages',
  /** Two `tuv`s of one `tu` in the same language (compared case-insensitively): the second is left out. */
  duplicateLanguage: 'tmx/duplicate-language',
} as const;

export type FormatRule = (typeof FORMAT_RULES)[keyof typeof FORMAT_RULES];

export function formatProblem(
  place: { line: number; column: number },
  rule: FormatRule,
  message: string,
): FormatProblem {
  return { line: place.line, column: place.column, rule, message };
}

/** The problem for a missing required attribute (undefined when present and not empty). */
export function requireAttribute(element: XmlElement, name: string, value: string | undefined, problems: FormatProblem[]): string | undefined {
  if (value === undefined || value === '') {
    problems.push(
      formatProblem(element, FORMAT_RULES.missingAttribute, `<${element.name}> has no ${name} attribute, which the format requires. Add it, or export the file again from the translation tool.`),
    );
    return undefined;
  }
  return value;
}
