/**
 * The migration that gives every document a source (SQLite 2, PostgreSQL 3) on a store written before it,
 * when ingest registered no source for files: each outlet of documents from no feed becomes a file source,
 * each feed URL nobody registered a feed, a path an older ingest gave a feed file's items a file source,
 * and a feed `attache watch` registered stays as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool, migratePg, parsePgSpec } from '../src/store/postgres-db.js';
import { PG_MIGRATIONS } from '../src/store/postgres-schema.js';
import { PostgresStore } from '../src/store/postgres.js';
import { Db, migrate } from '../src/store/sqlite-db.js';
import { MIGRATIONS } from '../src/store/sqlite-schema.js';
import { SqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import { dropSchemas, freshPgSpec, skipWithoutPg } from './pg.js';
import { makeDoc } from './store-fixtures.js';

const FEED = 'https://example.org/feed.xml';
const t = (day: number) => `2024-05-0${day}T00:00:00.000Z`;

/** Documents as the previous version stored them, then its sources: only the feed `attache watch` registered. */
async function writeOldStore(s: Store, sql: (q: string) => Promise<unknown>): Promise<void> {
  const doc = (key: string, source: string | null, feedUrl: string | null, day: number) => {
    const d = makeDoc({ key, extra: `Report ${key}.` });
    return { input: { ...d.input, source, feedUrl, fetchedAt: t(day) }, coded: d.coded };
  };
  await s.saveDocuments([
    doc('k1', 'KCNA', null, 2),
    doc('k2', 'KCNA', null, 1),
    doc('n', null, null, 3),
    doc('y', 'Yonhap', 'https://once.example.org/rss', 4),
    doc('p', 'Pyongyang Times', 'in/feed.rss', 5),
    doc('e', 'KCNA', FEED, 6),
  ]);
  await sql('DELETE FROM sources');
  await sql(`INSERT INTO sources (name, url, kind, created_at) VALUES ('Example', '${FEED}', 'feed', '${t(1)}')`);
}

async function expectBackfilled(s: Store, applied: number[]): Promise<void> {
  expect((await s.migrate()).applied).toEqual(applied);
  const health = await s.health({ now: t(8) });
  expect(health.map((h) => [h.source.name, h.source.url, h.source.kind, h.documents, h.source.createdAt])).toEqual([
    ['(no outlet)', 'outlet:', 'file', 1, t(3)],
    ['Example', FEED, 'feed', 1, t(1)],
    ['KCNA', 'outlet:KCNA', 'file', 2, t(1)],
    ['Pyongyang Times', 'in/feed.rss', 'file', 1, t(5)],
    ['Yonhap', 'https://once.example.org/rss', 'feed', 1, t(4)],
  ]);
  expect(health.every((h) => h.silentSince === null && h.consecutiveFailures === 0)).toBe(true);
}

describe('the migration giving every document a source', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attache-origins-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('SQLite (version 2)', async () => {
    const path = join(dir, 'old.db');
    const db = new Db(path);
    migrate(db, MIGRATIONS.slice(0, 1));
    const s = new SqliteStore(path);
    try {
      await writeOldStore(s, async (q) => db.run(q));
      db.close();
      await expectBackfilled(s, [2]);
    } finally {
      await s.close();
    }
  });

  describe.skipIf(skipWithoutPg)('PostgreSQL', () => {
    afterAll(() => dropSchemas());

    it('PostgreSQL (version 3)', async () => {
      const spec = freshPgSpec();
      const pool = createPool(parsePgSpec(spec));
      const s = new PostgresStore(spec);
      try {
        await migratePg(pool, parsePgSpec(spec), 'schema_migrations', PG_MIGRATIONS.slice(0, 2));
        await writeOldStore(s, (q) => pool.query(q));
        await expectBackfilled(s, [3]);
      } finally {
        await s.close();
        await pool.end();
      }
    });
  });
});
