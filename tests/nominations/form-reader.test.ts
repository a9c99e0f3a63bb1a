/**
 * The reader thread: a form that stalls pdf-lib is stopped at the timeout
 * (`nominations/timeout`), one that swells past the heap limit is stopped there
 * (`nominations/too-large`), and the next form is read by a new thread. These need the
 * compiled worker script (`npm test` compiles first; alone, run `npm run build`).
 */
import { describe, expect, it } from 'vitest';
import { FORM_MEMORY_MB, FORM_TIMEOUT_MS } from '../../src/nominations/form-limits.js';
import { FormReader, formWorkerScript } from '../../src/nominations/form-reader.js';
import type { FormReading } from '../../src/nominations/read-form.js';
import { stallingPdf, swellingPdf } from './hostile-pdfs.js';
import { nominee, returnedForm } from './helpers.js';

const form = await returnedForm('MA', 'fr', nominee('gov.1', 'Test Person', 'test@example.org'));
const rule = (reading: FormReading) => ('problem' in reading ? reading.problem.rule : 'form');

describe('FormReader', () => {
  it('finds the compiled worker script from the TypeScript sources', () => {
    expect(formWorkerScript(), 'dist/nominations/form-worker.js is missing: run `npm run build`').toMatch(/[\\/]dist[\\/]nominations[\\/]form-worker\.js$/);
    expect(new FormReader().isolated).toBe(true);
    expect([FORM_TIMEOUT_MS, FORM_MEMORY_MB]).toEqual([15_000, 256]);
  });

  it('stops a form that stalls pdf-lib at the timeout, then reads the next one in a new thread', async () => {
    const reader = new FormReader({ timeoutMs: 1500 });
    try {
      expect(rule(await reader.read(form))).toBe('form'); // the thread is started and warm
      expect(await reader.read(stallingPdf(3000))).toEqual({ problem: {
        rule: 'nominations/timeout',
        problem: 'took longer than the 1.5 s a returned form may take to read (a filled nomination form takes well under a second), so its reading was stopped: the file is damaged or made to stall PDF readers. Ask the country for the form filled in and saved again as PDF (without attachments).',
      }, warnings: [] });
      const next = await reader.read(form);
      expect('form' in next && next.form.country).toBe('MA');
    } finally {
      await reader.close();
    }
  });

  it('stops a form that needs more memory than the limit, takes it under a larger one', async () => {
    const swelling = swellingPdf(500_000); // 1 MB that parse into half a million arrays
    const small = new FormReader({ memoryMb: 32 });
    const large = new FormReader({ memoryMb: FORM_MEMORY_MB });
    try {
      expect(await small.read(swelling)).toEqual({ problem: {
        rule: 'nominations/too-large',
        problem: 'needed more than the 32 MB of memory a returned form may take to read (a filled nomination form takes a few MB), so its reading was stopped. Ask the country for the form filled in and saved again as PDF (without attachments).',
      }, warnings: [] });
      expect(rule(await small.read(form))).toBe('form');
      expect(rule(await large.read(swelling))).toBe('nominations/not-a-form'); // read, and it is no form
    } finally {
      await Promise.all([small.close(), large.close()]);
    }
  });

  it('serves reads asked for together in turn', async () => {
    const reader = new FormReader();
    try {
      const readings = await Promise.all([reader.read(form), reader.read(new Uint8Array([1, 2, 3])), reader.read(form)]);
      expect(readings.map(rule)).toEqual(['form', 'nominations/not-a-form', 'form']);
    } finally {
      await reader.close();
    }
  });

  it('reads in this thread when there is no compiled script', async () => {
    const reader = new FormReader({ workerScript: null });
    expect(reader.isolated).toBe(false);
    expect(rule(await reader.read(form))).toBe('form');
    await reader.close();
  });

  it('says it is folio’s bug, not the form’s, when the reader process cannot start', async () => {
    const reader = new FormReader({ workerScript: '/nonexistent/form-worker.js' });
    await expect(reader.read(form)).rejects.toThrow(/^internal: the form reader process did not start/);
    await reader.close();
  });
});
