/**
 * A pool of worker threads that code documents while the main thread reads inputs and writes the store.
 * With `workers: 0` documents are coded in the main thread through the same function.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentInput } from '../types.js';
import { type CodeResult, createCodeFn } from './coding.js';

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'fatal'; error: string }
  | { type: 'result'; seq: number; result: CodeResult }
  | { type: 'error'; seq: number; error: string };

export interface CodePool {
  /** Code one document; rejects with the coder's error for that document only. */
  code(doc: DocumentInput): Promise<CodeResult>;
  readonly workers: number;
  close(): Promise<void>;
}

/**
 * A worker running from TypeScript sources (tsx, vitest) needs tsx's loader registered inside the worker:
 * Node 20 does not pass the parent's loader hooks on. Compiled JavaScript loads directly.
 */
function spawn(dictDirs: string[]): Worker {
  const module = new URL(`./code-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
  if (module.endsWith('.js')) return new Worker(new URL(module), { workerData: { dictDirs } });
  // require.resolve finds the CommonJS entry of tsx's API; the worker imports its ESM twin beside it.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(module)}); })`;
  return new Worker(boot, { eval: true, workerData: { dictDirs } });
}

export async function createCodePool(opts: { dictDirs: string[]; workers: number }): Promise<CodePool> {
  if (opts.workers <= 0) {
    const code = await createCodeFn(opts.dictDirs);
    return { workers: 0, code: async (doc) => code(doc), close: async () => undefined };
  }
  const pending = new Map<number, { resolve: (r: CodeResult) => void; reject: (e: Error) => void }>();
  const load = new Map<Worker, number>();
  let seq = 0;
  let fatal: Error | null = null;
  const workers = await Promise.all(
    Array.from({ length: opts.workers }, () => {
      const w = spawn(opts.dictDirs);
      return new Promise<Worker>((ready, fail) => {
        w.on('message', (m: WorkerReply) => {
          if (m.type === 'ready') return ready(w);
          if (m.type === 'fatal') return fail(new Error(m.error));
          const p = pending.get(m.seq);
          if (!p) return;
          pending.delete(m.seq);
          load.set(w, (load.get(w) ?? 1) - 1);
          if (m.type === 'result') p.resolve(m.result);
          else p.reject(new Error(m.error));
        });
        w.on('error', (e) => {
          fatal = e;
          fail(e);
          for (const p of pending.values()) p.reject(e);
          pending.clear();
        });
        load.set(w, 0);
      });
    }),
  ).catch(async (e: Error) => {
    await Promise.all([...load.keys()].map((w) => w.terminate()));
    throw e;
  });
  return {
    workers: workers.length,
    code(doc) {
      if (fatal) return Promise.reject(fatal);
      // The least loaded worker gets the document.
      let best = workers[0];
      for (const w of workers) if ((load.get(w) ?? 0) < (load.get(best) ?? 0)) best = w;
      load.set(best, (load.get(best) ?? 0) + 1);
      const n = seq++;
      return new Promise<CodeResult>((resolve, reject) => {
        pending.set(n, { resolve, reject });
        best.postMessage({ seq: n, doc });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
