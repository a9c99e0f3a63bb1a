/** `folio watch` and concurrent builds, through the real CLI. */
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLI_ARGS, copyBuiltKit, copyKit, runCli } from '../helpers/kit.js';

function waitFor(child: ChildProcess, output: { text: string }, pattern: RegExp, ms = 90_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = setInterval(() => {
      if (pattern.test(output.text)) { clearInterval(tick); resolve(); }
      else if (Date.now() - started > ms || child.exitCode !== null) { clearInterval(tick); reject(new Error(`timed out waiting for ${pattern}; output:\n${output.text}`)); }
    }, 100);
  });
}

describe('folio watch', () => {
  it('rebuilds on save, survives an error mid-edit, and stops cleanly on Ctrl-C', async () => {
    // A copy of the run's full build (tests/global-setup.ts): watch's first build finds it up to date.
    const root = copyBuiltKit();
    const child = spawn(process.execPath, [...CLI_ARGS, 'watch', '--root', root], { env: { ...process.env, CI: 'true' } });
    const output = { text: '' };
    child.stdout!.on('data', (d: Buffer) => { output.text += d.toString(); });
    child.stderr!.on('data', (d: Buffer) => { output.text += d.toString(); });
    try {
      await waitFor(child, output, /watching/);
      output.text = '';
      const po = path.join(root, 'translations/fr.po');
      writeFileSync(po, readFileSync(po, 'utf8').replace('msgstr "Contexte"', 'msgstr "Contexte général"'));
      await waitFor(child, output, /built fr\/concept-note\.pdf[\s\S]*watching/);
      expect(output.text).not.toMatch(/built en\//);
      output.text = '';
      const config = path.join(root, 'sources/seminar.yaml');
      const good = readFileSync(config, 'utf8');
      writeFileSync(config, good.replace('sponsorship: { delegates: 30, experts: 5 }', 'sponsorship: { delegates: 30, experts: 5'));
      await waitFor(child, output, /config\/yaml-syntax[\s\S]*watching/);
      output.text = '';
      writeFileSync(config, good);
      await waitFor(child, output, /up to date[\s\S]*watching/);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(output.text).toContain('stopped watching');
  });
});

describe('concurrent builds', () => {
  it('two builds of the same out/ never corrupt it: the second waits for the first', async () => {
    const root = copyKit();
    const run = () => new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [...CLI_ARGS, 'build', '--root', root, '--only', 'agenda,briefs', '--force'], { env: { ...process.env, CI: 'true' } });
      child.on('exit', (c) => resolve(c));
    });
    const codes = await Promise.all([run(), run()]);
    expect(codes).toEqual([0, 0]);
    const check = runCli(['build', '--root', root, '--only', 'agenda,briefs', '--check']);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('up to date');
  });
});
