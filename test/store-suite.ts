/**
 * The behaviour every Store implementation must show. Call `storeSuite(name, makeStore)` from a
 * test file; `makeStore` returns a fresh, empty, migrated store each time (and the suite closes it).
 */
import { describe, expect, it } from 'vitest';
import { StoreError, type Store } from '../src/store/store.js';
import { contentHash } from '../src/store/fingerprint.js';
import { collect, makeDoc, type DocSpec } from './store-fixtures.js';
import { sourcesSuite } from './store-suite-sources.js';

const CORPUS: DocSpec[] = [
  {
    key: 'd1',
    source: 'KCNA',
    date: '2011-12-01',
    title: 'Condolences from China',
    events: [
      { sentence: 'The DPRK thanked China for its support.', src: 'PRK', tgt: 'CHN', plover: 'SUPPORT', cameo: '051', quad: 1, goldstein: 3.4 },
      { sentence: 'China held talks with the DPRK.', src: 'CHN', tgt: 'PRK', plover: 'CONSULT', cameo: '040', quad: 1, goldstein: 1, date: '2011-11-30' },
    ],
    extra: 'Kim Jong Il received condolences on the death of the leader, a blow to peace.',
    signal: { sender: 'CHN', recipient: 'PRK', kind: 'condolences', occasion_type: 'death' },
    markers: ['peace'],
  },
  {
    key: 'd2',
    source: 'Yonhap',
    date: '2012-03-05',
    title: 'Agreements signed',
    events: [
      { sentence: 'The DPRK signed an accord with Russia.', src: 'PRK', tgt: 'RUS', plover: 'AGREE', cameo: '057', quad: 1, goldstein: 8 },
      { sentence: 'United States and South Korea held joint drills.', src: 'USA', tgt: 'KOR', plover: 'COOPERATE', cameo: '061', quad: 2, goldstein: 6.4 },
    ],
    extra: 'The gas pipeline project was discussed.',
  },
  {
    key: 'd3',
    source: 'KCNA',
    date: '2012-04-13',
    title: 'Accusations',
    events: [
      { sentence: 'The DPRK accused South Korea of provocations.', src: 'PRK', tgt: 'KOR', plover: 'ACCUSE', cameo: '112', quad: 3, goldstein: -2 },
      { sentence: 'The DPRK mobilised its army.', src: 'PRK', tgt: null, plover: 'MOBILIZE', cameo: '154', quad: 4, goldstein: -7.2 },
    ],
    signal: { sender: 'PRK', recipient: 'CHN', kind: 'greetings', occasion_type: 'national_day' },
    markers: ['provocations'],
  },
];

