/** Translation memories: folio's own TMX read back exactly, and folio's memory of its built-in templates. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_MEMORY, loadMemory } from '../../src/translate/store.js';

const TMX = (tus: string) => `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="folio" creationtoolversion="0.1" segtype="sentence" o-tmf="folio" adminlang="en" srclang="en" datatype="markdown"/><body>${tus}</body></tmx>
`;

function kitWithMemory(tmx: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-memory-'));
  mkdirSync(path.join(root, 'translations', 'memory'), { recursive: true });
  writeFileSync(path.join(root, 'translations', 'memory', 'ours.tmx'), tmx);
  return root;
}

describe('loadMemory', () => {
  it('reads an ICU message of a folio TMX with its placeholders and Markdown as they are', async () => {
    const root = kitWithMemory(TMX(`<tu><prop type="x-folio-context">template:invitation</prop>
      <tuv xml:lang="en"><seg>Invite <ph x="1">{country}</ph> for **{n, plural, one {one place} other {# places}}**.</seg></tuv>
      <tuv xml:lang="fr"><seg>Inviter <ph x="1">{country}</ph> pour **{n, plural, one {une place} other {# places}}**.</seg></tuv></tu>
      <tu><prop type="x-folio-context">theme-01</prop>
      <tuv xml:lang="en"><seg>A *word* here</seg></tuv><tuv xml:lang="fr"><seg>Un *mot* ici</seg></tuv></tu>`));
    const { pairs, diagnostics } = await loadMemory(root, 'en', 'fr', path.join(root, 'none'));
    expect(diagnostics).toEqual([]);
    expect(pairs.map((p) => [p.context, p.source, p.target])).toEqual([
      ['template:invitation', 'Invite {country} for **{n, plural, one {one place} other {# places}}**.', 'Inviter {country} pour **{n, plural, one {une place} other {# places}}**.'],
      // Prose (Markdown units) is text: its asterisks are escaped, as before.
      ['theme-01', 'A \\*word\\* here', 'Un \\*mot\\* ici'],
    ]);
  });

  it('adds folio\'s memory of its built-in templates after the kit\'s own, which wins', async () => {
    const root = kitWithMemory(TMX(`<tu><prop type="x-folio-context">template:handbook</prop>
      <tuv xml:lang="en"><seg>Handbook</seg></tuv><tuv xml:lang="fr"><seg>Guide</seg></tuv></tu>`));
    const { pairs } = await loadMemory(root, 'en', 'fr', BUILT_IN_MEMORY);
    const handbook = pairs.filter((p) => p.context === 'template:handbook' && p.source === 'Handbook');
    expect(handbook.map((p) => p.target)).toEqual(['Guide', 'Manuel']);
    expect(handbook[1]!.origin).toMatch(/^folio:memory\//);
    for (const lang of ['fr', 'ar']) {
      const own = (await loadMemory(mkdtempSync(path.join(os.tmpdir(), 'folio-nomem-')), 'en', lang, BUILT_IN_MEMORY)).pairs;
      expect(own.length, lang).toBeGreaterThan(60);
      expect(own.every((p) => p.context?.startsWith('template:') || p.context === 'layout')).toBe(true);
    }
  });
});
