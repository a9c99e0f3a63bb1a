/**
 * `folio init <dir> --from <kit>`: a new kit with the structure of an existing one and none of
 * its texts. Copied as they are: the configuration (organisers, seats and groups, countries,
 * programme: the secretariat edits names and dates), the kit's own templates, the files the
 * configuration names (logos, font folders inside the kit) and the translation memories
 * (translations/memory/*.tmx). The translators' work in the kit's stores comes along as memory:
 * each store becomes translations/memory/<kit>.<lang>.tmx, which pre-fills the new stores. Written
 * new: one placeholder per theme brief and handbook chapter, with the same file names, numbers
 * and themes, and a placeholder concept note if the kit had one. Never copied: the texts, the
 * translation stores (extracted afresh), sources/participants.yaml (personal data) and out/.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kit } from '../build/load-kit.js';

/** Path (POSIX, kit-relative) → bytes. */
export async function filesFromKit(kit: Kit): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const text = (s: string) => new TextEncoder().encode(s);
  const copy = async (rel: string) => {
    const from = path.join(kit.root, ...rel.split('/'));
    const info = await stat(from).catch(() => undefined);
    if (!info) return;
    if (info.isDirectory()) {
      for (const entry of await readdir(from, { withFileTypes: true })) {
        if (entry.isFile() || entry.isDirectory()) await copy(`${rel}/${entry.name}`);
      }
    } else if (info.isFile()) {
      files.set(rel, new Uint8Array(await readFile(from)));
    }
  };
  await copy('sources/seminar.yaml');
  await copy('templates');
  await copy('translations/memory');
  for (const organiser of kit.config.event.organisers) if (organiser.logo) await copy(organiser.logo.file);
  for (const folder of Object.values(kit.config.fonts ?? {})) {
    // Font folders inside the kit (absolute once read); packages and folders outside stay where they are.
    const rel = path.relative(kit.root, folder);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) await copy(rel.split(path.sep).join('/'));
  }
  const { conceptNote, themes, chapters } = kit.sources;
  if (conceptNote) {
    files.set('sources/concept-note.md', text(placeholder('concept-note', 'Concept note', undefined,
      '## Background\n\nWhy the event takes place, and for whom. (Replace this text.)\n')));
  }
  for (const theme of themes) {
    files.set(`sources/themes/${theme.slug}.md`, text(placeholder(`theme-${String(theme.number).padStart(2, '0')}`, `Theme ${theme.number}`, undefined,
      '## Purpose\n\nWhat this theme is about. (Replace this text.)\n')));
  }
  for (const chapter of chapters) {
    files.set(`sources/handbook/${chapter.slug}.md`, text(placeholder(`chapter-${String(chapter.number).padStart(2, '0')}`, `Chapter ${chapter.number}`, chapter.theme,
      '## Introduction\n\nWhat this chapter says. (Replace this text.)\n')));
  }
  // What the translators wrote for the earlier event pre-fills the new stores (exact and fuzzy matches).
  const name = path.basename(kit.root).replace(/[^A-Za-z0-9_-]+/g, '-') || 'kit';
  for (const lang of kit.config.event.languages.slice(1)) {
    if (!kit.stores.has(lang)) continue;
    const { exportTranslations } = await import('../translate/export-file.js');
    const tmx = await exportTranslations({ root: kit.root, lang, format: 'tmx', onlyTodo: false });
    if (tmx.units > 0) files.set(`translations/memory/${name}.${lang}.tmx`, text(tmx.text));
  }
  files.set('.gitignore', text('out/\nnode_modules/\n'));
  return files;
}

function placeholder(id: string, title: string, theme: number | undefined, body: string): string {
  return `---\nid: ${id}\n${theme !== undefined ? `theme: ${theme}\n` : ''}title: "${title}"\n---\n\n${body}`;
}
