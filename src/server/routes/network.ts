/** /api/network: the actor graph (edges by quad class and Goldstein sum); GraphML with ?format=graphml. */
import { z } from 'zod';
import type { Api } from '../api.js';
import type { ServerDeps } from '../deps.js';
import { networkFromStore, toGraphml, type NetworkEdge } from '../../analysis/network.js';
import { isoDate, page } from '../params.js';
import type { Table } from '../tables.js';
import { cachedReport, directedCountColumns, respondReport } from './report.js';

const networkQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    min_events: z.coerce.number().int().min(1).max(100000).optional().describe('leave out edges with fewer events (default 1)'),
    ...page,
    format: z.enum(['json', 'csv', 'jsonl', 'graphml']).default('json').describe('json (nodes and edges), csv/jsonl (one row per edge) or graphml'),
  })
  .strict();

const edgesTable: Table<NetworkEdge> = { name: 'network-edges', columns: directedCountColumns };

export function register(api: Api, deps: ServerDeps): void {
  api.get(
    { path: '/api/network', tag: 'analysis', summary: 'Actor network: directed edges weighted by quad class counts and Goldstein sum', query: networkQuery, downloads: true },
    async (c, q) => {
      const net = await cachedReport(deps, 'network', networkFromStore, { from: q.from, to: q.to, minEvents: q.min_events });
      if (q.format === 'graphml')
        return c.body(toGraphml(net), 200, { 'content-type': 'application/graphml+xml; charset=utf-8', 'content-disposition': 'attachment; filename="network.graphml"' });
      return respondReport(c, { ...q, format: q.format }, net, edgesTable, (n) => n.edges);
    },
  );
}
