/**
 * The heartbeat of a batch in progress: while a worker codes its jobs, their leases are renewed every third
 * of the lease length, so a job that takes longer than the lease (a huge document, a slow machine) is not
 * handed to a second worker. Renewal stops when the batch ends. The timer runs on the worker's main thread:
 * coding in threads (`--threads`) leaves it free, while main-thread coding can only renew between documents.
 */
import type { JobQueue } from './queue.js';

export class LeaseHeartbeat {
  private timer: NodeJS.Timeout | undefined;
  private renewing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly queue: Pick<JobQueue, 'renew'>,
    private readonly worker: string,
    private readonly ids: number[],
    private readonly leaseSeconds: number,
    private readonly log?: (line: string) => void,
  ) {
    this.schedule();
  }

  /** Stop renewing; resolves once a renewal under way has ended, so none runs after. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.renewing;
  }

  // A timeout chain rather than setInterval: a renewal slower than the period never overlaps the next.
  private schedule(): void {
    this.timer = setTimeout(() => {
      this.renewing = this.renew().finally(() => {
        if (!this.stopped) this.schedule();
      });
    }, (this.leaseSeconds * 1000) / 3);
  }

  private async renew(): Promise<void> {
    try {
      // A job missing from the answer went to another worker; the worker leaves it out when it finishes the batch.
      await this.queue.renew(this.worker, this.ids, this.leaseSeconds);
    } catch (e) {
      // The next beat tries again; if the lease runs out meanwhile, finish() finds the job lost.
      this.log?.(`lease renewal failed: ${(e as Error).message}`);
    }
  }
}
