/**
 * dynalite on its own thread: the store's work (request parsing, LevelDB)
 * runs on a second core while the handlers and the HTTP API run on the
 * first. The thread answers with its port, and closes the store when asked,
 * so data on disk is flushed before the process exits.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface DynaliteThread {
  endpoint: string;
  close(): Promise<void>;
}

/** The thread's own code: started with `{ path, dynalite }`, posts `{ port }`, and `'closed'` after a `'close'`. */
const THREAD_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const dynalite = require(workerData.dynalite);
const server = dynalite({ ...(workerData.path ? { path: workerData.path } : {}), createTableMs: 0 });
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => { if (m === 'close') server.close(() => parentPort.postMessage('closed')); });
`;

export async function startDynaliteThread(path: string | null): Promise<DynaliteThread> {
  const worker = new Worker(THREAD_CODE, { eval: true, workerData: { path, dynalite: createRequire(import.meta.url).resolve('dynalite') } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port: number }) => resolve(m.port));
    worker.once('error', reject);
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.postMessage('close');
      });
      await worker.terminate();
    },
  };
}
