/**
 * A job queue kept in PostgreSQL (SELECT … FOR UPDATE SKIP LOCKED over queue_jobs; see schema.ts): any
 * number of workers on any machines lease batches of jobs without blocking each other, a job is retried
 * with a growing delay, moved to the dead-letter list after its last attempt, and comes back to the queue
 * when the worker holding it dies (its lease runs out; a live worker renews it, see lease.ts). A worker saves
 * a batch only while it holds the jobs (finish), so a worker that lost a lease does not save it a second
 * time. Delivery is still at least once (a worker killed between its save and its commit); the store's
 * content-hash dedup makes doing a job twice store it once.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import { contentHash } from '../store/fingerprint.js';
import { createPool, inTransaction, migratePg, parsePgSpec } from '../store/postgres-db.js';
import { documentKey } from '../store/records.js';
import type { MigrationResult } from '../store/store.js';
import type { RawItem } from '../sources/item.js';
import { QUEUE_MIGRATIONS } from './schema.js';

/** A queued item as stored in the payload (raw bytes as base64 when they are not text). */
const Payload = z.object({
  origin: z.string(),
  url: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  externalId: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  date: z.string().nullable().optional(),
  text: z.string(),
  raw: z.string(),
  rawBase64: z.boolean().optional(),
  rawType: z.string(),
  language: z.string().nullable().optional(),
  feedUrl: z.string().nullable().optional(),
});

export interface Job {
  id: number;
  /** Attempts including this one. */
  attempts: number;
  item: RawItem;
}

export interface DeadJob {
  jobId: number;
  origin: string;
  attempts: number;
  error: string;
  failedAt: string;
}

export interface QueueCounts {
  /** Waiting (including jobs waiting for a retry). */
  pending: number;
  /** Leased by a worker right now. */
  running: number;
  dead: number;
}

/** Extend the lease of jobs $1 that worker $2 still holds by $3 seconds; returns their ids. */
const RENEW = `UPDATE queue_jobs SET locked_until = now() + make_interval(secs => $3) WHERE id = ANY($1::bigint[]) AND locked_by = $2 RETURNING id`;

/** Rows per INSERT when enqueueing. */
const ENQUEUE_BATCH = 500;

/** A worker's id in locked_by: host, process and a random part. */
export function workerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

function toPayload(item: RawItem, source: string | null): string {
  const binary = Buffer.isBuffer(item.raw);
  return JSON.stringify({
    ...item,
    source: item.source ?? source,
    raw: binary ? (item.raw as Buffer).toString('base64') : item.raw,
    ...(binary ? { rawBase64: true } : {}),
  });
}

