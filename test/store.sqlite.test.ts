import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { StoreError, type SaveResult } from '../src/store/store.js';
import { storeSuite } from './store-suite.js';
import { collect, makeDoc } from './store-fixtures.js';
import { contentHash, simhash } from '../src/store/fingerprint.js';
import { MIGRATIONS } from '../src/store/sqlite-schema.js';
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
    expect(() => new SqliteStore(freshPath(), { nearDuplicateDistance: 8 })).toThrow(StoreError);
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

  it('joins a document 7 bits away, 2 in three bands, when opened with distance 7 (the band probes are exact to 7)', async () => {
    const s = await openStore(freshPath(), { nearDuplicateDistance: 7 });
    const h = 0x0123456789abcdefn;
    const a = makeDoc({ key: 'a' });
    const b = makeDoc({ key: 'b', extra: 'Another wording.' });
    const first = await s.saveDocument({ ...a.input, simhash: h }, a.coded);
    expect((await s.saveDocument({ ...b.input, simhash: h ^ 0x0001_0003_0003_0003n }, b.coded)).storyId).toBe(first.storyId);
    await s.close();
    // at distance 3 the probes are the band values alone: 3 bits in three bands join, 4 bits do not
    const three = await openStore(freshPath(), { nearDuplicateDistance: 3 });
    const c = makeDoc({ key: 'c', extra: 'A third wording.' });
    const base = await three.saveDocument({ ...a.input, simhash: h }, a.coded);
    expect((await three.saveDocument({ ...b.input, simhash: h ^ 0x0000_0001_0001_0001n }, b.coded)).storyId).toBe(base.storyId);
    expect((await three.saveDocument({ ...c.input, simhash: h ^ 0x0100_0000_0000_0007n }, c.coded)).storyId).not.toBe(base.storyId);
    await three.close();
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
