/**
 * The producer side, for `attache ingest --queue [--wait]` and feed polling: read inputs as ingest does and
 * queue the items for the workers instead of coding them here; then, if asked, wait for the workers.
 */
import type { Failure, RawItem } from '../sources/item.js';
import { readInputs, type ReadOptions } from '../sources/read.js';
import type { DeadJob, JobQueue } from './queue.js';

export interface EnqueueSummary {
  /** Items read. */
  items: number;
  /** Their jobs (an item already queued keeps its job). */
  jobIds: number[];
  /** Inputs that could not be read. */
  failures: Failure[];
}

/** Items queued per round trip. */
const CHUNK = 500;

/** Read `inputs` (files, directories, JSONL, pages, feeds) and queue every item read. */
export async function enqueueInputs(
  queue: JobQueue,
  inputs: string[],
  opts: ReadOptions & { onItem?: (items: number) => void },
): Promise<EnqueueSummary> {
  const out: EnqueueSummary = { items: 0, jobIds: [], failures: [] };
  let chunk: RawItem[] = [];
  const flush = async () => {
    if (chunk.length) out.jobIds.push(...(await queue.enqueue(chunk, opts.source ?? null)));
    chunk = [];
  };
  for await (const ev of readInputs(inputs, opts)) {
    if (ev.kind === 'failure') {
      out.failures.push({ origin: ev.origin, reason: ev.reason });
      continue;
    }
    chunk.push(ev.item);
    out.items++;
    opts.onItem?.(out.items);
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
  return out;
}

/** Wait until none of `jobIds` is queued or running; returns those that ended as dead letters. */
export async function waitForJobs(
  queue: JobQueue,
  jobIds: number[],
  opts: { pollMs?: number; onProgress?: (remaining: number) => void; signal?: AbortSignal } = {},
): Promise<DeadJob[]> {
  for (;;) {
    const left = await queue.remaining(jobIds);
    opts.onProgress?.(left);
    if (left === 0 || opts.signal?.aborted) break;
    await new Promise((ok) => setTimeout(ok, opts.pollMs ?? 500));
  }
  return queue.dead(jobIds);
}
