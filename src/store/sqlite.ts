/**
 * The SQLite store (better-sqlite3, WAL, FTS5): the embedded default behind the Store interface.
 * Writes go through one connection; each streaming query reads on a connection of its own, so a
 * long export neither blocks nor is blocked by concurrent writes (WAL snapshot isolation).
 */
import { existsSync } from 'node:fs';
import { Db, migrate, type Row } from './sqlite-db.js';
import { documentsNamed, findDocument, markMissing, saveDocument, toDocumentSummary, versions } from './sqlite-documents.js';
import {
  documentsQuery,
  eventsQuery,
  markersQuery,
  signalsQuery,
  toDocRef,
  toEvent,
  toFtsQuery,
  toMarker,
  toSignal,
  type Query,
} from './sqlite-query.js';
import { MIGRATIONS } from './sqlite-schema.js';
import {
  StoreError,
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
  type StorySummary,
} from './store.js';
import type { CodedDocument } from '../types.js';
import { normaliseUrl } from './url.js';

/** The simhash index has four 16-bit bands: exact for distances up to 3 (pigeonhole). */
const MAX_DISTANCE = 3;
const SOURCE_KINDS = new Set(['file', 'jsonl', 'html', 'feed']);

function toSource(r: Row): SourceRecord {
  return {
    id: r.id as number,
    name: r.name as string,
    url: r.url as string,
    kind: r.kind as SourceRecord['kind'],
    intervalSeconds: r.interval_s as number | null,
    createdAt: r.created_at as string,
  };
}

function toStory(r: Row, prefix = ''): StorySummary {
  return {
    id: r[`${prefix}id`] as number,
    mentions: r[`${prefix}mentions`] as number,
    sources: r[`${prefix}sources`] as number,
    firstSeenAt: r[`${prefix}first_seen_at`] as string,
  };
}

/** Turn SQLite's errors on a text query (FTS5 syntax: "unterminated string", "fts5: syntax error…") into a StoreError naming it. */
function ftsError(e: unknown, q: string | undefined): unknown {
  return q && e instanceof Error && (e as { code?: string }).code === 'SQLITE_ERROR'
    ? new StoreError(`search query "${q}": ${e.message}`)
    : e;
}

export class SqliteStore implements Store {
  readonly location: string;
  private readonly db: Db;
  private readonly maxDistance: number;

  constructor(
    readonly path: string,
    opts: StoreOptions = {},
  ) {
    const k = opts.nearDuplicateDistance ?? 3;
    if (!Number.isInteger(k) || k < 0 || k > MAX_DISTANCE)
      throw new StoreError(`near-duplicate distance ${k}: must be a whole number from 0 to ${MAX_DISTANCE}`);
    this.maxDistance = k;
    if (opts.mustExist && (path === ':memory:' || !existsSync(path)))
      throw new StoreError(`${path}: no store there (ingest something first, or give --db / ATTACHE_DB)`);
    try {
      this.db = new Db(path);
    } catch (e) {
      throw new StoreError(`${path}: cannot open SQLite database: ${(e as Error).message}`);
    }
    this.location = `sqlite:${path}`;
  }

