/**
 * `collectNominations` with hostile files among the returned forms: each refused with its
 * rule, on its file; the good forms still taken; names that could forge output escaped; the
 * merge done inside the participants lock, on the file as it is then.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { collectNominations } from '../../src/nominations/collect.js';
import { withParticipantsLock } from '../../src/nominations/participants-lock.js';
import { readParticipants } from '../../src/nominations/participants.js';
import { copyKit } from '../helpers/kit.js';
import { encryptedCopy, garbage, objectStreamBomb, pdfWithObjects, stallingPdf } from './hostile-pdfs.js';
import { nominee, returnedForm } from './helpers.js';
import { pdfFieldName } from '../../src/nominations/fields.js';

const rel = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');
const ids = (root: string) => readParticipants(readFileSync(path.join(root, 'sources', 'participants.yaml'), 'utf8'), 'x').participants!.map((p) => p.id);

function project(): { root: string; inbox: string } {
  const root = copyKit();
  const inbox = path.join(root, 'inbox');
  mkdirSync(inbox);
  writeFileSync(path.join(root, 'secret.txt'), 'outside the forms folder');
  return { root, inbox };
}

describe('collectNominations with hostile files', () => {
  it('refuses each with its rule on its file and takes the good forms', async () => {
    const { root, inbox } = project();
    const good = await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org'));
    const at = (name: string) => path.join(inbox, name);
    writeFileSync(at('a-good.pdf'), good);
    if (process.platform !== 'win32') {
      spawnSync('mkfifo', [at('b-pipe.pdf')]);
      symlinkSync('../secret.txt', at('c-outside.pdf'));
    }
    writeFileSync(at('d-bomb.pdf'), objectStreamBomb(1024 * 1024 * 1024));
    writeFileSync(at('e-objects.pdf'), pdfWithObjects(100_001));
    writeFileSync(at('f-encrypted.pdf'), await encryptedCopy(await returnedForm('MA', 'fr', nominee('gov.1', 'Test Person', 'test@example.org'))));
    writeFileSync(at('g-garbage.pdf'), garbage(3000));
    const long = await PDFDocument.load(await returnedForm('EG', 'en', {}));
    long.getForm().getTextField(pdfFieldName('gov.1.name')).setText('y'.repeat(20_000));
    writeFileSync(at('h-long.pdf'), await long.save({ updateFieldAppearances: false }));
    writeFileSync(at('i-big.pdf'), Buffer.alloc(5_000_001));
    writeFileSync(at('j-stall.pdf'), stallingPdf(3000));

    const result = await collectNominations({ root, dir: inbox, maxFormBytes: 5_000_000, reader: { timeoutMs: 1500 } });
    const found = result.diagnostics.map((d) => [path.basename(d.file), d.rule, d.severity, d.line, d.column]);
    expect(found).toEqual([
      ...(process.platform !== 'win32' ? [['b-pipe.pdf', 'nominations/not-a-file', 'error', 1, 1], ['c-outside.pdf', 'nominations/not-a-file', 'error', 1, 1]] : []),
      ['d-bomb.pdf', 'nominations/too-large', 'error', 1, 1],
      ['e-objects.pdf', 'nominations/too-complex', 'error', 1, 1],
      ['f-encrypted.pdf', 'nominations/encrypted', 'error', 1, 1],
      ['g-garbage.pdf', 'nominations/not-a-form', 'error', 1, 1],
      ['h-long.pdf', 'nominations/field-too-long', 'error', 1, 1],
      ['i-big.pdf', 'nominations/too-large', 'error', 1, 1], // over the 5 MB given here
      ['j-stall.pdf', 'nominations/timeout', 'error', 1, 1],
    ]);
    expect(result.diagnostics.every((d) => d.file === rel(path.join(inbox, path.basename(d.file))))).toBe(true);
    expect(result.diagnostics.find((d) => d.rule === 'nominations/encrypted')!.message).toMatch(/^f-encrypted\.pdf is encrypted \(protected by a password/);
    expect(result).toMatchObject({ forms: 10 - (process.platform === 'win32' ? 2 : 0), accepted: 1, added: 1, written: true });
    expect(ids(root)).toEqual(['TN-government-1']);
    expect(JSON.stringify(result)).not.toContain('outside the forms folder');
  });

  it('escapes control characters in file names and in the country a form claims', async () => {
    const { root, inbox } = project();
    const name = 'x\nforged.pdf:1:1: error: all fine\u001b[2J.pdf';
    const doc = await PDFDocument.load(await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org')));
    doc.getForm().getTextField(pdfFieldName('folio.country')).setText('T\nN\u202e');
    writeFileSync(path.join(inbox, name), await doc.save({ updateFieldAppearances: false }));
    const result = await collectNominations({ root, dir: inbox });
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d!.file).toBe(rel(path.join(inbox, 'x\\u{a}forged.pdf:1:1: error: all fine\\u{1b}[2J.pdf')));
    expect(d!.message).toBe('The form is for the country T\\u{a}N\\u{202e} (field folio.country), which is not invited: it is not among the countries of sources/seminar.yaml.');
    expect(`${d!.file} ${d!.message}`).not.toMatch(/[\n\u001b\u202e]/);
  });

  it('merges inside the lock: waits for the holder, then adds to the file as the holder left it', async () => {
    const { root, inbox } = project();
    writeFileSync(path.join(inbox, 'TN.pdf'), await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org')));
    const participants = path.join(root, 'sources', 'participants.yaml');
    let collecting: Promise<unknown> | undefined;
    await withParticipantsLock(root, async () => {
      collecting = collectNominations({ root, dir: inbox });
      await new Promise((resolve) => setTimeout(resolve, 3000)); // long enough for collect to read its form
      writeFileSync(participants, [
        'participants:',
        '  - id: EG-government-1 # written while collect was reading',
        '    name: "Someone"',
        '    country: EG',
        '    kind: government',
        '    sponsored: true',
        '    function: "Director"',
        '    organisation: "Ministry"',
        '    email: someone@example.org',
        '    language: en',
        '',
      ].join('\n'));
    });
    expect(await collecting).toMatchObject({ added: 1, written: true, diagnostics: [] });
    expect(ids(root)).toEqual(['EG-government-1', 'TN-government-1']);
    expect(readFileSync(participants, 'utf8')).toContain('# written while collect was reading');
  });

  it('writes nothing when participants.yaml was broken while it was reading the forms', async () => {
    const { root, inbox } = project();
    writeFileSync(path.join(inbox, 'TN.pdf'), await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org')));
    const participants = path.join(root, 'sources', 'participants.yaml');
    let collecting: Promise<Awaited<ReturnType<typeof collectNominations>>> | undefined;
    await withParticipantsLock(root, async () => {
      collecting = collectNominations({ root, dir: inbox });
      await new Promise((resolve) => setTimeout(resolve, 3000));
      writeFileSync(participants, 'participants:\n  - id: [\n');
    });
    const result = await collecting!;
    expect(result.written).toBe(false);
    expect(result.diagnostics.map((d) => d.file)).toContain('sources/participants.yaml');
    expect(readFileSync(participants, 'utf8')).toBe('participants:\n  - id: [\n');
  });

  it('keeps both entries when two collects run at once', async () => {
    const { root } = project();
    const inboxes = ['one', 'two'].map((n) => path.join(root, n));
    for (const dir of inboxes) mkdirSync(dir);
    writeFileSync(path.join(inboxes[0]!, 'TN.pdf'), await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org')));
    writeFileSync(path.join(inboxes[1]!, 'EG.pdf'), await returnedForm('EG', 'en', nominee('gov.1', 'Other Person', 'other@example.org')));
    const results = await Promise.all(inboxes.map((dir) => collectNominations({ root, dir })));
    expect(results.map((r) => r.added)).toEqual([1, 1]);
    expect(ids(root)).toEqual(['EG-government-1', 'TN-government-1']);
  });
});
