import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOutputPath, isWithin, realPathOf, resolvesInside } from '../../src/input/confine.js';

describe('confinement', () => {
  it('takes only the output paths folio writes', () => {
    for (const ok of ['en/agenda.pdf', 'fr/briefs/01-migration-and-development.docx', 'ar/packs/MA-government-1.pdf', 'licences/NotoSerif.txt', 'print/fr.pdf']) expect(isOutputPath(ok), ok).toBe(true);
    for (const bad of ['../sources/seminar.yaml', '/etc/passwd', 'en/../../x.pdf', 'en\\..\\x.pdf', '.folio-manifest.json', 'en/.hidden.pdf', 'en/a..b.pdf', 'en/agenda.pdf/', 'en//agenda.pdf', 'a/b/c/d/e.pdf', 'en/agenda.yaml', 'en/agenda.pdf\0.txt']) {
      expect(isOutputPath(bad), bad).toBe(false);
    }
  });
  it('resolves links and .. before deciding what is inside', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'folio-confine-'));
    mkdirSync(path.join(root, 'kit/out'), { recursive: true });
    mkdirSync(path.join(root, 'outside'));
    symlinkSync(path.join(root, 'outside'), path.join(root, 'kit/out/en'));
    expect(resolvesInside(path.join(root, 'kit/out/en/agenda.pdf'), [path.join(root, 'kit/out')])).toBe(false);
    expect(resolvesInside(path.join(root, 'kit/out/fr/new/agenda.pdf'), [path.join(root, 'kit/out')])).toBe(true);
    expect(resolvesInside(path.join(root, 'kit/../outside/x'), [path.join(root, 'kit')])).toBe(false);
    expect(realPathOf(path.join(root, 'kit/out/en/not-yet'))).toBe(path.join(realPathOf(path.join(root, 'outside')), 'not-yet'));
    expect(isWithin('/a/b', '/a/b')).toBe(true);
    expect(isWithin('/a/b', '/a/bc')).toBe(false);
    expect(isWithin('/a/b', '/a/b/..c')).toBe(true);
  });
});
