/**
 * Bookmark names for headings: Word accepts a name of at most 40 characters that starts with
 * a letter (letters, digits and underscores only) and renames or drops others on opening, which
 * breaks every link to them. A heading id that is such a name is kept; any other becomes
 * `_h` and a hash of the id (a hidden bookmark, as Word's own `_Toc…`), the same in the
 * bookmark, in `#id` links and in the table of contents.
 */
import { createHash } from 'node:crypto';

export function bookmarkName(id: string): string {
  if (/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(id)) return id;
  return `_h${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}
