/**
 * A worker: lease a batch of jobs, code and store the items exactly as `attache ingest` does (prepareItem:
 * skip unchanged, else code; SaveBatch: the batch saved in one store transaction, one by one if the store
 * refuses it), delete the jobs that are done, send failures back for a retry or to the dead-letter list.
 * Killed at any point, a worker loses nothing: the jobs it held come back when their lease ends, and doing
 * one again finds the document stored (a duplicate, nothing written).
 */
import type { CodePool } from '../sources/code-pool.js';
import { prepareItem, SaveBatch, type Prepared } from '../sources/ingest.js';
import type { SaveStatus, Store } from '../store/store.js';
import { JobQueue, workerId, type Job } from './queue.js';

export interface WorkerOptions {
  /** Jobs leased at a time. */
  batch: number;
  /** How long a leased job stays this worker's; it returns to the queue after that if not done. */
  leaseSeconds: number;
  /** Attempts before a job goes to the dead-letter list. */
  maxAttempts: number;
  /** A failed job waits this × its attempts before it is tried again. */
  retryDelaySeconds: number;
  /** Exit when no job is claimable (instead of waiting for more). */
  drain: boolean;
  /** Wait between looks at an empty queue. */
  idleMs: number;
  /** Stops the worker after the batch in hand. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export type WorkerSummary = Record<SaveStatus | 'retried' | 'dead', number>;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((ok) => {
    const t = setTimeout(ok, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), ok()), { once: true });
  });

export async function runWorker(queue: JobQueue, store: Store, pool: CodePool, opts: WorkerOptions): Promise<WorkerSummary> {
  const me = workerId();
  const summary: WorkerSummary = { new: 0, updated: 0, duplicate: 0, retried: 0, dead: 0 };
  const failed = async (job: Job, error: string) => {
    const to = await queue.fail(me, job, error, opts.maxAttempts, opts.retryDelaySeconds);
    summary[to === 'dead' ? 'dead' : 'retried']++;
    opts.log?.(`${job.item.origin}: ${error}${to === 'dead' ? ` (attempt ${job.attempts}: dead letter)` : ' (will retry)'}`);
  };
  opts.log?.(`worker ${me} on ${queue.location}`);
  while (!opts.signal?.aborted) {
    const jobs = await queue.claim(me, opts.batch, opts.leaseSeconds);
    if (!jobs.length) {
      if (opts.drain) break;
      await sleep(opts.idleMs, opts.signal);
      continue;
    }
    const done: number[] = [];
    const byOrigin = new Map<string, Job[]>();
    for (const j of jobs) byOrigin.set(j.item.origin, [...(byOrigin.get(j.item.origin) ?? []), j]);
    const held = new Map<Prepared, Job>();
    const retry: [Job, string][] = [];
    const saves = new SaveBatch(
      store,
      (status, p) => {
        summary[status]++;
        done.push(held.get(p)!.id);
      },
      (origin, reason) => {
        for (const j of byOrigin.get(origin) ?? []) if (!done.includes(j.id)) retry.push([j, reason]);
      },
      jobs.length,
    );
    await Promise.all(
      jobs.map(async (job) => {
        // A job leased more often than it may be tried: its workers died on it (a document that crashes them).
        if (job.attempts > opts.maxAttempts) return retry.push([job, `not finished after ${job.attempts - 1} leases (its workers stopped)`]);
        try {
          const p = await prepareItem(job.item, store, pool, null);
          if (p === 'duplicate') {
            summary.duplicate++;
            done.push(job.id);
          } else {
            held.set(p, job);
            await saves.add(p);
          }
        } catch (e) {
          retry.push([job, (e as Error).message]);
        }
      }),
    );
    await saves.flush();
    await queue.complete(me, done);
    for (const [job, reason] of retry) await failed(job, reason);
  }
  return summary;
}
