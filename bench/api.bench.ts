/**
 * API latency under load: `attache serve` over the KCNA store in its own process, and a load loop on
 * loopback keeping 20 requests in flight against the dyad and events endpoints. Prints p50/p95/p99
 * latency and throughput per endpoint group; the target is p95 < 100 ms. API_BENCH_WORKERS sets the server's
 * worker processes (default one per core), API_BENCH_REQUESTS the requests per group.
 *
 * Latency on a shared machine depends on what else runs, so it also prints the load average before and after,
 * and the CPU time each request cost the server (its processes, read from /proc on Linux) and this client:
 * those do not depend on the load, and server + client CPU per request bounds the requests a second the cores allow.
 *
 * The store is ATTACHE_API_DB or /tmp/kcna-api.db; when absent it is built first with
 * `attache ingest ../shared/corpora/kcna-2011-2012.jsonl.gz --db …` (a few minutes).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = resolve(ROOT, 'bin/attache.js');
const CORPUS = resolve(ROOT, '../shared/corpora/kcna-2011-2012.jsonl.gz');
const DB = process.env.ATTACHE_API_DB ?? '/tmp/kcna-api.db';
const CONCURRENCY = 20;
const REQUESTS = Number(process.env.API_BENCH_REQUESTS ?? 1000);
/** Server processes (`attache serve --workers`); default one per core. */
const WORKERS = Number(process.env.API_BENCH_WORKERS ?? availableParallelism());

const PAIRS = ['PRK-CHN', 'PRK-RUS', 'PRK-USA', 'PRK-KOR', 'PRK-JPN', 'PRK-CUB', 'PRK-LAO', 'PRK-VNM'];
const GROUPS: [string, (i: number) => string][] = [
  ['dyad', (i) => `api/dyads/${PAIRS[i % PAIRS.length]}?by=${['month', 'quarter', 'year'][i % 3]}`],
  ['events', (i) => `api/events?dyad=${PAIRS[i % PAIRS.length]}&limit=50&offset=${(i % 5) * 50}`],
  ['events+filters', (i) => `api/events?dyad=${PAIRS[i % PAIRS.length]}&from=2012-01-01&to=2012-12-31&quad=1&limit=50`],
];

function ensureStore(): boolean {
  if (existsSync(DB)) return true;
  if (!existsSync(CORPUS)) {
    console.log(`skipped: no store at ${DB} and no corpus at ${CORPUS} to build it from`);
    return false;
  }
  console.log(`building ${DB} from ${CORPUS} …`);
  const r = spawnSync(process.execPath, [BIN, 'ingest', CORPUS, '--db', DB], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`attache ingest exited with ${r.status}`);
  return true;
}

/** Kernel clock ticks a second (the unit of /proc/PID/stat CPU times). */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** Parent pid and user + system CPU ticks of process `pid`, from /proc/PID/stat; null when it has gone. */
function procStat(pid: string): { ppid: number; ticks: number } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // the fields after the command name (in parentheses, may hold spaces): ppid is [1], utime [11], stime [12]
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
}

