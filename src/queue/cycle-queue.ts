/**
 * The job queue as the sink of `attache watch --queue`. It remembers the jobs each cycle queued, so that the
 * watch can wait for the workers to store those items and then evaluate the alerts: they fire for a cycle's
 * documents after that cycle, not after the next one. The wait is bounded, so stopped or busy workers delay
 * the alerts on the items they have not stored yet (they fire at a later evaluation), never the polling.
 */
import type { RawItem } from '../sources/item.js';
import { waitForJobs, type ItemQueue } from './enqueue.js';
import { JobQueue } from './queue.js';

export class CycleQueue implements ItemQueue {
  private queued: number[] = [];

  constructor(private readonly queue: JobQueue) {}

  static async open(spec: string): Promise<CycleQueue> {
    return new CycleQueue(await JobQueue.open(spec));
  }

  get location(): string {
    return this.queue.location;
  }

  async enqueue(items: RawItem[], source?: string | null): Promise<number[]> {
    const ids = await this.queue.enqueue(items, source);
    this.queued.push(...ids);
    return ids;
  }

  /**
   * Wait until the workers have done the jobs queued since the last call, for at most `timeoutMs` (0: not at
   * all) or until `signal` aborts; says on `log` what is left over and what ended as a dead letter.
   */
  async settle(opts: { timeoutMs: number; signal?: AbortSignal; log: (line: string) => void }): Promise<void> {
    const ids = [...new Set(this.queued.splice(0))];
    if (!ids.length || opts.timeoutMs <= 0) return;
    const { remaining, dead } = await waitForJobs(this.queue, ids, { timeoutMs: opts.timeoutMs, signal: opts.signal });
    if (remaining) opts.log(`${remaining} of the ${ids.length} items queued this cycle are not stored yet; alerts on them fire at a later evaluation`);
    for (const d of dead) opts.log(`dead letter: ${d.origin} (${d.attempts} attempts): ${d.error}`);
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
