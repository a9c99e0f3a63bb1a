/**
 * Reads returned forms one after the other in a child process with a heap limit
 * (FORM_MEMORY_MB, `--max-old-space-size`) and a wall-clock timeout (FORM_TIMEOUT_MS): a form
 * that makes pdf-lib loop or swell stops that process, not folio. A process, not a worker
 * thread: a thread at its heap limit can abort the whole of Node (nodejs/node#47224, seen here
 * on Node 24 with a form that swells to gigabytes). A process that was stopped, or died of
 * memory, is replaced for the next form. When folio runs from its TypeScript sources (under
 * vitest) the process runs the compiled script in dist/ (as render-pool.ts does); with no
 * compiled script, forms are read in this process, with the scan and the decoding budget but no
 * time or heap limit.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

interface Lane { child: ChildProcess; ready: boolean; exited: boolean; stderr: string }

/** What V8 prints when a heap limit is reached. */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed/;

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

  /** Whether forms are read in a child process, with the time and memory limits. */
  get isolated(): boolean {
    return this.script !== undefined;
  }

  /** Reads one form; calls made together are served in turn. */
  read(bytes: Uint8Array): Promise<FormReading> {
    const next = this.queue.then(() => this.readNow(bytes));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Stops the process (reading again starts a new one). */
  async close(): Promise<void> {
    const lane = this.lane;
    this.lane = undefined;
    if (lane && !lane.exited) {
      const exited = new Promise<void>((resolve) => lane.child.once('exit', () => resolve()));
      // Waited for: the process handle keeps folio running until the reader is gone.
      lane.child.ref();
      lane.child.kill('SIGKILL');
      await exited;
    }
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
        lane.child.off('message', onMessage).off('error', onError).off('exit', onExit);
        if ('reading' in outcome) resolve(outcome.reading);
        else reject(outcome.error);
      };
      const onMessage = (message: FormResponse) => {
        if ('ready' in message || message.id !== id) return;
        finish({ reading: 'reading' in message ? message.reading : refused(FORM_PROBLEMS.readerStopped(message.failure)) });
      };
      const onError = (error: Error) => {
        this.discard(lane);
        // Before it was ready, the failure is folio's (a missing or stale compiled script), not the form's.
        if (!lane.ready) finish({ error: new Error(`internal: the form reader process did not start: ${error.message}`) });
        else finish({ reading: refused(FORM_PROBLEMS.readerStopped(error.message)) });
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        this.discard(lane);
        if (OUT_OF_MEMORY.test(lane.stderr)) finish({ reading: refused(FORM_PROBLEMS.outOfMemory(this.memoryMb)) });
        else if (!lane.ready) finish({ error: new Error(`internal: the form reader process did not start (${signal ?? `exit code ${code}`}): ${lane.stderr.slice(-300)}`) });
        else finish({ reading: refused(FORM_PROBLEMS.readerStopped(signal ?? `exit code ${code}`)) });
      };
      const timer = setTimeout(() => {
        this.discard(lane);
        finish({ reading: refused(FORM_PROBLEMS.timeout(this.timeoutMs)) });
      }, this.timeoutMs);
      lane.child.on('message', onMessage).on('error', onError).on('exit', onExit);
      if (lane.exited) { onExit(null, null); return; }
      lane.child.send({ id, bytes, limits: this.limits } satisfies FormRequest);
    });
  }

  private start(script: string): Lane {
    // Node's own options (a parent's --max-old-space-size among them) are not passed on: only the limit.
    const child = fork(script, [], {
      execArgv: [`--max-old-space-size=${this.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const lane: Lane = { child, ready: false, exited: false, stderr: '' };
    // What the process prints is kept only to tell a death of memory: pdf-lib's warnings are caught before, as data.
    child.stderr?.on('data', (chunk: Buffer) => { lane.stderr = (lane.stderr + chunk.toString('utf8')).slice(-4000); });
    child.on('message', (message: FormResponse) => {
      if ('ready' in message) lane.ready = true;
    });
    child.on('error', () => undefined); // handled per read; an idle process's error only ends it
    child.on('exit', () => {
      lane.exited = true;
      if (this.lane === lane) this.lane = undefined;
    });
    // An idle reader never keeps folio running; a read in progress has its timer.
    child.unref();
    child.channel?.unref();
    (child.stderr as { unref?: () => void } | null)?.unref?.();
    this.lane = lane;
    return lane;
  }

  /** Stops a process that failed or overran; the next read starts another. */
  private discard(lane: Lane): void {
    if (this.lane === lane) this.lane = undefined;
    if (!lane.exited) lane.child.kill('SIGKILL');
  }
}
