/**
 * `npm run bench -- pg`: the KCNA corpus ingested through the PostgreSQL queue by 1 and by 2 `attache worker`
 * processes (docs/s and the speed-up), and the same corpus through the normal `attache ingest` into SQLite:
 * the event count must be the same. Needs a PostgreSQL database: ATTACHE_BENCH_PG, else ATTACHE_TEST_PG
 * (each run uses a schema of its own, dropped afterwards). BENCH_PG_WORKERS="1,2" sets the worker counts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { enqueueInputs } from '../src/queue/enqueue.js';
import { JobQueue } from '../src/queue/queue.js';
import { openStore } from '../src/store/open.js';
import type { StoreStats } from '../src/store/store.js';
import { KCNA, kcnaStories } from './corpus.js';

const DB = process.env.ATTACHE_BENCH_PG || process.env.ATTACHE_TEST_PG;
if (!DB) {
  console.error('bench pg: set ATTACHE_BENCH_PG (or ATTACHE_TEST_PG) to a postgres:// database the bench may create schemas in');
  process.exit(2);
}
kcnaStories(); // exits with the reason when ../shared is absent
const BIN = resolve(import.meta.dirname, '../bin/attache.js');
const LIMITS = { maxBytes: 10 * 1024 * 1024, timeoutMs: 20_000 };
const counts = (process.env.BENCH_PG_WORKERS ?? '1,2').split(',').map(Number);

function run(args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`attache ${args[0]} exited ${code}:\n${out.slice(-2000)}`))));
  });
}

const schemas: string[] = [];
function freshSpec(tag: string): string {
  const schema = `attache_bench_${tag}_${process.pid}`;
  schemas.push(schema);
  const u = new URL(DB!);
  u.searchParams.set('schema', schema);
  return u.toString();
}

interface Row {
  label: string;
  seconds: number;
  stats: StoreStats;
}

async function throughWorkers(n: number): Promise<Row> {
  const spec = freshSpec(`w${n}`);
  const queue = await JobQueue.open(spec);
  const t0 = performance.now();
  const enq = await enqueueInputs(queue, [KCNA], LIMITS);
  const enqueueSeconds = (performance.now() - t0) / 1000;
  await queue.close();
  console.log(`  ${n} worker(s): ${enq.jobIds.length} jobs queued in ${enqueueSeconds.toFixed(1)} s; working…`);
  const t1 = performance.now();
  await Promise.all(Array.from({ length: n }, () => run(['worker', '--db', spec, '--drain'])));
  const seconds = (performance.now() - t1) / 1000;
  const store = await openStore(spec);
  const stats = await store.stats();
  await store.close();
  return { label: `PostgreSQL, ${n} worker${n > 1 ? 's' : ''}`, seconds, stats };
}

async function throughSqlite(dir: string): Promise<Row> {
  const db = join(dir, 'kcna.db');
  const t0 = performance.now();
  await run(['ingest', KCNA, '--db', db]);
  const seconds = (performance.now() - t0) / 1000;
  const store = await openStore(db);
  const stats = await store.stats();
  await store.close();
  return { label: `SQLite, attache ingest (${availableParallelism()} coding threads)`, seconds, stats };
}

const dir = mkdtempSync(join(tmpdir(), 'attache-bench-pg-'));
const rows: Row[] = [];
try {
  console.log(`KCNA corpus ${KCNA}; ${availableParallelism()} cores; PostgreSQL ${new URL(DB).host}`);
  for (const n of counts) rows.push(await throughWorkers(n));
  rows.push(await throughSqlite(dir));
} finally {
  rmSync(dir, { recursive: true, force: true });
  const c = new pg.Client({ connectionString: DB });
  await c.connect();
  for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await c.end();
}

console.log('\n| run | documents | events | seconds | docs/s |\n|---|---:|---:|---:|---:|');
for (const r of rows)
  console.log(`| ${r.label} | ${r.stats.documents} | ${r.stats.events} | ${r.seconds.toFixed(1)} | ${(r.stats.documents / r.seconds).toFixed(0)} |`);
const one = rows.find((r) => r.label.endsWith(' 1 worker'));
const two = rows.find((r) => r.label.endsWith(' 2 workers'));
if (one && two) console.log(`\nspeed-up, 2 workers over 1: ${(one.seconds / two.seconds).toFixed(2)}×`);
const sqlite = rows[rows.length - 1];
const mismatched = rows.filter((r) => r.stats.events !== sqlite.stats.events || r.stats.documents !== sqlite.stats.documents);
console.log(
  mismatched.length
    ? `MISMATCH: ${mismatched.map((r) => `${r.label}: ${r.stats.documents} documents, ${r.stats.events} events`).join('; ')} vs SQLite ${sqlite.stats.documents} / ${sqlite.stats.events}`
    : `same documents (${sqlite.stats.documents}) and events (${sqlite.stats.events}) from SQLite and PostgreSQL`,
);
console.log(`peak RSS of this process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
process.exit(mismatched.length ? 1 : 0);
