/** /api/events: coded events with the document context, filtered by dyad, actor, type, dates; pages and downloads. */
import { z } from 'zod';
import type { Api } from '../api.js';
import type { ServerDeps } from '../deps.js';
import type { EventFilter, EventRow } from '../../store/store.js';
import { context, country, dyad, flag, format, page } from '../params.js';
import { respondTable, type Table } from '../tables.js';

const eventsQuery = z
  .object({
    dyad: dyad.optional().describe('two country codes, A-B (undirected unless directed=true)'),
    directed: flag.optional().describe('with dyad: only A as source and B as target'),
    actor: z.string().min(1).max(200).optional().describe("substring of either actor's name or code"),
    country: country.optional().describe("either actor's country"),
    plover: z.string().regex(/^[A-Za-z]+$/, 'expected a PLOVER event type such as CONSULT').transform((s) => s.toUpperCase()).optional(),
    cameo: z.string().regex(/^\d{2,4}$/, 'expected a CAMEO code prefix of 2 to 4 digits').optional(),
    quad: z.coerce.number().int().min(1).max(4).optional().describe('quad class 1–4'),
    ...context,
    ...page,
    format,
  })
  .strict();

type EventsQuery = z.output<typeof eventsQuery>;

function eventFilter(q: Omit<EventsQuery, 'format' | 'limit' | 'offset'>): EventFilter {
  return {
    ...(q.dyad ? { dyad: { ...q.dyad, directed: q.directed ?? false } } : {}),
    actor: q.actor,
    country: q.country,
    plover: q.plover,
    cameo: q.cameo,
    quadClass: q.quad as EventFilter['quadClass'],
    source: q.source,
    from: q.from,
    to: q.to,
    q: q.q,
  };
}

const eventsTable: Table<EventRow> = {
  name: 'events',
  columns: [
    ['id', (r) => r.id],
    ['date', (r) => r.event.date ?? r.doc.date],
    ['document_id', (r) => r.doc.id],
    ['outlet', (r) => r.doc.source],
    ['source_code', (r) => r.event.source.code],
    ['source_name', (r) => r.event.source.name ?? r.event.source.text],
    ['source_country', (r) => r.event.source.country],
    ['target_code', (r) => r.event.target?.code],
    ['target_name', (r) => r.event.target?.name ?? r.event.target?.text],
    ['target_country', (r) => r.event.target?.country],
    ['plover', (r) => r.event.plover.event],
    ['plover_mode', (r) => r.event.plover.mode],
    ['cameo', (r) => r.event.cameo],
    ['goldstein', (r) => r.event.goldstein],
    ['quad_class', (r) => r.event.quad_class],
    ['modality', (r) => r.event.modality],
    ['mentions', (r) => r.story.mentions],
    ['evidence', (r) => r.evidence],
    ['rule', (r) => r.event.rule],
    ['url', (r) => r.doc.url],
  ],
};

export function register(api: Api, { store }: ServerDeps): void {
  api.get(
    { path: '/api/events', tag: 'events', summary: 'Coded events with their evidence and rule', query: eventsQuery, downloads: true },
    (c, q) => respondTable(c, eventsTable, q, (limit, offset) => store.events({ ...eventFilter(q), limit, offset })),
  );
}
