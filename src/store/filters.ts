/**
 * The read side of both stores: filters → one SQL query, written once for the two SQL dialects. What
 * differs between SQLite and PostgreSQL (parameter markers, case-insensitive matching, byte-wise
 * comparison of ISO dates, full-text search, "no limit") is a Dialect; the stores' rows then map to
 * records through records.ts.
 */
import { DOC_COLUMNS } from './records.js';
import {
  StoreError,
  type ActorFilter,
  type DocumentContextFilter,
  type DocumentFilter,
  type EventFilter,
  type MarkerFilter,
  type PageFilter,
  type SignalFilter,
} from './store.js';

export interface Query {
  sql: string;
  params: unknown[];
}

export interface Dialect {
  /** The marker of the n-th parameter (from 1): `?` or `$n`. */
  param(n: number): string;
  /** Clause: d.source equals the parameter `?`, ignoring case. */
  sourceIs: string;
  /** Clause: the text column `col` compares with `op` to the parameter `?` byte by byte (ISO dates). */
  compare(col: string, op: '>=' | '<='): string;
  /** Clause and parameter: the document `docId` matches the user's full-text query `q`. */
  textMatch(docId: string, q: string): { clause: string; param: string };
  /** A text expression ordered byte by byte. */
  bytewise(expr: string): string;
  /** The case-insensitive LIKE operator. */
  ilike: string;
  /** The LIMIT parameter for a limit (null: none given). */
  limit(limit: number | null): number | null;
}

