/**
 * `attache watch --queue` against PostgreSQL and a loopback feed: the poll queues the new and changed items
 * instead of coding them, `attache worker --drain` stores them (each once, coded as the in-process watch
 * codes them into SQLite), and polling again queues nothing; the adaptive interval, changed items (new
 * versions) and items gone from the feed behave as without the queue. `--queue` with SQLite is refused.
 * Alerts with --queue: watch-queue-alerts.test.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../src/queue/queue.js';
import { runWorker } from '../src/queue/worker.js';
import { createCodePool } from '../src/sources/code-pool.js';
import type { FeedSpec } from '../src/sources/feeds-file.js';
import { pollFeed } from '../src/sources/poll.js';
import { registerFeeds } from '../src/sources/watch.js';
import { openStore } from '../src/store/open.js';
import type { DocumentSummary, Store } from '../src/store/store.js';
import { attache } from './ingest-cli.js';
import { serve, type TestServer } from './fixtures/sources/serve.js';
import { LoopbackFeed, type Entry } from './loopback-feed.js';
import { dropSchemas, freshPgSpec, skipWithoutPg } from './pg.js';

const A: Entry = { guid: 'a', title: 'Greetings to Laos', text: 'Kim Jong Il sent a message of greetings to the President of Laos on the national day.' };
const A2: Entry = { ...A, text: `${A.text} The message wished the Lao people further success.` };
const B: Entry = { guid: 'b', title: 'Delegation arrives', text: 'A delegation of Viet Nam arrived in Pyongyang on Monday for a friendship visit.' };
const C: Entry = { guid: 'c', title: 'Condolences from Cuba', text: 'The President of Cuba sent a message of condolence to Kim Jong Un on Saturday.' };

const BIN = resolve(import.meta.dirname, '../bin/attache.js');
const dir = mkdtempSync(join(tmpdir(), 'attache-watch-queue-'));
const LIMITS = { maxBytes: 1 << 20, timeoutMs: 5000 };
let srv: TestServer;
beforeAll(async () => {
  srv = await serve(() => undefined);
});
afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas();
});

async function feedDocuments(store: Store, feedUrl: string): Promise<DocumentSummary[]> {
  const docs: DocumentSummary[] = [];
  for await (const d of store.documents({ feedUrl })) docs.push(d);
  return docs.sort((a, b) => (a.url ?? '').localeCompare(b.url ?? ''));
}

/** Each document of the feed: its URL, version and coded events. */
async function codedByUrl(store: Store, feedUrl: string) {
  return Promise.all(
    (await feedDocuments(store, feedUrl)).map(async (d) => ({ url: d.url, version: d.version, events: (await store.getDocument(d.id))!.coded.events })),
  );
}

function worker(spec: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [BIN, 'worker', '--db', spec, '--drain'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b) => (out += b));
  child.stderr.on('data', (b) => (out += b));
  return new Promise((ok) => child.on('exit', (code) => ok({ code, out })));
}

