/** `files.allow` and font folders: resolved from the kit folder, and only inside the kit or an allowed folder. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config/load-config.js';
import { findFontPackage } from '../../src/text/font-files.js';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VALID = readFileSync(path.join(PROJECT, 'tests/fixtures/config/valid/seminar.yaml'), 'utf8');
const FONT = path.join(PROJECT, 'node_modules/@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf');

/** top/kit/sources/seminar.yaml (the configuration under test), and top/outside/. */
function sandbox(): { top: string; kit: string; outside: string } {
  const top = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'folio-files-')));
  const kit = path.join(top, 'kit');
  mkdirSync(path.join(kit, 'sources'), { recursive: true });
  mkdirSync(path.join(top, 'outside'));
  return { top, kit, outside: path.join(top, 'outside') };
}

function fontFolder(dir: string): string {
  mkdirSync(dir, { recursive: true });
  copyFileSync(FONT, path.join(dir, 'Mono-Regular.ttf'));
  writeFileSync(path.join(dir, 'OFL.txt'), 'SIL Open Font License\n');
  return dir;
}

/** Parses VALID plus `extra`, as `<kit>/sources/seminar.yaml`; the line of `extra`'s first line is returned too. */
function parse(kit: string, extra: string) {
  const file = path.join(kit, 'sources', 'seminar.yaml');
  const text = `${VALID.trimEnd()}\n${extra}`;
  writeFileSync(file, text);
  return { result: parseConfig(text, file), firstLine: VALID.trimEnd().split('\n').length + 1 };
}

describe('files.allow', () => {
  it('takes existing folders, relative to the kit folder or absolute, as real paths', () => {
    const { kit, outside, top } = sandbox();
    mkdirSync(path.join(top, 'assets'));
    symlinkSync(path.join(top, 'assets'), path.join(top, 'assets-link'));
    const { result } = parse(kit, `files:\n  allow: ["../outside", "${path.join(top, 'assets-link')}"]\n`);
    expect(result.diagnostics).toEqual([]);
    expect(result.config!.files).toEqual({ allow: [outside, path.join(top, 'assets')] });
  });

  it('reports a folder that does not exist, a file, and a value that is not text, each at its place', () => {
    const { kit } = sandbox();
    writeFileSync(path.join(kit, 'notes.txt'), 'x');
    const { result, firstLine } = parse(kit, 'files:\n  allow:\n    - ../nowhere\n    - notes.txt\n    - 12\n');
    expect(result.config).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([
      [firstLine + 2, 7, 'config/folder'],
      [firstLine + 3, 7, 'config/folder'],
      [firstLine + 4, 7, 'config/type'],
    ]);
    expect(result.diagnostics[0]!.message).toContain('files.allow[0]: the folder `../nowhere` does not exist');
  });

  it('reports unknown keys like the other sections', () => {
    const { kit } = sandbox();
    const { result, firstLine } = parse(kit, 'files:\n  alow: []\n');
    expect(result.diagnostics).toMatchObject([{ line: firstLine + 1, column: 3, rule: 'config/unknown-key' }]);
    expect(result.diagnostics[0]!.message).toContain('Did you mean `allow`?');
  });
});

describe('font folders', () => {
  it('are resolved from the kit folder, not from the folder folio runs in', () => {
    const { kit } = sandbox();
    fontFolder(path.join(kit, 'fonts', 'mono'));
    expect(process.cwd()).not.toBe(kit);
    const { result } = parse(kit, 'fonts:\n  mono: ./fonts/mono\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.config!.fonts).toEqual({ mono: path.join(kit, 'fonts', 'mono') });
  });

  it('outside the kit are refused at the value (config/outside-kit), unless their folder is allowed', () => {
    const { kit, outside } = sandbox();
    fontFolder(path.join(outside, 'mono'));
    const refused = parse(kit, 'fonts:\n  mono: ../outside/mono\n');
    expect(refused.result.diagnostics).toMatchObject([{ line: refused.firstLine + 1, column: 9, rule: 'config/outside-kit' }]);
    expect(refused.result.diagnostics[0]!.message).toContain('resolves to ../outside/mono, which is outside the kit');
    expect(refused.result.diagnostics[0]!.message).toContain('files: { allow: ["../outside/mono"] }');
    const absolute = parse(kit, `fonts:\n  mono: ${path.join(outside, 'mono')}\n`);
    expect(absolute.result.diagnostics).toMatchObject([{ rule: 'config/outside-kit' }]);
    const allowed = parse(kit, 'files:\n  allow: [../outside]\nfonts:\n  mono: ../outside/mono\n');
    expect(allowed.result.diagnostics).toEqual([]);
    expect(allowed.result.config!.fonts).toEqual({ mono: path.join(outside, 'mono') });
  });

  it('reached through a symbolic link are judged by where the link leads', () => {
    const { kit, outside } = sandbox();
    fontFolder(path.join(outside, 'mono'));
    symlinkSync(path.join(outside, 'mono'), path.join(kit, 'fonts'));
    const { result } = parse(kit, 'fonts:\n  mono: ./fonts\n');
    expect(result.diagnostics).toMatchObject([{ rule: 'config/outside-kit' }]);
  });

  it('that do not exist keep their message (config/font)', () => {
    const { kit } = sandbox();
    const { result } = parse(kit, 'fonts:\n  mono: ./nowhere\n');
    expect(result.diagnostics).toMatchObject([{ rule: 'config/font', message: 'fonts.mono: The font directory `./nowhere` does not exist.' }]);
  });

  it('never take a face or a licence that a symbolic link brings in from elsewhere, nor a named pipe', () => {
    const { kit, outside } = sandbox();
    writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    copyFileSync(FONT, path.join(outside, 'Elsewhere-Bold.ttf'));
    const dir = path.join(kit, 'fonts');
    mkdirSync(dir);
    copyFileSync(FONT, path.join(dir, 'Mono-Regular.ttf'));
    symlinkSync(path.join(outside, 'Elsewhere-Bold.ttf'), path.join(dir, 'Mono-Bold.ttf'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'OFL.txt'));
    if (spawnSync('mkfifo', [path.join(dir, 'Mono-Italic.ttf')]).status !== 0) return;
    const files = findFontPackage(dir);
    expect(files.regular).toBe(path.join(dir, 'Mono-Regular.ttf'));
    expect(files.bold).toBe(files.regular);
    expect(files.italic).toBe(files.regular);
    expect(files.licenceFile).toBe('');
  });

  it('relative names given to findFontPackage resolve from the root given', () => {
    const { kit } = sandbox();
    fontFolder(path.join(kit, 'fonts'));
    expect(findFontPackage('./fonts', kit).regular).toBe(path.join(kit, 'fonts', 'Mono-Regular.ttf'));
  });
});