class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  constructor(private readonly dialect: Dialect) {}
  /** Add a clause whose parameters are written `?` (turned into the dialect's markers). */
  add(clause: string, ...params: unknown[]): void {
    let n = this.params.length;
    this.clauses.push(clause.replace(/\?/g, () => this.dialect.param(++n)));
    this.params.push(...params);
  }
  toString(): string {
    return this.clauses.length ? ` WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** Source, date range and text search: the part every query shares. `day` is the column dated rows filter on. */
function documentContext(w: Where, d: Dialect, f: DocumentContextFilter, docId: string, day: string): void {
  if (f.source) w.add(d.sourceIs, f.source);
  if (f.from) w.add(d.compare(day, '>='), f.from);
  if (f.to) w.add(d.compare(day, '<='), f.to + '\uffff');
  if (f.q) {
    const m = d.textMatch(docId, f.q);
    w.add(m.clause, m.param);
  }
}

function finish(d: Dialect, select: string, w: Where, order: string, f: PageFilter, groupBy = ''): Query {
  const limit = f.limit ?? null;
  const offset = f.offset ?? 0;
  if ((limit !== null && !Number.isInteger(limit)) || !Number.isInteger(offset) || offset < 0)
    throw new StoreError(`limit ${f.limit} / offset ${f.offset}: not whole numbers`);
  const n = w.params.length;
  return {
    sql: `${select}${w}${groupBy && ` GROUP BY ${groupBy}`} ORDER BY ${order} LIMIT ${d.param(n + 1)} OFFSET ${d.param(n + 2)}`,
    params: [...w.params, d.limit(limit), offset],
  };
}

const DOC_REF = 'd.url AS d_url, d.source AS d_source, d.date AS d_date, d.title AS d_title, d.language AS d_language, d.tone AS d_tone';

/** `%text%` for LIKE … ESCAPE '\', the text's own % _ \ escaped. */
export const likeAnywhere = (text: string) => `%${text.replace(/[%_\\]/g, (c) => '\\' + c)}%`;

export function eventsQuery(d: Dialect, f: EventFilter): Query {
  const w = new Where(d);
  documentContext(w, d, f, 'e.document_id', 'e.day');
  if (f.actor) {
    const like = likeAnywhere(f.actor);
    const m = (col: string) => `${col} ${d.ilike} ? ESCAPE '\\'`;
    w.add(`(${m('e.src_name')} OR ${m('e.src_code')} OR ${m('e.tgt_name')} OR ${m('e.tgt_code')})`, like, like, like, like);
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
    d,
    `SELECT e.*, ${DOC_REF}, s.id AS st_id, s.mentions AS st_mentions, s.sources AS st_sources, s.first_seen_at AS st_first_seen_at
     FROM events e JOIN documents d ON d.id = e.document_id JOIN stories s ON s.id = d.story_id`,
    w,
    f.order === 'newest' ? 'e.day DESC, e.id DESC' : 'e.day, e.id',
    f,
  );
}

export function signalsQuery(d: Dialect, f: SignalFilter): Query {
  const w = new Where(d);
  documentContext(w, d, f, 'g.document_id', 'g.day');
  if (f.senderCountry) w.add('g.sender_country = ?', f.senderCountry.toUpperCase());
  if (f.recipientCountry) w.add('g.recipient_country = ?', f.recipientCountry.toUpperCase());
  if (f.kind) w.add('g.kind = ?', f.kind);
  if (f.occasionType) w.add('g.occasion_type = ?', f.occasionType);
  return finish(d, `SELECT g.*, ${DOC_REF} FROM signals g JOIN documents d ON d.id = g.document_id`, w, 'g.day, g.id', f);
}

export function markersQuery(d: Dialect, f: MarkerFilter): Query {
  const w = new Where(d);
  documentContext(w, d, f, 'm.document_id', "coalesce(d.date, '')");
  if (f.marker) w.add('m.marker = ?', f.marker);
  return finish(d, `SELECT m.*, ${DOC_REF} FROM markers m JOIN documents d ON d.id = m.document_id`, w, 'm.id', f);
}

export function documentsQuery(d: Dialect, f: DocumentFilter): Query {
  const w = new Where(d);
  documentContext(w, d, f, 'd.id', "coalesce(d.date, '')");
  if (f.language) w.add('d.language = ?', f.language);
  if (f.feedUrl) w.add('d.feed_url = ?', f.feedUrl);
  if (f.missing !== undefined) w.add(f.missing ? 'd.missing_since IS NOT NULL' : 'd.missing_since IS NULL');
  return finish(d, `SELECT ${DOC_COLUMNS} FROM documents d`, w, 'd.id', f);
}

/** Every appearance of an actor in the coding: as event source or target, as signal sender or recipient. */
const APPEARANCES = `
  SELECT src_code AS code, src_country AS country, src_name AS name, 1 AS src, 0 AS tgt, 0 AS sent, 0 AS recv, day FROM events
  UNION ALL SELECT tgt_code, tgt_country, tgt_name, 0, 1, 0, 0, day FROM events WHERE has_target = 1
  UNION ALL SELECT sender_country || coalesce(sender_sector, ''), sender_country, sender_name, 0, 0, 1, 0, day FROM signals
  UNION ALL SELECT recipient_country || coalesce(recipient_sector, ''), recipient_country, recipient_name, 0, 0, 0, 1, day FROM signals`;

export function actorsQuery(d: Dialect, f: ActorFilter): Query {
  const w = new Where(d);
  if (f.country) w.add('a.country = ?', f.country.toUpperCase());
  if (f.q) {
    const like = likeAnywhere(f.q);
    w.add(`(a.name ${d.ilike} ? ESCAPE '\\' OR a.code ${d.ilike} ? ESCAPE '\\')`, like, like);
  }
  return finish(
    d,
    `SELECT a.code, a.country, a.name, sum(a.src) AS events_as_source, sum(a.tgt) AS events_as_target,
       sum(a.sent) AS signals_sent, sum(a.recv) AS signals_received,
       min(nullif(a.day, '')) AS first_seen, max(nullif(a.day, '')) AS last_seen
     FROM (${APPEARANCES}) a`,
    w,
    `sum(a.src + a.tgt + a.sent + a.recv) DESC, ${d.bytewise("coalesce(a.code, '')")}, ${d.bytewise("coalesce(a.name, '')")}, ${d.bytewise("coalesce(a.country, '')")}`,
    f,
    'a.code, a.country, a.name',
  );
}
