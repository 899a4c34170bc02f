/**
 * The SQLite store (better-sqlite3, WAL, FTS5): the embedded default behind the Store interface.
 * Writes go through one connection; each streaming query reads on a read-only connection leased from a
 * pool (sqlite-readers.ts), so a long export neither blocks nor is blocked by concurrent writes (WAL
 * snapshot isolation), and a page of events costs no connection setup or statement preparation.
 */
import { existsSync } from 'node:fs';
import { actorsQuery, documentsQuery, eventsQuery, markersQuery, signalsQuery, type Query } from './filters.js';
import {
  checkSource,
  codedDocument,
  health,
  healthSql,
  nearDuplicateDistance,
  STATS_SQL,
  toActor,
  toDocumentSummary,
  toEventRow,
  toFeedState,
  toMarkerRow,
  toSearchHit,
  toSignalRow,
  toSource,
  toStory,
  type Row,
} from './records.js';
import { Db, migrate } from './sqlite-db.js';
import { documentsNamed, findDocument, markMissing, saveDocument, versions } from './sqlite-documents.js';
import { SQLITE, toFtsQuery } from './sqlite-query.js';
import { ReaderPool } from './sqlite-readers.js';
import { MIGRATIONS } from './sqlite-schema.js';
import {
  StoreError,
  type ActorFilter,
  type ActorSummary,
  type DocumentFilter,
  type DocumentHistory,
  type DocumentKey,
  type DocumentSaveInput,
  type DocumentSummary,
  type EventFilter,
  type EventRow,
  type FeedState,
  type HealthOptions,
  type MarkerFilter,
  type MarkerRow,
  type MigrationResult,
  type PollResult,
  type SaveResult,
  type SearchHit,
  type SignalFilter,
  type SignalRow,
  type SourceHealth,
  type SourceInput,
  type SourceRecord,
  type Store,
  type StoreOptions,
  type StoreStats,
} from './store.js';
import type { CodedDocument } from '../types.js';
import { normaliseUrl } from './url.js';

/** Turn SQLite's errors on a text query (FTS5 syntax: "unterminated string", "fts5: syntax error…") into a StoreError naming it. */
function ftsError(e: unknown, q: string | undefined): unknown {
  return q && e instanceof Error && (e as { code?: string }).code === 'SQLITE_ERROR'
    ? new StoreError(`search query "${q}": ${e.message}`)
    : e;
}

/** Rows a stream reads ahead of its caller (see stream()). */
const STREAM_BATCH = 256;

export class SqliteStore implements Store {
  readonly location: string;
  private readonly db: Db;
  /** Read-only connections for streaming queries; none for an in-memory database, which has only the main one. */
  private readonly readers: ReaderPool | null;
  private readonly maxDistance: number;

  constructor(
    readonly path: string,
    opts: StoreOptions = {},
  ) {
    this.maxDistance = nearDuplicateDistance(opts);
    if (opts.mustExist && (path === ':memory:' || !existsSync(path)))
      throw new StoreError(`${path}: no store there (ingest something first, or give --db / ATTACHE_DB)`);
    try {
      this.db = new Db(path);
    } catch (e) {
      throw new StoreError(`${path}: cannot open SQLite database: ${(e as Error).message}`);
    }
    this.location = `sqlite:${path}`;
    this.readers = path === ':memory:' || path === '' ? null : new ReaderPool(path);
  }

  async migrate(): Promise<MigrationResult> {
    return migrate(this.db, MIGRATIONS);
  }

  async close(): Promise<void> {
    this.readers?.close();
    this.db.close();
  }

  async upsertSource(s: SourceInput): Promise<SourceRecord> {
    checkSource(s);
    const row = this.db.get<Row>(
      `INSERT INTO sources (name, url, kind, interval_s, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET name = excluded.name, kind = excluded.kind,
         interval_s = coalesce(excluded.interval_s, interval_s)
       RETURNING *`,
      s.name.trim(), normaliseUrl(s.url), s.kind, s.intervalSeconds ?? null, new Date().toISOString(),
    );
    return toSource(row!);
  }

