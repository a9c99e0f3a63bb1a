/**
 * The header of a translation store, complete as gettext's tools expect it: `msgfmt --check`
 * warns about a missing PO-Revision-Date, Last-Translator or Language-Team, and Poedit, Weblate
 * and msgmerge read Plural-Forms. A field the store has is kept as it is (a translator's tool may
 * have set it); a missing one is added where msginit puts it.
 */
import { pluralForms } from './formats/plural-forms.js';

/** Field names in msginit's order; X-Generator, folio's, last. */
const ORDER = [
  'Project-Id-Version', 'Report-Msgid-Bugs-To', 'POT-Creation-Date', 'PO-Revision-Date', 'Last-Translator', 'Language-Team',
  'Language', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding', 'Plural-Forms', 'X-Generator',
];

/** `YYYY-MM-DD HH:MM+0000`, gettext's date format, in UTC. */
export function gettextDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}+0000`;
}

/** What folio writes in a field the store lacks: nothing personal, nothing that changes by itself (`revised` comes from the configuration or SOURCE_DATE_EPOCH). */
function defaults(lang: string, revised: Date): [string, string][] {
  const plural = pluralForms(lang);
  return [
    ['Project-Id-Version', 'folio seminar kit'],
    ['PO-Revision-Date', gettextDate(revised)],
    ['Last-Translator', 'Automatically generated'],
    ['Language-Team', 'none'],
    ['Language', lang],
    ['MIME-Version', '1.0'],
    ['Content-Type', 'text/plain; charset=UTF-8'],
    ['Content-Transfer-Encoding', '8bit'],
    ...(plural ? [['Plural-Forms', plural] as [string, string]] : []),
    ['X-Generator', 'folio'],
  ];
}

/** The store's header fields with the missing ones added (names compared without case, as gettext does). */
export function completeHeaders(existing: readonly [string, string][], lang: string, revised: Date): [string, string][] {
  const out: [string, string][] = [...existing];
  const has = (name: string) => out.some(([k]) => k.trim().toLowerCase() === name.toLowerCase());
  for (const [name, value] of defaults(lang, revised)) {
    if (has(name)) continue;
    // After the last field the store has that msginit writes before it (X-Generator: at the end).
    const rank = ORDER.indexOf(name);
    let at = name === 'X-Generator' ? out.length : 0;
    if (name !== 'X-Generator') {
      out.forEach(([k], i) => {
        const other = ORDER.findIndex((o) => o.toLowerCase() === k.trim().toLowerCase());
        if (other >= 0 && other < rank) at = i + 1;
      });
    }
    out.splice(at, 0, [name, value]);
  }
  return out;
}
