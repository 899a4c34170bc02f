import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash, simhash, simhashHex } from '../src/store/fingerprint.js';
import { createPool, migratePg, parsePgSpec } from '../src/store/postgres-db.js';
import { PG_MIGRATIONS } from '../src/store/postgres-schema.js';
import { openStore } from '../src/store/open.js';
import { PostgresStore } from '../src/store/postgres.js';
import { StoreError, type Store } from '../src/store/store.js';
import { storeSuite } from './store-suite.js';
import { collect, makeDoc } from './store-fixtures.js';
import { dropSchemas, freshPgSpec, skipWithoutPg } from './pg.js';
import { kcnaStories, KCNA_SKIP_REASON, skipWithoutKcna } from './store-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'attache-pgstore-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas();
});

async function freshStore(): Promise<PostgresStore> {
  const s = new PostgresStore(freshPgSpec());
  await s.migrate();
  return s;
}

describe.skipIf(skipWithoutPg)('PostgreSQL', () => {
  storeSuite('PostgreSQL', freshStore);

  describe('PostgreSQL store specifics', () => {
    it('opens from a postgres:// spec or ATTACHE_DB, never shows the password, and names a bad spec', async () => {
      const spec = freshPgSpec();
      const withPassword = new URL(spec);
      withPassword.password = 's3cret'; // the test cluster trusts local connections: any password is accepted
      const s = await openStore(withPassword.toString());
      expect(s.location).not.toContain('s3cret');
      expect(s.location).toMatch(/^postgres:\/\/.*schema=attache_t_/);
      await s.close();
      process.env.ATTACHE_DB = spec;
      try {
        const e = await openStore();
        expect(e.location).toBe(s.location);
        expect((await e.stats()).schemaVersion).toBe(PG_MIGRATIONS.length);
        await e.close();
      } finally {
        delete process.env.ATTACHE_DB;
      }
      await expect(openStore('postgres://u:pw@127.0.0.1:1/nowhere')).rejects.toThrow(/^postgres:\/\/u@127\.0\.0\.1:1\/nowhere: cannot open the PostgreSQL store/);
      await expect(openStore('postgres://u:pw@127.0.0.1:1/nowhere')).rejects.not.toThrow(/pw/);
      await expect(openStore(`${spec.split('?')[0]}?schema=Bad-Name`)).rejects.toThrow(StoreError);
    });

    it('two stores saving the same and near-duplicate documents at once store each once, in one story', async () => {
      const spec = freshPgSpec();
      const [a, b] = [new PostgresStore(spec), new PostgresStore(spec)];
      await Promise.all([a.migrate(), b.migrate()]);
      try {
        const docs = Array.from({ length: 30 }, (_, i) =>
          makeDoc({ key: `c${i}`, events: [{ sentence: `The DPRK thanked China ${i} times.`, src: 'PRK', tgt: 'CHN', plover: 'SUPPORT', cameo: '051', quad: 1, goldstein: 3.4 }] }),
        );
        const batch = docs.map((d) => ({ input: d.input, coded: d.coded }));
        const [ra, rb] = await Promise.all([a.saveDocuments(batch), b.saveDocuments([...batch].reverse())]);
        const statuses = [...ra, ...rb].map((r) => r.status);
        expect(statuses.filter((x) => x === 'new').length).toBe(30);
        expect(statuses.filter((x) => x === 'duplicate').length).toBe(30);
        expect(await a.stats()).toMatchObject({ documents: 30, versions: 30, events: 30 });
        // same text under two keys saved concurrently: near-duplicates, so one story with two mentions
        const t = 'A report carried by two outlets at the same moment about the same meeting.';
        const same = (source: string) => ({ ...makeDoc({ key: source }).input, source, text: t, contentHash: contentHash(t), simhash: simhash(t) });
        const [x, y] = await Promise.all([a.saveDocument(same('one'), docs[0].coded), b.saveDocument(same('two'), docs[0].coded)]);
        expect(x.storyId).toBe(y.storyId);
        expect((await a.getDocument(x.documentId))?.story).toMatchObject({ mentions: 2, sources: 2 });
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('migrates a version-1 store: attache_save then finds a document 7 bits away, 2 in three bands', async () => {
      const spec = freshPgSpec();
      const parsed = parsePgSpec(spec);
      const pool = createPool(parsed);
      const h = 0x0123456789abcdefn;
      try {
        await migratePg(pool, parsed, 'schema_migrations', PG_MIGRATIONS.slice(0, 1));
        const bands = [0, 1, 2, 3].map((i) => Number((h >> BigInt(16 * i)) & 0xffffn));
        await pool.query("INSERT INTO stories (id, mentions, sources, first_seen_at) VALUES (7, 1, 1, '2012-01-01')");
        await pool.query(
          `INSERT INTO documents (doc_key, language, version, content_hash, simhash, sim, sh0, sh1, sh2, sh3, story_id, first_seen_at, last_seen_at, tone, domains, tsv)
           VALUES ('hash:old', 'en', 1, $1, $2, $3, $4, $5, $6, $7, 7, '2012-01-01', '2012-01-01', 0, '[]', to_tsvector(''))`,
          ['a'.repeat(64), simhashHex(h), BigInt.asIntN(64, h).toString(), ...bands],
        );
        const s = new PostgresStore(spec, { nearDuplicateDistance: 7 });
        try {
          expect((await s.migrate()).applied).toEqual([2, 3]);
          const { input, coded } = makeDoc({ key: 'n' });
          expect((await s.saveDocument({ ...input, simhash: h ^ 0x0001_0003_0003_0003n }, coded)).storyId).toBe(7);
        } finally {
          await s.close();
        }
      } finally {
        await pool.end();
      }
    });

    it('stream reads a snapshot: writing while an export is half read works', async () => {
      const s = await freshStore();
      try {
        const spec = (i: number) =>
          makeDoc({ key: `w${i}`, date: '2012-01-01', events: [{ sentence: `The DPRK thanked China ${i} times.`, src: 'PRK', tgt: 'CHN', plover: 'SUPPORT', cameo: '051', quad: 1, goldstein: 3.4 }] });
        await s.saveDocuments(Array.from({ length: 1200 }, (_, i) => spec(i)));
        let seen = 0;
        for await (const _ of s.events()) if (seen++ === 10) expect((await s.saveDocument(spec(5000).input, spec(5000).coded)).status).toBe('new');
        expect(seen).toBe(1200); // more than one cursor fetch, and the snapshot it started with
        expect((await collect(s.events())).length).toBe(1201);
        for await (const _ of s.events()) break; // breaking out releases the connection
        expect((await s.stats()).events).toBe(1201);
      } finally {
        await s.close();
      }
    });
  });

  describe.skipIf(skipWithoutKcna)(`full-text search: the same hits as SQLite FTS5 on KCNA stories${skipWithoutKcna ? ` (skipped: ${KCNA_SKIP_REASON})` : ''}`, () => {
    it('finds the same documents for words, stems, phrases, prefixes, boolean queries and accented Spanish', { timeout: 180_000 }, async () => {
      const stories = kcnaStories(400);
      const pg = await freshStore();
      const lite = await openStore(join(dir, 'fts.db'));
      try {
        const batch = stories.map((k) => ({
          input: { externalId: k.id, source: k.source, url: k.url, title: k.title, date: k.date, language: k.language, text: k.text, raw: k.text, rawType: 'text/plain', contentHash: contentHash(k.text), simhash: simhash(k.text) },
          coded: { id: k.id, date: k.date, source: k.source, language: k.language, events: [], signals: [], markers: [], domains: [], tone: 0 },
        }));
        for (const s of [pg, lite] as Store[]) await s.saveDocuments(batch);
        // every 37th distinct word of the corpus, plus queries in each syntax
        const vocabulary = [...new Set(stories.flatMap((k) => k.text.match(/[\p{L}\p{N}]+/gu) ?? []))].sort();
        const sampled = vocabulary.filter((_, i) => i % 37 === 0);
        const queries = [
          ...sampled,
          'condolence', 'Kim Jong Il', 'Jong-Il', '"South Korea"', 'U.S.', 'imperialist*', 'talks OR meeting',
          'friendship NOT China', '(Laos OR Cuba) AND message', 'cooperación', 'Corea', 'república popular',
        ];
        const ids = async (s: Store, q: string) => (await s.search(q, 10_000)).map((h) => h.documentId).sort((a, b) => a - b);
        let nonEmpty = 0;
        for (const q of queries) {
          const want = await ids(lite, q);
          expect(await ids(pg, q), q).toEqual(want);
          if (want.length) nonEmpty++;
        }
        expect(nonEmpty).toBeGreaterThan(queries.length * 0.9);
        expect(sampled.length).toBeGreaterThan(50);
        await expect(pg.search('NEAR(peace talks)')).rejects.toThrow(/NEAR is not supported/);
      } finally {
        await pg.close();
        await lite.close();
      }
    });
  });
});
