/**
 * The read side of the PostgreSQL store: filters → SQL with $n parameters. Same filters, same order and
 * the same columns as the SQLite queries (sqlite-query.ts), so rows map to records through the same
 * functions there (toEvent, toSignal, toMarker, toDocRef, toDocumentSummary).
 */
import { DOC_COLUMNS } from './sqlite-documents.js';
import { toTsQuery } from './postgres-fts.js';
import {
  StoreError,
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

class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  /** Add a clause whose parameters are written `?` (numbered here). */
  add(clause: string, ...params: unknown[]): void {
    let n = this.params.length;
    this.clauses.push(clause.replace(/\?/g, () => `$${++n}`));
    this.params.push(...params);
  }
  toString(): string {
    return this.clauses.length ? ` WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** Source, date range and text search: the part every query shares. `day` is the column dated rows filter on. */
function documentContext(w: Where, f: DocumentContextFilter, docId: string, day: string): void {
  if (f.source) w.add('lower(d.source) = lower(?)', f.source);
  if (f.from) w.add(`${day} >= ? COLLATE "C"`, f.from);
  if (f.to) w.add(`${day} <= ? COLLATE "C"`, f.to + '\uffff');
  if (f.q) w.add(`${docId} IN (SELECT id FROM documents WHERE tsv @@ to_tsquery('attache', ?))`, toTsQuery(f.q));
}

function finish(select: string, w: Where, order: string, f: DocumentContextFilter): Query {
  const limit = f.limit ?? null;
  const offset = f.offset ?? 0;
  if ((limit !== null && !Number.isInteger(limit)) || !Number.isInteger(offset) || offset < 0)
    throw new StoreError(`limit ${f.limit} / offset ${f.offset}: not whole numbers`);
  const n = w.params.length;
  // SQLite reads a negative limit as "no limit"; so does this store.
  return {
    sql: `${select}${w} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
    params: [...w.params, limit !== null && limit >= 0 ? limit : null, offset],
  };
}

const DOC_REF = 'd.url AS d_url, d.source AS d_source, d.date AS d_date, d.title AS d_title, d.language AS d_language, d.tone AS d_tone';

export function eventsQuery(f: EventFilter): Query {
  const w = new Where();
  documentContext(w, f, 'e.document_id', 'e.day');
  if (f.actor) {
    const like = `%${f.actor.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    w.add(
      "(e.src_name ILIKE ? ESCAPE '\\' OR e.src_code ILIKE ? ESCAPE '\\' OR e.tgt_name ILIKE ? ESCAPE '\\' OR e.tgt_code ILIKE ? ESCAPE '\\')",
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
