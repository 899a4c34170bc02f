import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.js';
import { addAlert } from '../analysis/alerts.js';
import { EVENT_CSV_COLUMNS } from '../store/export.js';
import { FIXTURE_DOCS, fixtureStore, type FixtureStore } from '../../test/server-fixture.js';

let fx: FixtureStore;
let app: Hono;
beforeAll(async () => {
  fx = await fixtureStore();
  app = createApp({ store: fx.store, webDir: fx.dir });
});
afterAll(() => fx.close());

const get = async (path: string) => {
  const res = await app.request(path);
  return { res, body: res.headers.get('content-type')?.startsWith('application/json') ? await res.json() : await res.text() };
};

const between = (a: string, b: string, directed = false) =>
  FIXTURE_DOCS.flatMap((d) => d.events).filter((e) => (e.src === a && e.tgt === b) || (!directed && e.src === b && e.tgt === a));

describe('/api/events', () => {
  it('filters by an undirected dyad and by direction', async () => {
    const all = await get('/api/events?dyad=PRK-RUS');
    expect(all.res.status).toBe(200);
    const expected = between('PRK', 'RUS');
    expect(expected.length).toBe(3);
    expect(all.body.total).toBe(expected.length);
    expect(all.body.rows.map((r: { evidence: string }) => r.evidence).sort()).toEqual(expected.map((e) => e.evidence).sort());
    for (const r of all.body.rows) expect([r.event.source.country, r.event.target.country].sort()).toEqual(['PRK', 'RUS']);

    const directed = await get('/api/events?dyad=rus-prk&directed=true');
    expect(directed.body.rows.map((r: { evidence: string }) => r.evidence)).toEqual(between('RUS', 'PRK', true).map((e) => e.evidence));
  });

  it('pages with limit and offset, giving total only when the end is reached', async () => {
    const first = await get('/api/events?dyad=PRK-RUS&limit=2');
    expect(first.body).toMatchObject({ offset: 0, limit: 2, next: 2, total: null });
    expect(first.body.rows).toHaveLength(2);
    const last = await get('/api/events?dyad=PRK-RUS&limit=2&offset=2');
    expect(last.body).toMatchObject({ offset: 2, limit: 2, next: null, total: 3 });
    const ids = [...first.body.rows, ...last.body.rows].map((r: { id: number }) => r.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('filters by quad class and PLOVER type', async () => {
    const conflict = await get('/api/events?quad=3');
    const want = FIXTURE_DOCS.flatMap((d) => d.events).filter((e) => e.quad === 3);
    expect(conflict.body.rows.map((r: { event: { cameo: string } }) => r.event.cameo).sort()).toEqual(want.map((e) => e.cameo).sort());
    const agree = await get('/api/events?plover=agree');
    expect(agree.body.rows.map((r: { event: { plover: { event: string } } }) => r.event.plover.event)).toEqual(['AGREE']);
  });

  it('answers 400 naming the bad parameter', async () => {
    for (const [q, name] of [['limit=abc', 'limit'], ['dyad=PRK', 'dyad'], ['from=2024-02-30', 'from'], ['quad=5', 'quad'], ['format=xml', 'format']]) {
      const r = await get(`/api/events?${q}`);
      expect(r.res.status, q).toBe(400);
      expect(r.body.error, q).toContain(`'${name}'`);
    }
    const typo = await get('/api/events?dayd=PRK-RUS');
    expect(typo.res.status).toBe(400);
    expect(typo.body.error).toContain("unknown query parameter 'dayd'");
  });

  it('streams every matching row as CSV and JSONL', async () => {
    const csv = await get('/api/events?dyad=PRK-RUS&format=csv');
    expect(csv.res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.res.headers.get('content-disposition')).toContain('events.csv');
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe(EVENT_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 3);
    expect(csv.body).toContain(',The two leaders signed a treaty on comprehensive strategic partnership.,');

    const gdelt = await get('/api/events?dyad=PRK-RUS&format=gdelt');
    expect(gdelt.res.headers.get('content-disposition')).toContain('events.tsv');
    expect((gdelt.body as string).trim().split('\n')).toHaveLength(1 + 3);

    const jsonl = await get('/api/events?format=jsonl&limit=2');
    const rows = (jsonl.body as string).trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(2);
    expect(rows[0].event.rule).toMatch(/^trigger /);
  });
});

describe('/api/documents', () => {
  it('gives a document with both versions and the word diff between them', async () => {
    const list = await get('/api/documents?q=Victory');
    const id = list.body.rows[0].id;
    const doc = await get(`/api/documents/${id}`);
    expect(doc.res.status).toBe(200);
    expect(doc.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(doc.body.text).toContain('comradeship-in-arms');
    expect(doc.body.diff.from).toBe(1);
    const changes = doc.body.diff.parts.filter((p: { op: string }) => p.op !== 'equal');
    expect(changes).toEqual([
      { op: 'delete', text: 'friendship' },
      { op: 'insert', text: 'comradeship-in-arms' },
    ]);
    const bad = await get(`/api/documents/${id}?to=9`);
    expect(bad.res.status).toBe(400);
    expect(bad.body.error).toContain("'to'");
  });

  it('answers 404 for an unknown id and 400 for a non-numeric one', async () => {
    expect((await get('/api/documents/99999')).res.status).toBe(404);
    const bad = await get('/api/documents/abc');
    expect(bad.res.status).toBe(400);
    expect(bad.body.error).toContain("path parameter 'id'");
  });
});

describe('search, signals, sources, openapi', () => {
  it('searches the current version of the text', async () => {
    const r = await get('/api/search?q=comradeship');
    expect(r.body.rows.map((h: { title: string }) => h.title)).toEqual([FIXTURE_DOCS[0].title]);
    expect((await get('/api/search?q=')).res.status).toBe(400);
  });

  it('filters signals by sender and recipient', async () => {
    const r = await get('/api/signals?sender=PRK&recipient=CHN');
    expect(r.body.rows.map((s: { signal: { kind: string } }) => s.signal.kind)).toEqual(['greetings']);
    const csv = await get('/api/signals?format=csv');
    expect((csv.body as string).trim().split('\n')).toHaveLength(1 + FIXTURE_DOCS.reduce((n, d) => n + d.signals.length, 0));
  });

  it('describes every route and its parameters in OpenAPI', async () => {
    const r = await get('/api/openapi.json');
    expect(r.body.openapi).toBe('3.1.0');
    const events = r.body.paths['/api/events'].get;
    const names = events.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['dyad', 'directed', 'limit', 'offset', 'format', 'from', 'to']));
    expect(r.body.paths['/api/documents/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(Object.keys(r.body.paths).sort()).toEqual(
      ['alerts', 'alerts/{name}', 'documents', 'documents/{id}', 'dyads/{pair}', 'events', 'follow/{pair}', 'framing/{pair}', 'markers', 'network',
        'rituals', 'rituals/first-time', 'search', 'signals', 'sources', 'stats'].map((p) => `/api/${p}`),
    );
    // Every documented route answers when given its required parameters (the alert named is not defined: 404).
    for (const path of Object.keys(r.body.paths)) {
      const url = path.replace('{id}', '1').replace('{pair}', 'PRK-RUS').replace('{name}', 'undefined-alert') + (path.endsWith('search') ? '?q=Putin' : '');
      expect((await get(url)).res.status, url).toBe(path.endsWith('{name}') ? 404 : 200);
    }
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const r = await get('/api/nope');
    expect(r.res.status).toBe(404);
    expect(r.body.error).toContain('/api/nope');
  });
});

describe('bearer token', () => {
  it('answers 401 without the token and 200 with it', async () => {
    const guarded = createApp({ store: fx.store, token: 's3cret-token-for-tests', webDir: fx.dir });
    expect((await guarded.request('/api/stats')).status).toBe(401);
    expect((await guarded.request('/api/stats', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await guarded.request('/api/stats', { headers: { authorization: 'Bearer s3cret-token-for-tests' } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).documents).toBe(FIXTURE_DOCS.length);
  });
});

describe('analysis routes', () => {
  const fixtureEvents = FIXTURE_DOCS.flatMap((d) => d.events);

  it('/api/dyads/:pair gives both directions and downloads one row per period and direction', async () => {
    const r = await get('/api/dyads/prk-rus?by=year');
    expect(r.res.status).toBe(200);
    expect(r.body.total.ab.events).toBe(between('PRK', 'RUS', true).length);
    expect(r.body.total.ba.events).toBe(between('RUS', 'PRK', true).length);
    expect(r.body.periods.map((p: { period: string }) => p.period)).toEqual(['2024']);
    expect(r.body.top[0].goldstein).toBe(Math.max(...between('PRK', 'RUS').map((e) => e.goldstein)));
    const csv = await get('/api/dyads/PRK-RUS?format=csv');
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe('period,source,target,events,verbal_coop,material_coop,verbal_conflict,material_conflict,goldstein_sum,goldstein_mean,tone_mean,asymmetry_events,asymmetry_goldstein');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['2024,PRK,RUS,2', '2024,RUS,PRK,1']);
    const bad = await get('/api/dyads/PRK?by=week');
    expect(bad.res.status).toBe(400);
    expect(bad.body.error).toContain("path parameter 'pair'");
  });

  it('/api/rituals learns from one year and marks what did not come the next', async () => {
    const r = await get('/api/rituals?year=2025&window=1&min_years=1&as_of=2025-12-31');
    expect(r.res.status).toBe(200);
    const signals = FIXTURE_DOCS.flatMap((d) => d.signals.map((s) => `${s.from}>${s.to}|${s.kind}|${d.date.slice(5)}`));
    expect(r.body.rituals.map((x: { sender: string; recipient: string; kind: string; usualDay: string }) => `${x.sender}>${x.recipient}|${x.kind}|${x.usualDay}`).sort()).toEqual(signals.sort());
    expect(r.body.rituals.every((x: { status: string }) => x.status === 'missing')).toBe(true);
    const csv = await get('/api/rituals?year=2025&window=1&min_years=1&as_of=2025-12-31&format=csv');
    expect((csv.body as string).trim().split('\n')).toHaveLength(1 + signals.length);
    expect((await get('/api/rituals?year=soon')).res.status).toBe(400);
  });

  it('/api/network counts directed edges and exports GraphML', async () => {
    const r = await get('/api/network');
    const expected = new Map<string, number>();
    for (const e of fixtureEvents) expected.set(`${e.src}>${e.tgt}`, (expected.get(`${e.src}>${e.tgt}`) ?? 0) + 1);
    const got = new Map(r.body.edges.map((e: { source: string; target: string; events: number }) => [`${e.source}>${e.target}`, e.events]));
    expect(got).toEqual(expected);
    const xml = await get('/api/network?format=graphml');
    expect(xml.res.headers.get('content-type')).toMatch(/graphml/);
    expect((xml.body as string).match(/<edge /g)).toHaveLength(expected.size);
  });

  it('/api/follow/:pair and /api/framing/:pair answer with their reports and downloads', async () => {
    const f = await get('/api/follow/PRK-RUS');
    expect(f.res.status).toBe(200);
    expect(f.body).toMatchObject({ a: 'PRK', b: 'RUS', horizon: 180 });
    const fcsv = await get('/api/follow/PRK-RUS?format=csv');
    expect((fcsv.body as string).trim().split('\n')).toHaveLength(1 + f.body.links.length);

    const fr = await get('/api/framing/PRK-RUS');
    expect(fr.res.status).toBe(200);
    const years = [...new Set(FIXTURE_DOCS.filter((d) => d.signals.some((s) => [s.from, s.to].sort().join() === 'PRK,RUS')).map((d) => d.date.slice(0, 4)))];
    expect(fr.body.years.map((y: { year: string }) => y.year)).toEqual(years);
    expect((await get('/api/framing/PRK-RUS?top=-1')).res.status).toBe(400);
  });
});

describe('/api/alerts', () => {
  it('lists the alerts beside the store and gives an alert\'s matches', async () => {
    expect((await get('/api/alerts')).body.rows).toEqual([]);
    const file = join(fx.dir, 'fixture.db.alerts.json');
    addAlert(file, { name: 'prk-rus', query: { dyad: { a: 'PRK', b: 'RUS' } }, actor: null, to: 'stdout', createdAt: '2025-01-01T00:00:00Z' });
    const list = await get('/api/alerts');
    expect(list.body.rows).toEqual([{ name: 'prk-rus', query: 'dyad PRK-RUS', actor: null, to: 'stdout', createdAt: '2025-01-01T00:00:00Z', fired: 0 }]);
    const matches = await get('/api/alerts/prk-rus');
    expect(matches.body.rows.map((m: { evidence: string }) => m.evidence).sort()).toEqual(between('PRK', 'RUS').map((e) => e.evidence).sort());
    expect((await get('/api/alerts/nope')).res.status).toBe(404);
    expect((await get('/api/alerts/bad name')).res.status).toBe(400);
  });
});

describe('the dashboard files', () => {
  it('serves the page for every view path, hashed assets cached for good, and 404s for missing files', async () => {
    const web = join(fx.dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><div id="app"></div>');
    writeFileSync(join(web, 'assets/index-abc123.js'), 'console.log(1)');
    const site = createApp({ store: fx.store, webDir: web });
    for (const path of ['/', '/dyads/PRK-RUS?by=month', '/documents/1']) {
      const r = await site.request(path);
      expect(r.status, path).toBe(200);
      expect(await r.text()).toContain('<div id="app">');
      expect(r.headers.get('cache-control')).toBe('no-cache');
    }
    const js = await site.request('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await site.request('/assets/missing.js')).status).toBe(404);
    expect((await site.request('/favicon.ico')).status).toBe(404);
    expect((await site.request('/')).headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
