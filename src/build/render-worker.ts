/**
 * A rendering worker thread: loads the fonts once, then renders the tasks the main thread
 * posts, one at a time, and posts the bytes back (transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FontLibrary, type FontStacks } from '../text/fonts.js';
import { runTask, type RenderTask } from './render-task.js';

const port = parentPort;
if (!port) throw new Error('internal: render-worker.js runs as a worker thread only');
const fonts = FontLibrary.load(workerData as Partial<FontStacks>);

port.on('message', (message: { id: number; task: RenderTask }) => {
  void (async () => {
    try {
      const result = await runTask(message.task, await fonts);
      const bytes = result.bytes;
      port.postMessage({ id: message.id, bytes, pages: result.pages }, [bytes.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  })();
});
