/**
 * The thread that reads returned forms (see form-reader.ts): one form at a time, posted by
 * the main thread with the limits to apply; posts the reading back. Started with a heap limit
 * and stopped from outside when a form takes too long, so nothing here waits or counts time.
 */
import { parentPort } from 'node:worker_threads';
import type { FormLimits } from './form-limits.js';
import { readNominationForm } from './read-form.js';

export interface FormRequest { id: number; bytes: Uint8Array; limits: FormLimits }
export type FormResponse = { ready: true } | { id: number; reading: Awaited<ReturnType<typeof readNominationForm>> } | { id: number; failure: string };

const port = parentPort;
if (!port) throw new Error('internal: form-worker.js runs as a worker thread only');

port.on('message', (request: FormRequest) => {
  void readNominationForm(request.bytes, request.limits).then(
    (reading) => port.postMessage({ id: request.id, reading } satisfies FormResponse),
    (error: unknown) => port.postMessage({ id: request.id, failure: error instanceof Error ? error.message : String(error) } satisfies FormResponse),
  );
});
port.postMessage({ ready: true } satisfies FormResponse);
