/** /api/rituals: the ritual calendar of a year (expected, on time, late, missing, pending) and first-time signals. */
import { z } from 'zod';
import type { Api } from '../api.js';
import type { ServerDeps } from '../deps.js';
import { ritualsFromStore, type FirstTimeSignal, type RitualReport, type RitualStatus } from '../../analysis/rituals.js';
import { country, format, isoDate, page } from '../params.js';
import { respondTable, sliceRows, type Table } from '../tables.js';
import { cachedReport, respondReport } from './report.js';

const ritualsQuery = z
  .object({
    year: z.coerce.number().int().min(1900).max(2200).optional().describe('the year checked (default: the latest year with a signal)'),
    actor: country.optional().describe('only rituals this country sends or receives'),
    tolerance: z.coerce.number().int().min(0).max(60).optional().describe('days either side of the usual day counted as on time (default 7)'),
    window: z.coerce.number().int().min(1).max(20).optional().describe('history years looked at (default 3)'),
    min_years: z.coerce.number().int().min(1).max(20).optional().describe('history years a ritual must be seen in (default 2)'),
    late: z.coerce.number().int().min(0).max(365).optional().describe('days after the tolerance a signal still counts as late (default 30)'),
    as_of: isoDate.optional().describe('last day observed (default: the latest signal)'),
    ...page,
    format: format.describe('json (the report) or csv/jsonl (one row per ritual)'),
  })
  .strict();

type RitualsQuery = z.output<typeof ritualsQuery>;

function report(deps: ServerDeps, q: RitualsQuery): Promise<RitualReport> {
  return cachedReport(deps, 'rituals', ritualsFromStore, { year: q.year, actor: q.actor, tolerance: q.tolerance, window: q.window, minYears: q.min_years, late: q.late, asOf: q.as_of });
}

const key = [
  ['sender', (r: RitualStatus | FirstTimeSignal) => r.sender],
  ['recipient', (r: RitualStatus | FirstTimeSignal) => r.recipient],
  ['kind', (r: RitualStatus | FirstTimeSignal) => r.kind],
  ['occasion_type', (r: RitualStatus | FirstTimeSignal) => r.occasionType],
  ['occasion', (r: RitualStatus | FirstTimeSignal) => r.occasion],
] as const;

const ritualsTable: Table<RitualStatus> = {
  name: 'rituals',
  columns: [
    ...key,
    ['usual_day', (r) => r.usualDay],
    ['years_seen', (r) => r.yearsSeen.join(' ')],
    ['expected', (r) => r.expected],
    ['status', (r) => r.status],
    ['lag_days', (r) => r.lag],
    ['received', (r) => r.received?.date],
    ['received_document', (r) => r.received?.doc.id],
    ['last_seen', (r) => r.lastSeen.date],
    ['sender_change', (r) => (r.senderChange ? `${r.senderChange.before.join('; ')} → ${r.senderChange.now}` : null)],
    ['evidence', (r) => (r.received ?? r.lastSeen).evidence],
  ],
};

const firstTimeTable: Table<FirstTimeSignal> = {
  name: 'first-time-signals',
  columns: [...key, ['date', (r) => r.first.date], ['count', (r) => r.count], ['document', (r) => r.first.doc.id], ['evidence', (r) => r.first.evidence]],
};

export function register(api: Api, deps: ServerDeps): void {
  api.get(
    { path: '/api/rituals', tag: 'analysis', summary: 'Ritual calendar: recurring signals expected in a year and which came, late or missing', query: ritualsQuery, downloads: true },
    async (c, q) => respondReport(c, q, await report(deps, q), ritualsTable, (r) => r.rituals),
  );
  api.get(
    { path: '/api/rituals/first-time', tag: 'analysis', summary: 'Signals of the year never seen before', query: ritualsQuery, downloads: true },
    async (c, q) => respondTable(c, firstTimeTable, q, sliceRows((await report(deps, q)).firstTime)),
  );
}
