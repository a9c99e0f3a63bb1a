/** The event's shape comes from the sources: any number of themes, a handbook or none, chapters apart from themes. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../src/sources/load-sources.js';
import { parseConfig } from '../../src/config/load-config.js';
import { describeThemes } from '../../src/config/rules/themes.js';

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

describe('the programme against the kit\'s themes (parseConfig with the kit)', () => {
  const VALID = readFileSync(path.resolve(import.meta.dirname, '../fixtures/config/valid/seminar.yaml'), 'utf8');
  const themesOf = (text: string) => [...text.matchAll(/^\s+theme: (\d+)$|theme: (\d+)[,}]/gm)].map((m) => Number(m[1] ?? m[2]));

  it('reports a session whose theme the kit does not have, at its theme, with the file\'s other problems', () => {
    const used = themesOf(VALID);
    expect(used.length).toBeGreaterThan(0);
    const highest = Math.max(...used);
    const text = VALID.replace('code: TN', 'code: XX');
    const kit = Array.from({ length: highest - 1 }, (_, i) => i + 1);
    const result = parseConfig(text, 'sources/seminar.yaml', { themes: kit });
    const themeErrors = result.diagnostics.filter((d) => d.rule === 'config/theme-range');
    expect(themeErrors.length).toBe(used.filter((t) => t === highest).length);
    expect(themeErrors[0]!.message).toMatch(new RegExp(`\\.theme( \\([^)]*\\))? is ${highest}, but the kit has (themes 1–${highest - 1}|one theme, 1|no themes)`));
    expect(themeErrors[0]!.line).toBeGreaterThan(0);
    // Reported together with an unrelated error of the same file.
    expect(result.diagnostics.map((d) => d.rule)).toContain('config/country-code');
    expect(result.config).toBeUndefined();
  });

  it('accepts the same programme when the kit has its themes, and says so when the kit has none', () => {
    const used = themesOf(VALID);
    const all = Array.from({ length: Math.max(...used) }, (_, i) => i + 1);
    expect(parseConfig(VALID, 'sources/seminar.yaml', { themes: all }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const none = parseConfig(VALID, 'sources/seminar.yaml', { themes: [] });
    expect(none.diagnostics.find((d) => d.rule === 'config/theme-range')!.message).toContain('the kit has no themes');
  });

  it('names the themes there are when the numbering has a gap', () => {
    expect(describeThemes([1, 2, 4])).toBe('the kit has themes 1, 2, 4 (sources/themes/)');
    expect(describeThemes([1, 2, 3])).toBe('the kit has themes 1–3 (sources/themes/)');
  });
});
