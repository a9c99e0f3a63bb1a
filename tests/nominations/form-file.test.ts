/**
 * `nominations/not-a-file` and the file-size limit: what collect agrees to open in the forms
 * folder. A named pipe opened for reading would block for ever: these tests would hang.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listFormEntries, readFormFile, resolveFolder } from '../../src/nominations/form-file.js';
import { MAX_FORM_BYTES } from '../../src/nominations/form-limits.js';

function folders(): { inbox: string; outside: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-forms-'));
  const inbox = path.join(root, 'inbox');
  const outside = path.join(root, 'outside');
  mkdirSync(inbox);
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.txt'), 'not for collect');
  return { inbox, outside };
}

function mkfifo(file: string): void {
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`test setup: mkfifo failed: ${made.stderr}`);
}

async function read(inbox: string, name: string, maxBytes?: number) {
  return readFormFile(path.join(inbox, name), await resolveFolder(inbox), maxBytes);
}

const onPosix = process.platform !== 'win32';

describe('readFormFile', () => {
  it.runIf(onPosix)('refuses a named pipe, and a link to one, without opening it', async () => {
    const { inbox } = folders();
    mkfifo(path.join(inbox, 'pipe.pdf'));
    mkfifo(path.join(inbox, 'pipe.bin'));
    symlinkSync('pipe.bin', path.join(inbox, 'to-pipe.pdf'));
    expect(await read(inbox, 'pipe.pdf')).toEqual({ problem: { rule: 'nominations/not-a-file', problem: expect.stringMatching(/^is a named pipe \(FIFO\), not a file: collect reads only regular files\. Put the returned form itself in the folder\.$/) } });
    expect(await read(inbox, 'to-pipe.pdf')).toMatchObject({ problem: { rule: 'nominations/not-a-file', problem: expect.stringMatching(/^is a link to a named pipe \(FIFO\), not a file/) } });
  });

  it.runIf(onPosix)('refuses a folder named .pdf, a link to a folder, a device and a link leading out of the folder', async () => {
    const { inbox, outside } = folders();
    mkdirSync(path.join(inbox, 'old.pdf'));
    mkdirSync(path.join(inbox, 'sub'));
    symlinkSync('sub', path.join(inbox, 'to-folder.pdf'));
    symlinkSync('/dev/zero', path.join(inbox, 'zero.pdf'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(inbox, 'secret.pdf'));
    symlinkSync('../outside/secret.txt', path.join(inbox, 'relative.pdf'));
    symlinkSync('nowhere.pdf', path.join(inbox, 'dangling.pdf'));
    expect(await read(inbox, 'old.pdf')).toMatchObject({ problem: { rule: 'nominations/not-a-file', problem: expect.stringMatching(/^is a folder, not a file/) } });
    expect(await read(inbox, 'to-folder.pdf')).toMatchObject({ problem: { rule: 'nominations/not-a-file', problem: expect.stringMatching(/^is a link to a folder, not a file/) } });
    expect(await read(inbox, 'zero.pdf')).toMatchObject({ problem: { rule: 'nominations/not-a-file', problem: expect.stringMatching(/^is a link to \/dev\/zero, outside the folder /) } });
    for (const name of ['secret.pdf', 'relative.pdf']) {
      const reading = await read(inbox, name);
      expect(reading).toMatchObject({ problem: { rule: 'nominations/not-a-file' } });
      expect('problem' in reading && reading.problem.problem).toContain(`is a link to ${path.join(await resolveFolder(outside), 'secret.txt')}, outside the folder ${await resolveFolder(inbox)}: collect reads only the files in the folder. Copy the returned form itself into the folder.`);
    }
    expect(await read(inbox, 'dangling.pdf')).toMatchObject({ problem: { rule: 'nominations/not-a-file', problem: 'is a link that leads to no file (ENOENT). Put the returned form itself in the folder.' } });
  });

  it.runIf(onPosix)('refuses a device reached through a link inside the folder', async () => {
    const { inbox } = folders();
    // A link to a link inside the folder that leads to a device: resolved first, so refused as outside.
    symlinkSync('/dev/null', path.join(inbox, 'null.bin'));
    symlinkSync('null.bin', path.join(inbox, 'null.pdf'));
    expect(await read(inbox, 'null.pdf')).toMatchObject({ problem: { rule: 'nominations/not-a-file', problem: expect.stringMatching(/^is a link to \/dev\/null, outside/) } });
  });

  it.runIf(onPosix)('reads a regular file, and a link to a file inside the folder', async () => {
    const { inbox } = folders();
    mkdirSync(path.join(inbox, 'kept'));
    writeFileSync(path.join(inbox, 'kept', 'MA.pdf'), '%PDF-1.7 bytes');
    symlinkSync('kept/MA.pdf', path.join(inbox, 'MA.pdf'));
    writeFileSync(path.join(inbox, 'TN.pdf'), '%PDF-1.7 other');
    expect(await read(inbox, 'MA.pdf')).toEqual({ bytes: new Uint8Array(Buffer.from('%PDF-1.7 bytes')) });
    expect(await read(inbox, 'TN.pdf')).toEqual({ bytes: new Uint8Array(Buffer.from('%PDF-1.7 other')) });
  });

  it('refuses a file over the size limit, reads one at it (nominations/too-large)', async () => {
    const { inbox } = folders();
    writeFileSync(path.join(inbox, 'at.pdf'), Buffer.alloc(1000, 0x25));
    writeFileSync(path.join(inbox, 'over.pdf'), Buffer.alloc(1001, 0x25));
    expect(await read(inbox, 'at.pdf', 1000)).toMatchObject({ bytes: expect.any(Uint8Array) });
    expect(await read(inbox, 'over.pdf', 1000)).toEqual({ problem: {
      rule: 'nominations/too-large',
      problem: 'is 1001 bytes, more than the 1000 bytes a returned form may be (a filled nomination form is under 1 MB), so it was not read. Ask the country for the form filled in and saved again as PDF (without attachments).',
    } });
    expect(MAX_FORM_BYTES).toBe(20 * 1024 * 1024);
  });

  it('lists every .pdf entry, of any type, and nothing else; not recursively', async () => {
    const { inbox } = folders();
    writeFileSync(path.join(inbox, 'b.PDF'), '');
    writeFileSync(path.join(inbox, 'a.pdf'), '');
    writeFileSync(path.join(inbox, 'notes.txt'), '');
    mkdirSync(path.join(inbox, 'c.pdf'));
    mkdirSync(path.join(inbox, 'old'));
    writeFileSync(path.join(inbox, 'old', 'd.pdf'), '');
    expect((await listFormEntries(inbox)).map((f) => path.basename(f))).toEqual(['a.pdf', 'b.PDF', 'c.pdf']);
  });
});
