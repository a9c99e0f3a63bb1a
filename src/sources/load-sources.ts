import { readdir } from 'node:fs/promises';
import { readKitText } from '../input/kit-files.js';
import { describeBidiProblem, findBidiControlProblems, lineColumnAt } from '../input/bidi-controls.js';
import { checkMarkdownLimits } from './markdown-limits.js';
import path from 'node:path';
import type { Root } from 'mdast';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseMarkdown } from './parse-markdown.js';
import { describeThemes } from '../config/rules/themes.js';

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
  /** A theme brief's number; the theme a chapter belongs to, if its front matter names one. */
  theme?: number;
  /** Where the front matter's `theme` is. */
  themePlace?: { line: number; column: number };
  /** The number from the file name (a theme's, or a chapter's place in the handbook); 0 for the concept note. */
  number: number;
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

/** The most numbered files a folder may hold (NN is two digits). */
const MAX_NUMBERED = 99;

/**
 * Reads `sources/concept-note.md`, `sources/themes/NN-*.md` and `sources/handbook/NN-*.md`.
 *
 * One rule for the event's shape: **the themes are the files of `sources/themes/`**, numbered
 * 01, 02, … without gaps (none, or no folder, is an event without themes); the handbook's
 * chapters are the files of `sources/handbook/`, numbered the same way, in their own order
 * (no folder: no handbook). A chapter may name the theme it belongs to in its front matter
 * (`theme: 3`), which must then be one of the themes; a theme brief's `theme`, if written,
 * must agree with its file name. The concept note is optional.
 */
export async function loadSources(root: string): Promise<{ sources: SourceSet; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const sources: SourceSet = { themes: [], chapters: [] };

  const concept = await readSource(root, path.join(root, 'sources', 'concept-note.md'), 'concept-note', diagnostics, { optional: true });
  if (concept) sources.conceptNote = concept;
  sources.themes = await readNumbered(root, 'themes', 'theme', diagnostics);
  sources.chapters = await readNumbered(root, 'handbook', 'chapter', diagnostics);

  const themes = new Set(sources.themes.map((t) => t.number));
  for (const chapter of sources.chapters) {
    if (chapter.theme === undefined || themes.has(chapter.theme)) continue;
    const at = chapter.themePlace ?? { line: 1, column: 1 };
    diagnostics.push(diagnostic({ file: chapter.file, ...at }, 'error', 'source/theme-range',
      `This chapter belongs to theme ${chapter.theme}, but ${describeThemes(sources.themes.map((t) => t.number))}: write one of those, or remove \`theme\`.`));
    delete chapter.theme;
  }
  return { sources, diagnostics };
}

/** The NN-slug.md files of `sources/<folder>/`, in number order; none when the folder is absent. */
async function readNumbered(root: string, folder: string, kind: 'theme' | 'chapter', diagnostics: Diagnostic[]): Promise<SourceDocument[]> {
  const dir = path.join(root, 'sources', folder);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return [];
  }
  const what = kind === 'theme' ? 'theme brief' : 'handbook chapter';
  const found = new Map<number, SourceDocument>();
  for (const name of names) {
    const file = path.join(dir, name);
    const match = NUMBERED.exec(name);
    if (!match) {
      diagnostics.push(diagnostic({ file: rel(root, file) }, 'error', 'source/file-name',
        `The file name ${name} does not follow NN-slug.md (two digits, a hyphen, lowercase words joined by hyphens): rename it, e.g. 01-${kind === 'theme' ? 'migration-and-development' : 'introduction'}.md.`));
      continue;
    }
    const number = Number(match[1]);
    if (number < 1 || number > MAX_NUMBERED) {
      diagnostics.push(diagnostic({ file: rel(root, file) }, 'error', 'source/theme-range',
        `The ${what} number ${match[1]} (from the file name) is outside 01–${MAX_NUMBERED}: number the files from 01.`));
      continue;
    }
    const previous = found.get(number);
    if (previous) {
      diagnostics.push(diagnostic({ file: rel(root, file) }, 'error', 'source/duplicate-theme',
        `${kind === 'theme' ? 'Theme' : 'Chapter'} ${number} has two files: ${previous.file} and ${rel(root, file)}. Keep one.`));
      continue;
    }
    const doc = await readSource(root, file, kind, diagnostics);
    if (!doc) continue;
    doc.number = number;
    if (kind === 'theme') {
      if (doc.theme !== undefined && doc.theme !== number) {
        diagnostics.push(diagnostic({ file: doc.file, ...(doc.themePlace ?? { line: 2 }) }, 'error', 'source/theme-mismatch',
          `Front matter says theme ${doc.theme} but the file name says ${number}: make them agree.`));
      }
      doc.theme = number;
    }
    found.set(number, doc);
  }
  // Numbered without gaps: a missing number is a file deleted or misnamed, and would shift every later one.
  const numbers = [...found.keys()].sort((a, b) => a - b);
  const last = numbers.at(-1) ?? 0;
  for (let n = 1; n <= last; n++) {
    if (found.has(n)) continue;
    const next = numbers.find((k) => k > n)!;
    diagnostics.push(diagnostic({ file: found.get(next)!.file }, 'error', 'source/missing-theme',
      `No ${what} ${String(n).padStart(2, '0')}: the files of ${rel(root, dir)}/ are numbered 01, 02, … without gaps, and ${what}s up to ${String(last).padStart(2, '0')} exist. Add ${rel(root, dir)}/${String(n).padStart(2, '0')}-<slug>.md, or renumber the files after it.`));
  }
  return numbers.map((n) => found.get(n)!);
}

async function readSource(
  root: string,
  file: string,
  kind: SourceDocument['kind'],
  diagnostics: Diagnostic[],
  options: { optional?: boolean } = {},
): Promise<SourceDocument | undefined> {
  const relative = rel(root, file);
  const read = await readKitText(root, file, relative, 'source');
  if ('missing' in read) {
    // An optional source (the concept note) that is not there is no source, not a problem.
    if (options.optional) return undefined;
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
        `\`theme\` must be a whole number (a theme of sources/themes/), found ${JSON.stringify(fm.theme)}.`));
    } else theme = fm.theme;
  }
  const titlePlace = parsed.frontMatterPlaces.title ?? { line: 2, column: 1 };
  const themePlace = parsed.frontMatterPlaces.theme;
  return {
    file: relative, dir: path.dirname(file), kind, id, title, titlePlace, slug, number: 0, tree: parsed.tree, frontMatter: fm,
    ...(theme !== undefined ? { theme } : {}), ...(themePlace ? { themePlace } : {}),
  };
}

/** Bidirectional controls in prose: warnings with their places. */
export function bidiWarnings(text: string, file: string, rule: string): Diagnostic[] {
  return findBidiControlProblems(text).slice(0, 5).map((p) =>
    diagnostic({ file, ...lineColumnAt(text, p.index) }, 'warning', rule, `${describeBidiProblem(p).replace(/^t/, 'T')}.`));
}

function rel(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
