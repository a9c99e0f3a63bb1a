/**
 * Loads the Handlebars templates (the kit's `templates/`, else folio's built-in ones) and runs them in strict mode.
 * A template produces Markdown in which every data value is a token (literal-values.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { readKitText } from '../input/kit-files.js';
import { FOLIO_HOME } from '../input/confine.js';
import path from 'node:path';
import Handlebars from 'handlebars';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LiteralTable } from './literal-values.js';
import { LITERAL_HELPER, wrapMustaches } from './literal-ast.js';
import { formattingLocale, makeHelpers, TemplateValueError } from './helpers.js';
import { MESSAGE_HELPER, makeMessageHelper, type MessageContext } from './messages.js';
import { Translator } from '../translate/translator.js';

export const DOCUMENT_TEMPLATES = ['agenda', 'invitation', 'theme-brief', 'concept-note', 'handbook', 'pack-cover', 'practical-information', 'participants', 'certificate', 'visa-letter'] as const;
export type TemplateName = (typeof DOCUMENT_TEMPLATES)[number];

export interface CompiledTemplate {
  file: string;
  /** The template's text (messages are extracted from it). */
  text: string;
  run: HandlebarsTemplateDelegate;
}

export interface TemplateSet {
  templates: Map<string, CompiledTemplate>;
  partials: Map<string, CompiledTemplate>;
}

const HELPER_NAMES = new Set([...Object.keys(makeHelpers({ lang: 'en' })), MESSAGE_HELPER]);
/** Helpers whose output is template-owned Markdown (with data values as tokens), printed raw. */
const RAW_HELPERS = new Set([MESSAGE_HELPER]);

/**
 * The templates folio ships (`defaults/templates/` in the package): a kit's `templates/` overrides
 * them file by file, so a new kit needs none of its own and takes folio's improvements when it
 * upgrades. Their messages and diagnostics name them `folio:templates/<file>`.
 */
export const BUILT_IN_TEMPLATES = path.join(FOLIO_HOME, 'defaults', 'templates');
export const BUILT_IN_PREFIX = 'folio:';

/**
 * Each document kind's template and each partial: the kit's `templates/<name>.md.hbs` when it
 * has one, else the built-in one.
 */
export async function loadTemplates(root: string, builtIn: string = BUILT_IN_TEMPLATES): Promise<{ set: TemplateSet; diagnostics: Diagnostic[]; extras: string[] }> {
  const diagnostics: Diagnostic[] = [];
  const set: TemplateSet = { templates: new Map(), partials: new Map() };
  const dir = path.join(root, 'templates');
  const kitPartials = await templateFiles(path.join(dir, 'partials'));
  const ownFiles = new Set([...(await templateFiles(dir)), ...kitPartials.map((n) => `partials/${n}`)]);
  const load = async (name: string) => ownFiles.has(name)
    ? compileFile(root, path.join(dir, name), diagnostics)
    : compileBuiltIn(builtIn, name, diagnostics);
  for (const name of DOCUMENT_TEMPLATES) {
    const compiled = await load(`${name}.md.hbs`);
    if (compiled) set.templates.set(name, compiled);
  }
  // The kit's other templates, for the documents its configuration declares (`documents:`); the
  // kit (load-kit.ts) keeps those it names, and forgets the others and their problems.
  const extras: string[] = [];
  for (const file of ownFiles) {
    const name = file.replace(/\.md\.hbs$/, '');
    if (file.startsWith('partials/') || set.templates.has(name) || (DOCUMENT_TEMPLATES as readonly string[]).includes(name)) continue;
    extras.push(name);
    const compiled = await load(file);
    if (compiled) set.templates.set(name, compiled);
  }
  const partialNames = [...new Set([...(await templateFiles(path.join(builtIn, 'partials'))), ...kitPartials])].sort();
  for (const name of partialNames) {
    const compiled = await load(`partials/${name}`);
    if (compiled) set.partials.set(name.replace(/\.md\.hbs$/, ''), compiled);
  }
  return { set, diagnostics, extras };
}

/** The `.md.hbs` files of a folder (none when it is absent). */
async function templateFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.name.endsWith('.md.hbs') && !e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

