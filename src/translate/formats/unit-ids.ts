/**
 * Unit ids must be unique in an exchange file (XLIFF 1.2 §2.4.2 `id`, XLIFF 2 §4.3.1.19): the
 * caller matches units to folio's by id, so a second unit with the same id is left out and
 * reported rather than silently overwriting the first.
 */
import type { FormatProblem } from './exchange.js';
import { FORMAT_RULES, formatProblem } from './format-rules.js';
import type { XmlElement } from './xml-tree.js';

export class UnitIds {
  private readonly seen = new Map<string, XmlElement>();
  constructor(private readonly problems: FormatProblem[]) {}

  /** Records the id; false (with a problem) when an earlier unit has it. */
  claim(id: string, element: XmlElement): boolean {
    const earlier = this.seen.get(id);
    if (earlier) {
      this.problems.push(
        formatProblem(
          element,
          FORMAT_RULES.duplicateId,
          `A second unit with id "${id}" (the first is on line ${earlier.line}); it is left out. Unit ids must be unique in a file: export it again from the translation tool.`,
        ),
      );
      return false;
    }
    this.seen.set(id, element);
    return true;
  }
}
