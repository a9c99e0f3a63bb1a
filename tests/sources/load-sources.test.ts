/** The event's shape comes from the sources: any number of themes, a handbook or none, chapters apart from themes. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../src/sources/load-sources.js';
import { checkProgrammeThemes } from '../../src/build/check-themes.js';
import type { SeminarConfig, Session } from '../../src/config/types.js';

/** A kit folder with the given files under sources/ (path → front matter fields). */
function kit(files: Record<string, Record<string, string | number> | null>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-sources-'));
  mkdirSync(path.join(root, 'sources'));
  for (const [file, fm] of Object.entries(files)) {
    const full = path.join(root, 'sources', file);
    mkdirSync(path.dirname(full), { recursive: true });
    if (fm === null) { mkdirSync(full, { recursive: true }); continue; }
    const head = Object.entries(fm).map(([k, v]) => `${k}: ${typeof v === 'number' ? v : JSON.stringify(v)}`).join('\n');
    writeFileSync(full, `---\n${head}\n---\n\nSome text.\n`);
  }
  return root;
}

const rules = (d: { rule: string }[]) => d.map((x) => x.rule);

describe('loadSources', () => {
  it('takes as many themes as sources/themes/ holds, in number order', async () => {
    const root = kit({
      'themes/02-b.md': { title: 'B' }, 'themes/01-a.md': { title: 'A', theme: 1 }, 'themes/03-c.md': { title: 'C' }, 'themes/04-d.md': { title: 'D' },
    });
    const { sources, diagnostics } = await loadSources(root);
    expect(diagnostics).toEqual([]);
    expect(sources.themes.map((t) => [t.number, t.theme, t.title])).toEqual([[1, 1, 'A'], [2, 2, 'B'], [3, 3, 'C'], [4, 4, 'D']]);
    expect(sources.chapters).toEqual([]);
    expect(sources.conceptNote).toBeUndefined();
  });

  it('accepts a kit without themes, handbook or concept note (an empty folder too)', async () => {
    expect(await loadSources(kit({}))).toMatchObject({ diagnostics: [], sources: { themes: [], chapters: [] } });
    expect((await loadSources(kit({ themes: null, handbook: null }))).diagnostics).toEqual([]);
  });

  it('numbers chapters in their own order; a chapter may name its theme, which must exist', async () => {
    const root = kit({
      'themes/01-a.md': { title: 'A' }, 'themes/02-b.md': { title: 'B' },
      'handbook/01-intro.md': { title: 'Introduction' }, 'handbook/02-a.md': { title: 'On A', theme: 1 },
      'handbook/03-b.md': { title: 'On B', theme: 2 }, 'handbook/04-annex.md': { title: 'Annex', theme: 7 },
    });
    const { sources, diagnostics } = await loadSources(root);
    expect(sources.chapters.map((c) => [c.number, c.theme ?? null])).toEqual([[1, null], [2, 1], [3, 2], [4, null]]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'source/theme-range', file: 'sources/handbook/04-annex.md', line: 3 });
    expect(diagnostics[0]!.message).toContain('the kit has themes 1–2');
  });

  it('reports a gap in the numbering at the next file, and a duplicate and a misnamed file', async () => {
    const { diagnostics } = await loadSources(kit({
      'themes/01-a.md': { title: 'A' }, 'themes/03-c.md': { title: 'C' }, 'themes/03-again.md': { title: 'C2' }, 'themes/4-d.md': { title: 'D' },
      'handbook/02-x.md': { title: 'X' },
    }));
    expect(rules(diagnostics).sort()).toEqual(['source/duplicate-theme', 'source/file-name', 'source/missing-theme', 'source/missing-theme']);
    const gap = diagnostics.find((d) => d.rule === 'source/missing-theme' && d.file.includes('themes'))!;
    expect(gap.message).toMatch(/No theme brief 02/);
    expect(diagnostics.find((d) => d.rule === 'source/missing-theme' && d.file.includes('handbook'))!.message).toMatch(/No handbook chapter 01/);
  });

  it('keeps a theme brief\'s front matter in agreement with its file name', async () => {
    const { diagnostics } = await loadSources(kit({ 'themes/01-a.md': { title: 'A', theme: 2 } }));
    expect(diagnostics).toMatchObject([{ rule: 'source/theme-mismatch', line: 3 }]);
  });
});

describe('checkProgrammeThemes', () => {
  const session = (theme: number | undefined, line: number): Session => ({
    day: 1, start: '09:00', end: '10:00', kind: 'plenary', title: 'S', speakers: [],
    place: { file: '/abs/sources/seminar.yaml', line, column: 5 },
    ...(theme !== undefined ? { theme, themePlace: { file: '/abs/sources/seminar.yaml', line, column: 12 } } : {}),
  });
  const config = (programme: Session[]) => ({ programme } as unknown as SeminarConfig);

  it('reports a session whose theme the kit does not have, at its theme, and only that one', async () => {
    const { sources } = await loadSources(kit({ 'themes/01-a.md': { title: 'A' }, 'themes/02-b.md': { title: 'B' }, 'themes/03-c.md': { title: 'C' } }));
    const found = checkProgrammeThemes(config([session(1, 10), session(undefined, 11), session(3, 12), session(4, 13)]), sources, 'sources/seminar.yaml');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'config/theme-range', file: 'sources/seminar.yaml', line: 13, column: 12, severity: 'error' });
    expect(found[0]!.message).toMatch(/programme\[3\]\.theme is 4, but the kit has themes 1–3/);
  });

  it('says so when the kit has no themes at all', async () => {
    const { sources } = await loadSources(kit({}));
    const found = checkProgrammeThemes(config([session(1, 10)]), sources, 'sources/seminar.yaml');
    expect(found[0]!.message).toContain('the kit has no themes');
  });
});
