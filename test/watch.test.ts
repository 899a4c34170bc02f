/**
 * Polling feeds against a loopback server whose feeds change between polls: conditional GET (304),
 * new items, changed items (new versions), items gone from the feed (marked, never deleted), backoff
 * after failures (500, HTML instead of a feed, timeout), silent-feed warnings; then the CLI:
 * `attache watch --once` and `attache sources`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodePool, type CodePool } from '../src/sources/code-pool.js';
import type { FeedSpec } from '../src/sources/feeds-file.js';
import { pollFeed } from '../src/sources/poll.js';
import { registerFeeds, runCycle, watchLoop } from '../src/sources/watch.js';
import { openStore } from '../src/store/open.js';
import type { DocumentSummary, Store } from '../src/store/store.js';
import { attache } from './ingest-cli.js';
import { serve, type TestServer } from './fixtures/sources/serve.js';

interface Entry {
  guid: string;
  title: string;
  text: string;
}

const rss = (entries: Entry[], base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Loopback Times</title><link>${base}/</link><description>test</description>
${entries
  .map((e) => `<item><title>${e.title}</title><link>${base}/story/${e.guid}</link><guid>${base}/story/${e.guid}</guid>
<pubDate>Mon, 12 Dec 2011 09:00:00 +0900</pubDate><description>${e.text}</description></item>`)
  .join('\n')}
</channel></rss>`;

const A: Entry = { guid: 'a', title: 'Greetings to Laos', text: 'Kim Jong Il sent a message of greetings to the President of Laos on the national day.' };
const A2: Entry = { ...A, text: `${A.text} The message wished the Lao people further success.` };
const B: Entry = { guid: 'b', title: 'Delegation arrives', text: 'A delegation of Viet Nam arrived in Pyongyang on Monday for a friendship visit.' };
const C: Entry = { guid: 'c', title: 'Condolences from Cuba', text: 'The President of Cuba sent a message of condolence to Pyongyang on Saturday.' };

/** What the server answers: a feed version with an ETag, or a failure mode. */
let feedBody: { etag: string; entries: Entry[] } = { etag: '"v1"', entries: [A, B] };
let flaky: 'fail' | 'ok' = 'fail';

function handler(srv: () => TestServer) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const base = srv().url;
    if (req.url === '/feed') {
      if (req.headers['if-none-match'] === feedBody.etag) return res.writeHead(304, { etag: feedBody.etag }).end();
      return res.writeHead(200, { 'content-type': 'application/rss+xml', etag: feedBody.etag }).end(rss(feedBody.entries, base));
    }
    if (req.url === '/flaky') {
      if (flaky === 'fail') return res.writeHead(500).end('overloaded');
      return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([C], base));
    }
    if (req.url === '/dated') {
      const stamp = 'Mon, 12 Dec 2011 00:00:00 GMT';
      if (req.headers['if-modified-since'] === stamp) return res.writeHead(304).end();
      return res.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': stamp }).end(rss([B], base));
    }
    if (req.url === '/html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body><p>Moved to our new site</p></body></html>');
    if (req.url === '/hang') return; // never answers
    res.writeHead(404).end();
  };
}

