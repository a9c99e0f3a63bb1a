/**
 * Reads returned forms one after the other in a worker thread with a heap limit
 * (FORM_MEMORY_MB) and a wall-clock timeout (FORM_TIMEOUT_MS): a form that makes pdf-lib loop
 * or swell stops its thread, not folio. A thread that was stopped, or died of memory, is
 * replaced for the next form. When folio runs from its TypeScript sources (under vitest) the
 * thread runs the compiled script in dist/ (as render-pool.ts does); with no compiled script,
 * forms are read in this thread, with the scan and the decoding budget but no time or heap limit.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FORM_LIMITS, FORM_MEMORY_MB, FORM_TIMEOUT_MS, type FormLimits } from './form-limits.js';
import { FORM_PROBLEMS, type FormProblem } from './form-problems.js';
import type { FormRequest, FormResponse } from './form-worker.js';
import { readNominationForm, type FormReading } from './read-form.js';

export interface FormReaderOptions {
  timeoutMs?: number;
  memoryMb?: number;
  limits?: FormLimits;
  /** The compiled worker script; default: found beside this module. `null` reads in this thread. */
  workerScript?: string | null;
}

/** The compiled worker script (also when folio runs from its TypeScript sources, as under vitest). */
export function formWorkerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const script = here.endsWith('.ts')
    ? here.replace(/([\\/])src([\\/])nominations([\\/])form-reader\.ts$/, '$1dist$2nominations$3form-worker.js')
    : here.replace(/form-reader\.js$/, 'form-worker.js');
  return script !== here && existsSync(script) ? script : undefined;
}

interface Lane { worker: Worker; ready: boolean }

const refused = (problem: FormProblem): FormReading => ({ problem, warnings: [] });

export class FormReader {
  private readonly script: string | undefined;
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly limits: FormLimits;
  private lane: Lane | undefined;
  private lastId = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: FormReaderOptions = {}) {
    this.script = options.workerScript === null ? undefined : (options.workerScript ?? formWorkerScript());
    this.timeoutMs = options.timeoutMs ?? FORM_TIMEOUT_MS;
    this.memoryMb = options.memoryMb ?? FORM_MEMORY_MB;
    this.limits = options.limits ?? FORM_LIMITS;
  }

  /** Whether forms are read in a worker thread, with the time and memory limits. */
  get isolated(): boolean {
    return this.script !== undefined;
  }

  /** Reads one form; calls made together are served in turn. */
  read(bytes: Uint8Array): Promise<FormReading> {
    const next = this.queue.then(() => this.readNow(bytes));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Stops the thread (reading again starts a new one). */
  async close(): Promise<void> {
    const lane = this.lane;
    this.lane = undefined;
    if (lane) await lane.worker.terminate();
  }

  private readNow(bytes: Uint8Array): Promise<FormReading> {
    if (!this.script) return readNominationForm(bytes, this.limits);
    const lane = this.lane ?? this.start(this.script);
    const id = ++this.lastId;
    return new Promise<FormReading>((resolve, reject) => {
      let done = false;
      const finish = (outcome: { reading: FormReading } | { error: Error }) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        lane.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if ('reading' in outcome) resolve(outcome.reading);
        else reject(outcome.error);
      };
      const onMessage = (message: FormResponse) => {
        if ('ready' in message || message.id !== id) return;
        finish({ reading: 'reading' in message ? message.reading : refused(FORM_PROBLEMS.readerStopped(message.failure)) });
      };
      const onError = (error: Error & { code?: string }) => {
        this.discard(lane);
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish({ reading: refused(FORM_PROBLEMS.outOfMemory(this.memoryMb)) });
        // Before it was ready, the failure is folio's (a missing or stale compiled script), not the form's.
        else if (!lane.ready) finish({ error: new Error(`internal: the form reader thread did not start: ${error.message}`) });
        else finish({ reading: refused(FORM_PROBLEMS.readerStopped(error.message)) });
      };
      const onExit = (code: number) => {
        this.discard(lane);
        finish({ reading: refused(FORM_PROBLEMS.readerStopped(`exit code ${code}`)) });
      };
      const timer = setTimeout(() => {
        this.discard(lane);
        finish({ reading: refused(FORM_PROBLEMS.timeout(this.timeoutMs)) });
      }, this.timeoutMs);
      lane.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      lane.worker.postMessage({ id, bytes, limits: this.limits } satisfies FormRequest);
    });
  }

  private start(script: string): Lane {
    const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: this.memoryMb }, stdout: true, stderr: true });
    // Whatever the thread prints is dropped: pdf-lib's warnings are caught before, as data.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.unref(); // an idle reader never keeps folio running; a read in progress has its timer
    const lane: Lane = { worker, ready: false };
    worker.on('message', (message: FormResponse) => {
      if ('ready' in message) lane.ready = true;
    });
    worker.on('error', () => undefined); // handled per read; an idle thread's error only ends it
    worker.on('exit', () => {
      if (this.lane === lane) this.lane = undefined;
    });
    this.lane = lane;
    return lane;
  }

  /** Stops a thread that failed or overran; the next read starts another. */
  private discard(lane: Lane): void {
    if (this.lane === lane) this.lane = undefined;
    void lane.worker.terminate();
  }
}
