/**
 * Template messages → translation units: every `{{t "…"}}` (also as a sub-expression) with a
 * quoted message. The context is the template, so the same words may be translated differently
 * in a letter and in the agenda.
 */
import Handlebars from 'handlebars';
import { messageSegment, type Segment } from './segment.js';
import { MESSAGE_HELPER } from '../templates/messages.js';

type Node = { type: string; [key: string]: unknown };

export function templateSegments(name: string, file: string, text: string): Segment[] {
  const segments: Segment[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { node.forEach(visit); return; }
    const n = node as Node;
    if ((n.type === 'MustacheStatement' || n.type === 'SubExpression') && (n.path as Node | undefined)?.original === MESSAGE_HELPER) {
      const first = (n.params as Node[])[0];
      if (first && first.type === 'StringLiteral') {
        const loc = first.loc as { start: { line: number; column: number } } | undefined;
        segments.push(messageSegment(`template:${name}`, String(first.value),
          { file, line: loc?.start.line ?? 1, column: (loc?.start.column ?? 0) + 1 }, messageNote(n)));
      }
    }
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
  };
  visit(Handlebars.parse(text));
  return segments;
}

/** Lists a message's arguments for translators: "{country}: a data value; {count}: a number". */
function messageNote(node: Node): string | undefined {
  const pairs = ((node.hash as Node | undefined)?.pairs as { key: string }[] | undefined) ?? [];
  if (pairs.length === 0) return undefined;
  return `Arguments: ${pairs.map((p) => `{${p.key}}`).join(', ')}. Keep them as they are; Markdown such as **bold** may move.`;
}
