/**
 * Event export formats (`attache events --format …`) written with backpressure, so an export of any
 * size streams from the store's cursor to the output in constant memory.
 *
 *  - csv:    one row an event, flat columns (EVENT_CSV_COLUMNS), RFC 4180.
 *  - jsonl:  one EventRow (store.ts) a line: {id, doc, story, evidence, event}.
 *  - json:   the same records as one JSON array (written incrementally).
 *  - gdelt:  tab-separated, a header line, then GDELT 2.0 event-table-like columns (GDELT_COLUMNS).
 *  - plover: one PLOVER-style JSON record a line (event, mode, context, actor, recipient, source text…).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { csvRow } from '../output/csv.js';
import type { ActorRef } from '../types.js';
import type { EventRow } from './store.js';

export const EVENT_FORMATS = ['csv', 'jsonl', 'json', 'gdelt', 'plover'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export const EVENT_CSV_COLUMNS = [
  'event_id', 'date', 'document_id', 'published', 'outlet', 'url',
  'source_text', 'source_name', 'source_country', 'source_sector', 'source_code',
  'target_text', 'target_name', 'target_country', 'target_sector', 'target_code',
  'plover_event', 'plover_mode', 'plover_context', 'cameo', 'goldstein', 'quad_class', 'modality',
  'attribution_agency', 'attribution_country', 'story_id', 'num_mentions', 'num_sources', 'tone', 'evidence', 'rule',
] as const;

const actorCols = (a: ActorRef | null) => [a?.text, a?.name, a?.country, a?.sector, a?.code];

function csvLine(r: EventRow): string {
  const e = r.event;
  return csvRow([
    r.id, e.date ?? r.doc.date, r.doc.id, r.doc.date, r.doc.source, r.doc.url,
    ...actorCols(e.source), ...actorCols(e.target),
    e.plover.event, e.plover.mode, e.plover.context.join(';'), e.cameo, e.goldstein, e.quad_class, e.modality,
    e.attribution?.agency, e.attribution?.country, r.story.id, r.story.mentions, r.story.sources, r.doc.tone, r.evidence, e.rule,
  ]);
}

export const GDELT_COLUMNS = [
  'GlobalEventID', 'SQLDATE', 'MonthYear', 'Year',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1Type1Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2Type1Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone', 'DATEADDED', 'SOURCEURL',
] as const;

/** GDELT cells are tab-separated: tabs and line breaks inside a value become spaces. */
const tsvCell = (v: unknown) => (v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' '));

/** The event's day as YYYYMMDD: its own date when complete, else the publication date; '' when neither is. */
function sqlDate(r: EventRow): string {
  const d = [r.event.date, r.doc.date].find((x) => x && /^\d{4}-\d{2}-\d{2}$/.test(x));
  return d ? d.replaceAll('-', '') : '';
}

function gdeltLine(r: EventRow): string {
  const e = r.event;
  const day = sqlDate(r);
  const actor = (a: ActorRef | null) => [a?.code, a?.name?.toUpperCase(), a?.country, a?.sector];
  return (
    [
      r.id, day, day.slice(0, 6), day.slice(0, 4),
      ...actor(e.source), ...actor(e.target),
      e.sentence === 0 ? 1 : 0, e.cameo, e.cameo.slice(0, 3), e.cameo.slice(0, 2), e.quad_class, e.goldstein,
      r.story.mentions, r.story.sources, r.story.mentions, r.doc.tone, r.story.firstSeenAt.replace(/\D/g, '').slice(0, 14), r.doc.url,
    ]
      .map(tsvCell)
      .join('\t') + '\n'
  );
}

const ploverActor = (a: ActorRef | null) => a && { text: a.text, name: a.name, country: a.country, sector: a.sector, code: a.code };

function ploverLine(r: EventRow): string {
  const e = r.event;
  return (
    JSON.stringify({
      id: `attache-${r.id}`,
      date: e.date ?? r.doc.date,
      event: e.plover.event,
      mode: e.plover.mode,
      context: e.plover.context,
      actor: ploverActor(e.source),
      recipient: ploverActor(e.target),
      modality: e.modality,
      cameo: e.cameo,
      goldstein: e.goldstein,
      quad_class: e.quad_class,
      source_text: r.evidence,
      source: { outlet: r.doc.source, url: r.doc.url, published: r.doc.date, document_id: r.doc.id, title: r.doc.title },
      attribution: e.attribution,
      rule: e.rule,
    }) + '\n'
  );
}

const LINE: Record<EventFormat, (r: EventRow) => string> = {
  csv: csvLine,
  gdelt: gdeltLine,
  plover: ploverLine,
  jsonl: (r) => JSON.stringify(r) + '\n',
  json: (r) => JSON.stringify(r),
};

const HEADER: Record<EventFormat, string> = {
  csv: csvRow(EVENT_CSV_COLUMNS),
  gdelt: GDELT_COLUMNS.join('\t') + '\n',
  plover: '',
  jsonl: '',
  json: '[',
};

/**
 * Write `rows` to `out` in `format`, gathering lines into ~64 KB writes and waiting for 'drain'
 * whenever the stream's buffer is full, so memory stays bounded however many rows there are.
 * Rejects if `out` fails. Returns the number of rows written.
 */
export async function writeEvents(rows: AsyncIterable<EventRow>, format: EventFormat, out: Writable, bufferBytes = 64 * 1024): Promise<number> {
  const line = LINE[format];
  const json = format === 'json';
  let buf = HEADER[format];
  let n = 0;
  const flush = async () => {
    if (!buf) return;
    const ok = out.write(buf);
    buf = '';
    if (!ok) await once(out, 'drain');
  };
  for await (const r of rows) {
    buf += json ? (n ? ',\n' : '\n') + line(r) : line(r);
    n++;
    if (buf.length >= bufferBytes) await flush();
  }
  if (json) buf += n ? '\n]\n' : ']\n';
  await flush();
  return n;
}
