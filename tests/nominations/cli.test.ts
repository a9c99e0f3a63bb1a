import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { registerNominations } from '../../src/cli/nominations-command.js';
import { fillNominationPdf } from '../../src/nominations/fill-pdf.js';
import { renderNominationPdf } from '../../src/nominations/form-pdf.js';
import { FontLibrary } from '../../src/text/fonts.js';
import { copyKit } from '../helpers/kit.js';
import { formInput, sampleConfig } from './helpers.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const program = new Command().exitOverride();
  registerNominations(program);
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { stdout += String(chunk); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { stderr += String(chunk); return true; });
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'folio', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { code, stdout, stderr };
}

describe('folio nominations collect', () => {
  afterEach(() => { process.exitCode = undefined; });

  it('prints counts and places, never names; exit 1 when a form has an error', async () => {
    const root = copyKit();
    const forms = path.join(root, 'in');
    mkdirSync(forms);
    const config = sampleConfig();
    const fonts = await FontLibrary.load();
    const fill = (code: string, values: Record<string, string>) =>
      formInput(config, code, 'fr').then(renderNominationPdf).then((bytes) => fillNominationPdf(bytes, values, { fonts }));
    writeFileSync(path.join(forms, 'FR.pdf'), await fill('FR', { 'add.1.name': 'Jeanne Moreau-Diallo', 'add.1.function': 'Conseillère', 'add.1.organisation': 'Ministère du Travail', 'add.1.email': 'j.moreau@travail.gouv.fr' }));
    writeFileSync(path.join(forms, 'MA.pdf'), await fill('MA', { 'gov.1.name': 'Karim Tazi', 'gov.1.function': 'Directeur', 'gov.1.organisation': 'Ministère', 'gov.1.email': 'karim.tazi@' }));

    const human = await run(['nominations', 'collect', forms, '--root', root]);
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('folio: 2 forms read, 1 taken; sources/participants.yaml: 1 added, 0 updated, 0 unchanged.\n');
    expect(human.stderr).toContain(': error: Morocco (MA): row government 1, field gov.1.email is not an e-mail address');
    expect(human.stderr).toContain('[nominations/email]');
    expect(human.stderr).toContain('folio: 1 error; forms with errors were not taken, the others were.');
    for (const personal of ['Jeanne', 'Moreau', 'j.moreau', 'Karim', 'Tazi', 'karim.tazi']) expect(human.stdout + human.stderr).not.toContain(personal);

    const json = await run(['nominations', 'collect', forms, '--root', root, '--json']);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout) as { added: number; unchanged: number; written: boolean; diagnostics: { rule: string }[] };
    expect(result).toMatchObject({ added: 0, unchanged: 1, written: false });
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['nominations/email']);
  });

  it('exits 0 when every form is taken, and 2 for a folder that does not exist', async () => {
    const root = copyKit();
    const forms = path.join(root, 'empty');
    mkdirSync(forms);
    expect(await run(['nominations', 'collect', forms, '--root', root])).toMatchObject({ code: 0, stdout: 'folio: 0 forms read, 0 taken; sources/participants.yaml not changed.\n' });
    const missing = await run(['nominations', 'collect', path.join(root, 'nope'), '--root', root]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^folio: .*nope: no such folder/);
  });
});
