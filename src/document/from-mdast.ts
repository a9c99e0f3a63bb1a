/**
 * mdast (after templates and literal values) → the document model both renderers read.
 * Layout hints that Markdown cannot say come from template comments placed just before
 * a block: `<!-- folio: role=meta align=end -->`, `<!-- folio: table=plain -->`,
 * `<!-- folio: pagebreak -->`, `<!-- folio: contents -->` (the list that follows is a table of
 * contents of the level-1 headings after it), `<!-- folio: letterhead -->` (the organisers' logos
 * here, when the configuration names any).
 */
import type { Nodes, PhrasingContent, Root, RootContent, Table as MdTable, FootnoteDefinition, Definition, Image as MdImage } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { diagnostic, type Diagnostic, type SourcePlace } from '../diagnostics/diagnostic.js';
import type { Align, Block, Footnote, Inline, Letterhead, Paragraph, ParagraphRole } from './model.js';
import type { LoadedImage } from './images.js';

export interface ConvertOptions {
  /** The file the Markdown came from (a template), for places of nodes without their own. */
  file: string;
  /** Reads and checks an image file referenced by a source: the image, why it cannot be used, or undefined when missing. */
  loadImage?: (url: string, dir: string | undefined) => LoadedImage | undefined;
  /** What `<!-- folio: letterhead -->` stands for: the organisers' logos, or nothing when there are none. */
  letterhead?: Letterhead;
}

export interface Converted {
  blocks: Block[];
  footnotes: Footnote[];
  diagnostics: Diagnostic[];
}

interface Hints {
  role?: ParagraphRole;
  align?: Align;
  table?: 'grid' | 'plain';
  pageBreak?: boolean;
  contents?: boolean;
  letterhead?: boolean;
}

const ROLES = new Set<ParagraphRole>(['body', 'title', 'subtitle', 'meta', 'signature']);
const ALIGNS = new Set<Align>(['start', 'center', 'end', 'justify']);

