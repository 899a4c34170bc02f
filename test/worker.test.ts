/**
 * `attache worker` against PostgreSQL: a worker killed with SIGKILL in the middle of its jobs loses nothing
 * (its leased jobs return to the queue and a second worker does them, each document stored once, the same
 * events as SQLite ingest gives); a document that keeps failing ends on the dead-letter list.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enqueueInputs } from '../src/queue/enqueue.js';
import { JobQueue } from '../src/queue/queue.js';
import { createCodePool } from '../src/sources/code-pool.js';
import { ingest } from '../src/sources/ingest.js';
import { openStore } from '../src/store/open.js';
import { dropSchemas, freshPgSpec, skipWithoutPg } from './pg.js';
import { kcnaStories, skipWithoutKcna, KCNA_SKIP_REASON } from './store-corpus.js';

const BIN = resolve(import.meta.dirname, '../bin/attache.js');
const dir = mkdtempSync(join(tmpdir(), 'attache-worker-'));
const LIMITS = { maxBytes: 10 * 1024 * 1024, timeoutMs: 5000 };
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas();
});
if (skipWithoutKcna) console.warn(`skipped: ${KCNA_SKIP_REASON}`);

function worker(spec: string, ...args: string[]) {
  const child = spawn(process.execPath, [BIN, 'worker', '--db', spec, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b) => (out += b));
  child.stderr.on('data', (b) => (out += b));
  const exited = new Promise<{ code: number | null; signal: string | null; out: string }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal, out })),
  );
  return { child, exited };
}

async function until(what: string, ok: () => Promise<boolean>, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(skipWithoutPg || skipWithoutKcna)('attache worker (PostgreSQL queue)', () => {
  it('a worker killed mid-job loses nothing: its jobs return to the queue and are done once', { timeout: 300_000 }, async () => {
    const N = 240;
    const file = join(dir, 'kcna.jsonl');
    writeFileSync(file, kcnaStories(N).map((s) => JSON.stringify(s)).join('\n') + '\n');
    const spec = freshPgSpec('w');
    const queue = await JobQueue.open(spec);
    const store = await openStore(spec);
    try {
      const enq = await enqueueInputs(queue, [file], LIMITS);
      expect(enq.failures).toEqual([]);
      expect(enq.jobIds.length).toBe(N);
      // the same items again: the same jobs, none added
      expect((await enqueueInputs(queue, [file], LIMITS)).jobIds.sort()).toEqual([...enq.jobIds].sort());

      const first = worker(spec, '--batch', '8', '--lease', '3');
      // killed while it holds a batch (not in the moment between two batches)
      await until('the first worker to store documents', async () => (await store.stats()).documents >= 40 && (await queue.counts()).running > 0);
      first.child.kill('SIGKILL');
      const killed = await first.exited;
      expect(killed.signal).toBe('SIGKILL');
      expect((await queue.counts()).running).toBeGreaterThan(0); // it died holding leased jobs (their 3 s leases still run)
      const left = await queue.counts();
      expect(left.pending + left.running).toBeGreaterThan(0);

      const second = await worker(spec, '--drain', '--lease', '3', '--batch', '16').exited;
      expect(second.code, second.out).toBe(0);
      // a job the first worker held came back only when its lease ran out; the drain may have finished first
      await until('the leases of the killed worker to run out and its jobs to be done', async () => {
        if ((await queue.remaining(enq.jobIds)) === 0) return true;
        const again = await worker(spec, '--drain', '--lease', '3').exited;
        expect(again.code, again.out).toBe(0);
        return false;
      });
      expect(await queue.dead(enq.jobIds)).toEqual([]);
      const pg = await store.stats();
      expect(pg.documents).toBe(N);
      expect(pg.versions).toBe(N); // nothing stored twice

      // the same documents ingested into SQLite in-process give the same coding
      const sqlite = await openStore(join(dir, 'same.db'));
      const pool = await createCodePool({ dictDirs: [], workers: 0 });
      try {
        const s = await ingest([file], sqlite, pool, LIMITS);
        expect(s.new).toBe(N);
        const lite = await sqlite.stats();
        expect({ events: pg.events, signals: pg.signals, markers: pg.markers }).toEqual({
          events: lite.events,
          signals: lite.signals,
          markers: lite.markers,
        });
        expect(lite.events).toBeGreaterThan(0);
      } finally {
        await pool.close();
        await sqlite.close();
      }
    } finally {
      await store.close();
      await queue.close();
    }
  });

  it('retries a failing document, then puts it on the dead-letter list; the other documents are stored', { timeout: 120_000 }, async () => {
    const spec = freshPgSpec('d');
    const queue = await JobQueue.open(spec);
    const store = await openStore(spec);
    try {
      const [good] = kcnaStories(1);
      const item = { origin: 'test:1', externalId: good.id, source: 'KCNA', text: good.text, raw: good.text, rawType: 'text/plain', language: 'en' };
      const ids = await queue.enqueue([item, { ...item, origin: 'test:2', externalId: 'nul', text: 'The DPRK \0 thanked China.' }]);
      const run = await worker(spec, '--drain', '--max-attempts', '2', '--retry-delay', '0').exited;
      expect(run.code, run.out).toBe(1); // a dead letter is a failure of the run
      expect(run.out).toMatch(/1 new, .* 1 failed \(to retry\), 1 dead letters/);
      const dead = await queue.dead(ids);
      expect(dead).toMatchObject([{ origin: 'test:2', attempts: 2 }]);
      expect(dead[0].error).toMatch(/NUL/);
      expect(await queue.remaining(ids)).toBe(0);
      expect((await store.stats()).documents).toBe(1);
      const status = await worker(spec, '--status').exited;
      expect(status.out).toMatch(/0 pending, 0 running, 1 dead letters\ndead: job \d+ test:2 \(2 attempts/);
    } finally {
      await store.close();
      await queue.close();
    }
  });

  it('attache ingest --queue --wait queues the items, returns when the workers are done and fires the alerts', { timeout: 180_000 }, async () => {
    const N = 20;
    const file = join(dir, 'few.jsonl');
    writeFileSync(file, kcnaStories(N).map((s) => JSON.stringify(s)).join('\n') + '\n');
    const spec = freshPgSpec('i');
    const env = { ...process.env, ATTACHE_ALERTS: join(dir, 'queue-alerts.json') };
    const fired = join(dir, 'queue-fired.jsonl');
    const add = spawn(process.execPath, [BIN, 'alert', 'add', 'friends', '--marker', 'friendship_tradition', '--to', fired, '--db', spec], { env });
    expect(await new Promise((ok) => add.on('exit', ok))).toBe(0);
    const w = worker(spec, '--batch', '4');
    const ingest = spawn(process.execPath, [BIN, 'ingest', file, '--db', spec, '--queue', '--wait'], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    ingest.stdout.on('data', (b) => (out += b));
    ingest.stderr.on('data', (b) => (err += b));
    const code = await new Promise((ok) => ingest.on('exit', ok));
    expect(code, out).toBe(0);
    expect(out).toMatch(new RegExp(`queued ${N} items as ${N} jobs on postgres://`));
    expect(out).toContain(`workers finished ${N} jobs; 0 dead letters`);
    expect(err).toMatch(/alert friends: \d+ new matches delivered/);
    expect(readFileSync(fired, 'utf8').trim().split('\n').length).toBeGreaterThan(0);
    const store = await openStore(spec);
    try {
      expect((await store.stats()).documents).toBe(N);
    } finally {
      await store.close();
    }
    w.child.kill('SIGTERM'); // stops after the batch in hand
    const stopped = await w.exited;
    expect(stopped.code, stopped.out).toBe(0);
    expect(stopped.out).toContain(`${N} new`);
    const refused = spawn(process.execPath, [BIN, 'ingest', file, '--db', join(dir, 'x.db'), '--queue'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let refusal = '';
    refused.stderr.on('data', (b) => (refusal += b));
    expect(await new Promise((ok) => refused.on('exit', ok))).toBe(2);
    expect(refusal).toMatch(/--queue needs a postgres:\/\/… store/);
    const sqliteWorker = await worker(join(dir, 'x.db'), '--drain').exited;
    expect(sqliteWorker.code).toBe(2);
    expect(sqliteWorker.out).toMatch(/workers need a postgres:\/\/… store/);
  });
});
