import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { StoreError, type SaveResult } from '../src/store/store.js';
import { storeSuite } from './store-suite.js';
import { collect, makeDoc } from './store-fixtures.js';
import { contentHash, simhash, simhashHex } from '../src/store/fingerprint.js';
import { Db, migrate } from '../src/store/sqlite-db.js';
import { MIGRATIONS } from '../src/store/sqlite-schema.js';
import { simhashKeys } from '../src/store/simhash-index.js';
import { KCNA_SKIP_REASON, kcnaStories, skipWithoutKcna } from './store-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'attache-store-'));
let n = 0;
const freshPath = () => join(dir, `t${n++}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('SQLite', () => openStore(freshPath()));

describe('SQLite store specifics', () => {
  it('opens from --db or ATTACHE_DB, and refuses a bad distance or an unopenable path', async () => {
    const p = freshPath();
    process.env.ATTACHE_DB = p;
    try {
      const s = await openStore();
      expect(s.location).toBe(`sqlite:${p}`);
      await s.close();
    } finally {
      delete process.env.ATTACHE_DB;
    }
    expect(() => new SqliteStore(freshPath(), { nearDuplicateDistance: 7 })).toThrow(StoreError);
    await expect(openStore(join(dir, 'no/such/dir/x.db'))).rejects.toThrow(/cannot open SQLite database/);
  });

  it('keeps the data across reopening, and migrating a second time changes nothing', async () => {
    const p = freshPath();
    const a = await openStore(p);
    const { input, coded } = makeDoc({ key: 'k', events: [{ sentence: 'The DPRK thanked China.', src: 'PRK', tgt: 'CHN', plover: 'SUPPORT', cameo: '051', quad: 1, goldstein: 3.4 }] });
    await a.saveDocument(input, coded);
    await a.close();
    const b = await openStore(p);
    expect(await b.stats()).toMatchObject({ documents: 1, events: 1, schemaVersion: MIGRATIONS.length });
    expect((await b.saveDocument(input, coded)).status).toBe('duplicate');
    await b.close();
  });

  it('migrates a version-1 store: its documents move from the band index to the pair index and are found by it', async () => {
    const p = freshPath();
    const v1 = new Db(p);
    migrate(v1, MIGRATIONS.slice(0, 1));
    const h = 0x0123456789abcdefn;
    const bands = [0, 1, 2, 3].map((i) => Number((h >> BigInt(16 * i)) & 0xffffn));
    v1.run("INSERT INTO stories (id, mentions, sources, first_seen_at) VALUES (7, 1, 1, '2012-01-01')");
    v1.run(
      `INSERT INTO documents (doc_key, language, version, content_hash, simhash, sh0, sh1, sh2, sh3, story_id, first_seen_at, last_seen_at, tone, domains)
       VALUES ('hash:old', 'en', 1, ?, ?, ?, ?, ?, ?, 7, '2012-01-01', '2012-01-01', 0, '[]')`,
      'a'.repeat(64), simhashHex(h), ...bands,
    );
    v1.close();
    const s = await openStore(p);
    expect((await s.stats()).schemaVersion).toBe(2);
    const check = new Db(p, { readonly: true });
    expect(check.all<{ key: number }>('SELECT key FROM simhash_keys ORDER BY key').map((r) => r.key)).toEqual([...simhashKeys(h)].sort((a, b) => a - b));
    check.close();
    const { input, coded } = makeDoc({ key: 'n' });
    expect((await s.saveDocument({ ...input, simhash: h ^ 0x0101010101n }, coded)).storyId).toBe(7); // 5 bits away
    await s.close();
  });

  it('streams on its own connection: writing while an export is half read works', async () => {
    const s = await openStore(freshPath());
    const spec = (i: number) =>
      makeDoc({ key: `w${i}`, date: '2012-01-01', events: [{ sentence: `The DPRK thanked China ${i} times.`, src: 'PRK', tgt: 'CHN', plover: 'SUPPORT', cameo: '051', quad: 1, goldstein: 3.4 }] });
    for (let i = 0; i < 50; i++) await s.saveDocument(spec(i).input, spec(i).coded);
    let seen = 0;
    for await (const _ of s.events()) {
      if (seen++ === 10) {
        const r = await s.saveDocument(spec(100).input, spec(100).coded);
        expect(r.status).toBe('new');
      }
    }
    expect(seen).toBe(50); // the export reads the snapshot it started with
    expect((await collect(s.events())).length).toBe(51);
    // breaking out of a stream releases its connection
    for await (const _ of s.events()) break;
    await s.close();
  });
});

describe.skipIf(skipWithoutKcna)(`SQLite store on real KCNA stories (skips when ${KCNA_SKIP_REASON})`, () => {
  it('stores 3,000 stories once, clusters identical republications, and finds the condolence stories', async () => {
    const stories = kcnaStories(3000);
    const s = await openStore(freshPath());
    const items = stories.map((k) => ({
      input: {
        url: k.url, externalId: k.id, source: k.source, title: k.title, date: k.date, language: k.language, text: k.text,
        raw: JSON.stringify(k), rawType: 'application/json', contentHash: contentHash(k.text), simhash: simhash(k.text),
      },
      coded: { id: k.id, date: k.date, source: k.source, language: k.language, events: [], signals: [], markers: [], domains: [], tone: 0 },
    }));
    const results: SaveResult[] = [];
    for (let i = 0; i < items.length; i += 200) results.push(...(await s.saveDocuments(items.slice(i, i + 200))));
    expect(results.every((r) => r.status === 'new')).toBe(true);
    const before = await s.stats();
    expect(before.documents).toBe(3000);
    // identical texts under different ids are one story
    const byText = new Map<string, number>();
    let republished = 0;
    stories.forEach((k, i) => {
      const first = byText.get(k.text);
      if (first === undefined) byText.set(k.text, results[i].storyId);
      else {
        republished++;
        expect(results[i].storyId).toBe(first);
      }
    });
    expect(republished).toBeGreaterThan(0);
    expect(before.stories).toBeLessThanOrEqual(3000 - republished);
    // the same input again adds nothing
    const again: SaveResult[] = [];
    for (let i = 0; i < items.length; i += 500) again.push(...(await s.saveDocuments(items.slice(i, i + 500))));
    expect(again.every((r) => r.status === 'duplicate')).toBe(true);
    expect(await s.stats()).toEqual(before);
    // full-text search: stemmed "condolence" finds every story saying condolence(s), and only stories with a condol- word
    const from = '2011-12-17';
    const to = '2011-12-31';
    const inRange = stories.filter((k) => k.date >= from && k.date <= to);
    const exact = inRange.filter((k) => /\bcondolences?\b/i.test(`${k.title} ${k.text}`)).length;
    const loose = inRange.filter((k) => /condol/i.test(`${k.title} ${k.text}`)).length;
    const found = await collect(s.documents({ q: 'condolence', from, to }));
    expect(exact).toBeGreaterThan(10);
    expect(found.length).toBeGreaterThanOrEqual(exact);
    expect(found.length).toBeLessThanOrEqual(loose);
    const hits = await s.search('condolences Kim Jong Il', 10);
    expect(hits.length).toBe(10);
    for (const h of hits) expect(h.snippet).toMatch(/\[condolences?\]|\[Kim\]/i);
    await s.close();
  });

  it('one report republished by ten outlets, each editing it lightly, is one story of ten mentions from ten sources', async () => {
    const s = await openStore(freshPath());
    const [k] = kcnaStories(200).filter((x) => x.language === 'en' && x.text.split(' ').length > 250);
    const outlets = ['KCNA', 'Rodong Sinmun', 'Minju Choson', 'Naenara', 'Uriminzokkiri', 'Voice of Korea', 'Pyongyang Times', 'Tongil Sinbo', 'Choson Sinbo', 'KCTV'];
    const variants = outlets.map((o, i) =>
      [`${o}, ${k.date} -- ${k.text}`, `${k.text} (${o})`, `${k.title}. ${k.text}`, `${k.title} (${o}). ${k.text}`][i % 4],
    );
    const results: SaveResult[] = [];
    for (const [i, text] of variants.entries()) {
      const input = {
        externalId: `${k.id}-${i}`, source: outlets[i], title: k.title, date: k.date, language: 'en', text, raw: text, rawType: 'text/plain',
        contentHash: contentHash(text), simhash: simhash(text),
      };
      results.push(await s.saveDocument(input, { id: input.externalId, date: k.date, source: outlets[i], language: 'en', events: [], signals: [], markers: [], domains: [], tone: 0 }));
    }
    expect(new Set(results.map((r) => r.storyId)).size).toBe(1);
    expect((await s.getDocument(results[9].documentId))?.story).toMatchObject({ mentions: 10, sources: 10 });
    expect((await s.stats()).stories).toBe(1);
    await s.close();
  });
});
