/**
 * `folio init <dir> --from <kit>`: a new kit with the structure of an existing one and none of
 * its texts. Copied as they are: the configuration (organisers, seats and groups, countries,
 * programme: the secretariat edits names and dates), the kit's own templates (`*.md.hbs`), the
 * logos and font folders the configuration names inside the kit, and the translation memories
 * (`translations/memory/*.tmx`). The translators' work in the kit's stores comes along as memory:
 * each store becomes translations/memory/<kit>.<lang>.tmx, which pre-fills the new stores. Written
 * new: one placeholder per theme brief and handbook chapter, with the same file names, numbers
 * and themes, and a placeholder concept note if the kit had one. Never copied: the texts, the
 * translation stores (extracted afresh), sources/participants.yaml (personal data), out/, and
 * anything whose real path (symbolic links resolved) lies outside the kit.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kit } from '../build/load-kit.js';
import { isWithin } from '../input/confine.js';

export interface KitCopy {
  /** Path (POSIX, kit-relative) → bytes. */
  files: Map<string, Uint8Array>;
  /** What was left behind, and why, for the user (paths kit-relative). */
  skipped: string[];
}

export async function filesFromKit(kit: Kit): Promise<KitCopy> {
  const files = new Map<string, Uint8Array>();
  const skipped: string[] = [];
  const text = (s: string) => new TextEncoder().encode(s);
  const root = await realpath(kit.root);
  /** Copies a file, or a folder's files whose names `keep` accepts, never through a link leading out of the kit. */
  const copy = async (rel: string, keep: (name: string) => boolean = () => true) => {
    if (rel.startsWith('..') || path.isAbsolute(rel)) { skipped.push(`${rel} (outside the kit)`); return; }
    const from = path.join(kit.root, ...rel.split('/'));
    const real = await realpath(from).catch(() => undefined);
    if (real === undefined) return;
    if (!isWithin(root, real)) { skipped.push(`${rel} (a link to outside the kit)`); return; }
    const info = await stat(real);
    if (info.isDirectory()) {
      for (const entry of (await readdir(real, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.isDirectory() || keep(entry.name) || entry.isSymbolicLink()) await copy(`${rel}/${entry.name}`, keep);
      }
    } else if (info.isFile() && keep(path.basename(rel))) {
      files.set(rel, new Uint8Array(await readFile(real)));
    }
  };
  await copy('sources/seminar.yaml');
  await copy('templates', (name) => name.endsWith('.md.hbs'));
  await copy('translations/memory', (name) => name.toLowerCase().endsWith('.tmx'));
  // The glossary: the organisers' terms outlive one event.
  await copy('translations/glossary.tbx');
  for (const organiser of kit.config.event.organisers) {
    if (organiser.logo) await copy(organiser.logo.file.split(path.sep).join('/'));
  }
  for (const folder of Object.values(kit.config.fonts ?? {})) {
    // Font folders inside the kit (absolute once read); packages and folders outside stay where they are.
    if (!path.isAbsolute(folder)) continue;
    const rel = path.relative(kit.root, folder);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) await copy(rel.split(path.sep).join('/'), (name) => /\.(ttf|otf|txt|md)$/i.test(name));
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
    if (tmx.units === 0) continue;
    // Never over a memory the kit inherited itself (two events' folders often share a name).
    let file = `translations/memory/${name}.${lang}.tmx`;
    for (let n = 2; files.has(file); n++) file = `translations/memory/${name}-${n}.${lang}.tmx`;
    files.set(file, text(tmx.text));
  }
  files.set('.gitignore', text('out/\nnode_modules/\n'));
  return { files, skipped };
}

function placeholder(id: string, title: string, theme: number | undefined, body: string): string {
  return `---\nid: ${id}\n${theme !== undefined ? `theme: ${theme}\n` : ''}title: "${title}"\n---\n\n${body}`;
}
