/**
 * `{{t "ICU message" arg=value}}`: every word a template prints is a translatable message in
 * ICU MessageFormat (plurals follow the CLDR rules of the document's language: Arabic has
 * zero, one, two, few, many and other). The message may contain Markdown (`**…**`); its
 * string arguments are data values and print literally (as tokens, like `{{value}}`).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { LiteralTable } from './literal-values.js';
import type { Translator } from '../translate/translator.js';
import { messageSegment, type Segment } from '../segments/segment.js';
import { TemplateValueError } from './helpers.js';

export const MESSAGE_HELPER = 't';

const KEYWORD = /^[a-z][a-z0-9_-]*$/;

const formats = new Map<string, IntlMessageFormat>();

/** A compiled ICU message, cached per locale: the same messages are formatted for every document. */
export function compileMessage(message: string, locale: string): IntlMessageFormat {
  const key = `${locale}\u0004${message}`;
  let format = formats.get(key);
  if (!format) {
    format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    formats.set(key, format);
  }
  return format;
}

export interface MessageContext {
  /** PO msgctxt of the template's messages, e.g. `template:invitation`. */
  context: string;
  file: string;
  locale: string;
  translator: Translator;
  literals: LiteralTable;
  /** Translations that could not be used (broken ICU): reported by the caller. */
  broken: { segment: Segment; error: string }[];
}

export function makeMessageHelper(ctx: MessageContext) {
  return function t(source: unknown, options: { hash?: Record<string, unknown>; loc?: { start: { line: number; column: number } } }): string {
    if (typeof source !== 'string') throw new TemplateValueError('`t` needs the message text as a quoted string, e.g. {{t "Agenda"}}');
    const segment = messageSegment(ctx.context, source,
      { file: ctx.file, line: options?.loc?.start.line ?? 1, column: (options?.loc?.start.column ?? 0) + 1 });
    const args: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(options?.hash ?? {})) {
      // Numbers stay numbers (plurals, number formats); keywords such as `south` or `plenary` stay
      // plain so that `select` can match them; any other value prints literally, as a token.
      args[name] = typeof value === 'number' || (typeof value === 'string' && KEYWORD.test(value)) ? value : ctx.literals.token(value);
    }
    const text = ctx.translator.text(segment);
    if (text !== source) {
      try {
        return String(compileMessage(text, ctx.locale).format(args));
      } catch (error) {
        ctx.broken.push({ segment, error: error instanceof Error ? error.message : String(error) });
      }
    }
    try {
      return String(compileMessage(source, ctx.locale).format(args));
    } catch (error) {
      throw new TemplateValueError(`the message "${source}" is not valid ICU MessageFormat (${error instanceof Error ? error.message : String(error)})`);
    }
  };
}
