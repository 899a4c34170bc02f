/** /api/events: coded events with the document context, filtered by dyad, actor, type, dates; pages and downloads. */
import { z } from 'zod';
import type { Api } from '../api.js';
import type { ServerDeps } from '../deps.js';
import type { EventFilter } from '../../store/store.js';
import { DEFAULT_LIMIT, context, country, dyad, flag, page } from '../params.js';
import { jsonPage } from '../tables.js';
import { DOWNLOAD_TYPES, eventStream } from '../event-export.js';

const eventsQuery = z
  .object({
    dyad: dyad.optional().describe('two country codes, A-B (undirected unless directed=true)'),
    directed: flag.optional().describe('with dyad: only A as source and B as target'),
    actor: z.string().min(1).max(200).optional().describe("substring of either actor's name or code"),
    country: country.optional().describe("either actor's country"),
    plover: z.string().regex(/^[A-Za-z]+$/, 'expected a PLOVER event type such as CONSULT').transform((s) => s.toUpperCase()).optional(),
    cameo: z.string().regex(/^\d{2,4}$/, 'expected a CAMEO code prefix of 2 to 4 digits').optional(),
    quad: z.coerce.number().int().min(1).max(4).optional().describe('quad class 1–4'),
    order: z.enum(['oldest', 'newest']).optional().describe('oldest (default) or newest first, by event date'),
    ...context,
    ...page,
    format: z
      .enum(['json', 'csv', 'jsonl', 'gdelt', 'plover'])
      .default('json')
      .describe('json (a page) or a streamed download of every matching row: csv, jsonl, gdelt (tab-separated) or plover (JSON lines), as `attache events` writes them'),
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
    order: q.order,
    source: q.source,
    from: q.from,
    to: q.to,
    q: q.q,
  };
}

export function register(api: Api, { store }: ServerDeps): void {
  api.get(
    { path: '/api/events', tag: 'events', summary: 'Coded events with their evidence and rule', query: eventsQuery, downloads: true },
    (c, q) => {
      const query = (limit: number | undefined, offset: number) => store.events({ ...eventFilter(q), limit, offset });
      if (q.format === 'json') return jsonPage(c, q.limit ?? DEFAULT_LIMIT, q.offset, query);
      const { type, ext } = DOWNLOAD_TYPES[q.format];
      return c.body(eventStream(query(q.limit, q.offset), q.format), 200, {
        'content-type': type,
        'content-disposition': `attachment; filename="events.${ext}"`,
      });
    },
  );
}
