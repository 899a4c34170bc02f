import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkFromStore } from '../../analysis/network.js';
import { reportCache } from '../cache.js';
import { fixtureStore, type FixtureStore } from '../../../test/server-fixture.js';
import { cachedReport, respondReport } from './report.js';
import type { Format, Table } from '../tables.js';
import type { ServerDeps } from '../deps.js';

let fx: FixtureStore;
let deps: ServerDeps;
beforeAll(async () => {
  fx = await fixtureStore();
  deps = { store: fx.store, cache: reportCache(fx.store) };
});
afterAll(() => fx.close());

describe('analysis route answers', () => {
  it('computes a report once per name and options', async () => {
    let runs = 0;
    const network = (...args: Parameters<typeof networkFromStore>) => (runs++, networkFromStore(...args));
    const a = await cachedReport(deps, 'network', network, { minEvents: 1 });
    expect(await cachedReport(deps, 'network', network, { minEvents: 1 })).toBe(a);
    expect(runs).toBe(1);
    await cachedReport(deps, 'network', network, { minEvents: 2 });
    await cachedReport(deps, 'other', network, { minEvents: 1 });
    expect(runs).toBe(3);
    expect(a.edges.length).toBeGreaterThan(0);
  });

  it('answers the whole report as JSON, its rows as CSV', async () => {
    const net = await cachedReport(deps, 'network', networkFromStore, { minEvents: 1 });
    const table: Table<(typeof net.edges)[number]> = { name: 'edges', columns: [['source', (e) => e.source], ['events', (e) => e.events]] };
    const app = new Hono().get('/:format', (c) => respondReport(c, { format: c.req.param('format') as Format, offset: 0 }, net, table, (n) => n.edges));
    expect(await (await app.request('/json')).json()).toEqual(JSON.parse(JSON.stringify(net)));
    const csv = await (await app.request('/csv')).text();
    expect(csv.split('\n').slice(0, 2)).toEqual(['source,events', `${net.edges[0].source},${net.edges[0].events}`]);
    expect(csv.trim().split('\n')).toHaveLength(net.edges.length + 1);
  });
});