/** CPU ms used so far by process `pid` and its descendants (the server's cluster workers); null without /proc. */
function treeCpuMs(pid: number): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const procs = new Map<number, { ppid: number; ticks: number }>();
  for (const p of readdirSync('/proc')) {
    const st = /^\d+$/.test(p) ? procStat(p) : null;
    if (st) procs.set(Number(p), st);
  }
  const tree = new Set([pid]);
  let size = 0;
  while (tree.size > size) {
    size = tree.size;
    for (const [p, { ppid }] of procs) if (tree.has(ppid)) tree.add(p);
  }
  let ticks = 0;
  for (const p of tree) ticks += procs.get(p)?.ticks ?? 0;
  return (ticks * 1000) / CLOCK_TICKS;
}

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function startServer(): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', DB, '--port', '0', '--workers', String(WORKERS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
      const m = /at (http:\/\/\S+\/) /.exec(out);
      if (m) ok({ url: m[1], pid: child.pid!, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => fail(new Error(`attache serve exited with ${code}`)));
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** `total` requests, `concurrency` in flight at any time; each request's latency in ms. */
async function load(url: string, path: (i: number) => string, total: number, concurrency: number): Promise<{ ms: number[]; wall: number; bytes: number }> {
  const ms: number[] = [];
  let next = 0;
  let bytes = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const s = performance.now();
      const res = await fetch(url + path(i));
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path(i)}: HTTP ${res.status} ${Buffer.from(body).toString().slice(0, 200)}`);
      ms.push(performance.now() - s);
      bytes += body.byteLength;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms, wall: performance.now() - t0, bytes };
}

/** The handlers' own cost: requests through the app in this process (no HTTP, no other client), one at a time. */
async function inProcess(): Promise<string> {
  const { openStore } = await import('../src/store/open.js');
  const { createApp } = await import('../src/server/app.js');
  const store = await openStore(DB);
  const app = createApp({ store });
  const out = ['in process, one at a time (handler cost without HTTP):'];
  try {
    for (const [name, path] of GROUPS) {
      for (let i = 0; i < 3 * PAIRS.length; i++) await (await app.request(`/${path(i)}`)).arrayBuffer();
      const n = 200;
      const t = performance.now();
      for (let i = 0; i < n; i++) await (await app.request(`/${path(i)}`)).arrayBuffer();
      out.push(`  ${name.padEnd(16)} ${((performance.now() - t) / n).toFixed(2)} ms/request`);
    }
  } finally {
    await store.close();
  }
  return out.join('\n');
}

if (ensureStore()) {
  const server = await startServer();
  try {
    const stats = await (await fetch(`${server.url}api/stats`)).json();
    console.log(`store ${DB}: ${stats.documents} documents, ${stats.events} events, ${stats.signals} signals`);
    console.log(`${REQUESTS} requests per group, ${CONCURRENCY} in flight, server: ${WORKERS} worker process(es) on loopback`);
    console.log(`load average (1, 5, 15 min) before: ${loadAverage()} on ${availableParallelism()} core(s)\n`);
    console.log('group             p50 ms   p95 ms   p99 ms    max ms    req/s   KB/resp   CPU ms/req: server client');
    let worst = 0;
    const cold: string[] = [];
    for (const [name, path] of GROUPS) {
      // First touch, one at a time: the page cache warms and analysis reports are computed (then cached).
      const first = await load(server.url, path, 3 * PAIRS.length, 1);
      const f = [...first.ms].sort((a, b) => a - b);
      cold.push(`${name.padEnd(16)} first requests, one at a time: p50 ${pct(f, 50).toFixed(1)} ms, max ${f[f.length - 1].toFixed(1)} ms`);
      const serverCpu = treeCpuMs(server.pid);
      const clientCpu = process.cpuUsage();
      const r = await load(server.url, path, REQUESTS, CONCURRENCY);
      const client = process.cpuUsage(clientCpu);
      const serverMs = serverCpu === null ? null : (treeCpuMs(server.pid)! - serverCpu) / REQUESTS;
      const s = [...r.ms].sort((a, b) => a - b);
      const p95 = pct(s, 95);
      worst = Math.max(worst, p95);
      console.log(
        `${name.padEnd(16)} ${pct(s, 50).toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(8)} ${pct(s, 99).toFixed(1).padStart(8)} ${s[s.length - 1].toFixed(1).padStart(9)} ${((REQUESTS / r.wall) * 1000).toFixed(0).padStart(8)} ${(r.bytes / REQUESTS / 1024).toFixed(1).padStart(9)} ${(serverMs?.toFixed(2) ?? 'n/a').padStart(13)} ${((client.user + client.system) / 1000 / REQUESTS).toFixed(2).padStart(6)}`,
      );
    }
    console.log(`load average after: ${loadAverage()}`);
    console.log(`\n${cold.join('\n')}`);
    console.log(`\n${await inProcess()}`);
    console.log(`\nworst p95 ${worst.toFixed(1)} ms: ${worst < 100 ? 'meets' : 'MISSES'} the 100 ms target`);
  } finally {
    server.stop();
  }
}
