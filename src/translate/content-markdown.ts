/**
 * Units in PO are Markdown (sources), ICU messages (templates) or plain text (titles,
 * configuration). XLIFF and TMX carry the same units as text with inline codes. This module
 * converts both ways; codes carry the exact markup they stand for, so nothing is lost.
 */
import type { PhrasingContent } from 'mdast';
import type { Content, InlineCode } from './content.js';
import { normaliseContent } from './content.js';
import { markdownToPhrasing } from '../segments/inline-markdown.js';
import type { Segment } from '../segments/segment.js';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** The names of an ICU message's simple arguments (`{name}`); none when it does not parse. */
function icuArguments(text: string): Set<string> {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  try {
    walk(parse(text, { ignoreTag: true }));
  } catch {
    // A broken message has no codes; QA reports it.
  }
  return names;
}

type Syntax = Segment['syntax'];

/** A unit's text → content with inline codes. */
export function toContent(text: string, syntax: Syntax, footnoteLabels: readonly string[] = []): Content {
  if (syntax === 'plain') return text === '' ? [] : [text];
  if (syntax === 'icu') return icuToContent(text);
  const nodes = markdownToPhrasing(text, footnoteLabels);
  if (!nodes) return [text];
  let next = 1;
  const out: Content = [];
  const walk = (list: PhrasingContent[]) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          out.push(node.value);
          break;
        case 'strong':
        case 'emphasis':
        case 'delete': {
          const id = String(next++);
          const mark = node.type === 'strong' ? '**' : node.type === 'emphasis' ? '*' : '~~';
          out.push({ kind: 'open', id, data: mark, equiv: mark });
          walk(node.children);
          out.push({ kind: 'close', id, data: mark, equiv: mark });
          break;
        }
        case 'link': {
          const id = String(next++);
          const title = node.title ? ` "${node.title.replace(/"/g, '\\"')}"` : '';
          out.push({ kind: 'open', id, data: '[', equiv: '[' });
          walk(node.children);
          out.push({ kind: 'close', id, data: `](${node.url}${title})`, equiv: `](${node.url})` });
          break;
        }
        case 'inlineCode': {
          const fence = node.value.includes('`') ? '``' : '`';
          const pad = node.value.startsWith('`') || node.value.endsWith('`') ? ' ' : '';
          out.push({ kind: 'standalone', id: String(next++), data: `${fence}${pad}${node.value}${pad}${fence}`, equiv: node.value });
          break;
        }
        case 'break':
          out.push({ kind: 'standalone', id: String(next++), data: '\\\n', equiv: '↵' });
          break;
        case 'footnoteReference':
          out.push({ kind: 'standalone', id: String(next++), data: `[^${node.label ?? node.identifier}]`, equiv: `[^${node.label ?? node.identifier}]` });
          break;
        case 'image':
          out.push({ kind: 'standalone', id: String(next++), data: `![${node.alt ?? ''}](${node.url})`, equiv: node.alt ?? 'image' });
          break;
        default:
          // Anything else (raw HTML, references) travels as a code that must stay as it is.
          out.push({ kind: 'standalone', id: String(next++), data: nodeText(node), equiv: '…' });
      }
    }
  };
  walk(nodes);
  return normaliseContent(out);
}

function nodeText(node: PhrasingContent): string {
  return 'value' in node ? String(node.value) : '';
}

/** ICU messages: simple arguments `{name}` become codes; plural and select syntax stays text. */
function icuToContent(text: string): Content {
  const out: Content = [];
  let next = 1;
  let last = 0;
  const names = icuArguments(text);
  for (const match of text.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    // `{opening}` inside `select` options is the option's text, not an argument.
    if (!names.has(match[1]!)) continue;
    out.push(text.slice(last, match.index));
    out.push({ kind: 'standalone', id: String(next++), data: match[0], equiv: match[0] });
    last = (match.index ?? 0) + match[0].length;
  }
  out.push(text.slice(last));
  return normaliseContent(out);
}

/** Content → the unit's text in the given syntax (text escaped for Markdown). */
export function fromContent(content: Content, syntax: Syntax): string {
  if (syntax !== 'markdown') return content.map((p) => (typeof p === 'string' ? p : p.data)).join('');
  return content.map((p, i) => (typeof p === 'string' ? escapeMarkdown(p, i === 0) : p.data)).join('');
}

/** TMX/XLIFF content from another tool → Markdown, keeping only codes that are Markdown. */
export function contentToMarkdown(content: Content): string {
  return content
    .map((p, i) => (typeof p === 'string' ? escapeMarkdown(p, i === 0) : isMarkdownCode(p) ? p.data : ''))
    .join('');
}

/**
 * A segment of another tool's memory as a unit's Markdown. Its text is taken as written: the
 * memories translators bring are made from PO stores (Translate Toolkit's po2tmx) or from
 * projects on them (OmegaT), whose text is the Markdown they saw, `**Convention**` or `[^1]`;
 * escaping it would print the asterisks. Its codes count by their markup: Markdown's own, and
 * HTML's bold and italics; any other code (a tool's own `<g0>`, an underline) leaves nothing, so
 * such a segment can match a unit only as a fuzzy match, never as an exact one.
 */
export function foreignSegmentToMarkdown(content: Content): string {
  return content.map((p) => (typeof p === 'string' ? p : isMarkdownCode(p) ? p.data : HTML_EMPHASIS[htmlTag(p.data)] ?? '')).join('');
}

const HTML_EMPHASIS: Record<string, string> = { b: '**', strong: '**', i: '*', em: '*' };

/** `b` for `<b>`, `<b class="x">` or `</b>`; '' for anything else. */
function htmlTag(data: string): string {
  return /^<\/?([a-z]+)(?:\s[^>]*)?>$/i.exec(data.trim())?.[1]!.toLowerCase() ?? '';
}

function isMarkdownCode(code: InlineCode): boolean {
  return /^(\*\*?|~~|\[|\]\(.*\)|`+.*`+|\\\n|\[\^[^\]]+\]|!\[.*\]\(.*\))$/s.test(code.data);
}

/** Escapes text so that Markdown reads it back as the same text (CommonMark §2.4). */
export function escapeMarkdown(text: string, atStart: boolean): string {
  let out = text.replace(/([\\`*_[\]<])/g, '\\$1').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  if (atStart) out = out.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, (m, space: string, mark: string) => `${space}${mark.replace(/([#>+\-.)])$/, '\\$1')}`);
  return out;
}
