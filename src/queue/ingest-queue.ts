/**
 * `attache ingest --queue [--wait]`: read the inputs here, queue the items for `attache worker` processes
 * instead of coding them in this process; with `--wait`, return once the workers have done every job
 * this run queued, listing the ones that ended as dead letters, and evaluate the alerts as an ingest in this
 * process does (without --wait the documents are not stored yet: the next ingest or watch cycle fires them).
 * Returns the exit code.
 */
import { evaluateAndReport } from '../analysis/alerts.js';
import { isPostgresSpec, openStore } from '../store/open.js';
import type { ReadOptions } from '../sources/read.js';
import { enqueueInputs, waitForJobs } from './enqueue.js';
import { JobQueue } from './queue.js';

export interface QueueIngestOptions extends ReadOptions {
  wait: boolean;
  /** Where messages go (stdout for the summary, stderr for progress). */
  out: (s: string) => void;
  err: (s: string) => void;
}

export async function ingestThroughQueue(spec: string, inputs: string[], opts: QueueIngestOptions): Promise<number> {
  if (!isPostgresSpec(spec)) {
    opts.err(`attache ingest: --queue needs a postgres://… store (the queue lives in PostgreSQL), not "${spec}"\n`);
    return 2;
  }
  let queue: JobQueue;
  try {
    queue = await JobQueue.open(spec);
  } catch (e) {
    opts.err(`attache ingest: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    const s = await enqueueInputs(queue, inputs, opts);
    opts.out(`queued ${s.items} items as ${s.jobIds.length} jobs on ${queue.location}\n`);
    for (const f of s.failures) opts.out(`failed: ${f.origin}: ${f.reason}\n`);
    if (!opts.wait) return s.failures.length ? 1 : 0;
    let last = -1;
    const { dead } = await waitForJobs(queue, s.jobIds, {
      onProgress: (left) => {
        if (left !== last) opts.err(`${left} of ${s.jobIds.length} jobs left\n`);
        last = left;
      },
    });
    opts.out(`workers finished ${s.jobIds.length - dead.length} jobs; ${dead.length} dead letters\n`);
    for (const d of dead) opts.out(`dead: ${d.origin} (${d.attempts} attempts): ${d.error}\n`);
    const store = await openStore(spec);
    try {
      await evaluateAndReport(store, (line) => opts.err(`${line}\n`));
    } finally {
      await store.close();
    }
    return s.failures.length || dead.length ? 1 : 0;
  } finally {
    await queue.close();
  }
}
