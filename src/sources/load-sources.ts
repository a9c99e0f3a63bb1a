import { readdir } from 'node:fs/promises';
import { readKitText } from '../input/kit-files.js';
import { describeBidiProblem, findBidiControlProblems, lineColumnAt } from '../input/bidi-controls.js';
import { checkMarkdownLimits } from './markdown-limits.js';
import path from 'node:path';
import type { Root } from 'mdast';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseMarkdown } from './parse-markdown.js';

/** One Markdown source (concept note, theme brief or handbook chapter), parsed. */
export interface SourceDocument {
  /** Path relative to the project root, with forward slashes (used in messages). */
  file: string;
  /** Absolute directory of the file, to resolve images. */
  dir: string;
  kind: 'concept-note' | 'theme' | 'chapter';
  id: string;
  title: string;
  /** Where the front matter's title is. */
  titlePlace: { line: number; column: number };
  /** 1–9 for themes and chapters. */
  theme?: number;
  /** `NN-slug` from the file name. */
  slug: string;
  tree: Root;
  frontMatter: Record<string, unknown>;
}

export interface SourceSet {
  conceptNote?: SourceDocument;
  themes: SourceDocument[];
  chapters: SourceDocument[];
}

const NUMBERED = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** Reads `sources/concept-note.md`, `sources/themes/NN-*.md` and `sources/handbook/NN-*.md`. */
export async function loadSources(root: string): Promise<{ sources: SourceSet; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const sources: SourceSet = { themes: [], chapters: [] };

  const conceptFile = path.join(root, 'sources', 'concept-note.md');
  const concept = await readSource(root, conceptFile, 'concept-note', diagnostics);
  if (concept) sources.conceptNote = concept;

  for (const [folder, kind, list] of [
    ['themes', 'theme', sources.themes],
    ['handbook', 'chapter', sources.chapters],
  ] as const) {
    const dir = path.join(root, 'sources', folder);
    let names: string[] = [];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
    } catch {
      diagnostics.push(diagnostic({ file: rel(root, dir) }, 'error', 'source/missing',
        `The folder ${rel(root, dir)} is missing: add one Markdown file per theme, named NN-slug.md (01 … 09).`));
      continue;
    }
    const seen = new Map<number, string>();
    for (const name of names) {
      const file = path.join(dir, name);
      const match = NUMBERED.exec(name);
      if (!match) {
        diagnostics.push(diagnostic({ file: rel(root, file) }, 'error', 'source/file-name',
          `The file name ${name} does not follow NN-slug.md (two digits, a hyphen, lowercase words joined by hyphens): rename it, e.g. 01-migration-and-development.md.`));
        continue;
      }
      const doc = await readSource(root, file, kind, diagnostics);
      if (!doc) continue;
      const number = Number(match[1]);
      if (number < 1 || number > 9) {
        diagnostics.push(diagnostic({ file: doc.file }, 'error', 'source/theme-range',
          `Theme number ${number} (from the file name) is outside 1–9.`));
        continue;
      }
      if (doc.theme !== undefined && doc.theme !== number) {
        diagnostics.push(diagnostic({ file: doc.file, line: 2 }, 'error', 'source/theme-mismatch',
          `Front matter says theme ${doc.theme} but the file name says ${number}: make them agree.`));
      }
      doc.theme = number;
      const previous = seen.get(number);
      if (previous) {
        diagnostics.push(diagnostic({ file: doc.file }, 'error', 'source/duplicate-theme',
          `Theme ${number} has two files: ${previous} and ${doc.file}. Keep one.`));
        continue;
      }
      seen.set(number, doc.file);
      list.push(doc);
    }
    for (let n = 1; n <= 9; n++) {
      if (!seen.has(n)) {
        diagnostics.push(diagnostic({ file: rel(root, dir) }, 'error', 'source/missing-theme',
          `No ${kind === 'theme' ? 'theme brief' : 'handbook chapter'} for theme ${n}: add ${rel(root, dir)}/${String(n).padStart(2, '0')}-<slug>.md.`));
      }
    }
  }
  return { sources, diagnostics };
}

async function readSource(
  root: string,
  file: string,
  kind: SourceDocument['kind'],
  diagnostics: Diagnostic[],
): Promise<SourceDocument | undefined> {
  const relative = rel(root, file);
  const read = await readKitText(root, file, relative, 'source');
  if ('missing' in read) {
    diagnostics.push(diagnostic({ file: relative }, 'error', 'source/missing', `Cannot read ${relative}: create it or check its permissions.`));
    return undefined;
  }
  if ('diagnostic' in read) { diagnostics.push(read.diagnostic); return undefined; }
  const text = read.text;
  const limits = checkMarkdownLimits(text, relative);
  if (limits.length > 0) { diagnostics.push(...limits); return undefined; }
  diagnostics.push(...bidiWarnings(text, relative, 'source/bidi-control'));
  const parsed = parseMarkdown(text, relative);
  diagnostics.push(...parsed.diagnostics);
  if (parsed.diagnostics.length > 0) return undefined;
  const fm = parsed.frontMatter;
  const title = fm.title;
  if (typeof title !== 'string' || title.trim() === '') {
    diagnostics.push(diagnostic({ file: relative, line: 1 }, 'error', 'source/front-matter',
      'The front matter needs a `title:` (a non-empty string).'));
    return undefined;
  }
  const slug = path.basename(file, '.md');
  const id = typeof fm.id === 'string' && fm.id.trim() !== '' ? fm.id : slug;
  let theme: number | undefined;
  if (fm.theme !== undefined) {
    if (typeof fm.theme !== 'number' || !Number.isInteger(fm.theme)) {
      const at = parsed.frontMatterPlaces.theme ?? { line: 1, column: 1 };
      diagnostics.push(diagnostic({ file: relative, ...at }, 'error', 'source/front-matter',
        `\`theme\` must be a whole number from 1 to 9, found ${JSON.stringify(fm.theme)}.`));
    } else theme = fm.theme;
  }
  const titlePlace = parsed.frontMatterPlaces.title ?? { line: 2, column: 1 };
  return { file: relative, dir: path.dirname(file), kind, id, title, titlePlace, theme, slug, tree: parsed.tree, frontMatter: fm };
}

/** Bidirectional controls in prose: warnings with their places. */
export function bidiWarnings(text: string, file: string, rule: string): Diagnostic[] {
  return findBidiControlProblems(text).slice(0, 5).map((p) =>
    diagnostic({ file, ...lineColumnAt(text, p.index) }, 'warning', rule, `${describeBidiProblem(p).replace(/^t/, 'T')}.`));
}

function rel(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