export function mdastToBlocks(tree: Root, options: ConvertOptions): Converted {
  const diagnostics: Diagnostic[] = [];
  const definitions = new Map<string, Definition>();
  const footnoteDefs = new Map<string, FootnoteDefinition>();
  const collect = (node: Nodes) => {
    if (node.type === 'definition') definitions.set(node.identifier, node);
    if (node.type === 'footnoteDefinition') footnoteDefs.set(node.identifier, node);
    if ('children' in node) for (const c of node.children as Nodes[]) collect(c);
  };
  collect(tree);

  const footnoteNumbers = new Map<string, number>();
  const footnotes: Footnote[] = [];
  const slugs = new Map<string, number>();

  const placeOf = (node: Nodes): SourcePlace | undefined => {
    const data = node.data as Record<string, unknown> | undefined;
    const translation = data?.folioTranslation as SourcePlace | undefined;
    if (translation) return translation;
    const file = typeof data?.folioFile === 'string' ? data.folioFile : options.file;
    const start = node.position?.start;
    return start ? { file, line: start.line, column: start.column } : { file, line: 1, column: 1 };
  };
  const dirOf = (node: Nodes): string | undefined => {
    const data = node.data as Record<string, unknown> | undefined;
    return typeof data?.folioDir === 'string' ? data.folioDir : undefined;
  };

  const inlines = (nodes: PhrasingContent[]): Inline[] => {
    const out: Inline[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          if (node.value !== '') out.push({ type: 'text', value: node.value.replace(/\s*\n\s*/g, ' '), place: placeOf(node) });
          break;
        case 'emphasis':
          out.push({ type: 'emphasis', children: inlines(node.children) });
          break;
        case 'strong':
          out.push({ type: 'strong', children: inlines(node.children) });
          break;
        case 'delete':
          out.push(...inlines(node.children));
          break;
        case 'inlineCode':
          out.push({ type: 'code', value: node.value, place: placeOf(node) });
          break;
        case 'break':
          out.push({ type: 'break' });
          break;
        case 'link':
          out.push({ type: 'link', url: node.url, ...(node.title ? { title: node.title } : {}), children: inlines(node.children) });
          break;
        case 'linkReference': {
          const def = definitions.get(node.identifier);
          if (def) out.push({ type: 'link', url: def.url, ...(def.title ? { title: def.title } : {}), children: inlines(node.children) });
          else out.push(...inlines(node.children));
          break;
        }
        case 'footnoteReference': {
          let number = footnoteNumbers.get(node.identifier);
          if (number === undefined) {
            const def = footnoteDefs.get(node.identifier);
            if (!def) {
              const p = placeOf(node);
              diagnostics.push(diagnostic(p ?? { file: options.file }, 'error', 'markdown/footnote-undefined',
                `The footnote [^${node.label ?? node.identifier}] is referenced but never defined: add a line "[^${(node.label ?? node.identifier).replace(/^.*:/, '')}]: …".`));
              break;
            }
            number = footnotes.length + 1;
            footnoteNumbers.set(node.identifier, number);
            const entry: Footnote = { number, children: [] };
            footnotes.push(entry);
            entry.children = blocks(def.children as RootContent[]);
          }
          out.push({ type: 'footnoteRef', number });
          break;
        }
        case 'image':
        case 'imageReference':
          // Inline images are not supported inside running text: keep their alt text.
          if (node.alt) out.push({ type: 'text', value: node.alt, place: placeOf(node) });
          break;
        case 'html':
          diagnostics.push(diagnostic(placeOf(node) ?? { file: options.file }, 'warning', 'markdown/html',
            'Raw HTML is not rendered in PDF or DOCX; it was left out. Use Markdown instead.'));
          break;
        default:
          break;
      }
    }
    return out;
  };

  /** An image alone in its paragraph: a figure, or a diagnostic at the image's place. */
  const imageBlock = (node: MdImage): Block | undefined => {
    const place = placeOf(node) ?? { file: options.file };
    const loaded = options.loadImage?.(node.url, dirOf(node));
    if (loaded && 'problem' in loaded) {
      diagnostics.push(diagnostic(place, 'error', loaded.problem.rule, loaded.problem.message));
      return undefined;
    }
    if (!loaded) {
      diagnostics.push(diagnostic(place, 'error', 'markdown/image',
        `The image ${node.url} cannot be read as PNG or JPEG: check the path (relative to the Markdown file) and the format.`));
      return undefined;
    }
    if (!node.alt?.trim()) {
      diagnostics.push(diagnostic(place, 'warning', 'a11y/missing-alt',
        `The image ${node.url} has no alternative text: write what it shows between the brackets, ![a map of the migration corridors](${node.url}). Screen readers read it in the image's place; without it the image is left out of the PDF's structure as decoration.`));
    }
    return { type: 'image', ...loaded, alt: node.alt ?? '', place: placeOf(node) };
  };

  const slug = (text: string): string => {
    const base = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'section';
    const n = slugs.get(base) ?? 0;
    slugs.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  };

  const table = (node: MdTable, hints: Hints): Block => {
    const [head, ...body] = node.children;
    const cells = (row: typeof head) => (row ? row.children.map((cell) => inlines(cell.children)) : []);
    return {
      type: 'table',
      align: (node.align ?? []).map((a) => a ?? null),
      header: cells(head),
      rows: body.map(cells),
      style: hints.table ?? 'grid',
      place: placeOf(node),
    };
  };

  function blocks(nodes: RootContent[]): Block[] {
    const out: Block[] = [];
    let hints: Hints = {};
    for (const node of nodes) {
      if (node.type === 'html') {
        const parsed = parseHints(node.value);
        if (parsed) {
          if ('error' in parsed) {
            diagnostics.push(diagnostic(placeOf(node) ?? { file: options.file }, 'error', 'template/hint', parsed.error));
          } else {
            if (parsed.pageBreak) out.push({ type: 'pageBreak' });
            if (parsed.letterhead && options.letterhead && options.letterhead.logos.length > 0) out.push(options.letterhead);
            hints = { ...hints, ...parsed, pageBreak: false, letterhead: false };
          }
          continue;
        }
        if (/^<!--[\s\S]*-->$/.test(node.value.trim())) continue; // an ordinary comment
        diagnostics.push(diagnostic(placeOf(node) ?? { file: options.file }, 'warning', 'markdown/html',
          'Raw HTML is not rendered in PDF or DOCX; it was left out. Use Markdown instead.'));
        continue;
      }
      const used = hints;
      hints = {};
      switch (node.type) {
        case 'heading': {
          const children = inlines(node.children);
          out.push({ type: 'heading', level: node.depth, children, id: slug(toString(node)), place: placeOf(node) });
          break;
        }
        case 'paragraph': {
          const only = node.children.length === 1 ? node.children[0] : undefined;
          if (only && only.type === 'image') {
            const image = imageBlock(only);
            if (image) out.push(image);
            break;
          }
          const paragraph: Paragraph = { type: 'paragraph', role: used.role ?? 'body', children: inlines(node.children), place: placeOf(node) };
          if (used.align) paragraph.align = used.align;
          if (paragraph.children.length > 0) out.push(paragraph);
          break;
        }
        case 'list':
          out.push({
            type: 'list',
            ordered: node.ordered === true,
            start: node.start ?? 1,
            items: node.children.map((item) => blocks(item.children as RootContent[])),
            ...(used.contents ? { contents: true } : {}),
            place: placeOf(node),
          });
          break;
        case 'blockquote':
          out.push({ type: 'blockquote', children: blocks(node.children as RootContent[]), place: placeOf(node) });
          break;
        case 'table':
          out.push(table(node, used));
          break;
        case 'code':
          out.push({ type: 'code', value: node.value, lang: node.lang ?? undefined, place: placeOf(node) });
          break;
        case 'thematicBreak':
          out.push({ type: 'thematicBreak' });
          break;
        case 'footnoteDefinition':
        case 'definition':
        case 'yaml':
          break;
        default:
          break;
      }
    }
    return out;
  }

  const result = blocks(tree.children);
  for (const [id, def] of footnoteDefs) {
    if (!footnoteNumbers.has(id)) {
      diagnostics.push(diagnostic(placeOf(def) ?? { file: options.file }, 'warning', 'markdown/footnote-unused',
        `The footnote [^${(def.label ?? id).replace(/^.*:/, '')}] is defined but never referenced; it was left out.`));
    }
  }
  return { blocks: result, footnotes, diagnostics };
}

function parseHints(html: string): Hints | { error: string } | undefined {
  const m = /^<!--\s*folio:([\s\S]*?)-->$/.exec(html.trim());
  if (!m) return undefined;
  const hints: Hints = {};
  for (const word of m[1]!.trim().split(/\s+/).filter(Boolean)) {
    const [key, value] = word.split('=');
    if (key === 'pagebreak' && value === undefined) hints.pageBreak = true;
    else if (key === 'role' && value && ROLES.has(value as ParagraphRole)) hints.role = value as ParagraphRole;
    else if (key === 'align' && value && ALIGNS.has(value as Align)) hints.align = value as Align;
    else if (key === 'table' && (value === 'grid' || value === 'plain')) hints.table = value;
    else if (key === 'contents' && value === undefined) hints.contents = true;
    else if (key === 'letterhead' && value === undefined) hints.letterhead = true;
    else return { error: `Unknown layout hint \`${word}\`. Known: role=${[...ROLES].join('|')}, align=${[...ALIGNS].join('|')}, table=grid|plain, pagebreak, contents, letterhead.` };
  }
  return hints;
}
