/** /api/framing/:pair: the marker profile of a dyad's signal documents year by year and what changed. */
import { z } from 'zod';
import type { Api } from '../api.js';
import type { ServerDeps } from '../deps.js';
import { framingShiftFromStore, type YearProfile } from '../../analysis/framing-shift.js';
import { dyad, format, page } from '../params.js';
import type { Table } from '../tables.js';
import { cachedReport, respondReport } from './report.js';

const framingParams = z.object({ pair: dyad.describe('two country codes, A-B (both directions are read)') });
const framingQuery = z
  .object({
    occasion: z.string().min(1).max(200).optional().describe('only signals of this occasion type, or whose occasion contains these words'),
    top: z.coerce.number().int().min(0).max(200).optional().describe('new phrases listed per year (default 15)'),
    ...page,
    format: format.describe('json (the report) or csv/jsonl (one row per year and marker)'),
  })
  .strict();

interface YearMarkerRow {
  year: string;
  documents: number;
  marker: string;
  markerDocuments: number;
  count: number;
  perDocument: number;
}

const framingTable: Table<YearMarkerRow> = {
  name: 'framing',
  columns: [
    ['year', (r) => r.year],
    ['documents', (r) => r.documents],
    ['marker', (r) => r.marker],
    ['marker_documents', (r) => r.markerDocuments],
    ['count', (r) => r.count],
    ['per_document', (r) => r.perDocument],
  ],
};

const flatten = (years: YearProfile[]): YearMarkerRow[] =>
  years.flatMap((y) => y.markers.map((m) => ({ year: y.year, documents: y.documents, marker: m.marker, markerDocuments: m.documents, count: m.count, perDocument: m.perDocument })));

export function register(api: Api, deps: ServerDeps): void {
  api.get(
    { path: '/api/framing/:pair', tag: 'analysis', summary: 'Framing shifts: markers gained and lost, phrases new each year', params: framingParams, query: framingQuery, downloads: true },
    async (c, q, p) => {
      const report = await cachedReport(deps, 'framing', framingShiftFromStore, { a: p.pair.a, b: p.pair.b, occasion: q.occasion, top: q.top });
      return respondReport(c, q, report, { ...framingTable, name: `framing-${p.pair.a}-${p.pair.b}` }, (r) => flatten(r.years));
    },
  );
}
