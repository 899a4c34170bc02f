/** /api/sources: feed and source health; /api/stats: what the store holds. */
import { z } from 'zod';
import type { Api } from '../api.js';
import type { ServerDeps } from '../deps.js';
import type { SourceHealth } from '../../store/store.js';
import { format, page } from '../params.js';
import { respondTable, sliceRows, type Table } from '../tables.js';

const sourcesQuery = z
  .object({
    silent_after: z.coerce.number().positive().max(24 * 365).optional().describe('hours without a new item before a feed counts as silent (default 48)'),
    window: z.coerce.number().int().min(1).max(365).optional().describe('days over which items per day are counted (default 7)'),
    ...page,
    format,
  })
  .strict();

const sourcesTable: Table<SourceHealth> = {
  name: 'sources',
  columns: [
    ['name', (r) => r.source.name],
    ['url', (r) => r.source.url],
    ['kind', (r) => r.source.kind],
    ['documents', (r) => r.documents],
    ['items_per_day', (r) => r.itemsPerDay],
    ['last_success_at', (r) => r.lastSuccessAt],
    ['last_poll_at', (r) => r.lastPollAt],
    ['consecutive_failures', (r) => r.consecutiveFailures],
    ['last_error', (r) => r.lastError],
    ['silent_since', (r) => r.silentSince],
  ],
};

export function register(api: Api, { store }: ServerDeps): void {
  api.get(
    { path: '/api/sources', tag: 'sources', summary: 'Source and feed health: last success, items per day, failures, silence', query: sourcesQuery, downloads: true },
    async (c, q) => {
      const rows = await store.health({ silentAfterHours: q.silent_after, windowDays: q.window });
      return respondTable(c, sourcesTable, q, sliceRows(rows));
    },
  );
  api.get({ path: '/api/stats', tag: 'sources', summary: 'Counts of what the store holds' }, async (c) => c.json(await store.stats()));
}
