/**
 * The C escapes of PO strings (GNU gettext manual, "The Format of PO Files": strings are
 * C string literals; gettext-tools/src/po-lex.c `control_sequence` lists what is accepted).
 */

/** Escapes with a letter, as GNU gettext writes them (write-po.c). */
const LETTER_OF: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
};

const CHAR_OF: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

/**
 * The body of a PO string literal (without the quotes) for `value`. Control characters that
 * have no letter escape are written as three-digit octal escapes, so the line stays one line.
 */
export function escapePoString(value: string): string {
  let out = '';
  for (const ch of value) {
    const letter = LETTER_OF[ch];
    if (letter !== undefined) out += letter;
    else if (ch < ' ' || ch === '\x7f') out += '\\' + ch.charCodeAt(0).toString(8).padStart(3, '0');
    else out += ch;
  }
  return out;
}

/** A bad escape: `offset` is the index of its backslash in the body. */
export interface EscapeProblem {
  offset: number;
  message: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The value of a PO string literal's body. Octal and `\x` escapes stand for bytes (as in C);
 * consecutive ones are decoded together as UTF-8, so `\303\251` is `é`.
 */
export function unescapePoString(body: string): { value: string; problems: EscapeProblem[] } {
  const problems: EscapeProblem[] = [];
  let value = '';
  let bytes: number[] = [];
  let bytesStart = 0;
  let bytesEnd = 0;

  const flushBytes = (): void => {
    if (bytes.length === 0) return;
    try {
      value += decoder.decode(Uint8Array.from(bytes));
    } catch {
      problems.push({
        offset: bytesStart,
        message:
          `The escapes \`${body.slice(bytesStart, bytesEnd)}\` are not UTF-8: octal and \\x escapes stand for bytes, ` +
          'and folio reads PO files as UTF-8. Write the characters themselves instead.',
      });
    }
    bytes = [];
  };

  let i = 0;
  while (i < body.length) {
    const ch = body[i]!;
    if (ch !== '\\') {
      flushBytes();
      value += ch;
      i += 1;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) {
      problems.push({ offset: i, message: 'The string ends with a lone backslash: write `\\\\` for a backslash.' });
      break;
    }
    const letter = CHAR_OF[next];
    if (letter !== undefined) {
      flushBytes();
      value += letter;
      i += 2;
      continue;
    }
    const numeric = readNumericEscape(body, i);
    if (numeric) {
      if (numeric.byte === undefined) {
        problems.push({ offset: i, message: numeric.problem });
      } else {
        if (bytes.length === 0) bytesStart = i;
        bytes.push(numeric.byte);
        bytesEnd = numeric.end;
      }
      i = numeric.end;
      continue;
    }
    problems.push({
      offset: i,
      message:
        `Unknown escape \`\\${next}\`: PO strings know \\n \\t \\" \\\\ \\r \\a \\b \\f \\v, octal \\ooo and \\xHH. ` +
        'Write `\\\\` for a backslash itself.',
    });
    i += 2;
  }
  flushBytes();
  return { value, problems };
}

/** An octal (`\ooo`, up to three digits) or hex (`\xH…`, all digits, as C reads them) escape at `at`. */
function readNumericEscape(
  body: string,
  at: number,
): { byte: number; end: number } | { byte: undefined; end: number; problem: string } | undefined {
  const octal = /^[0-7]{1,3}/.exec(body.slice(at + 1, at + 4));
  if (octal) {
    const end = at + 1 + octal[0].length;
    const byte = parseInt(octal[0], 8);
    if (byte > 0xff) {
      return { byte: undefined, end, problem: `\`\\${octal[0]}\` is out of range: octal escapes go up to \\377 (one byte).` };
    }
    return { byte, end };
  }
  if (body[at + 1] !== 'x') return undefined;
  const hex = /^[0-9a-fA-F]*/.exec(body.slice(at + 2))![0];
  const end = at + 2 + hex.length;
  if (hex === '') {
    return { byte: undefined, end, problem: '`\\x` needs hex digits after it, as in `\\x41`; write `\\\\x` for a backslash and an x.' };
  }
  const byte = parseInt(hex, 16);
  if (byte > 0xff) {
    return {
      byte: undefined,
      end,
      problem: `\`\\x${hex}\` is out of range: a \\x escape is one byte (at most two hex digits). Write the character itself instead.`,
    };
  }
  return { byte, end };
}
