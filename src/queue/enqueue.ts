/**
 * The producer side, for `attache ingest --queue [--wait]` and feed polling: read inputs as ingest does and
 * queue the items for the workers instead of coding them here; then, if asked, wait for the workers.
 */
import type { Failure, RawItem } from '../sources/item.js';
import { readInputs, type ReadOptions } from '../sources/read.js';
import { storedItem } from '../sources/ingest.js';
import type { Store } from '../store/store.js';
import type { DeadJob, JobQueue } from './queue.js';

/** What a producer needs of the queue. */
export type ItemQueue = Pick<JobQueue, 'enqueue'>;

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

export interface WaitResult {
  /** Jobs still queued or running when the wait ended (0 unless it timed out or was stopped). */
  remaining: number;
  /** Those that ended as dead letters. */
  dead: DeadJob[];
}

/** Wait until none of `jobIds` is queued or running, or `timeoutMs` has passed, or `signal` aborts. */
export async function waitForJobs(
  queue: JobQueue,
  jobIds: number[],
  opts: { pollMs?: number; timeoutMs?: number; onProgress?: (remaining: number) => void; signal?: AbortSignal } = {},
): Promise<WaitResult> {
  const end = Date.now() + (opts.timeoutMs ?? Infinity);
  for (;;) {
    const left = await queue.remaining(jobIds);
    opts.onProgress?.(left);
    if (left === 0 || opts.signal?.aborted || Date.now() >= end) return { remaining: left, dead: await queue.dead(jobIds) };
    await new Promise((ok) => setTimeout(ok, Math.min(opts.pollMs ?? 500, end - Date.now())));
  }
}

export interface ChangedItems {
  /** Items the store does not hold. */
  new: number;
  /** Items the store holds with other content (the worker stores a new version). */
  updated: number;
  /** Their jobs (an item already queued keeps its job). */
  jobIds: number[];
}

/**
 * Queue the items the store does not already hold unchanged (same document key, same content hash), as a
 * feed poll does: the counts are those an in-process poll would report, so the adaptive interval sees them.
 */
export async function enqueueChanged(queue: ItemQueue, store: Store, items: RawItem[], source: string | null): Promise<ChangedItems> {
  const out: ChangedItems = { new: 0, updated: 0, jobIds: [] };
  const changed: RawItem[] = [];
  for (const it of items) {
    const { existing, unchanged } = await storedItem(it, store, source);
    if (unchanged) continue;
    changed.push(it);
    out[existing ? 'updated' : 'new']++;
  }
  if (changed.length) out.jobIds = await queue.enqueue(changed, source);
  return out;
}
