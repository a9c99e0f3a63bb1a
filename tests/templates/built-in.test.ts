/** A kit's templates/ overrides folio's built-in templates file by file. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TEMPLATES, loadTemplates } from '../../src/templates/engine.js';

describe('built-in templates', () => {
  it('serves every document kind when the kit has no templates/', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'folio-tpl-'));
    const { set, diagnostics } = await loadTemplates(root);
    expect(diagnostics).toEqual([]);
    expect([...set.templates.keys()].sort()).toEqual([...DOCUMENT_TEMPLATES].sort());
    for (const t of set.templates.values()) expect(t.file).toMatch(/^folio:templates\/[a-z-]+\.md\.hbs$/);
  });

  it('takes the kit\'s own file where there is one, and its own partials besides', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'folio-tpl-own-'));
    mkdirSync(path.join(root, 'templates', 'partials'), { recursive: true });
    writeFileSync(path.join(root, 'templates', 'agenda.md.hbs'), 'Our own agenda\n');
    writeFileSync(path.join(root, 'templates', 'partials', 'footer-note.md.hbs'), 'A note\n');
    const { set, diagnostics } = await loadTemplates(root);
    expect(diagnostics).toEqual([]);
    expect(set.templates.get('agenda')!.file).toBe('templates/agenda.md.hbs');
    expect(set.templates.get('agenda')!.text).toBe('Our own agenda\n');
    expect(set.templates.get('invitation')!.file).toBe('folio:templates/invitation.md.hbs');
    expect(set.partials.get('footer-note')!.file).toBe('templates/partials/footer-note.md.hbs');
  });

  it('reports a kit template with a syntax error at its place, not the built-in one', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'folio-tpl-bad-'));
    mkdirSync(path.join(root, 'templates'));
    writeFileSync(path.join(root, 'templates', 'invitation.md.hbs'), 'Dear {{#if x}}\n');
    const { diagnostics } = await loadTemplates(root);
    expect(diagnostics).toMatchObject([{ file: 'templates/invitation.md.hbs', rule: 'template/syntax' }]);
  });

  it('says folio\'s installation is broken when a built-in template is missing', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'folio-tpl-none-'));
    const { diagnostics } = await loadTemplates(root, path.join(root, 'no-such-folder'));
    expect(diagnostics.length).toBe(DOCUMENT_TEMPLATES.length);
    expect(diagnostics[0]).toMatchObject({ rule: 'template/missing' });
    expect(diagnostics[0]!.message).toMatch(/reinstall folio/);
  });
});
