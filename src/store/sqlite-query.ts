/**
 * The read side of the SQLite store: filters → SQL, and stored rows → contract records.
 */
import type { CodedEvent, MarkerHit, Modality, OccasionType, PloverEvent, Signal, SignalChannel, SignalKind } from '../types.js';
import type { Row } from './sqlite-db.js';
import { DOC_COLUMNS } from './sqlite-documents.js';
import {
  StoreError,
  type DocRef,
  type DocumentContextFilter,
  type DocumentFilter,
  type EventFilter,
  type MarkerFilter,
  type SignalFilter,
} from './store.js';

export interface Query {
  sql: string;
  params: unknown[];
}

/**
 * A user's words as an FTS5 query: plain words are ANDed (a hyphenated or dotted term is a phrase, so
 * "Jong-un" finds "Jong Un"); a query using FTS5 syntax (quotes, AND/OR/NOT/NEAR, *, parentheses)
 * is passed through.
 */
export function toFtsQuery(q: string): string {
  const trimmed = q.trim();
  if (!trimmed) throw new StoreError('search query is empty');
  if (/["*()]|\b(AND|OR|NOT|NEAR)\b/.test(trimmed)) return trimmed;
  const terms = trimmed
    .split(/\s+/)
    .map((t) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).join(' '))
    .filter(Boolean);
  if (!terms.length) throw new StoreError(`search query "${q}" has no words`);
  return terms.map((t) => `"${t}"`).join(' ');
}

const FTS_DOCS = `SELECT document_id FROM document_versions WHERE id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`;

class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(clause: string, ...params: unknown[]): void {
    this.clauses.push(clause);
    this.params.push(...params);
  }
  toString(): string {
    return this.clauses.length ? ` WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** Source, date range and text search: the part every query shares. `day` is the column dated rows filter on. */
function documentContext(w: Where, f: DocumentContextFilter, docId: string, day: string): void {
  if (f.source) w.add('d.source = ? COLLATE NOCASE', f.source);
  if (f.from) w.add(`${day} >= ?`, f.from);
  if (f.to) w.add(`${day} <= ?`, f.to + '\uffff');
  if (f.q) w.add(`${docId} IN (${FTS_DOCS})`, toFtsQuery(f.q));
}

function page(f: DocumentContextFilter): Query {
  const limit = f.limit ?? -1;
  const offset = f.offset ?? 0;
  if (!Number.isInteger(limit) || !Number.isInteger(offset) || offset < 0)
    throw new StoreError(`limit ${f.limit} / offset ${f.offset}: not whole numbers`);
  return { sql: ' LIMIT ? OFFSET ?', params: [limit, offset] };
}

function finish(select: string, w: Where, order: string, f: DocumentContextFilter): Query {
  const p = page(f);
  return { sql: `${select}${w} ORDER BY ${order}${p.sql}`, params: [...w.params, ...p.params] };
}

const DOC_REF = 'd.url AS d_url, d.source AS d_source, d.date AS d_date, d.title AS d_title, d.language AS d_language, d.tone AS d_tone';

export function eventsQuery(f: EventFilter): Query {
  const w = new Where();
  documentContext(w, f, 'e.document_id', 'e.day');
  if (f.actor) {
    const like = `%${f.actor.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    w.add(
      "(e.src_name LIKE ? ESCAPE '\\' OR e.src_code LIKE ? ESCAPE '\\' OR e.tgt_name LIKE ? ESCAPE '\\' OR e.tgt_code LIKE ? ESCAPE '\\')",
      like, like, like, like,
    );
  }
  if (f.dyad) {
    const a = f.dyad.a.toUpperCase();
    const b = f.dyad.b.toUpperCase();
    if (f.dyad.directed) w.add('e.src_country = ? AND e.tgt_country = ?', a, b);
    else w.add('((e.src_country = ? AND e.tgt_country = ?) OR (e.src_country = ? AND e.tgt_country = ?))', a, b, b, a);
  }
  if (f.country) w.add('(e.src_country = ? OR e.tgt_country = ?)', f.country.toUpperCase(), f.country.toUpperCase());
  if (f.plover) w.add('e.plover = ?', f.plover.toUpperCase());
  if (f.cameo) w.add('e.cameo LIKE ?', `${f.cameo.replace(/\D/g, '')}%`);
  if (f.quadClass) w.add('e.quad_class = ?', f.quadClass);
  return finish(
    `SELECT e.*, ${DOC_REF}, s.id AS st_id, s.mentions AS st_mentions, s.sources AS st_sources, s.first_seen_at AS st_first_seen_at
     FROM events e JOIN documents d ON d.id = e.document_id JOIN stories s ON s.id = d.story_id`,
    w,
    'e.day, e.id',
    f,
  );
}

export function signalsQuery(f: SignalFilter): Query {
  const w = new Where();
  documentContext(w, f, 'g.document_id', 'g.day');
  if (f.senderCountry) w.add('g.sender_country = ?', f.senderCountry.toUpperCase());
  if (f.recipientCountry) w.add('g.recipient_country = ?', f.recipientCountry.toUpperCase());
  if (f.kind) w.add('g.kind = ?', f.kind);
  if (f.occasionType) w.add('g.occasion_type = ?', f.occasionType);
  return finish(`SELECT g.*, ${DOC_REF} FROM signals g JOIN documents d ON d.id = g.document_id`, w, 'g.day, g.id', f);
}

export function markersQuery(f: MarkerFilter): Query {
  const w = new Where();
  documentContext(w, f, 'm.document_id', "coalesce(d.date, '')");
  if (f.marker) w.add('m.marker = ?', f.marker);
  return finish(`SELECT m.*, ${DOC_REF} FROM markers m JOIN documents d ON d.id = m.document_id`, w, 'm.id', f);
}

export function documentsQuery(f: DocumentFilter): Query {
  const w = new Where();
  documentContext(w, f, 'd.id', "coalesce(d.date, '')");
  if (f.language) w.add('d.language = ?', f.language);
  if (f.feedUrl) w.add('d.feed_url = ?', f.feedUrl);
  if (f.missing !== undefined) w.add(f.missing ? 'd.missing_since IS NOT NULL' : 'd.missing_since IS NULL');
  return finish(`SELECT ${DOC_COLUMNS} FROM documents d`, w, 'd.id', f);
}

export function toDocRef(r: Row, id: number): DocRef {
  return {
    id,
    url: r.d_url as string | null,
    source: r.d_source as string | null,
    date: r.d_date as string | null,
    title: r.d_title as string | null,
    language: r.d_language as string,
    tone: r.d_tone as number,
  };
}

export function toEvent(r: Row): CodedEvent {
  return {
    sentence: r.sentence as number,
    span: [r.span_start as number, r.span_end as number],
    source: {
      text: r.src_text as string,
      name: r.src_name as string | null,
      country: r.src_country as string | null,
      sector: r.src_sector as string | null,
      code: r.src_code as string | null,
    },
    target: r.has_target
      ? {
          text: r.tgt_text as string,
          name: r.tgt_name as string | null,
          country: r.tgt_country as string | null,
          sector: r.tgt_sector as string | null,
          code: r.tgt_code as string | null,
        }
      : null,
    plover: { event: r.plover as PloverEvent, mode: r.plover_mode as string | null, context: JSON.parse(r.plover_context as string) },
    cameo: r.cameo as string,
    goldstein: r.goldstein as number,
    quad_class: r.quad_class as 1 | 2 | 3 | 4,
    modality: r.modality as Modality,
    date: r.date as string | null,
    attribution: r.attr_agency == null ? null : { agency: r.attr_agency as string, country: r.attr_country as string | null },
    rule: r.rule as string,
  };
}

/** A signal party; the optional extensions (sector, text) are left out when not stored. */
function party(r: Row, p: 'sender' | 'recipient'): Signal['sender'] {
  const sector = r[`${p}_sector`] as string | null;
  const text = r[`${p}_text`] as string | null;
  return {
    name: r[`${p}_name`] as string | null,
    role: r[`${p}_role`] as string | null,
    country: r[`${p}_country`] as string | null,
    org: r[`${p}_org`] as string | null,
    ...(sector != null ? { sector } : {}),
    ...(text != null ? { text } : {}),
  };
}

export function toSignal(r: Row): Signal {
  return {
    kind: r.kind as SignalKind,
    channel: r.channel as SignalChannel | null,
    sender: party(r, 'sender'),
    recipient: party(r, 'recipient'),
    on_behalf_of: r.on_behalf_of as string | null,
    occasion: r.occasion as string | null,
    occasion_type: r.occasion_type as OccasionType,
    date: r.date as string | null,
    span: [r.span_start as number, r.span_end as number],
    rule: r.rule as string,
  };
}

export function toMarker(r: Row): MarkerHit {
  return { marker: r.marker as string, count: r.count as number, spans: JSON.parse(r.spans as string) };
}
