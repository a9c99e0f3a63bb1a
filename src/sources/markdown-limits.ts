/**
 * Checks on Markdown text *before* it is parsed. The parser (micromark) is exact but not
 * built for hostile input: 10 000 nested quotes overflow its stack, deeply indented lists and
 * long runs of emphasis or bracket characters make it take minutes. Text within these limits
 * parses in well under a second; text beyond them is refused with its place.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LIMITS } from '../input/limits.js';

export interface MarkdownLimits {
  blockChars: number;
  delimitersPerBlock: number;
  delimitersPerFile: number;
  nestingDepth: number;
}

const DELIMITERS = /[*_[\]`~<>!^]/g;
/** One container marker at the start of a line: a quote `>` or a list bullet or number. */
const CONTAINER = /^ {0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/** The number of container markers that open the line, lists nested by indentation included. */
function depthOf(line: string): number {
  let depth = 0;
  let rest = line;
  for (;;) {
    const indent = /^[ \t]*/.exec(rest)![0];
    const after = rest.slice(indent.length);
    const m = CONTAINER.exec(after);
    if (!m) break;
    // A list item indented under another counts the levels its indentation stands for.
    if (depth === 0 && /^(?:[-*+]|\d{1,9}[.)])/.test(after)) depth += Math.floor(indent.replace(/\t/g, '    ').length / 2);
    depth++;
    rest = after.slice(m[0].length);
  }
  return depth;
}

/** Every limit the text exceeds, with the place where it does (at most one per rule). */
export function checkMarkdownLimits(text: string, file: string, limits: MarkdownLimits = LIMITS): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (line: number, column: number, rule: string, message: string) => {
    if (seen.has(rule)) return;
    seen.add(rule);
    diagnostics.push(diagnostic({ file, line, column }, 'error', rule, message));
  };
  const lines = text.split('\n');
  let blockStart = 0;
  let blockChars = 0;
  let blockDelimiters = 0;
  let fileDelimiters = 0;
  const endBlock = (next: number) => { blockStart = next; blockChars = 0; blockDelimiters = 0; };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') { endBlock(i + 1); continue; }
    const depth = depthOf(line);
    if (depth > limits.nestingDepth) {
      report(i + 1, 1, 'limit/nesting', `Lists and quotes are nested ${depth} levels deep here; folio reads at most ${limits.nestingDepth}: flatten the structure.`);
    }
    // A table row is a block of its own for these limits; other lines add up to their paragraph.
    const isRow = line.trimStart().startsWith('|');
    if (isRow) endBlock(i);
    blockChars += line.length + 1;
    const delimiters = line.match(DELIMITERS)?.length ?? 0;
    blockDelimiters += delimiters;
    fileDelimiters += delimiters;
    if (blockChars > limits.blockChars) {
      report(blockStart + 1, 1, 'limit/block-size', `This paragraph (or table row) is over ${limits.blockChars.toLocaleString('en')} characters, folio's limit for one block: split it with blank lines.`);
    }
    if (blockDelimiters > limits.delimitersPerBlock) {
      report(blockStart + 1, 1, 'limit/markup', `This paragraph holds over ${limits.delimitersPerBlock.toLocaleString('en')} Markdown punctuation characters (* _ [ ] \` ~ < > ! ^), folio's limit for one block: it is probably not prose. Split it or escape less.`);
    }
    if (fileDelimiters > limits.delimitersPerFile) {
      report(i + 1, 1, 'limit/markup', `The file holds over ${limits.delimitersPerFile.toLocaleString('en')} Markdown punctuation characters (* _ [ ] \` ~ < > ! ^) by here, folio's limit for one source: split it into several files.`);
    }
    if (isRow) endBlock(i + 1);
  }
  return diagnostics;
}
