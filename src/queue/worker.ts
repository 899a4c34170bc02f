/**
 * A worker: lease a batch of jobs, code and store the items exactly as `attache ingest` does (prepareItem:
 * skip unchanged, else code; SaveBatch: the batch saved in one store transaction, one by one if the store
 * refuses it), delete the jobs that are done, send failures back for a retry or to the dead-letter list.
 * While it codes, a heartbeat renews the batch's leases; it saves only the jobs it still holds, inside the
 * queue transaction that deletes them (JobQueue.finish), so a job whose lease was lost to another worker is
 * saved by that worker alone. Killed at any point, a worker loses nothing: the jobs it held come back when
 * their lease ends, and doing one again finds the document stored (a duplicate, nothing written).
 */
import type { CodePool } from '../sources/code-pool.js';
import { prepareItem, SaveBatch, type Prepared } from '../sources/ingest.js';
import type { SaveStatus, Store } from '../store/store.js';
import { LeaseHeartbeat } from './lease.js';
import { JobQueue, workerId, type Job } from './queue.js';

export interface WorkerOptions {
  /** Jobs leased at a time. */
  batch: number;
  /** How long a leased job stays this worker's without a renewal; the heartbeat renews it every third of this. */
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

/** Jobs by outcome; `lost`: jobs whose lease ran out and went to another worker before this one saved them. */
export type WorkerSummary = Record<SaveStatus | 'retried' | 'dead' | 'lost', number>;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((ok) => {
    const t = setTimeout(ok, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), ok()), { once: true });
  });

/** One worker's run: who it is, what it works with, and its counts so far. */
interface Run {
  me: string;
  queue: JobQueue;
  store: Store;
  pool: CodePool;
  opts: WorkerOptions;
  summary: WorkerSummary;
}

export async function runWorker(queue: JobQueue, store: Store, pool: CodePool, opts: WorkerOptions): Promise<WorkerSummary> {
  const me = workerId();
  const run: Run = { me, queue, store, pool, opts, summary: { new: 0, updated: 0, duplicate: 0, retried: 0, dead: 0, lost: 0 } };
  opts.log?.(`worker ${me} on ${queue.location}`);
  while (!opts.signal?.aborted) {
    const jobs = await queue.claim(me, opts.batch, opts.leaseSeconds);
    if (!jobs.length) {
      if (opts.drain) break;
      await sleep(opts.idleMs, opts.signal);
      continue;
    }
    await runBatch(run, jobs);
  }
  return run.summary;
}

/** Code a leased batch under its heartbeat, then save what is still held and delete those jobs (finish). */
async function runBatch(run: Run, jobs: Job[]): Promise<void> {
  const { me, queue, store, pool, opts, summary } = run;
  const ids = jobs.map((j) => j.id);
  const retry: [Job, string][] = [];
  const prepared: [Job, Prepared | 'duplicate'][] = [];
  const heartbeat = new LeaseHeartbeat(queue, me, ids, opts.leaseSeconds, opts.log);
  try {
    await Promise.all(
      jobs.map(async (job) => {
        // A job leased more often than it may be tried: its workers died on it (a document that crashes them).
        if (job.attempts > opts.maxAttempts) return retry.push([job, `not finished after ${job.attempts - 1} leases (its workers stopped)`]);
        try {
          prepared.push([job, await prepareItem(job.item, store, pool, null)]);
        } catch (e) {
          retry.push([job, (e as Error).message]);
        }
      }),
    );
  } finally {
    await heartbeat.stop();
  }
  const held = await queue.finish(me, ids, opts.leaseSeconds, async (held) => {
    const done: number[] = [];
    const jobOf = new Map<Prepared, Job>();
    const saves = new SaveBatch(
      store,
      (status, p) => {
        summary[status]++;
        done.push(jobOf.get(p)!.id);
      },
      (origin, reason) => {
        for (const j of jobs) if (j.item.origin === origin && held.has(j.id) && !done.includes(j.id)) retry.push([j, reason]);
      },
      jobs.length,
    );
    for (const [job, p] of prepared) {
      if (!held.has(job.id)) continue;
      if (p !== 'duplicate') {
        jobOf.set(p, job);
        await saves.add(p);
      } else {
        summary.duplicate++;
        done.push(job.id);
      }
    }
    await saves.flush();
    return done;
  });
  for (const job of jobs) {
    if (held.has(job.id)) continue;
    summary.lost++;
    opts.log?.(`${job.item.origin}: not saved here, its lease was lost to another worker (job ${job.id})`);
  }
  for (const [job, reason] of retry) if (held.has(job.id)) await failed(run, job, reason);
}

async function failed({ me, queue, opts, summary }: Run, job: Job, error: string): Promise<void> {
  const to = await queue.fail(me, job, error, opts.maxAttempts, opts.retryDelaySeconds);
  summary[to === 'dead' ? 'dead' : 'retried']++;
  opts.log?.(`${job.item.origin}: ${error}${to === 'dead' ? ` (attempt ${job.attempts}: dead letter)` : ' (will retry)'}`);
}