function fromPayload(id: number, payload: unknown): RawItem {
  const p = Payload.safeParse(payload);
  if (!p.success) throw new Error(`job ${id}: payload is not a queued item: ${p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { rawBase64, ...item } = p.data;
  return { ...item, raw: rawBase64 ? Buffer.from(item.raw, 'base64') : item.raw };
}

export class JobQueue {
  private constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {}

  /** Connect to the spec's database and migrate the queue tables. */
  static async open(spec: string): Promise<JobQueue> {
    const s = parsePgSpec(spec);
    const q = new JobQueue(createPool(s, 2), s.location);
    try {
      await q.migrate(s);
    } catch (e) {
      await q.close();
      throw new Error(`${s.location}: cannot open the job queue: ${(e as Error).message}`);
    }
    return q;
  }

  private migrate(s: ReturnType<typeof parsePgSpec>): Promise<MigrationResult> {
    return migratePg(this.pool, s, 'queue_migrations', QUEUE_MIGRATIONS);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /**
   * Queue items (outlet `source` for items that name none). An item already queued (same document key and
   * content) is not queued twice. Returns the job ids, one per distinct item.
   */
  async enqueue(items: RawItem[], source: string | null = null): Promise<number[]> {
    const byKey = new Map<string, [origin: string, payload: string]>();
    for (const it of items) {
      const key = `${documentKey({ ...it, source: it.source ?? source }) ?? 'hash:'}#${contentHash(it.text)}`;
      if (!byKey.has(key)) byKey.set(key, [it.origin, toPayload(it, source)]);
    }
    const entries = [...byKey];
    const ids: number[] = [];
    for (let i = 0; i < entries.length; i += ENQUEUE_BATCH) {
      const chunk = entries.slice(i, i + ENQUEUE_BATCH);
      const r = await this.pool.query<{ id: number }>(
        `INSERT INTO queue_jobs (dedup_key, origin, payload) SELECT k, o, p FROM unnest($1::text[], $2::text[], $3::json[]) AS x(k, o, p)
         ON CONFLICT (dedup_key) DO UPDATE SET dedup_key = excluded.dedup_key RETURNING id`,
        [chunk.map(([k]) => k), chunk.map(([, [o]]) => o), chunk.map(([, [, p]]) => p)],
      );
      ids.push(...r.rows.map((x) => x.id));
    }
    return ids;
  }

  /** Lease up to `n` claimable jobs for `leaseSeconds`, oldest first, skipping jobs other workers are leasing. */
  async claim(worker: string, n: number, leaseSeconds: number): Promise<Job[]> {
    const r = await this.pool.query<{ id: number; attempts: number; payload: unknown }>(
      `UPDATE queue_jobs j SET attempts = j.attempts + 1, locked_by = $1, locked_until = now() + make_interval(secs => $2)
       FROM (SELECT id FROM queue_jobs WHERE run_after <= now() AND (locked_until IS NULL OR locked_until < now())
             ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) c
       WHERE j.id = c.id RETURNING j.id, j.attempts, j.payload`,
      [worker, leaseSeconds, n],
    );
    return r.rows.sort((a, b) => a.id - b.id).map((x) => ({ id: x.id, attempts: x.attempts, item: fromPayload(x.id, x.payload) }));
  }

  /**
   * Extend the lease of those of `ids` this worker still holds (the heartbeat of a job in progress); returns
   * them. A job missing from the answer was lost: its lease ran out and another worker took it.
   */
  async renew(worker: string, ids: number[], leaseSeconds: number): Promise<number[]> {
    if (!ids.length) return [];
    const r = await this.pool.query<{ id: number }>(RENEW, [ids, worker, leaseSeconds]);
    return r.rows.map((x) => x.id);
  }

  /**
   * Finish a batch: in one transaction, lock those of `ids` this worker still holds, run `work` on them (it
   * saves their documents and returns the ids done), delete the done jobs, commit. Locked rows are skipped by
   * claim, so no other worker can take these jobs while `work` runs, even if the lease runs out meanwhile; a
   * job lost before (another worker holds it now) is left out, so its document is not saved by both.
   * Returns the ids that were still held.
   */
  async finish(worker: string, ids: number[], leaseSeconds: number, work: (held: Set<number>) => Promise<number[]>): Promise<Set<number>> {
    return inTransaction(this.pool, async (c) => {
      const r = await c.query<{ id: number }>(RENEW, [ids, worker, leaseSeconds]);
      const held = new Set(r.rows.map((x) => x.id));
      const done = (await work(held)).filter((id) => held.has(id));
      if (done.length) await c.query('DELETE FROM queue_jobs WHERE id = ANY($1::bigint[])', [done]);
      return held;
    });
  }

  /**
   * A job failed: back to the queue after `retryDelaySeconds` × attempts, or, once it has had `maxAttempts`,
   * to the dead-letter list. Returns which.
   */
  async fail(worker: string, job: Job, error: string, maxAttempts: number, retryDelaySeconds: number): Promise<'retry' | 'dead'> {
    if (job.attempts >= maxAttempts) {
      await this.pool.query(
        `WITH gone AS (DELETE FROM queue_jobs WHERE id = $1 AND locked_by = $2 RETURNING id, dedup_key, origin, payload, attempts)
         INSERT INTO queue_dead (job_id, dedup_key, origin, payload, attempts, error)
         SELECT id, dedup_key, origin, payload, attempts, $3 FROM gone`,
        [job.id, worker, error],
      );
      return 'dead';
    }
    await this.pool.query(
      `UPDATE queue_jobs SET locked_by = NULL, locked_until = NULL, last_error = $3,
         run_after = now() + make_interval(secs => $4 * attempts) WHERE id = $1 AND locked_by = $2`,
      [job.id, worker, error, retryDelaySeconds],
    );
    return 'retry';
  }

  async counts(): Promise<QueueCounts> {
    const r = await this.pool.query<QueueCounts>(
      `SELECT count(*) FILTER (WHERE locked_until IS NULL OR locked_until < now()) AS pending,
         count(*) FILTER (WHERE locked_until >= now()) AS running,
         (SELECT count(*) FROM queue_dead) AS dead
       FROM queue_jobs`,
    );
    return r.rows[0];
  }

  /** How many of these jobs are still queued or running. */
  async remaining(ids: number[]): Promise<number> {
    const r = await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM queue_jobs WHERE id = ANY($1::bigint[])', [ids]);
    return r.rows[0].n;
  }

  /** Dead letters, newest first; only those of the given jobs when `ids` is given. */
  async dead(ids?: number[]): Promise<DeadJob[]> {
    const r = await this.pool.query<{ job_id: number; origin: string; attempts: number; error: string; failed_at: Date }>(
      `SELECT job_id, origin, attempts, error, failed_at FROM queue_dead
       WHERE $1::bigint[] IS NULL OR job_id = ANY($1::bigint[]) ORDER BY id DESC`,
      [ids ?? null],
    );
    return r.rows.map((x) => ({ jobId: x.job_id, origin: x.origin, attempts: x.attempts, error: x.error, failedAt: x.failed_at.toISOString() }));
  }
}