export function storeSuite(name: string, makeStore: () => Promise<Store>): void {
  async function withStore(fn: (s: Store) => Promise<void>): Promise<void> {
    const s = await makeStore();
    try {
      await fn(s);
    } finally {
      await s.close();
    }
  }

  async function seeded(fn: (s: Store, ids: number[]) => Promise<void>): Promise<void> {
    await withStore(async (s) => {
      const ids: number[] = [];
      for (const spec of CORPUS) {
        const { input, coded } = makeDoc(spec);
        ids.push((await s.saveDocument(input, coded)).documentId);
      }
      await fn(s, ids);
    });
  }

  describe(`Store: ${name}`, () => {
    it('runs migrations once (idempotent)', () =>
      withStore(async (s) => {
        const again = await s.migrate();
        expect(again.applied).toEqual([]);
        expect(again.to).toBe(again.from);
        expect(again.to).toBeGreaterThanOrEqual(1);
        expect((await s.stats()).schemaVersion).toBe(again.to);
      }));

    it('stores a new document once; the same input again is a duplicate that adds nothing', () =>
      withStore(async (s) => {
        const { input, coded } = makeDoc(CORPUS[0]);
        const first = await s.saveDocument(input, coded);
        expect(first.status).toBe('new');
        expect(first.version).toBe(1);
        const before = await s.stats();
        expect(before).toMatchObject({ documents: 1, versions: 1, events: 2, signals: 1, markers: 1, stories: 1 });
        const again = await s.saveDocument({ ...input, url: 'https://WWW.Example.org/news/d1/#x' }, coded);
        expect(again).toEqual({ ...first, status: 'duplicate' });
        expect(await s.stats()).toEqual(before);
      }));

    it('keys by source + external id before URL: one page URL can carry several stories', () =>
      withStore(async (s) => {
        const a = makeDoc({ ...CORPUS[0], url: 'http://kcna.co.jp/item/2011-12-01ee.html' });
        const b = makeDoc({ ...CORPUS[1], url: 'http://kcna.co.jp/item/2011-12-01ee.html' });
        const ra = await s.saveDocument({ ...a.input, externalId: 'kcna-1' }, a.coded);
        const rb = await s.saveDocument({ ...b.input, externalId: 'kcna-2' }, b.coded);
        expect([ra.status, rb.status]).toEqual(['new', 'new']);
        expect(rb.documentId).not.toBe(ra.documentId);
        expect((await s.findDocument({ source: 'KCNA', externalId: 'kcna-1' }))?.id).toBe(ra.documentId);
        expect((await s.history('http://kcna.co.jp/item/2011-12-01ee.html')).map((h) => h.document.id)).toEqual([ra.documentId, rb.documentId]);
        expect((await s.history('kcna-2'))[0].document.id).toBe(rb.documentId);
      }));

    it('stores a changed text at the same URL as a new version, replaces the coding, keeps the old version', () =>
      withStore(async (s) => {
        const v1 = makeDoc(CORPUS[0]);
        const r1 = await s.saveDocument(v1.input, v1.coded);
        const v2 = makeDoc({ ...CORPUS[0], events: CORPUS[0].events!.slice(0, 1), extra: 'The article was rewritten after the fact.', markers: [] });
        const bigRaw = Buffer.from('<html>' + 'x'.repeat(5000) + '</html>');
        const r2 = await s.saveDocument({ ...v2.input, raw: bigRaw }, v2.coded);
        expect(r2).toMatchObject({ status: 'updated', documentId: r1.documentId, version: 2, storyId: r1.storyId });
        expect(await s.stats()).toMatchObject({ documents: 1, versions: 2, events: 1, signals: 1, markers: 0 });
        const [h] = await s.history(r1.documentId);
        expect(h.versions.map((v) => v.version)).toEqual([1, 2]);
        expect(h.versions[0].text).toBe(v1.input.text);
        expect(h.versions[1].text).toBe(v2.input.text);
        expect(h.versions[0].contentHash).toBe(contentHash(v1.input.text));
        expect(h.versions[0].raw.toString()).toBe(v1.input.raw);
        expect(h.versions[1].raw.equals(bigRaw)).toBe(true);
        const doc = await s.getDocument(r1.documentId);
        expect(doc?.text).toBe(v2.input.text);
        expect(doc?.coded.events).toEqual(v2.coded.events);
        // the old wording is no longer searchable, the new one is
        expect(await s.search('blow peace')).toEqual([]);
        expect((await s.search('rewritten'))[0].documentId).toBe(r1.documentId);
        // the same second version again: duplicate
        expect((await s.saveDocument({ ...v2.input, raw: bigRaw }, v2.coded)).status).toBe('duplicate');
      }));

    it('saves a batch in one transaction with the same rules, results in input order', () =>
      withStore(async (s) => {
        const docs = CORPUS.map(makeDoc);
        const first = await s.saveDocuments(docs);
        expect(first.map((r) => r.status)).toEqual(['new', 'new', 'new']);
        const changed = makeDoc({ ...CORPUS[1], extra: 'A later correction.' });
        const second = await s.saveDocuments([docs[0], changed, docs[0]]);
        expect(second.map((r) => r.status)).toEqual(['duplicate', 'updated', 'duplicate']);
        expect(second[1]).toMatchObject({ documentId: first[1].documentId, version: 2 });
        await expect(s.saveDocuments([makeDoc({ ...CORPUS[2], key: 'x1' }), { ...docs[0], input: { ...docs[0].input, contentHash: 'bad' } }])).rejects.toThrow(StoreError);
        expect(await s.stats()).toMatchObject({ documents: 3, versions: 4 });
      }));

    it('treats a URL-less text whose content hash is known as a duplicate', () =>
      withStore(async (s) => {
        const { input, coded } = makeDoc(CORPUS[1]);
        const first = await s.saveDocument(input, coded);
        const again = await s.saveDocument({ ...input, url: null, source: 'Other' }, coded);
        expect(again).toMatchObject({ status: 'duplicate', documentId: first.documentId });
        expect((await s.stats()).documents).toBe(1);
      }));

    it('clusters near-duplicates (simhash within 6 bits) into one story counting mentions and distinct sources', () =>
      withStore(async (s) => {
        const base = makeDoc(CORPUS[0]);
        const h = BigInt(`0x${'0123456789abcdef'}`);
        const save = (key: string, source: string, simhash: bigint, text = `${key} republished`) =>
          s.saveDocument({ ...base.input, url: `https://${source}.example/${key}`, source, text, contentHash: contentHash(text), simhash }, base.coded);
        /** `h` with one bit flipped in each of the given bytes (0 the lowest): bit `bit` of each. */
        const flip = (bit: number, ...bytes: number[]) => bytes.reduce((x, b) => x ^ (1n << BigInt(8 * b + bit)), h);
        const a = await save('a', 'kcna', h);
        const b = await save('b', 'yonhap', h ^ 0b101n); // 2 bits
        const c = await save('c', 'kcna', flip(3, 0, 2, 3, 5, 6, 7)); // 6 bits over all four bands (1, 2, 1, 2); same source as a
        const far = await save('far', 'tass', flip(6, 0, 1, 2, 3, 4, 5, 6)); // 7 bits (13 from c, 9 from b)
        const other = await save('other', 'tass', ~h & 0xffffffffffffffffn);
        expect(b.storyId).toBe(a.storyId);
        expect(c.storyId).toBe(a.storyId);
        expect(far.storyId).not.toBe(a.storyId);
        expect(other.storyId).not.toBe(a.storyId);
        const doc = await s.getDocument(c.documentId);
        expect(doc?.story).toMatchObject({ id: a.storyId, mentions: 3, sources: 2 });
        expect((await s.getDocument(far.documentId))?.story).toMatchObject({ mentions: 1, sources: 1 });
        expect((await s.stats()).stories).toBe(3);
        const rows = await collect(s.events({ source: 'yonhap' }));
        expect(rows.length).toBe(2);
        expect(rows[0].story).toMatchObject({ id: a.storyId, mentions: 3, sources: 2 });
        // a new version is indexed under its new simhash: a later near-duplicate of it joins its story
        const moved = await s.saveDocument({ ...base.input, url: 'https://tass.example/far', source: 'tass', text: 'far rewritten', contentHash: contentHash('far rewritten'), simhash: h ^ (0xffn << 24n) }, base.coded);
        expect(moved).toMatchObject({ status: 'updated', storyId: far.storyId });
        expect((await save('near-moved', 'ria', h ^ (0xffn << 24n) ^ 1n)).storyId).toBe(far.storyId);
      }));

    it('marks feed items that disappeared as missing, never deletes them, and unmarks them when back', () =>
      withStore(async (s) => {
        const feed = 'https://example.org/rss.xml';
        await s.upsertSource({ name: 'Example', url: feed, kind: 'feed' });
        const docs = CORPUS.map((c) => makeDoc({ ...c, feedUrl: feed }));
        for (const d of docs) await s.saveDocument(d.input, d.coded);
        const urls = docs.map((d) => d.input.url!);
        expect(await s.markMissing(feed, [urls[0], urls[2]])).toBe(1);
        expect(await s.markMissing(feed, [urls[0], urls[2]])).toBe(0);
        const missing = await collect(s.documents({ missing: true }));
        expect(missing.map((d) => d.url)).toEqual([urls[1]]);
        expect(missing[0].missingSince).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect((await s.stats()).documents).toBe(3);
        expect((await s.getDocument(missing[0].id))?.coded.events.length).toBe(2);
        expect(await s.markMissing(feed, urls)).toBe(0);
        expect(await collect(s.documents({ missing: true }))).toEqual([]);
      }));

    it('streams events with every filter, carrying the document and every contract field', () =>
      seeded(async (s, ids) => {
        const all = await collect(s.events());
        expect(all.length).toBe(6);
        const d1 = makeDoc(CORPUS[0]);
        const consult = all.find((r) => r.event.plover.event === 'CONSULT')!;
        expect(consult.event).toEqual(d1.coded.events[1]);
        expect(consult.evidence).toBe('China held talks with the DPRK.');
        expect(consult.doc).toMatchObject({ id: ids[0], url: 'https://example.org/news/d1', source: 'KCNA', date: '2011-12-01', language: 'en' });
        expect(all.map((r) => r.event.date ?? r.doc.date)).toEqual([...all.map((r) => r.event.date ?? r.doc.date)].sort());
        const kinds = async (f: Parameters<Store['events']>[0]) => (await collect(s.events(f))).map((r) => r.event.plover.event).sort();
        expect(await kinds({ dyad: { a: 'PRK', b: 'CHN' } })).toEqual(['CONSULT', 'SUPPORT']);
        expect(await kinds({ dyad: { a: 'chn', b: 'prk', directed: true } })).toEqual(['CONSULT']);
        expect(await kinds({ country: 'KOR' })).toEqual(['ACCUSE', 'COOPERATE']);
        expect(await kinds({ actor: 'russ' })).toEqual(['AGREE']);
        expect(await kinds({ actor: 'USAGOV' })).toEqual(['COOPERATE']);
        expect(await kinds({ actor: '100%_' })).toEqual([]);
        expect(await kinds({ plover: 'mobilize' })).toEqual(['MOBILIZE']);
        expect(await kinds({ cameo: '05' })).toEqual(['AGREE', 'SUPPORT']);
        expect(await kinds({ quadClass: 1 })).toEqual(['AGREE', 'CONSULT', 'SUPPORT']);
        expect(await kinds({ from: '2011-12-01', to: '2012-03-31' })).toEqual(['AGREE', 'COOPERATE', 'SUPPORT']);
        expect(await kinds({ to: '2011' })).toEqual(['CONSULT', 'SUPPORT']);
        expect(await kinds({ source: 'yonhap' })).toEqual(['AGREE', 'COOPERATE']);
        expect(await kinds({ q: 'provocations' })).toEqual(['ACCUSE', 'MOBILIZE']);
        expect(await kinds({ country: 'PRK', quadClass: 3 })).toEqual(['ACCUSE']);
        const paged = await collect(s.events({ limit: 2, offset: 1 }));
        expect(paged.map((r) => r.id)).toEqual(all.slice(1, 3).map((r) => r.id));
        const newest = await collect(s.events({ order: 'newest', limit: 2 }));
        expect(newest.map((r) => r.id)).toEqual([...all].reverse().slice(0, 2).map((r) => r.id));
        expect(all.find((r) => r.event.plover.event === 'MOBILIZE')!.event.target).toBeNull();
      }));

    it('streams signals, markers and documents with their filters', () =>
      seeded(async (s, ids) => {
        const sig = await collect(s.signals({ recipientCountry: 'prk' }));
        expect(sig.length).toBe(1);
        expect(sig[0].signal).toEqual(makeDoc(CORPUS[0]).coded.signals[0]);
        expect(sig[0].evidence).toBe(makeDoc(CORPUS[0]).input.text.slice(0, 40));
        expect((await collect(s.signals({ kind: 'greetings' })))[0].doc.id).toBe(ids[2]);
        expect(await collect(s.signals({ senderCountry: 'PRK', occasionType: 'death' }))).toEqual([]);
        expect((await collect(s.signals({ from: '2012-01-01' }))).map((r) => r.signal.kind)).toEqual(['greetings']);
        const mk = await collect(s.markers({ marker: 'peace' }));
        expect(mk.map((m) => [m.doc.id, m.marker.count])).toEqual([[ids[0], 1]]);
        expect((await collect(s.markers({ source: 'KCNA' }))).length).toBe(2);
        expect((await collect(s.documents({ source: 'KCNA', from: '2012-01-01' }))).map((d) => d.id)).toEqual([ids[2]]);
        expect((await collect(s.documents({ q: 'pipeline' }))).map((d) => d.id)).toEqual([ids[1]]);
        expect((await collect(s.documents({ limit: 1 }))).length).toBe(1);
      }));

    it('lists actors with their events as source and target, signals sent and received, first and last seen', () =>
      seeded(async (s) => {
        expect(await s.actors()).toEqual([
          { code: 'PRKGOV', country: 'PRK', name: 'DPRK', eventsAsSource: 4, eventsAsTarget: 1, signalsSent: 1, signalsReceived: 0, firstSeen: '2011-11-30', lastSeen: '2012-04-13' },
          { code: 'CHNGOV', country: 'CHN', name: 'China', eventsAsSource: 1, eventsAsTarget: 1, signalsSent: 1, signalsReceived: 0, firstSeen: '2011-11-30', lastSeen: '2011-12-01' },
          { code: 'KORGOV', country: 'KOR', name: 'South Korea', eventsAsSource: 0, eventsAsTarget: 2, signalsSent: 0, signalsReceived: 0, firstSeen: '2012-03-05', lastSeen: '2012-04-13' },
          // a recipient coded without a sector has its country as code
          { code: 'CHN', country: 'CHN', name: 'China', eventsAsSource: 0, eventsAsTarget: 0, signalsSent: 0, signalsReceived: 1, firstSeen: '2012-04-13', lastSeen: '2012-04-13' },
          { code: 'PRK', country: 'PRK', name: 'DPRK', eventsAsSource: 0, eventsAsTarget: 0, signalsSent: 0, signalsReceived: 1, firstSeen: '2011-12-01', lastSeen: '2011-12-01' },
          { code: 'RUSGOV', country: 'RUS', name: 'Russia', eventsAsSource: 0, eventsAsTarget: 1, signalsSent: 0, signalsReceived: 0, firstSeen: '2012-03-05', lastSeen: '2012-03-05' },
          { code: 'USAGOV', country: 'USA', name: 'United States', eventsAsSource: 1, eventsAsTarget: 0, signalsSent: 0, signalsReceived: 0, firstSeen: '2012-03-05', lastSeen: '2012-03-05' },
        ]);
        const codes = async (f: Parameters<Store['actors']>[0]) => (await s.actors(f)).map((a) => a.code);
        expect(await codes({ country: 'prk' })).toEqual(['PRKGOV', 'PRK']);
        expect(await codes({ q: 'CHINA' })).toEqual(['CHNGOV', 'CHN']);
        expect(await codes({ q: 'usag' })).toEqual(['USAGOV']);
        expect(await codes({ q: '100%_' })).toEqual([]);
        expect(await codes({ limit: 2, offset: 1 })).toEqual(['CHNGOV', 'KORGOV']);
        // a new version replaces the coding, and the actors follow it
        const v2 = makeDoc({ ...CORPUS[1], events: CORPUS[1].events!.slice(1) });
        expect((await s.saveDocument(v2.input, v2.coded)).status).toBe('updated');
        expect(await codes({ q: 'russia' })).toEqual([]);
        expect((await s.actors({ country: 'PRK' }))[0].eventsAsSource).toBe(3);
      }));

    it('returns a document with its coding as it was saved', () =>
      seeded(async (s, ids) => {
        const doc = await s.getDocument(ids[0]);
        const { input, coded } = makeDoc(CORPUS[0]);
        expect(doc?.text).toBe(input.text);
        expect(doc?.coded).toMatchObject({ ...coded, id: String(ids[0]), url: input.url });
        expect(doc?.story).toMatchObject({ mentions: 1, sources: 1 });
        expect(await s.getDocument(999999)).toBeNull();
      }));

    it('finds words with full-text search (stemmed, hyphens as phrases) and explains bad queries', () =>
      seeded(async (s, ids) => {
        const hits = await s.search('condolence');
        expect(hits.map((h) => h.documentId)).toEqual([ids[0]]);
        expect(hits[0].snippet).toMatch(/\[condolences\]/i);
        expect(hits[0]).toMatchObject({ title: 'Condolences from China', source: 'KCNA', date: '2011-12-01' });
        expect((await s.search('Jong-Il')).map((h) => h.documentId)).toEqual([ids[0]]);
        expect((await s.search('DPRK')).length).toBe(3);
        expect((await s.search('DPRK', 2)).length).toBe(2);
        expect(await s.search('nonexistentword')).toEqual([]);
        await expect(s.search('"unbalanced')).rejects.toThrow(StoreError);
        await expect(s.search('   ')).rejects.toThrow(/empty/);
      }));

    it('keeps sources, poll results and feed health', () =>
      withStore(async (s) => {
        const feed = 'https://example.org/feed.xml';
        const src = await s.upsertSource({ name: 'Example', url: feed, kind: 'feed', intervalSeconds: 600 });
        expect(src).toMatchObject({ name: 'Example', url: feed, kind: 'feed', intervalSeconds: 600 });
        expect((await s.upsertSource({ name: 'Example News', url: feed, kind: 'feed' })).id).toBe(src.id);
        await expect(s.upsertSource({ name: 'x', url: 'y', kind: 'pdf' as 'feed' })).rejects.toThrow(/kind "pdf"/);
        await expect(s.recordPoll({ url: 'https://nowhere.example/', ok: true, itemsSeen: 0 })).rejects.toThrow(/no such source/);
        const t0 = '2024-05-01T00:00:00.000Z';
        await s.recordPoll({ url: feed, at: t0, ok: true, httpStatus: 200, etag: '"abc"', lastModified: 'Wed, 01 May 2024 00:00:00 GMT', itemsSeen: 3, itemsNew: 3 });
        await s.recordPoll({ url: feed, at: '2024-05-01T01:00:00.000Z', ok: false, httpStatus: 500, itemsSeen: 0, error: 'HTTP 500' });
        await s.recordPoll({ url: feed, at: '2024-05-01T02:00:00.000Z', ok: false, itemsSeen: 0, error: 'timeout after 10000 ms' });
        const st = await s.feedState(feed);
        expect(st).toMatchObject({ etag: '"abc"', lastSuccessAt: t0, lastNewItemAt: t0, consecutiveFailures: 2, lastError: 'timeout after 10000 ms' });
        expect(await s.feedState('https://nowhere.example/')).toBeNull();
        const d = makeDoc({ ...CORPUS[0], feedUrl: feed });
        await s.saveDocument({ ...d.input, fetchedAt: t0 }, d.coded);
        const [h] = await s.health({ now: '2024-05-04T00:00:00.000Z', windowDays: 7, silentAfterHours: 48 });
        expect(h).toMatchObject({ consecutiveFailures: 2, lastSuccessAt: t0, silentSince: t0, documents: 1, itemsPerDay: 1 / 7 });
        const [fresh] = await s.health({ now: '2024-05-01T12:00:00.000Z' });
        expect(fresh.silentSince).toBeNull();
        await s.recordPoll({ url: feed, at: '2024-05-01T03:00:00.000Z', ok: true, httpStatus: 304, itemsSeen: 0 });
        expect(await s.feedState(feed)).toMatchObject({ consecutiveFailures: 0, etag: '"abc"', lastStatus: 304, lastNewItemAt: t0 });
      }));

    it('refuses malformed document input with a message naming the document', () =>
      withStore(async (s) => {
        const { input, coded } = makeDoc(CORPUS[0]);
        await expect(s.saveDocument({ ...input, contentHash: 'abc' }, coded)).rejects.toThrow(/example\.org\/news\/d1: contentHash/);
        await expect(s.saveDocument({ ...input, date: '1 May 2024' }, coded)).rejects.toThrow(/date "1 May 2024"/);
        await expect(s.saveDocument({ ...input, simhash: 'not-hex' }, coded)).rejects.toThrow(/simhash/);
        expect((await s.stats()).documents).toBe(0);
      }));

    sourcesSuite(withStore);
  });
}
