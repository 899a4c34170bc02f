/**
 * Leases of jobs in progress (PostgreSQL): a job that takes longer than its lease is done once, because its
 * worker renews the lease while on it and stops renewing when it is done; and a worker whose lease was lost
 * anyway (cut off from the database while it coded) saves nothing, so neither the other worker's save nor a
 * newer version stored since is overwritten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../src/queue/queue.js';
import { runWorker, type WorkerOptions } from '../src/queue/worker.js';
import { createCodePool, type CodePool } from '../src/sources/code-pool.js';
import type { RawItem } from '../src/sources/item.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { dropSchemas, freshPgSpec, skipWithoutPg } from './pg.js';

const LEASE = 1; // seconds: the slow job below takes several leases
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const item = (text: string): RawItem => ({ origin: 'test:putin', externalId: 'putin', source: 'KCNA', text, raw: text, rawType: 'text/plain', language: 'en' });
const V1 = 'Kim Jong Un held talks with Vladimir Putin in Pyongyang on Wednesday.';
const V2 = `${V1} The talks covered cooperation in many fields.`;

async function until(what: string, ok: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A code pool that counts its codings and runs `before` ahead of each (a slow or stalled coder). */
function coder(inner: CodePool, before: () => Promise<unknown> = async () => undefined) {
  const c = { calls: 0, pool: { ...inner } as CodePool };
  c.pool.code = async (doc) => {
    c.calls++;
    await before();
    return inner.code(doc);
  };
  return c;
}

afterAll(dropSchemas);

describe.skipIf(skipWithoutPg)('job leases (PostgreSQL)', () => {
  let pool: CodePool;
  beforeAll(async () => {
    pool = await createCodePool({ dictDirs: [], workers: 0 });
  });
  afterAll(() => pool.close());
  const base: WorkerOptions = { batch: 4, leaseSeconds: LEASE, maxAttempts: 5, retryDelaySeconds: 0, drain: true, idleMs: 50 };

  it('a job that outlives its lease is done exactly once: the lease is renewed while it runs, and no longer after', { timeout: 60_000 }, async () => {
    const spec = freshPgSpec('lease');
    const [qa, qb] = [await JobQueue.open(spec), await JobQueue.open(spec)]; // two workers' connections
    const store = await openStore(spec);
    try {
      const [id] = await qa.enqueue([item(V1)]);
      const renewals: number[] = [];
      const renew = qa.renew.bind(qa);
      qa.renew = async (...args) => (renewals.push(Date.now()), renew(...args));
      const slow = coder(pool, () => sleep(4 * LEASE * 1000)); // four leases long
      const other = coder(pool);

      const a = runWorker(qa, store, slow.pool, base);
      await until('worker a to take the job', async () => slow.calls === 1);
      // worker b looks for work all the while worker a codes
      const stopB = new AbortController();
      const b = runWorker(qb, store, other.pool, { ...base, drain: false, signal: stopB.signal });
      const done = await a;
      const endedAt = Date.now();
      await sleep(2 * LEASE * 1000); // b keeps looking; a renews no more
      stopB.abort();
      const sb = await b;

      expect(done).toMatchObject({ new: 1, duplicate: 0, retried: 0, lost: 0 });
      expect(sb).toEqual({ new: 0, updated: 0, duplicate: 0, retried: 0, dead: 0, lost: 0 });
      expect(slow.calls + other.calls).toBe(1); // coded once, by a
      expect(renewals.length).toBeGreaterThanOrEqual(6); // every third of the lease for four leases
      expect(renewals.filter((t) => t > endedAt)).toEqual([]);
      expect(await qa.remaining([id])).toBe(0);
      const stats = await store.stats();
      expect({ documents: stats.documents, versions: stats.versions }).toEqual({ documents: 1, versions: 1 });
    } finally {
      await Promise.all([qa.close(), qb.close(), store.close()]);
    }
  });

  it('a worker that lost its lease saves nothing: the other worker stored the job, and a newer version stays current', { timeout: 60_000 }, async () => {
    const spec = freshPgSpec('lost');
    const [qa, qb] = [await JobQueue.open(spec), await JobQueue.open(spec)];
    const store: Store = await openStore(spec);
    try {
      const [id] = await qa.enqueue([item(V1)]);
      // worker a is cut off from the database while it codes: it cannot renew, and its lease runs out
      qa.renew = async () => {
        throw new Error('connection lost');
      };
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const stalled = coder(pool, () => gate);
      const logA: string[] = [];
      const a = runWorker(qa, store, stalled.pool, { ...base, log: (l) => logA.push(l) });
      await until('worker a to take the job', async () => stalled.calls === 1);
      await until("worker a's lease to run out", async () => (await qb.counts()).running === 0);

      // worker b takes the job and stores it; then a corrected version arrives and b stores that too
      expect(await runWorker(qb, store, pool, { ...base, leaseSeconds: 60 })).toMatchObject({ new: 1, lost: 0 });
      expect(await qb.enqueue([item(V2)])).not.toContain(id);
      expect(await runWorker(qb, store, pool, { ...base, leaseSeconds: 60 })).toMatchObject({ updated: 1 });

      release(); // a gets through: it must not store the first version again over the second
      expect(await a).toEqual({ new: 0, updated: 0, duplicate: 0, retried: 0, dead: 0, lost: 1 });
      expect(logA.join('\n')).toMatch(/lease renewal failed: connection lost[\s\S]*test:putin: not saved here, its lease was lost/);
      const stats = await store.stats();
      expect({ documents: stats.documents, versions: stats.versions }).toEqual({ documents: 1, versions: 2 });
      const [history] = await store.history('putin');
      expect(history.versions.map((v) => [v.version, v.text])).toEqual([
        [1, V1],
        [2, V2],
      ]);
      expect(history.document.version).toBe(2);
      expect(await qa.remaining([id])).toBe(0);
      expect(await qa.dead()).toEqual([]);
    } finally {
      await Promise.all([qa.close(), qb.close(), store.close()]);
    }
  });
});