  async migrate(): Promise<MigrationResult> {
    return migrate(this.db, MIGRATIONS);
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async upsertSource(s: SourceInput): Promise<SourceRecord> {
    if (!s.name?.trim()) throw new StoreError(`source ${s.url}: name is empty`);
    if (!s.url?.trim()) throw new StoreError(`source ${s.name}: url is empty`);
    if (!SOURCE_KINDS.has(s.kind)) throw new StoreError(`source ${s.name}: kind "${s.kind}" is not file, jsonl, html or feed`);
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
    if (!r) return null;
    return {
      source: toSource(r),
      etag: r.etag as string | null,
      lastModified: r.last_modified as string | null,
      lastPollAt: r.last_poll_at as string | null,
      lastSuccessAt: r.last_success_at as string | null,
      lastNewItemAt: r.last_new_item_at as string | null,
      consecutiveFailures: r.consecutive_failures as number,
      lastError: r.last_error as string | null,
      lastStatus: r.last_status as number | null,
      nextPollAt: r.next_poll_at as string | null,
    };
  }

  async health(opts: HealthOptions = {}): Promise<SourceHealth[]> {
    const now = Date.parse(opts.now ?? new Date().toISOString());
    if (Number.isNaN(now)) throw new StoreError(`health: now "${opts.now}" is not an ISO time`);
    const windowDays = opts.windowDays ?? 7;
    const silentMs = (opts.silentAfterHours ?? 48) * 3600_000;
    const since = new Date(now - windowDays * 86400_000).toISOString();
    const rows = this.db.all<Row>(
      `SELECT s.*, (SELECT count(*) FROM documents d WHERE d.feed_url = s.url) AS docs,
         (SELECT count(*) FROM documents d WHERE d.feed_url = s.url AND d.first_seen_at >= ?) AS recent
       FROM sources s ORDER BY s.name, s.id`,
      since,
    );
    return rows.map((r) => {
      const lastNew = (r.last_new_item_at as string | null) ?? (r.created_at as string);
      const silent = r.kind === 'feed' && now - Date.parse(lastNew) > silentMs;
      return {
        source: toSource(r),
        lastSuccessAt: r.last_success_at as string | null,
        lastPollAt: r.last_poll_at as string | null,
        itemsPerDay: (r.recent as number) / windowDays,
        consecutiveFailures: r.consecutive_failures as number,
        lastError: r.last_error as string | null,
        silentSince: silent ? lastNew : null,
        documents: r.docs as number,
      };
    });
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
    const coded: CodedDocument = {
      id: doc.externalId ?? String(doc.id),
      date: doc.date,
      source: doc.source,
      language: doc.language,
      title: doc.title,
      url: doc.url,
      events: rows('events').map(toEvent),
      signals: rows('signals').map(toSignal),
      markers: rows('markers').map(toMarker),
      domains: doc.domains,
      tone: doc.tone,
    };
    return { ...doc, text, coded, story };
  }

  events(filter: EventFilter = {}): AsyncIterable<EventRow> {
    return this.stream(eventsQuery(filter), filter.q, (r) => ({
      id: r.id as number,
      doc: toDocRef(r, r.document_id as number),
      story: toStory(r, 'st_'),
      evidence: r.evidence as string,
      event: toEvent(r),
    }));
  }

  signals(filter: SignalFilter = {}): AsyncIterable<SignalRow> {
    return this.stream(signalsQuery(filter), filter.q, (r) => ({
      id: r.id as number,
      doc: toDocRef(r, r.document_id as number),
      evidence: r.evidence as string,
      signal: toSignal(r),
    }));
  }

  markers(filter: MarkerFilter = {}): AsyncIterable<MarkerRow> {
    return this.stream(markersQuery(filter), filter.q, (r) => ({ doc: toDocRef(r, r.document_id as number), marker: toMarker(r) }));
  }

  documents(filter: DocumentFilter = {}): AsyncIterable<DocumentSummary> {
    return this.stream(documentsQuery(filter), filter.q, toDocumentSummary);
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
        .map((r) => ({
          documentId: r.id as number,
          url: r.url as string | null,
          title: r.title as string | null,
          source: r.source as string | null,
          date: r.date as string | null,
          snippet: r.snippet as string,
          rank: r.rank as number,
        }));
    } catch (e) {
      throw ftsError(e, q);
    }
  }

  async stats(): Promise<StoreStats> {
    const n = (sql: string) => (this.db.get<{ n: number }>(sql)!).n;
    return {
      sources: n('SELECT count(*) AS n FROM sources'),
      documents: n('SELECT count(*) AS n FROM documents'),
      versions: n('SELECT count(*) AS n FROM document_versions'),
      stories: n('SELECT count(*) AS n FROM stories'),
      events: n('SELECT count(*) AS n FROM events'),
      signals: n('SELECT count(*) AS n FROM signals'),
      markers: n('SELECT count(*) AS n FROM markers'),
      missing: n('SELECT count(*) AS n FROM documents WHERE missing_since IS NOT NULL'),
      schemaVersion: n('SELECT coalesce(max(version), 0) AS n FROM schema_migrations'),
    };
  }

  /** Rows of `q`, read with a cursor on a connection of its own (the main one for an in-memory database). */
  private async *stream<T>(q: Query, text: string | undefined, map: (r: Row) => T): AsyncGenerator<T> {
    const reader = this.path === ':memory:' || this.path === '' ? null : new Db(this.path, { readonly: true });
    let it: IterableIterator<unknown> | undefined;
    try {
      try {
        it = (reader ?? this.db).raw.prepare(q.sql).iterate(...q.params);
      } catch (e) {
        throw ftsError(e, text);
      }
      while (true) {
        let next: IteratorResult<unknown>;
        try {
          next = it.next();
        } catch (e) {
          throw ftsError(e, text);
        }
        if (next.done) break;
        yield map(next.value as Row);
      }
    } finally {
      it?.return?.();
      reader?.close();
    }
  }
}