describe('watch: polling a changing feed', () => {
  let srv: TestServer;
  let store: Store;
  let pool: CodePool;
  const dir = mkdtempSync(join(tmpdir(), 'attache-watch-'));
  const limits = { maxBytes: 1 << 20, timeoutMs: 800 };
  let feed: FeedSpec;
  let clock = Date.parse('2011-12-12T00:00:00Z');
  const now = () => new Date(clock);

  beforeAll(async () => {
    srv = await serve(() => undefined);
    srv.handler = handler(() => srv);
    store = await openStore(join(dir, 'watch.db'));
    pool = await createCodePool({ dictDirs: [], workers: 0 });
    feed = { url: `${srv.url}/feed`, name: 'Loopback Times', intervalSeconds: 600 };
    await registerFeeds([feed], store);
  });
  afterAll(async () => {
    await pool.close();
    await store.close();
    await srv.close();
  });

  it('takes new items, honours ETag with 304, stores changed items as versions and marks vanished ones', async () => {
    const first = await pollFeed(feed, store, pool, { ...limits, now });
    expect(first).toMatchObject({ ok: true, status: 200, itemsSeen: 2, itemsNew: 2, itemsMissing: 0, error: null });
    expect((await store.feedState(feed.url))?.etag).toBe('"v1"');
    // New items flowed: the next poll comes sooner than the configured 600 s.
    expect(Date.parse(first.nextPollAt) - clock).toBe(300_000);

    clock += 300_000;
    const second = await pollFeed(feed, store, pool, { ...limits, now });
    expect(second).toMatchObject({ ok: true, status: 304, notModified: true, itemsNew: 0 });
    expect(srv.requests.at(-1)).toMatchObject({ path: '/feed', ifNoneMatch: '"v1"' });

    feedBody = { etag: '"v2"', entries: [A2, C] }; // A edited, B gone, C new
    clock += 300_000;
    const third = await pollFeed(feed, store, pool, { ...limits, now });
    expect(third).toMatchObject({ ok: true, status: 200, itemsSeen: 2, itemsNew: 1, itemsUpdated: 1, itemsMissing: 1 });

    const docs: DocumentSummary[] = [];
    for await (const d of store.documents({ feedUrl: feed.url })) docs.push(d);
    const byGuid = (g: string) => docs.find((d) => d.url?.endsWith(`/story/${g}`));
    expect(docs).toHaveLength(3); // B is kept, only marked
    expect(byGuid('b')?.missingSince).not.toBeNull();
    expect(byGuid('a')).toMatchObject({ version: 2, missingSince: null });
    expect(byGuid('c')?.missingSince).toBeNull();
    const history = await store.history(byGuid('a')!.id);
    expect(JSON.stringify(history)).toContain('further success');
  });

  it('honours Last-Modified with If-Modified-Since when the server gives no ETag', async () => {
    const dated: FeedSpec = { url: `${srv.url}/dated`, name: 'Dated', intervalSeconds: 600 };
    await registerFeeds([dated], store);
    expect(await pollFeed(dated, store, pool, { ...limits, now })).toMatchObject({ ok: true, status: 200, itemsSeen: 1 });
    expect(await pollFeed(dated, store, pool, { ...limits, now })).toMatchObject({ ok: true, status: 304, notModified: true });
    expect(srv.requests.at(-1)).toMatchObject({ path: '/dated', ifModifiedSince: 'Mon, 12 Dec 2011 00:00:00 GMT', ifNoneMatch: null });
  });

  it('backs off exponentially after 500s and recovers', async () => {
    const flakyFeed: FeedSpec = { url: `${srv.url}/flaky`, name: 'Flaky', intervalSeconds: 60 };
    await registerFeeds([flakyFeed], store);
    const gaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const o = await pollFeed(flakyFeed, store, pool, { ...limits, now });
      expect(o).toMatchObject({ ok: false, status: 500, error: 'HTTP 500 Internal Server Error' });
      gaps.push((Date.parse(o.nextPollAt) - clock) / 1000);
      clock = Date.parse(o.nextPollAt);
    }
    expect(gaps).toEqual([120, 240, 480]);
    expect((await store.feedState(flakyFeed.url))?.consecutiveFailures).toBe(3);
    flaky = 'ok';
    const ok = await pollFeed(flakyFeed, store, pool, { ...limits, now });
    expect(ok).toMatchObject({ ok: true, itemsSeen: 1 });
    expect((await store.feedState(flakyFeed.url))?.consecutiveFailures).toBe(0);
  });

  it('fails a feed URL answering HTML or nothing, with the reason recorded', async () => {
    const html: FeedSpec = { url: `${srv.url}/html`, name: 'Moved', intervalSeconds: 60 };
    const hang: FeedSpec = { url: `${srv.url}/hang`, name: 'Hang', intervalSeconds: 60 };
    await registerFeeds([html, hang], store);
    expect((await pollFeed(html, store, pool, { ...limits, now })).error).toBe('not a feed: the answer is an HTML page');
    expect((await pollFeed(hang, store, pool, { ...limits, now })).error).toBe('timeout after 800 ms');
    expect((await store.feedState(hang.url))?.lastError).toBe('timeout after 800 ms');
  });

  it('polls only due feeds in a cycle and reports feeds gone silent', async () => {
    const due = await runCycle([feed], store, pool, { ...limits, now });
    expect(due.outcomes).toHaveLength(1); // its next poll time has passed
    const notYet = await runCycle([feed], store, pool, { ...limits, now });
    expect(notYet.outcomes).toHaveLength(0);
    expect(notYet.silent).toEqual([]);
    clock += 3 * 86_400_000; // three quiet days later
    const later = await runCycle([feed], store, pool, { ...limits, now, silentAfterHours: 48 });
    expect(later.outcomes).toHaveLength(1);
    expect(later.silent.map((s) => s.source.name)).toEqual(['Loopback Times']);
  });
});

