/**
 * Loads the Handlebars templates of `templates/` and runs them in strict mode.
 * A template produces Markdown in which every data value is a token (literal-values.ts).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LiteralTable } from './literal-values.js';
import { LITERAL_HELPER, wrapMustaches } from './literal-ast.js';
import { formattingLocale, makeHelpers, TemplateValueError } from './helpers.js';
import { MESSAGE_HELPER, makeMessageHelper, type MessageContext } from './messages.js';
import { Translator } from '../translate/translator.js';

export const DOCUMENT_TEMPLATES = ['agenda', 'invitation', 'theme-brief', 'concept-note', 'handbook', 'pack-cover', 'practical-information'] as const;
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

/** Reads `templates/<name>.md.hbs` for every document kind and `templates/partials/*.md.hbs`. */
export async function loadTemplates(root: string): Promise<{ set: TemplateSet; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const set: TemplateSet = { templates: new Map(), partials: new Map() };
  const dir = path.join(root, 'templates');
  for (const name of DOCUMENT_TEMPLATES) {
    const file = path.join(dir, `${name}.md.hbs`);
    const compiled = await compileFile(root, file, diagnostics);
    if (compiled) set.templates.set(name, compiled);
  }
  let partialNames: string[] = [];
  try {
    partialNames = (await readdir(path.join(dir, 'partials'))).filter((n) => n.endsWith('.md.hbs')).sort();
  } catch {
    // No partials: fine.
  }
  for (const name of partialNames) {
    const compiled = await compileFile(root, path.join(dir, 'partials', name), diagnostics);
    if (compiled) set.partials.set(name.replace(/\.md\.hbs$/, ''), compiled);
  }
  return { set, diagnostics };
}

async function compileFile(root: string, file: string, diagnostics: Diagnostic[]): Promise<CompiledTemplate | undefined> {
  const relative = path.relative(root, file).split(path.sep).join('/');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    diagnostics.push(diagnostic({ file: relative }, 'error', 'template/missing', `The template ${relative} is missing: restore it from the repository.`));
    return undefined;
  }
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
  const partials: Record<string, HandlebarsTemplateDelegate> = {};
  for (const [key, partial] of set.partials) partials[key] = partial.run;
  let current = template.file;
  try {
    const markdown = template.run(context, { helpers, partials, allowProtoPropertiesByDefault: false });
    const diagnostics = broken.map(({ segment, error }) =>
      diagnostic(segment.place, 'error', 'translate/icu-syntax',
        `The ${lang} translation of the message "${segment.source}" is not valid ICU MessageFormat (${error}); the English text was printed. Fix it in translations/${lang}.po.`));
    return { output: { markdown, literals }, diagnostics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const loc = /- (\d+):(\d+)$/.exec(message);
    const line = loc ? Number(loc[1]) : 1;
    const column = loc ? Number(loc[2]) + 1 : 1;
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
    current = template.file;
    return { diagnostics: [diagnostic({ file: current, line, column }, 'error', 'template/runtime', `The template failed: ${message}`)] };
  }
}
