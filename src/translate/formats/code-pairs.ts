/**
 * How the paired codes of one content relate, so writers can choose their elements: an
 * `open` and the next `close` with the same id form a pair; a pair that nests properly with
 * the other nested pairs can become one element around its text (XLIFF 1.2 `<g>`, XLIFF 2
 * `<pc>`), a crossing pair two empty elements (`<bx/>`/`<ex/>`, `<sc/>`/`<ec/>`), and a
 * code without its partner an isolated one (`<it>`, `isolated="yes"`).
 */
import type { Content } from '../content.js';

export interface CodeRole {
  /** Index in the content of the other end of the pair, when there is one. */
  partner?: number;
  /** The pair nests properly and can be written as one element around its content. */
  nested: boolean;
}

/** For each paired code (by index in `content`), its partner and whether the pair nests. */
export function analyseCodePairs(content: Content): Map<number, CodeRole> {
  const roles = new Map<number, CodeRole>();
  const unmatched = new Map<string, number[]>();
  content.forEach((part, index) => {
    if (typeof part === 'string' || part.kind === 'standalone') return;
    if (part.kind === 'open') {
      const list = unmatched.get(part.id) ?? [];
      list.push(index);
      unmatched.set(part.id, list);
      roles.set(index, { nested: false });
      return;
    }
    const open = unmatched.get(part.id)?.pop();
    if (open === undefined) roles.set(index, { nested: false });
    else {
      roles.set(open, { partner: index, nested: false });
      roles.set(index, { partner: open, nested: false });
    }
  });

  // Greedy nesting: a close whose open is on top of the stack nests; otherwise its pair crosses
  // another and is taken out, leaving the pairs around it free to nest.
  const stack: number[] = [];
  content.forEach((part, index) => {
    const role = roles.get(index);
    if (role?.partner === undefined || typeof part === 'string') return;
    if (part.kind === 'open') {
      stack.push(index);
      return;
    }
    if (stack[stack.length - 1] === role.partner) {
      stack.pop();
      role.nested = true;
      roles.get(role.partner)!.nested = true;
    } else {
      const at = stack.lastIndexOf(role.partner);
      if (at >= 0) stack.splice(at, 1);
    }
  });
  return roles;
}
