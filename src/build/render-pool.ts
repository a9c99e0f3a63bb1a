/**
 * Renders jobs in parallel: worker threads take the jobs that are plain data (a task), the
 * main thread those that are not (nomination forms, licences) and then helps with the rest.
 * Each worker parses its fonts once and keeps its shaping cache for all the jobs it renders.
 * Rendering is deterministic, so which thread renders a job never changes its bytes.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FontStacks } from '../text/fonts.js';
import type { RenderResult, RenderTask } from './render-task.js';

export interface PoolJob {
  /** Plain data a worker can render; absent: the job renders in the main thread only. */
  task?: RenderTask;
  render: () => Promise<RenderResult>;
  /** Rough relative cost, to start the long jobs first. */
  weight: number;
}

export interface PoolOptions {
  /** Threads to use; 1 renders everything in the main thread. */
  threads: number;
  stacks: Partial<FontStacks>;
  onDone: (index: number, result: RenderResult) => void;
}

/** Below this many task jobs, starting workers costs more than it saves. */
export const MIN_PARALLEL_JOBS = 6;

/**
 * The number of threads to render with by default: one per core from three cores up. On two
 * cores V8's own garbage-collection threads already keep the second core busy (a one-thread
 * build uses about 1.4 cores), and a worker thread made the sample kit's cold build slower
 * (4.8 s → 5.5 s) and the large kit's no faster (16.6 s → 17.1 s): there folio renders in one
 * thread unless `--jobs` asks for more.
 */
export function defaultThreads(): number {
  const cores = Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
  return cores >= 3 ? cores : 1;
}

/** The compiled worker script (also when folio runs from its TypeScript sources, as under vitest). */
function workerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const script = here.endsWith('.ts')
    ? here.replace(/([\\/])src([\\/])build([\\/])render-pool\.ts$/, '$1dist$2build$3render-worker.js')
    : here.replace(/render-pool\.js$/, 'render-worker.js');
  return existsSync(script) ? script : undefined;
}

/** How many worker threads a render of these jobs starts (0: all in the main thread). */
export function workerCount(jobs: readonly PoolJob[], threads: number): number {
  const tasks = jobs.filter((j) => j.task).length;
  if (threads <= 1 || tasks < MIN_PARALLEL_JOBS || !workerScript()) return 0;
  return Math.min(threads - 1, Math.ceil(tasks / 2));
}

export async function renderAll(jobs: readonly PoolJob[], options: PoolOptions): Promise<{ workers: number }> {
  const workers = workerCount(jobs, options.threads);
  const order = jobs.map((job, index) => ({ job, index })).sort((a, b) => b.job.weight - a.job.weight || a.index - b.index);
  const shared = order.filter((o) => o.job.task);
  const mainOnly = order.filter((o) => !o.job.task);
  if (workers === 0) {
    for (const { job, index } of [...mainOnly, ...shared]) options.onDone(index, await job.render());
    return { workers: 0 };
  }
  const script = workerScript()!;
  const pool = Array.from({ length: workers }, () => new Worker(script, { workerData: options.stacks }));
  let next = 0;
  const take = () => (next < shared.length ? shared[next++] : undefined);
  try {
    const lanes = pool.map((worker) => workerLane(worker, take, options.onDone));
    // The main thread renders what only it can, then helps with the shared queue.
    const mainLane = (async () => {
      for (const { job, index } of mainOnly) options.onDone(index, await job.render());
      for (let item = take(); item; item = take()) options.onDone(item.index, await item.job.render());
    })();
    await Promise.all([...lanes, mainLane]);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { workers };
}

/** Feeds one worker from the queue, two tasks in flight so that it never waits for the main thread. */
function workerLane(worker: Worker, take: () => { job: PoolJob; index: number } | undefined, onDone: PoolOptions['onDone']): Promise<void> {
  return new Promise((resolve, reject) => {
    const inFlight = new Map<number, number>();
    let ended = false;
    const fail = (error: Error) => { if (!ended) { ended = true; reject(error); } };
    const feed = () => {
      while (inFlight.size < 2) {
        const item = take();
        if (!item) break;
        inFlight.set(item.index, item.index);
        worker.postMessage({ id: item.index, task: item.job.task });
      }
      if (inFlight.size === 0 && !ended) { ended = true; resolve(); }
    };
    worker.on('message', (message: { id: number; bytes?: Uint8Array; pages?: number; error?: string }) => {
      inFlight.delete(message.id);
      if (message.error !== undefined) { fail(new Error(`internal: a render worker failed: ${message.error}`)); return; }
      onDone(message.id, { bytes: new Uint8Array(message.bytes!.buffer, message.bytes!.byteOffset, message.bytes!.byteLength), ...(message.pages ? { pages: message.pages } : {}) });
      feed();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => { if (!ended) fail(new Error(`internal: a render worker stopped (exit code ${code})`)); });
    feed();
  });
}