  async recordPoll(p: PollResult): Promise<void> {
    const url = normaliseUrl(p.url);
    const at = p.at ?? new Date().toISOString();
    this.db.raw.transaction(() => {
      const src = this.db.get<{ id: number }>('SELECT id FROM sources WHERE url = ?', url);
      if (!src) throw new StoreError(`poll of ${p.url}: no such source (upsertSource it first)`);
      const itemsNew = p.itemsNew ?? 0;
      this.db.run(
        `INSERT INTO polls (source_id, at, ok, http_status, items_seen, items_new, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        src.id, at, p.ok ? 1 : 0, p.httpStatus ?? null, p.itemsSeen, itemsNew, p.error ?? null, p.durationMs ?? null,
      );
      if (p.ok)
        this.db.run(
          `UPDATE sources SET last_poll_at = ?, last_success_at = ?, consecutive_failures = 0, last_error = NULL,
             last_status = ?, etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),
             last_new_item_at = CASE WHEN ? > 0 THEN ? ELSE last_new_item_at END, next_poll_at = ? WHERE id = ?`,
          at, at, p.httpStatus ?? null, p.etag ?? null, p.lastModified ?? null, itemsNew, at, p.nextPollAt ?? null, src.id,
        );
      else
        this.db.run(
          `UPDATE sources SET last_poll_at = ?, consecutive_failures = consecutive_failures + 1, last_error = ?,
             last_status = ?, next_poll_at = ? WHERE id = ?`,
          at, p.error ?? 'failed', p.httpStatus ?? null, p.nextPollAt ?? null, src.id,
        );
    }).immediate();
  }

  async feedState(url: string): Promise<FeedState | null> {
    const r = this.db.get<Row>('SELECT * FROM sources WHERE url = ?', normaliseUrl(url));
    return r ? toFeedState(r) : null;
  }

  async health(opts: HealthOptions = {}): Promise<SourceHealth[]> {
    const { since, toHealth } = health(opts);
    return this.db.all<Row>(healthSql('?'), since).map(toHealth);
  }

  async saveDocument(input: DocumentSaveInput, coded: CodedDocument): Promise<SaveResult> {
    return saveDocument(this.db, input, coded, this.maxDistance);
  }

  async saveDocuments(batch: { input: DocumentSaveInput; coded: CodedDocument }[]): Promise<SaveResult[]> {
    return this.db.raw
      .transaction(() => batch.map((b) => saveDocument(this.db, b.input, b.coded, this.maxDistance)))
      .immediate();
  }

  async findDocument(key: DocumentKey): Promise<DocumentSummary | null> {
    return findDocument(this.db, key);
  }

  async markMissing(feedUrl: string, presentItemUrls: string[]): Promise<number> {
    return markMissing(this.db, feedUrl, presentItemUrls);
  }

  async history(urlOrId: string | number): Promise<DocumentHistory[]> {
    return documentsNamed(this.db, urlOrId).map((document) => ({ document, versions: versions(this.db, document.id) }));
  }

  async getDocument(id: number) {
    const [doc] = documentsNamed(this.db, id);
    if (!doc) return null;
    const { text } = this.db.get<{ text: string }>(
      'SELECT text FROM document_versions WHERE document_id = ? AND version = ?',
      id,
      doc.version,
    )!;
    const story = toStory(this.db.get<Row>('SELECT * FROM stories WHERE id = ?', doc.storyId)!);
    const rows = (t: string) => this.db.all<Row>(`SELECT * FROM ${t} WHERE document_id = ? ORDER BY id`, id);
    const coded = codedDocument(doc, { events: rows('events'), signals: rows('signals'), markers: rows('markers') });
    return { ...doc, text, coded, story };
  }

  events(filter: EventFilter = {}): AsyncIterable<EventRow> {
    return this.stream(eventsQuery(SQLITE, filter), filter.q, toEventRow);
  }

  signals(filter: SignalFilter = {}): AsyncIterable<SignalRow> {
    return this.stream(signalsQuery(SQLITE, filter), filter.q, toSignalRow);
  }

  markers(filter: MarkerFilter = {}): AsyncIterable<MarkerRow> {
    return this.stream(markersQuery(SQLITE, filter), filter.q, toMarkerRow);
  }

  documents(filter: DocumentFilter = {}): AsyncIterable<DocumentSummary> {
    return this.stream(documentsQuery(SQLITE, filter), filter.q, toDocumentSummary);
  }

  async actors(filter: ActorFilter = {}): Promise<ActorSummary[]> {
    const q = actorsQuery(SQLITE, filter);
    return this.db.all<Row>(q.sql, ...q.params).map(toActor);
  }

  async search(q: string, limit = 20): Promise<SearchHit[]> {
    if (!Number.isInteger(limit) || limit < 1) throw new StoreError(`search limit ${limit}: not a positive whole number`);
    try {
      return this.db
        .all<Row>(
          `SELECT d.id, d.url, d.title, d.source, d.date, snippet(documents_fts, -1, '[', ']', '…', 16) AS snippet,
             bm25(documents_fts) AS rank
           FROM documents_fts JOIN document_versions v ON v.id = documents_fts.rowid JOIN documents d ON d.id = v.document_id
           WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?`,
          toFtsQuery(q),
          limit,
        )
        .map(toSearchHit);
    } catch (e) {
      throw ftsError(e, q);
    }
  }

  async stats(): Promise<StoreStats> {
    return this.db.get<StoreStats>(STATS_SQL)!;
  }

  /**
   * Rows of `q`, read with a cursor on a leased reader (on the main connection for an in-memory database),
   * STREAM_BATCH rows at a time between yields: a page is read in one go, so its connection is free again
   * before the caller sees the first row, instead of being held while concurrent requests interleave.
   */
  private async *stream<T>(q: Query, text: string | undefined, map: (r: Row) => T): AsyncGenerator<T> {
    let it: Iterator<unknown> | undefined;
    try {
      const batch: T[] = [];
      let done = false;
      while (!done) {
        try {
          it ??= this.readers ? this.readers.rows(q.sql, q.params) : this.db.raw.prepare(q.sql).iterate(...q.params);
          while (batch.length < STREAM_BATCH) {
            const next = it.next();
            if ((done = next.done === true)) break;
            batch.push(map(next.value as Row));
          }
        } catch (e) {
          throw ftsError(e, text);
        }
        yield* batch;
        batch.length = 0;
      }
    } finally {
      it?.return?.();
    }
  }
}