describe('attache watch --once and attache sources', () => {
  let srv: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'attache-watch-cli-'));
  const db = join(dir, 'cli.db');
  beforeAll(async () => {
    srv = await serve(() => undefined);
    srv.handler = handler(() => srv);
    feedBody = { etag: '"v1"', entries: [A, B] };
    flaky = 'fail';
  });
  afterAll(() => srv.close());

  it('polls every feed once, records health, and shows it as table, JSON and CSV', async () => {
    const feeds = join(dir, 'feeds.yaml');
    writeFileSync(feeds, `- url: ${srv.url}/feed\n  name: Loopback Times\n  interval: 10m\n- url: ${srv.url}/flaky\n  name: Flaky\n  interval: 60\n`);
    const r = await attache(['watch', '--once', '--feeds', feeds, '--db', db, '--timeout', '2000']);
    expect(r.status).toBe(1); // one feed failed
    expect(r.out).toContain(`Loopback Times <${srv.url}/feed>: 2 items, 2 new, 0 updated, 0 gone from the feed`);
    expect(r.out).toContain(`Flaky <${srv.url}/flaky>: FAILED HTTP 500 Internal Server Error`);

    const again = await attache(['watch', '--once', '--feeds', feeds, '--db', db]);
    expect(again.out).toContain('no feed due; nothing polled');

    const json = await attache(['sources', '--db', db, '--format', 'json']);
    expect(json.status).toBe(0);
    const rows = JSON.parse(json.out) as { name: string; consecutive_failures: number; documents: number; last_error: string | null; last_success: string | null }[];
    expect(rows.map((x) => [x.name, x.documents, x.consecutive_failures, x.last_error])).toEqual([
      ['Flaky', 0, 1, 'HTTP 500 Internal Server Error'],
      ['Loopback Times', 2, 0, null],
    ]);
    expect(rows[0].last_success).toBeNull();
    const csv = await attache(['sources', '--db', db, '--format', 'csv']);
    expect(csv.out.split('\n')[0]).toBe('name,url,kind,interval_s,last_success,last_poll,items_per_day,consecutive_failures,last_error,silent_since,documents');
    const table = await attache(['sources', '--db', db]);
    expect(table.out).toMatch(/^SOURCE\s+LAST SUCCESS\s+ITEMS\/DAY\s+FAILURES\s+DOCS\s+STATUS$/m);
    expect(table.out).toMatch(/Flaky .*failing: HTTP 500/);
  });

  it('refuses a bad feeds file with the file and entry named', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, '- url: not-a-url\n');
    const r = await attache(['watch', '--once', '--feeds', bad, '--db', db]);
    expect(r.status).toBe(2);
    expect(r.err).toContain(`${bad}: entry 1 url: url must be an http(s) URL`);
  });
});

describe('watch: the polling loop', () => {
  let srv: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'attache-watch-loop-'));
  beforeAll(async () => {
    srv = await serve(() => undefined);
    srv.handler = handler(() => srv);
    feedBody = { etag: '"v1"', entries: [A, B] };
  });
  afterAll(() => srv.close());

  it('polls again when the feed is due and stops when aborted', async () => {
    const store = await openStore(join(dir, 'loop.db'));
    const pool = await createCodePool({ dictDirs: [], workers: 0 });
    const feed: FeedSpec = { url: `${srv.url}/feed`, name: 'Loopback Times', intervalSeconds: 2 };
    await registerFeeds([feed], store);
    const lines: string[] = [];
    const stop = new AbortController();
    const log = (l: string) => {
      lines.push(l);
      if (lines.length === 2) stop.abort();
    };
    try {
      await watchLoop([feed], store, pool, { maxBytes: 1 << 20, timeoutMs: 2000, signal: stop.signal, log, maxSleepMs: 1500 });
    } finally {
      await pool.close();
      await store.close();
    }
    expect(lines[0]).toMatch(/Loopback Times .*: 2 items, 2 new/);
    expect(lines[1]).toMatch(/Loopback Times .*: not modified \(304\)/);
  });

  it('runs until SIGINT from the command line, then closes cleanly', async () => {
    const feeds = join(dir, 'feeds.json');
    writeFileSync(feeds, JSON.stringify([{ url: `${srv.url}/feed`, name: 'Loopback Times', interval: 60 }]));
    const child = spawn('node', ['bin/attache.js', 'watch', '--feeds', feeds, '--db', join(dir, 'cli-loop.db')]);
    let err = '';
    const polled = new Promise<void>((ok) =>
      child.stderr.on('data', (d) => {
        err += d;
        if (/2 items, 2 new/.test(err)) ok();
      }),
    );
    await polled;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((ok) => child.once('exit', ok));
    expect(code).toBe(0);
    expect(err).toMatch(/watching 1 feeds; Ctrl-C stops/);
  });
});
