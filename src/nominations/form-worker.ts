/**
 * The process that reads returned forms (see form-reader.ts): one form at a time, sent by
 * folio with the limits to apply; sends the reading back. Started with a heap limit and stopped
 * from outside when a form takes too long, so nothing here waits or counts time.
 */
import type { FormLimits } from './form-limits.js';
import { readNominationForm } from './read-form.js';

export interface FormRequest { id: number; bytes: Uint8Array; limits: FormLimits }
export type FormResponse = { ready: true } | { id: number; reading: Awaited<ReturnType<typeof readNominationForm>> } | { id: number; failure: string };

if (!process.send) throw new Error('internal: form-worker.js runs as a child process of folio only');
const send = (message: FormResponse) => process.send!(message);

process.on('message', (request: FormRequest) => {
  void readNominationForm(request.bytes, request.limits).then(
    (reading) => send({ id: request.id, reading }),
    (error: unknown) => send({ id: request.id, failure: error instanceof Error ? error.message : String(error) }),
  );
});
// folio gone (its channel closed): nothing more to read.
process.on('disconnect', () => process.exit(0));
send({ ready: true });
