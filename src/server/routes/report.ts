/**
 * How the analysis routes (dyads, follow, framing, network, rituals) answer: the report is computed once per
 * store state and options (the report cache), then given whole as JSON, or as its rows in a table download.
 */
import type { Context } from 'hono';
import type { NetworkEdge } from '../../analysis/network.js';
import type { Store } from '../../store/store.js';
import type { ServerDeps } from '../deps.js';
import { respondTable, sliceRows, type Format, type Table } from '../tables.js';

/** Download columns of directed event counts: a dyad's direction, a network edge. */
export const directedCountColumns: Table<NetworkEdge>['columns'] = [
  ['source', (r) => r.source],
  ['target', (r) => r.target],
  ['events', (r) => r.events],
  ['verbal_coop', (r) => r.quadClass['1']],
  ['material_coop', (r) => r.quadClass['2']],
  ['verbal_conflict', (r) => r.quadClass['3']],
  ['material_conflict', (r) => r.quadClass['4']],
  ['goldstein_sum', (r) => r.goldsteinSum],
];

/** `compute(store, opts)`, from the cache while the store is unchanged; `name` keeps the analyses apart. */
export function cachedReport<O, R>({ store, cache }: ServerDeps, name: string, compute: (store: Store, opts: O) => Promise<R>, opts: O): Promise<R> {
  return cache.get(`${name} ${JSON.stringify(opts)}`, () => compute(store, opts));
}

/** The report as JSON (?format=json), else `rows(report)` as a page or download of `table`. */
export function respondReport<R extends object, T>(
  c: Context,
  q: { format: Format; limit?: number; offset: number },
  report: R,
  table: Table<T>,
  rows: (report: R) => readonly T[],
): Response | Promise<Response> {
  return q.format === 'json' ? c.json(report) : respondTable(c, table, q, sliceRows(rows(report)));
}
