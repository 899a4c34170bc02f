/** /api/dyads/:pair: the dyad report (periods by direction, quad classes, Goldstein, asymmetry, top events). */
import { z } from 'zod';
import type { Api } from '../api.js';
import type { ServerDeps } from '../deps.js';
import { dyadFromStore, type DyadDirection, type DyadPeriod } from '../../analysis/dyad.js';
import { dyad, format, isoDate, page } from '../params.js';
import type { Table } from '../tables.js';
import { cachedReport, directedCountColumns, respondReport } from './report.js';

const dyadParams = z.object({ pair: dyad.describe('two country codes, A-B (A→B is the first direction)') });
const dyadQuery = z
  .object({
    by: z.enum(['month', 'quarter', 'year']).default('year').describe('period unit'),
    from: isoDate.optional(),
    to: isoDate.optional(),
    top: z.coerce.number().int().min(0).max(200).default(10).describe('how many of the strongest events to list'),
    ...page,
    format: format.describe('json (the report) or csv/jsonl (one row per period and direction)'),
  })
  .strict();

/** One period in one direction, flattened for downloads. */
interface DyadPeriodRow extends DyadDirection {
  period: string;
  asymmetryEvents: number | null;
  asymmetryGoldstein: number | null;
}

const dyadTable: Table<DyadPeriodRow> = {
  name: 'dyad',
  columns: [
    ['period', (r) => r.period],
    ...directedCountColumns,
    ['goldstein_mean', (r) => r.goldsteinMean],
    ['tone_mean', (r) => r.toneMean],
    ['asymmetry_events', (r) => r.asymmetryEvents],
    ['asymmetry_goldstein', (r) => r.asymmetryGoldstein],
  ],
};

const flatten = (periods: DyadPeriod[]): DyadPeriodRow[] =>
  periods.flatMap((p) =>
    [p.ab, p.ba].map((d) => ({ ...d, period: p.period, asymmetryEvents: p.asymmetry.events, asymmetryGoldstein: p.asymmetry.goldstein })),
  );

export function register(api: Api, deps: ServerDeps): void {
  api.get(
    {
      path: '/api/dyads/:pair',
      tag: 'analysis',
      summary: 'What two countries did to each other, period by period and in each direction',
      params: dyadParams,
      query: dyadQuery,
      downloads: true,
    },
    async (c, q, p) => {
      const report = await cachedReport(deps, 'dyad', dyadFromStore, { a: p.pair.a, b: p.pair.b, by: q.by, from: q.from, to: q.to, top: q.top });
      return respondReport(c, q, report, { ...dyadTable, name: `dyad-${p.pair.a}-${p.pair.b}` }, (r) => flatten(r.periods));
    },
  );
}