/** A built-in template: part of folio, so a problem with it is folio's, said as such. */
async function compileBuiltIn(builtIn: string, name: string, diagnostics: Diagnostic[]): Promise<CompiledTemplate | undefined> {
  const shown = `${BUILT_IN_PREFIX}templates/${name}`;
  let text: string;
  try {
    text = await readFile(path.join(builtIn, name), 'utf8');
  } catch {
    diagnostics.push(diagnostic({ file: shown }, 'error', 'template/missing',
      `folio's built-in template ${name} is missing from its installation (${builtIn}): reinstall folio, or give the kit its own templates/${name}.`));
    return undefined;
  }
  const result = compileTemplate(text, shown);
  if ('diagnostic' in result) { diagnostics.push(result.diagnostic); return undefined; }
  return result.template;
}

async function compileFile(root: string, file: string, diagnostics: Diagnostic[]): Promise<CompiledTemplate | undefined> {
  const relative = path.relative(root, file).split(path.sep).join('/');
  const read = await readKitText(root, file, relative, 'template');
  if ('missing' in read) {
    diagnostics.push(diagnostic({ file: relative }, 'error', 'template/missing', `The template ${relative} is missing: restore it from the repository.`));
    return undefined;
  }
  if ('diagnostic' in read) { diagnostics.push(read.diagnostic); return undefined; }
  const text = read.text;
  const result = compileTemplate(text, relative);
  if ('diagnostic' in result) {
    diagnostics.push(result.diagnostic);
    return undefined;
  }
  return result.template;
}

/** Compiles one template's text; a syntax error becomes a diagnostic with its place. */
export function compileTemplate(text: string, file: string): { template: CompiledTemplate } | { diagnostic: Diagnostic } {
  try {
    const ast = Handlebars.parse(text, { srcName: file });
    wrapMustaches(ast, HELPER_NAMES, RAW_HELPERS);
    const run = Handlebars.compile(ast, { strict: true, noEscape: true });
    return { template: { file, text, run } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const m = /line (\d+)/.exec(message);
    const line = m ? Number(m[1]) : 1;
    const detail = message.split('\n').filter((l) => l.trim() !== '').slice(-1)[0] ?? message;
    return {
      diagnostic: diagnostic({ file, line, column: 1 }, 'error', 'template/syntax',
        `Template syntax error: ${detail.trim()}. Check the {{…}} tags on this line.`),
    };
  }
}

export interface TemplateOutput {
  markdown: string;
  literals: LiteralTable;
}

/** Runs a template with a context; missing variables and bad values become diagnostics. */
export interface RunOptions {
  lang: string;
  /** Formatting locale (Intl), e.g. `en-GB`, `ar-MA-u-nu-latn`. */
  locale?: string;
  /** Where the template's messages are translated from; the source language needs none. */
  translator?: Translator;
}

export function runTemplate(
  set: TemplateSet,
  name: string,
  context: Record<string, unknown>,
  optionsOrLang: RunOptions | string,
): { output?: TemplateOutput; diagnostics: Diagnostic[] } {
  const options: RunOptions = typeof optionsOrLang === 'string' ? { lang: optionsOrLang } : optionsOrLang;
  const lang = options.lang;
  const template = set.templates.get(name);
  if (!template) return { diagnostics: [diagnostic({ file: `templates/${name}.md.hbs` }, 'error', 'template/missing', `No template ${name}.`)] };
  const literals = new LiteralTable();
  const locale = options.locale ?? formattingLocale(lang);
  const broken: MessageContext['broken'] = [];
  const helpers: Record<string, Handlebars.HelperDelegate> = {
    ...makeHelpers({ lang, locale }),
    [LITERAL_HELPER]: (value: unknown) => literals.token(value),
    [MESSAGE_HELPER]: makeMessageHelper({
      context: `template:${name}`, file: template.file, locale, literals, broken,
      translator: options.translator ?? new Translator(lang, undefined, { allowFuzzy: false, strict: false }),
    }) as Handlebars.HelperDelegate,
  };
  for (const key of Object.keys(helpers)) helpers[key] = locatingHelper(helpers[key]!);
  const partials: Record<string, HandlebarsTemplateDelegate> = {};
  for (const [key, partial] of set.partials) partials[key] = locatingPartial(partial);
  let current = template.file;
  try {
    const markdown = template.run(context, { helpers, partials, allowProtoPropertiesByDefault: false });
    const diagnostics = broken.map(({ segment, error }) =>
      diagnostic(segment.place, 'error', 'translate/icu-syntax',
        `The ${lang} translation of the message "${segment.source}" is not valid ICU MessageFormat (${error}); the English text was printed. Fix it in translations/${lang}.po.`));
    return { output: { markdown, literals }, diagnostics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const located = (error as Located | undefined)?.[PLACE];
    if (located?.file) current = located.file;
    const loc = /- (\d+):(\d+)$/.exec(message);
    let line = located?.line ?? (loc ? Number(loc[1]) : 1);
    let column = located?.column ?? (loc ? Number(loc[2]) + 1 : 1);
    const partialMissing = /The partial (\S+) could not be found/.exec(message);
    if (partialMissing) {
      const at = placeOfText(set, current, new RegExp(`\\{\\{~?>\\s*${partialMissing[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
      if (at) { line = at.line; column = at.column; }
      return { diagnostics: [diagnostic({ file: current, line, column }, 'error', 'template/unknown-partial',
        `The template includes the partial \`${partialMissing[1]}\`, which templates/partials/ does not have: add templates/partials/${partialMissing[1]}.md.hbs or fix the name.`)] };
    }
    if (error instanceof RangeError && /call stack/i.test(message)) {
      const at = located?.line !== undefined ? undefined : placeOfText(set, current, /\{\{~?>/);
      return { diagnostics: [diagnostic({ file: current, line: at?.line ?? line, column: at?.column ?? column }, 'error', 'template/recursion',
        'The template includes itself without end (a partial that includes itself, directly or through others): stop the recursion.')] };
    }
    const missing = /^"([^"]+)" not defined in/.exec(message);
    if (missing) {
      return {
        diagnostics: [diagnostic({ file: current, line, column }, 'error', 'template/missing-variable',
          `The template uses \`${missing[1]}\`, which the ${name} data does not have: check the spelling, or add it to the configuration.`)],
      };
    }
    if (error instanceof TemplateValueError) {
      return { diagnostics: [diagnostic({ file: current, line, column }, 'error', 'template/value', `A helper got a value it cannot use: ${message}.`)] };
    }
    const helperMissing = /Missing helper: "([^"]+)"/.exec(message);
    if (helperMissing) {
      return { diagnostics: [diagnostic({ file: current, line, column }, 'error', 'template/unknown-helper',
        `Unknown helper \`${helperMissing[1]}\`. Known helpers: ${[...HELPER_NAMES].sort().join(', ')}.`)] };
    }
    return { diagnostics: [diagnostic({ file: current, line, column }, 'error', 'template/runtime', `The template failed: ${message}`)] };
  }
}

