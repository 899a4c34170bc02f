/**
 * Alerts with `attache watch --queue` (PostgreSQL): the workers store a cycle's items, so the watch waits for
 * them (at most --alert-wait, never past the next poll) before it evaluates the alerts. An alert fires in the
 * cycle that queued its document, not one cycle later, and once; with no worker the wait gives up, says so,
 * and the match fires at a later evaluation.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import { attache } from './ingest-cli.js';
import { serve, type TestServer } from './fixtures/sources/serve.js';
import { LoopbackFeed, type Entry } from './loopback-feed.js';
import { dropSchemas, freshPgSpec, skipWithoutPg } from './pg.js';

const B: Entry = { guid: 'b', title: 'Delegation arrives', text: 'A delegation of Viet Nam arrived in Pyongyang on Monday for a friendship visit.' };
const P: Entry = { guid: 'p', title: 'Talks with Russia', text: 'Kim Jong Un held talks with Vladimir Putin in Pyongyang on Wednesday.' };
const P2: Entry = { guid: 'p2', title: 'Talks in Vladivostok', text: 'Kim Jong Un held talks with Vladimir Putin in Vladivostok on Thursday.' };

const BIN = resolve(import.meta.dirname, '../bin/attache.js');
const dir = mkdtempSync(join(tmpdir(), 'attache-watch-alerts-'));
let srv: TestServer;
const running: ChildProcess[] = [];
beforeAll(async () => {
  srv = await serve(() => undefined);
});
afterAll(async () => {
  for (const c of running) c.kill('SIGKILL');
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas();
});

/** A long-running CLI process (worker, watch) whose stdout and stderr are collected. */
function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  running.push(child);
  const p = { child, out: '' };
  child.stdout!.on('data', (b) => (p.out += b));
  child.stderr!.on('data', (b) => (p.out += b));
  return p;
}

async function stop(p: { child: ChildProcess }): Promise<number | null> {
  const exited = new Promise<number | null>((ok) => p.child.on('exit', (code) => ok(code)));
  p.child.kill('SIGTERM');
  return exited;
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A PostgreSQL store with a PRK-RUS dyad alert delivering to a JSONL file (the alerts file via ATTACHE_ALERTS). */
async function withAlert(tag: string) {
  const spec = freshPgSpec(tag);
  const fired = join(dir, `${tag}.fired.jsonl`);
  const env = { ATTACHE_ALERTS: join(dir, `${tag}.alerts.json`) };
  const add = await attache(['alert', 'add', 'prk-rus', '--dyad', 'PRK-RUS', '--to', fired, '--db', spec], env);
  expect(add.status, add.err).toBe(0);
  const firedUrls = () => (existsSync(fired) ? readFileSync(fired, 'utf8').trim().split('\n').map((l) => JSON.parse(l).doc.url as string) : []);
  return { spec, env, firedUrls };
}

describe.skipIf(skipWithoutPg)('alerts with attache watch --queue (PostgreSQL)', () => {
  it('watch --once --queue fires for the documents its workers stored in this run, once; with no worker it waits a bounded time', { timeout: 180_000 }, async () => {
    const feed = new LoopbackFeed(srv, [P]);
    const feeds = join(dir, 'once.yaml');
    writeFileSync(feeds, `- url: ${feed.url}\n  name: Loopback Times\n  interval: 10m\n`);
    const { spec, env, firedUrls } = await withAlert('once');
    const watch = (...args: string[]) => attache(['watch', '--once', '--all', '--queue', '--feeds', feeds, '--db', spec, ...args], env);

    // no worker: the wait gives up after --alert-wait, says so, and nothing fires yet
    const alone = await watch('--alert-wait', '1');
    expect(alone.status, alone.err).toBe(0);
    expect(alone.err).toContain('1 of the 1 items queued this cycle are not stored yet; alerts on them fire at a later evaluation');
    expect(firedUrls()).toEqual([]);

    const worker = start(['worker', '--db', spec], env);
    const store = await openStore(spec);
    try {
      await until('the worker to store the item left over', async () => (await store.stats()).documents === 1);
      expect(firedUrls()).toEqual([]); // stored, but no alert evaluated since
      feed.etag = '"v2"';
      feed.entries = [P, P2];
      const run = await watch();
      expect(run.status, run.err).toBe(0);
      expect(run.out).toMatch(/: 2 items, 1 new, 0 updated, queued for the workers/);
      expect(run.err).toMatch(/alert prk-rus: \d+ new matches delivered/);
      // both fired in this run: the document queued now, and the one left over from the run without a worker
      expect(new Set(firedUrls())).toEqual(new Set([`${srv.url}/story/p`, `${srv.url}/story/p2`]));
      const count = firedUrls().length;

      feed.etag = '"v3"'; // the same items again: nothing queued, nothing fires twice
      const again = await watch();
      expect(again.status, again.err).toBe(0);
      expect(again.out).toMatch(/: 2 items, 0 new, 0 updated/);
      expect(again.err).not.toMatch(/alert prk-rus/);
      expect(firedUrls()).toHaveLength(count);
    } finally {
      await store.close();
      await stop(worker);
    }
  });

  it('watch --queue (the loop) fires an alert after the cycle that queued its document, not a cycle later', { timeout: 180_000 }, async () => {
    const feed = new LoopbackFeed(srv, [B]);
    const feeds = join(dir, 'loop.yaml');
    writeFileSync(feeds, `- url: ${feed.url}\n  name: Loopback Times\n  interval: 24s\n`); // next polls 12 s, then 6 s on
    const { spec, env, firedUrls } = await withAlert('loop');
    const store = await openStore(spec);
    const worker = start(['worker', '--db', spec], env);
    const watch = start(['watch', '--queue', '--feeds', feeds, '--db', spec], env);
    try {
      await until('the first cycle to be stored', async () => (await store.stats()).documents === 1);
      feed.etag = '"v2"';
      feed.entries = [B, P];
      await until('the alert to fire', () => /alert prk-rus:/.test(watch.out));
      const lines = watch.out.split('\n');
      const queued = lines.findIndex((l) => /Loopback Times <.*>: 2 items, 1 new/.test(l));
      const fired = lines.findIndex((l) => /alert prk-rus: \d+ new matches delivered/.test(l));
      expect(queued, watch.out).toBeGreaterThan(-1);
      expect(fired, watch.out).toBeGreaterThan(queued);
      expect(lines.slice(queued + 1, fired).filter((l) => / <.*\/feed>: /.test(l)), watch.out).toEqual([]); // no poll in between
      expect(firedUrls()).toContain(`${srv.url}/story/p`);
    } finally {
      await store.close();
      await stop(watch);
      await stop(worker);
    }
  });
});
