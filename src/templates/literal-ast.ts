/**
 * Rewrites a Handlebars AST so that every escaped mustache (`{{value}}`, `{{helper a b}}`)
 * prints through the `__literal` helper, which returns a token (see literal-values.ts).
 * Triple mustaches (`{{{markdown}}}`) stay raw: they are for template-owned Markdown only.
 */
import type Handlebars from 'handlebars';

type AST = typeof Handlebars extends { parse(...a: never[]): infer R } ? R : never;
type Node = { type: string; [key: string]: unknown };

export const LITERAL_HELPER = '__literal';

export function wrapMustaches(program: AST, helperNames: ReadonlySet<string>, rawHelpers: ReadonlySet<string> = new Set()): AST {
  visit(program as unknown as Node, helperNames, rawHelpers);
  return program;
}

function visit(node: Node | null | undefined, helpers: ReadonlySet<string>, raw: ReadonlySet<string>): void {
  if (!node || typeof node !== 'object') return;
  if (node.type === 'Program') {
    for (const statement of node.body as Node[]) visit(statement, helpers, raw);
    return;
  }
  if (node.type === 'BlockStatement' || node.type === 'DecoratorBlock') {
    visit(node.program as Node, helpers, raw);
    visit(node.inverse as Node, helpers, raw);
    return;
  }
  if (node.type === 'PartialBlockStatement') {
    visit(node.program as Node, helpers, raw);
    return;
  }
  if (node.type === 'MustacheStatement' && node.escaped === true) {
    const path = node.path as Node & { original?: unknown; parts?: string[] };
    // Messages print template-owned Markdown whose arguments are already tokens.
    if (path.type === 'PathExpression' && typeof path.original === 'string' && raw.has(path.original)) {
      node.escaped = false;
      return;
    }
    const params = node.params as Node[];
    const hash = node.hash as Node | undefined;
    const isHelperCall =
      params.length > 0 ||
      (hash && (hash.pairs as unknown[]).length > 0) ||
      (path.type === 'PathExpression' && typeof path.original === 'string' && helpers.has(path.original));
    const loc = node.loc;
    const argument: Node = isHelperCall
      ? { type: 'SubExpression', path, params, hash: hash ?? { type: 'Hash', pairs: [], loc }, loc }
      : // A plain path passed as a parameter is looked up leniently by Handlebars; marking it
        // strict keeps strict mode's "not defined" error for a misspelt name.
        { ...path, strict: true };
    node.path = {
      type: 'PathExpression',
      data: false,
      depth: 0,
      parts: [LITERAL_HELPER],
      original: LITERAL_HELPER,
      loc,
    };
    node.params = [argument];
    node.hash = { type: 'Hash', pairs: [], loc };
    node.escaped = false;
  }
}