/** Where a runtime error happened: the template or partial file, and the tag's line and column. */
const PLACE = Symbol('folio.templatePlace');
interface Located { [PLACE]?: { file?: string; line?: number; column?: number } }

function located(error: unknown): Error & Located {
  return (error instanceof Error ? error : new Error(String(error))) as Error & Located;
}

/** A helper whose errors carry the place of the tag that called it (Handlebars passes `options.loc`). */
function locatingHelper(helper: Handlebars.HelperDelegate): Handlebars.HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    try {
      return (helper as (...a: unknown[]) => unknown).apply(this, args);
    } catch (error) {
      const e = located(error);
      const loc = (args[args.length - 1] as { loc?: { start?: { line: number; column: number } } } | undefined)?.loc?.start;
      if (!e[PLACE] && loc) e[PLACE] = { line: loc.line, column: loc.column + 1 };
      throw e;
    }
  };
}

/** A partial whose errors say they happened in its file (the innermost partial wins). */
function locatingPartial(partial: CompiledTemplate): HandlebarsTemplateDelegate {
  return (context: unknown, options?: Handlebars.RuntimeOptions) => {
    try {
      return partial.run(context, options);
    } catch (error) {
      const e = located(error);
      if (!e[PLACE]?.file) e[PLACE] = { ...e[PLACE], file: partial.file };
      throw e;
    }
  };
}

/** The first place in a template's text that matches. */
function placeOfText(set: TemplateSet, file: string, pattern: RegExp): { line: number; column: number } | undefined {
  const template = [...set.templates.values(), ...set.partials.values()].find((t) => t.file === file);
  const match = template ? pattern.exec(template.text) : null;
  if (!template || !match) return undefined;
  const before = template.text.slice(0, match.index);
  const line = before.split('\n').length;
  return { line, column: match.index - before.lastIndexOf('\n') };
}
