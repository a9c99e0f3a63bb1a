import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { LineCounter, parseDocument } from 'yaml';
import type { Root, Yaml } from 'mdast';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export interface ParsedMarkdown {
  tree: Root;
  /** The YAML front matter as a plain object (empty when there is none). */
  frontMatter: Record<string, unknown>;
  /** Where each front-matter key's value sits in the file. */
  frontMatterPlaces: Record<string, { line: number; column: number }>;
  diagnostics: Diagnostic[];
}

/**
 * Parses CommonMark + GFM (tables, footnotes) with YAML front matter. Pure: no file access.
 *
 * A process that builds again (`folio watch`) reads the same sources again: a text parsed before
 * (same file name, same characters) is handed out as a copy of its first parse (callers own and
 * may change the tree), about a twentieth of the parse's time.
 */
export function parseMarkdown(text: string, file: string): ParsedMarkdown {
  const key = `${file}\u0000${text}`;
  let parsed = memo.get(key);
  if (!parsed) {
    parsed = parseUncached(text, file);
    memoChars += key.length;
    if (memoChars > MEMO_CHARS) { memo.clear(); memoChars = key.length; }
    memo.set(key, parsed);
  }
  return structuredClone(parsed);
}

const memo = new Map<string, ParsedMarkdown>();
let memoChars = 0;
/** The memo forgets everything past this many characters of sources (a kit's are a few MB). */
const MEMO_CHARS = 32_000_000;

function parseUncached(text: string, file: string): ParsedMarkdown {
  const tree = processor.parse(text) as Root;
  const diagnostics: Diagnostic[] = [];
  let frontMatter: Record<string, unknown> = {};
  const frontMatterPlaces: Record<string, { line: number; column: number }> = {};
  const first = tree.children[0];
  if (first && first.type === 'yaml') {
    const yamlNode = first as Yaml;
    // The YAML starts on the line after the opening `---`.
    const lineOffset = (yamlNode.position?.start.line ?? 1);
    const lineCounter = new LineCounter();
    const doc = parseDocument(yamlNode.value, { lineCounter, prettyErrors: false });
    for (const error of doc.errors) {
      const pos = lineCounter.linePos(error.pos[0]);
      diagnostics.push(
        diagnostic(
          { file, line: pos.line + lineOffset, column: pos.col },
          'error',
          'source/front-matter',
          `Front matter is not valid YAML: ${error.message.split('\n')[0]}. Fix the block between the two \`---\` lines.`,
        ),
      );
    }
    let value: unknown;
    if (doc.errors.length === 0) {
      try {
        value = doc.toJS(); // yaml refuses alias bombs (maxAliasCount) by throwing
      } catch (error) {
        diagnostics.push(diagnostic({ file, line: lineOffset + 1, column: 1 }, 'error', 'source/front-matter',
          `Front matter cannot be read: ${error instanceof Error ? error.message : String(error)}. Write its values without so many aliases.`));
      }
    }
    if (doc.errors.length === 0 && diagnostics.length === 0) {
      if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
        diagnostics.push(
          diagnostic({ file, line: lineOffset + 1, column: 1 }, 'error', 'source/front-matter',
            'Front matter must be a mapping of keys to values (for example `title: "…"`).'),
        );
      } else if (value) {
        frontMatter = value as Record<string, unknown>;
        const contents = doc.contents as { items?: { key: { value?: unknown; range?: [number, number, number] }; value?: { range?: [number, number, number] } }[] } | null;
        for (const item of contents?.items ?? []) {
          const key = String(item.key?.value ?? '');
          const range = item.value?.range ?? item.key?.range;
          if (range) {
            const pos = lineCounter.linePos(range[0]);
            frontMatterPlaces[key] = { line: pos.line + lineOffset, column: pos.col };
          }
        }
      }
    }
    tree.children.shift();
  }
  return { tree, frontMatter, frontMatterPlaces, diagnostics };
}
