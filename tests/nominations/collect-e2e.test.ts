/**
 * The real CLI (dist/cli/main.js: `npm test` compiles first; alone, run `npm run build`):
 * two collects started together into one kit keep both their entries; a collect waits for the
 * participants lock; hostile files end in diagnostics and exit 1, never a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withParticipantsLock } from '../../src/nominations/participants-lock.js';
import { readParticipants } from '../../src/nominations/participants.js';
import { CLI, CLI_ARGS, copyKit, type CliResult } from '../helpers/kit.js';
import { garbage, objectStreamBomb } from './hostile-pdfs.js';
import { nominee, returnedForm } from './helpers.js';

/** Runs the CLI without blocking this process (runCli is synchronous: two could not overlap). */
function startCli(args: string[], cwd: string): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does it first).`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], { cwd, env: { ...process.env, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const ids = (root: string) => readParticipants(readFileSync(path.join(root, 'sources', 'participants.yaml'), 'utf8'), 'x').participants!.map((p) => p.id);

describe('folio nominations collect, run for real', () => {
  it('keeps the entries of two collects started at the same time into one kit', async () => {
    const root = copyKit();
    const forms: [string, string, Uint8Array][] = [
      ['one', 'TN.pdf', await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org'))],
      ['two', 'EG.pdf', await returnedForm('EG', 'en', nominee('gov.1', 'Other Person', 'other@example.org'))],
      ['three', 'JO.pdf', await returnedForm('JO', 'en', nominee('gov.1', 'Third Person', 'third@example.org'))],
    ];
    for (const [dir, name, bytes] of forms) {
      mkdirSync(path.join(root, dir));
      writeFileSync(path.join(root, dir, name), bytes);
    }
    const results = await Promise.all(forms.map(([dir]) => startCli(['nominations', 'collect', dir], root)));
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^folio: 1 form read, 1 taken; sources\/participants\.yaml: 1 added, 0 updated, \d+ unchanged\.\n$/);
    }
    expect(ids(root)).toEqual(['EG-government-1', 'JO-government-1', 'TN-government-1']);
    expect(existsSync(path.join(root, 'sources', '.folio-participants.lock'))).toBe(false);
  });

  it('waits while another process holds the participants lock, then merges into the file as it left it', async () => {
    const root = copyKit();
    mkdirSync(path.join(root, 'inbox'));
    writeFileSync(path.join(root, 'inbox', 'TN.pdf'), await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org')));
    const participants = path.join(root, 'sources', 'participants.yaml');
    let collect: Promise<CliResult> | undefined;
    await withParticipantsLock(root, async () => {
      collect = startCli(['nominations', 'collect', 'inbox'], root);
      await new Promise((resolve) => setTimeout(resolve, 4000));
      expect(existsSync(participants)).toBe(false); // still waiting
      writeFileSync(participants, 'participants:\n  - id: EG-government-1\n    name: "Someone"\n    country: EG\n    kind: government\n    sponsored: true\n    function: "Director"\n    organisation: "Ministry"\n    email: someone@example.org\n    language: en\n');
    });
    const result = await collect!;
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(ids(root)).toEqual(['EG-government-1', 'TN-government-1']);
  });

  it('reports hostile files as diagnostics on them, exit 1, without a stack trace', async () => {
    const root = copyKit();
    const inbox = path.join(root, 'inbox');
    mkdirSync(inbox);
    writeFileSync(path.join(inbox, 'a-good.pdf'), await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org')));
    writeFileSync(path.join(inbox, 'b-bomb.pdf'), objectStreamBomb(1024 * 1024 * 1024));
    writeFileSync(path.join(inbox, 'c-garbage.pdf'), garbage(4096));
    if (process.platform !== 'win32') symlinkSync('../sources/seminar.yaml', path.join(inbox, 'd-link.pdf'));
    const result = await startCli(['nominations', 'collect', 'inbox'], root);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.slice(0, -1).every((line) => /^inbox\/[a-d]-[a-z]+\.pdf:1:1: error: .* \[nominations\/[a-z-]+\]$/.test(line))).toBe(true);
    expect(result.stderr).toContain('inbox/b-bomb.pdf:1:1: error: b-bomb.pdf holds compressed data that expands to more than the 64 MB a returned form may expand to');
    expect(result.stderr).toContain('[nominations/too-large]');
    expect(result.stderr).toContain('inbox/c-garbage.pdf:1:1: error: c-garbage.pdf is not a readable PDF file. [nominations/not-a-form]');
    if (process.platform !== 'win32') expect(result.stderr).toContain(`inbox/d-link.pdf:1:1: error: d-link.pdf is a link to ${path.join(realpathSync(root), 'sources', 'seminar.yaml')}, outside the folder`);
    expect(lines.at(-1)).toMatch(/^folio: \d errors; forms with errors were not taken, the others were\.$/);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.stdout).toMatch(/^folio: [34] forms read, 1 taken; sources\/participants\.yaml: 1 added/);
  });
});
