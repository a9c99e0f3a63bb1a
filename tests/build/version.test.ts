/** folio's identity in every fingerprint: its version, and a hash of its code and installed packages. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT } from '../helpers/kit.js';

/** A folio install in a temporary folder: package.json, the compiled version.js, one more code file. */
function install(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-identity-'));
  mkdirSync(path.join(root, 'dist', 'build'), { recursive: true });
  mkdirSync(path.join(root, 'node_modules'));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'folio', version: '9.9.9', type: 'module' }));
  copyFileSync(path.join(PROJECT, 'dist', 'build', 'version.js'), path.join(root, 'dist', 'build', 'version.js'));
  writeFileSync(path.join(root, 'dist', 'build', 'render.js'), 'export const x = 1;\n');
  writeFileSync(path.join(root, 'node_modules', '.package-lock.json'), '{"packages":{"node_modules/pdf-lib":{"version":"1.17.1"}}}');
  return root;
}

function identity(root: string): string {
  const url = `file://${path.join(root, 'dist', 'build', 'version.js')}`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(url)}).then((m) => console.log(m.folioIdentity()))`], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

describe('folio identity', () => {
  it('changes with the code and the installed packages, not otherwise', () => {
    const root = install();
    const first = identity(root);
    expect(first).toMatch(/^9\.9\.9\+[0-9a-f]{16}$/);
    expect(identity(root)).toBe(first);
    writeFileSync(path.join(root, 'dist', 'build', 'render.js'), 'export const x = 2;\n');
    const code = identity(root);
    expect(code).not.toBe(first);
    writeFileSync(path.join(root, 'node_modules', '.package-lock.json'), '{"packages":{"node_modules/pdf-lib":{"version":"1.17.2"}}}');
    expect(identity(root)).not.toBe(code);
  });

  it('changes with a built-in template: a kit that uses it is rebuilt when folio\'s wording changes', () => {
    const root = install();
    mkdirSync(path.join(root, 'defaults', 'templates', 'partials'), { recursive: true });
    writeFileSync(path.join(root, 'defaults', 'templates', 'agenda.md.hbs'), 'Agenda\n');
    const first = identity(root);
    writeFileSync(path.join(root, 'defaults', 'templates', 'agenda.md.hbs'), 'The agenda\n');
    const changed = identity(root);
    expect(changed).not.toBe(first);
    writeFileSync(path.join(root, 'defaults', 'templates', 'partials', 'note.md.hbs'), 'A note\n');
    expect(identity(root)).not.toBe(changed);
  });
});
