/**
 * `attache sources` after `attache ingest` of real files: every outlet ingested is listed with its documents
 * (a file source, never silent or failing); a feed read once by ingest is listed as a feed nobody watches
 * until `attache watch` polls it, which keeps its documents.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CORPUS } from '../src/server/demo.js';
import { attache } from './ingest-cli.js';
import { serve, type TestServer } from './fixtures/sources/serve.js';

const FIX = join(import.meta.dirname, 'fixtures/sources');

interface Row {
  name: string;
  url: string;
  kind: string;
  last_success: string | null;
  last_poll: string | null;
  consecutive_failures: number;
  silent_since: string | null;
  documents: number;
}

async function sources(db: string, ...args: string[]): Promise<Row[]> {
  const r = await attache(['sources', '--db', db, '--format', 'json', ...args]);
  expect(r.status).toBe(0);
  return JSON.parse(r.out) as Row[];
}

describe('attache sources after attache ingest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-sources-cli-'));
  const db = join(dir, 'store.db');
  let srv: TestServer;
  beforeAll(async () => {
    srv = await serve((req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(readFileSync(join(FIX, 'feed.rss'))));
  });
  afterAll(() => srv.close());

  it('lists the outlets of the demo corpus with their documents', async () => {
    const r = await attache(['ingest', DEMO_CORPUS, '--db', db, '--workers', '0']);
    expect(r.status).toBe(0);
    const perOutlet = new Map<string, number>();
    for (const line of readFileSync(DEMO_CORPUS, 'utf8').split('\n').filter((l) => l.trim())) {
      const { source } = JSON.parse(line) as { source: string };
      perOutlet.set(source, (perOutlet.get(source) ?? 0) + 1);
    }
    const rows = await sources(db, '--silent-after', '1');
    expect(rows.map((x) => [x.name, x.documents])).toEqual([...perOutlet].sort(([a], [b]) => (a < b ? -1 : 1)));
    for (const x of rows) {
      expect(x).toMatchObject({ url: `outlet:${x.name}`, kind: 'file', consecutive_failures: 0, silent_since: null });
      expect(x.last_success).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    const table = await attache(['sources', '--db', db]);
    expect(table.out).toMatch(/^SOURCE\s+LAST SUCCESS\s+ITEMS\/DAY\s+FAILURES\s+DOCS\s+STATUS$/m);
    expect(table.out).toMatch(new RegExp(`^KCNA \\(ingested\\)\\s+\\S+ \\S+\\s+[\\d.]+\\s+0\\s+${perOutlet.get('KCNA')}\\s+ok$`, 'm'));
  });

  it('lists a feed read once by ingest as not watched, and keeps its documents when watch polls it', async () => {
    const feed = `${srv.url}/rss`;
    expect((await attache(['ingest', feed, '--db', db, '--workers', '0'])).status).toBe(0);
    const once = (await sources(db)).find((x) => x.url === feed);
    expect(once).toMatchObject({ name: 'Pyongyang Times', kind: 'feed', documents: 2, last_poll: null, silent_since: null });
    expect((await attache(['sources', '--db', db])).out).toMatch(new RegExp(`^Pyongyang Times <${feed}>.*not watched$`, 'm'));

    const feeds = join(dir, 'feeds.yaml');
    writeFileSync(feeds, `- url: ${feed}\n  name: Pyongyang Times\n  interval: 10m\n`);
    const watched = await attache(['watch', '--once', '--feeds', feeds, '--db', db]);
    expect(watched.out).toContain('2 items, 0 new, 0 updated');
    const rows = await sources(db);
    expect(rows.filter((x) => x.kind === 'feed')).toMatchObject([{ name: 'Pyongyang Times', url: feed, documents: 2, consecutive_failures: 0 }]);
    expect(rows.find((x) => x.kind === 'feed')!.last_poll).not.toBeNull();
    expect(rows.filter((x) => x.kind === 'file').reduce((n, x) => n + x.documents, 0)).toBe(150);
  });
});
