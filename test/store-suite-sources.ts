/**
 * The store suite's sources part (store-suite.ts runs it for every store): every stored document counts for
 * one source, its feed's or else its outlet's, and saving it registers that source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createCodePool } from '../src/sources/code-pool.js';
import { ingest } from '../src/sources/ingest.js';
import { DEFAULT_LIMITS } from '../src/sources/item.js';
import { DEMO_CORPUS } from '../src/server/demo.js';
import type { SourceHealth, Store } from '../src/store/store.js';
import { makeDoc } from './store-fixtures.js';

const FIX = join(import.meta.dirname, 'fixtures/sources');

/** The demo corpus's documents per outlet, read from the file itself. */
function demoOutlets(): Map<string, number> {
  const n = new Map<string, number>();
  for (const line of readFileSync(DEMO_CORPUS, 'utf8').split('\n').filter((l) => l.trim())) {
    const { source } = JSON.parse(line) as { source: string };
    n.set(source, (n.get(source) ?? 0) + 1);
  }
  return n;
}

/** [name, kind, documents] of each source, in the store's order (by name). */
const rows = (h: SourceHealth[]) => h.map((r) => [r.source.name, r.source.kind, r.documents]);

export function sourcesSuite(withStore: (fn: (s: Store) => Promise<void>) => Promise<void>): void {
  it('lists the outlets of ingested files (JSONL, a feed file, a directory) with their documents; never silent or failing', () =>
    withStore(async (s) => {
      const pool = await createCodePool({ dictDirs: [], workers: 0 });
      try {
        const started = new Date().toISOString();
        const run = (inputs: string[], source: string | null) => ingest(inputs, s, pool, { ...DEFAULT_LIMITS, source });
        expect((await run([DEMO_CORPUS, join(FIX, 'feed.rss')], null)).failed).toBe(0);
        // telegram.txt and nested/visit.md (notes.bin is of no known type)
        expect((await run([join(FIX, 'dir')], 'Rodong Sinmun')).new).toBe(2);
        const expected = [...demoOutlets(), ['Pyongyang Times', 2] as const, ['Rodong Sinmun', 2] as const]
          .map(([name, n]) => [name, 'file', n])
          .sort(([a], [b]) => (a < b ? -1 : 1));
        const health = await s.health();
        expect(rows(health)).toEqual(expected);
        for (const h of health) {
          expect(h.source.url).toBe(`outlet:${h.source.name}`);
          expect(h).toMatchObject({ itemsPerDay: h.documents / 7, consecutiveFailures: 0, lastError: null, silentSince: null });
          // the last ingest run that read it
          expect(h.lastSuccessAt! >= started).toBe(true);
          expect(h.lastPollAt).toBe(h.lastSuccessAt);
        }
        const monthLater = new Date(Date.now() + 30 * 86_400_000).toISOString();
        for (const h of await s.health({ now: monthLater, silentAfterHours: 1 })) expect(h).toMatchObject({ silentSince: null, itemsPerDay: 0 });
        // ingested again: nothing new, the same sources, their last ingest moved on
        const again = await run([DEMO_CORPUS], null);
        expect(again.duplicate).toBe(again.done);
        const after = await s.health();
        expect(after.map((h) => [h.source.id, h.documents])).toEqual(health.map((h) => [h.source.id, h.documents]));
        const kcna = (hs: SourceHealth[]) => hs.find((h) => h.source.name === 'KCNA')!.lastSuccessAt!;
        expect(kcna(after) > kcna(health)).toBe(true);
        expect((await s.stats()).sources).toBe(expected.length);
      } finally {
        await pool.close();
      }
    }));

  it('counts each document for its feed, else its outlet; a feed read once is listed, not silent; a feed update moves it', () =>
    withStore(async (s) => {
      const feed = 'https://example.org/feed.xml';
      const once = 'https://once.example.org/rss';
      const t0 = '2024-05-01T00:00:00.000Z';
      await s.upsertSource({ name: 'Example', url: feed, kind: 'feed' });
      await s.recordPoll({ url: feed, at: t0, ok: true, itemsSeen: 1, itemsNew: 1 });
      const doc = (key: string, source: string | null, feedUrl: string | null, extra = '') => {
        const d = makeDoc({ key, extra: `Report ${key}. ${extra}` });
        return { input: { ...d.input, source, feedUrl, fetchedAt: t0 }, coded: d.coded };
      };
      const saved = await s.saveDocuments([
        doc('a', 'KCNA', feed),
        doc('b', 'KCNA', null),
        doc('c', null, null),
        doc('d', 'Yonhap', once),
      ]);
      expect(saved.map((r) => r.status)).toEqual(['new', 'new', 'new', 'new']);
      // a known text under another outlet is a duplicate: it registers nothing
      expect((await s.saveDocument({ ...doc('c', 'Other', null).input, url: null }, doc('c', null, null).coded)).status).toBe('duplicate');
      const later = { now: '2024-05-04T00:00:00.000Z', silentAfterHours: 48 };
      const health = await s.health(later);
      expect(rows(health)).toEqual([
        ['(no outlet)', 'file', 1],
        ['Example', 'feed', 1],
        ['KCNA', 'file', 1],
        ['Yonhap', 'feed', 1],
      ]);
      const [none, example, kcna, yonhap] = health;
      expect(none.source.url).toBe('outlet:');
      expect(example).toMatchObject({ lastSuccessAt: t0, lastPollAt: t0, silentSince: t0 });
      expect(kcna).toMatchObject({ source: { url: 'outlet:KCNA' }, lastSuccessAt: t0, silentSince: null });
      expect(yonhap).toMatchObject({ source: { url: once }, lastSuccessAt: t0, lastPollAt: null, silentSince: null });
      // watching the feed read once keeps its source (and its documents), named as the watcher says
      expect((await s.upsertSource({ name: 'Yonhap RSS', url: once, kind: 'feed' })).id).toBe(yonhap.source.id);
      // b changed, now from the feed: it counts for the feed
      expect((await s.saveDocument(doc('b', 'KCNA', feed, 'Revised.').input, doc('b', 'KCNA', feed, 'Revised.').coded)).status).toBe('updated');
      expect(rows(await s.health(later))).toEqual([
        ['(no outlet)', 'file', 1],
        ['Example', 'feed', 2],
        ['KCNA', 'file', 0],
        ['Yonhap RSS', 'feed', 1],
      ]);
    }));
}
