/** Worker thread of the code pool: loads the coder once, then codes each document it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentInput } from '../types.js';
import { createCodeFn } from './coding.js';
import type { WorkerReply } from './code-pool.js';

const port = parentPort!;
const post = (m: WorkerReply) => port.postMessage(m);
try {
  const code = await createCodeFn((workerData as { dictDirs: string[] }).dictDirs);
  port.on('message', (m: { seq: number; doc: DocumentInput }) => {
    try {
      post({ type: 'result', seq: m.seq, result: code(m.doc) });
    } catch (e) {
      post({ type: 'error', seq: m.seq, error: (e as Error).message });
    }
  });
  post({ type: 'ready' });
} catch (e) {
  post({ type: 'fatal', error: (e as Error).message });
}
