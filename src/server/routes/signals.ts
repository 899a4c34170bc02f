/** /api/signals (diplomatic messages) and /api/markers (framing marker hits), each with pages and downloads. */
import { z } from 'zod';
import type { Api } from '../api.js';
import type { ServerDeps } from '../deps.js';
import type { MarkerRow, SignalRow } from '../../store/store.js';
import { context, country, format, page } from '../params.js';
import { respondTable, type Table } from '../tables.js';

const word = (what: string) => z.string().regex(/^[a-z_]+$/, `expected a ${what} such as congratulations`);

const signalsQuery = z
  .object({
    sender: country.optional().describe("sender's country"),
    recipient: country.optional().describe("recipient's country"),
    kind: word('signal kind').optional().describe('congratulations, greetings, condolences, …'),
    occasion_type: word('occasion type').optional().describe('national_day, anniversary, birthday, …'),
    ...context,
    ...page,
    format,
  })
  .strict();

const markersQuery = z
  .object({ marker: z.string().min(1).max(100).optional().describe('one marker, as in data/framing'), ...context, ...page, format })
  .strict();

const party = (p: SignalRow['signal']['sender']) => p.name ?? p.org ?? p.text ?? null;

const signalsTable: Table<SignalRow> = {
  name: 'signals',
  columns: [
    ['id', (r) => r.id],
    ['date', (r) => r.signal.date ?? r.doc.date],
    ['document_id', (r) => r.doc.id],
    ['outlet', (r) => r.doc.source],
    ['kind', (r) => r.signal.kind],
    ['channel', (r) => r.signal.channel],
    ['sender', (r) => party(r.signal.sender)],
    ['sender_country', (r) => r.signal.sender.country],
    ['recipient', (r) => party(r.signal.recipient)],
    ['recipient_country', (r) => r.signal.recipient.country],
    ['occasion', (r) => r.signal.occasion],
    ['occasion_type', (r) => r.signal.occasion_type],
    ['evidence', (r) => r.evidence],
    ['rule', (r) => r.signal.rule],
    ['url', (r) => r.doc.url],
  ],
};

const markersTable: Table<MarkerRow> = {
  name: 'markers',
  columns: [
    ['document_id', (r) => r.doc.id],
    ['date', (r) => r.doc.date],
    ['outlet', (r) => r.doc.source],
    ['marker', (r) => r.marker.marker],
    ['count', (r) => r.marker.count],
    ['title', (r) => r.doc.title],
  ],
};

export function register(api: Api, { store }: ServerDeps): void {
  api.get(
    { path: '/api/signals', tag: 'signals', summary: 'Diplomatic signals (messages, letters, wreaths, gifts) with evidence', query: signalsQuery, downloads: true },
    (c, q) =>
      respondTable(c, signalsTable, q, (limit, offset) =>
        store.signals({
          senderCountry: q.sender, recipientCountry: q.recipient, kind: q.kind, occasionType: q.occasion_type,
          source: q.source, from: q.from, to: q.to, q: q.q, limit, offset,
        }),
      ),
  );
  api.get(
    { path: '/api/markers', tag: 'signals', summary: 'Framing marker hits per document', query: markersQuery, downloads: true },
    (c, q) =>
      respondTable(c, markersTable, q, (limit, offset) =>
        store.markers({ marker: q.marker, source: q.source, from: q.from, to: q.to, q: q.q, limit, offset }),
      ),
  );
}
