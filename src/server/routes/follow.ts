/** /api/follow/:pair: verbal commitments linked to later deeds per domain (conversion rate, lags, unfulfilled). */
import { z } from 'zod';
import type { Api } from '../api.js';
import type { ServerDeps } from '../deps.js';
import { followThroughFromStore, type FollowLink } from '../../analysis/follow-through.js';
import { dyad, format, isoDate, page } from '../params.js';
import type { Table } from '../tables.js';
import { cachedReport, respondReport } from './report.js';

const followParams = z.object({ pair: dyad.describe('two country codes, A-B') });
const followQuery = z
  .object({
    horizon: z.coerce.number().int().min(1).max(3650).optional().describe('days within which a deed counts (default 180)'),
    from: isoDate.optional().describe("first commitment date"),
    to: isoDate.optional().describe('last commitment date'),
    as_of: isoDate.optional().describe('last day observed (default: the latest event)'),
    ...page,
    format: format.describe('json (the report) or csv/jsonl (one row per commitment and domain)'),
  })
  .strict();

const followTable: Table<FollowLink> = {
  name: 'follow-through',
  columns: [
    ['domain', (r) => r.domain],
    ['state', (r) => r.state],
    ['commitment_date', (r) => r.commitment.date],
    ['commitment', (r) => `${r.commitment.source}→${r.commitment.target} ${r.commitment.plover} ${r.commitment.cameo}`],
    ['commitment_evidence', (r) => r.commitment.evidence],
    ['commitment_document', (r) => r.commitment.doc.id],
    ['deed_date', (r) => r.deed?.date],
    ['deed', (r) => (r.deed ? `${r.deed.source}→${r.deed.target} ${r.deed.plover} ${r.deed.cameo}` : null)],
    ['deed_evidence', (r) => r.deed?.evidence],
    ['deed_document', (r) => r.deed?.doc.id],
    ['lag_days', (r) => r.lag],
  ],
};

export function register(api: Api, deps: ServerDeps): void {
  api.get(
    { path: '/api/follow/:pair', tag: 'analysis', summary: 'Follow-through: commitments and the deeds that followed, per domain', params: followParams, query: followQuery, downloads: true },
    async (c, q, p) => {
      const report = await cachedReport(deps, 'follow', followThroughFromStore, { a: p.pair.a, b: p.pair.b, horizon: q.horizon, from: q.from, to: q.to, asOf: q.as_of });
      return respondReport(c, q, report, { ...followTable, name: `follow-${p.pair.a}-${p.pair.b}` }, (r) => r.links);
    },
  );
}