describe.skipIf(skipWithoutPg)('attache watch --queue (PostgreSQL)', () => {
  it('watch --once --queue, then a draining worker: the items stored once with their events; polling again queues nothing', { timeout: 180_000 }, async () => {
    const feed = new LoopbackFeed(srv, [A, B]);
    const feeds = join(dir, 'feeds.yaml');
    writeFileSync(feeds, `- url: ${feed.url}\n  name: Loopback Times\n  interval: 10m\n`);
    const spec = freshPgSpec('wq');

    const polled = await attache(['watch', '--once', '--queue', '--feeds', feeds, '--db', spec]);
    expect(polled.status, polled.err).toBe(0);
    expect(polled.out).toMatch(/Loopback Times <.*\/feed>: 2 items, 2 new, 0 updated, queued for the workers, 0 gone from the feed; next poll/);
    const queue = await JobQueue.open(spec);
    const store = await openStore(spec);
    try {
      expect(await queue.counts()).toEqual({ pending: 2, running: 0, dead: 0 });
      expect((await store.stats()).documents).toBe(0); // queued, not coded here

      const drained = await worker(spec);
      expect(drained.code, drained.out).toBe(0);
      expect(drained.out).toMatch(/2 new, 0 updated, 0 unchanged, 0 failed \(to retry\), 0 dead letters/);
      expect(await queue.counts()).toEqual({ pending: 0, running: 0, dead: 0 });
      const stats = await store.stats();
      expect({ documents: stats.documents, versions: stats.versions }).toEqual({ documents: 2, versions: 2 });
      const queued = await codedByUrl(store, feed.url);
      expect(queued.map((d) => d.url)).toEqual([`${srv.url}/story/a`, `${srv.url}/story/b`]);
      for (const d of queued) expect(d.events.length, d.url!).toBeGreaterThan(0);

      // the same feed watched in-process into SQLite: the same coding
      const lite = join(dir, 'same.db');
      const here = await attache(['watch', '--once', '--feeds', feeds, '--db', lite]);
      expect(here.status, here.err).toBe(0);
      const sqlite = await openStore(lite);
      try {
        expect(await codedByUrl(sqlite, feed.url)).toEqual(queued);
      } finally {
        await sqlite.close();
      }

      // polling again (a new ETag, the same items): nothing queued, nothing stored again
      feed.etag = '"v2"';
      const again = await attache(['watch', '--once', '--all', '--queue', '--feeds', feeds, '--db', spec]);
      expect(again.status, again.err).toBe(0);
      expect(again.out).toMatch(/: 2 items, 0 new, 0 updated, queued for the workers, 0 gone from the feed;/);
      expect(await queue.counts()).toEqual({ pending: 0, running: 0, dead: 0 });
      // and unchanged (304): nothing fetched
      const notModified = await attache(['watch', '--once', '--all', '--queue', '--feeds', feeds, '--db', spec]);
      expect(notModified.out).toMatch(/: not modified \(304\);/);
      expect(srv.requests.at(-1)).toMatchObject({ path: '/feed', ifNoneMatch: '"v2"' });
      expect((await store.stats()).versions).toBe(2);
    } finally {
      await store.close();
      await queue.close();
    }
  });

  it('keeps the adaptive interval, queues changed items as new versions and marks items gone from the feed', { timeout: 120_000 }, async () => {
    const feed = new LoopbackFeed(srv, [A, B]);
    const spec = freshPgSpec('wqs');
    const queue = await JobQueue.open(spec);
    const store = await openStore(spec);
    const pool = await createCodePool({ dictDirs: [], workers: 0 });
    let clock = Date.parse('2011-12-12T00:00:00Z');
    const now = () => new Date(clock);
    const drain = () => runWorker(queue, store, pool, { batch: 8, leaseSeconds: 60, maxAttempts: 2, retryDelaySeconds: 0, drain: true, idleMs: 100 });
    try {
      const spec10m: FeedSpec = { url: feed.url, name: 'Loopback Times', intervalSeconds: 600 };
      await registerFeeds([spec10m], store);
      const first = await pollFeed(spec10m, store, queue, { ...LIMITS, now });
      expect(first).toMatchObject({ ok: true, status: 200, queued: true, itemsSeen: 2, itemsNew: 2, itemsUpdated: 0, failures: [] });
      expect(Date.parse(first.nextPollAt) - clock).toBe(300_000); // new items: sooner
      expect(await drain()).toMatchObject({ new: 2, updated: 0, dead: 0 });

      clock += 300_000;
      feed.etag = '"v2"';
      const quiet = await pollFeed(spec10m, store, queue, { ...LIMITS, now });
      expect(quiet).toMatchObject({ ok: true, status: 200, itemsSeen: 2, itemsNew: 0, itemsUpdated: 0 });
      expect(Date.parse(quiet.nextPollAt) - clock).toBe(450_000); // nothing new: later
      expect((await queue.counts()).pending).toBe(0);

      clock += 450_000;
      feed.etag = '"v3"';
      feed.entries = [A2, C]; // A edited, B gone, C new
      const changed = await pollFeed(spec10m, store, queue, { ...LIMITS, now });
      expect(changed).toMatchObject({ ok: true, itemsSeen: 2, itemsNew: 1, itemsUpdated: 1, itemsMissing: 1 });
      expect(Date.parse(changed.nextPollAt) - clock).toBe(225_000);
      expect((await queue.counts()).pending).toBe(2);
      expect(await drain()).toMatchObject({ new: 1, updated: 1, dead: 0 });

      const docs = await feedDocuments(store, feed.url);
      expect(docs.map((d) => [d.url?.replace(srv.url, ''), d.version, d.missingSince !== null])).toEqual([
        ['/story/a', 2, false],
        ['/story/b', 1, true],
        ['/story/c', 1, false],
      ]);
      expect(JSON.stringify(await store.history(docs[0].id))).toContain('further success');
      const state = await store.feedState(feed.url);
      expect({ etag: state?.etag, failures: state?.consecutiveFailures }).toEqual({ etag: '"v3"', failures: 0 });
    } finally {
      await pool.close();
      await store.close();
      await queue.close();
    }
  });
});

describe('attache watch --queue refusals', () => {
  it('refuses --queue with a SQLite store, --dict with --queue and --alert-wait without it, naming the problem', { timeout: 60_000 }, async () => {
    const feeds = join(dir, 'refused.yaml');
    writeFileSync(feeds, `- url: ${srv.url}/feed\n`);
    const db = join(dir, 'refused.db');
    const sqlite = await attache(['watch', '--once', '--queue', '--feeds', feeds, '--db', db]);
    expect(sqlite.status).toBe(2);
    expect(sqlite.err).toContain(`attache watch: --queue needs a postgres://… store (the queue lives in PostgreSQL), not "${db}"`);
    const dict = await attache(['watch', '--once', '--queue', '--dict', dir, '--feeds', feeds, '--db', 'postgres://127.0.0.1:1/never-reached']);
    expect(dict.status).toBe(2);
    expect(dict.err).toContain('--dict goes to the workers with --queue');
    const wait = await attache(['watch', '--once', '--alert-wait', '5', '--feeds', feeds, '--db', db]);
    expect(wait.status).toBe(2);
    expect(wait.err).toContain('attache watch: --alert-wait goes with --queue');
  });
});
