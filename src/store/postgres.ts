/**
 * The PostgreSQL store (pg 8): the Store interface for archives that outgrow one SQLite file, and for many
 * writers at once (worker processes on several machines). Same rules and same records as the SQLite
 * store; a save is one call of the server-side function attache_save (postgres-save.ts); streaming
 * queries read through a cursor inside a read-only REPEATABLE READ transaction on a connection of their
 * own, so an export holds constant memory and sees the snapshot it started with.
 */
import type pg from 'pg';
import { createPool, inTransaction, migratePg, parsePgSpec, type PgSpec } from './postgres-db.js';
import { documentsNamed, findDocument, markMissing, versions } from './postgres-documents.js';
import { toTsQuery } from './postgres-fts.js';
import { documentsQuery, eventsQuery, markersQuery, signalsQuery, type Query } from './postgres-query.js';
import { saveArgs, sortedLocks } from './postgres-save.js';
import { PG_MIGRATIONS } from './postgres-schema.js';
import { toDocumentSummary } from './sqlite-documents.js';
import { toDocRef, toEvent, toMarker, toSignal } from './sqlite-query.js';
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
  type StoredDocument,
} from './store.js';
import type { CodedDocument } from '../types.js';
import { normaliseUrl } from './url.js';

type Row = Record<string, unknown>;

const MAX_DISTANCE = 3;
const SOURCE_KINDS = new Set(['file', 'jsonl', 'html', 'feed']);
/** Rows fetched from a cursor at a time. */
const FETCH = 500;
const SAVE = 'SELECT o_status, o_document_id, o_version, o_story_id FROM attache_save($1::jsonb, $2, $3::bigint[], $4)';

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

function toSaveResult(r: Row): SaveResult {
  return {
    status: r.o_status as SaveResult['status'],
    documentId: r.o_document_id as number,
    version: r.o_version as number,
    storyId: r.o_story_id as number,
  };
}

export class PostgresStore implements Store {
  readonly location: string;
  private readonly spec: PgSpec;
  private readonly pool: pg.Pool;
  private readonly maxDistance: number;

  constructor(spec: string, opts: StoreOptions & { connections?: number } = {}) {
    const k = opts.nearDuplicateDistance ?? 3;
    if (!Number.isInteger(k) || k < 0 || k > MAX_DISTANCE)
      throw new StoreError(`near-duplicate distance ${k}: must be a whole number from 0 to ${MAX_DISTANCE}`);
    this.maxDistance = k;
    this.spec = parsePgSpec(spec);
    this.location = this.spec.location;
    this.pool = createPool(this.spec, opts.connections ?? 4);
  }

  async migrate(): Promise<MigrationResult> {
    return migratePg(this.pool, this.spec, 'schema_migrations', PG_MIGRATIONS);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  async upsertSource(s: SourceInput): Promise<SourceRecord> {
    if (!s.name?.trim()) throw new StoreError(`source ${s.url}: name is empty`);
    if (!s.url?.trim()) throw new StoreError(`source ${s.name}: url is empty`);
    if (!SOURCE_KINDS.has(s.kind)) throw new StoreError(`source ${s.name}: kind "${s.kind}" is not file, jsonl, html or feed`);
    const [row] = await this.rows(
      `INSERT INTO sources (name, url, kind, interval_s, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (url) DO UPDATE SET name = excluded.name, kind = excluded.kind,
         interval_s = coalesce(excluded.interval_s, sources.interval_s)
       RETURNING *`,
      [s.name.trim(), normaliseUrl(s.url), s.kind, s.intervalSeconds ?? null, new Date().toISOString()],
    );
    return toSource(row);
  }

  async recordPoll(p: PollResult): Promise<void> {
    const url = normaliseUrl(p.url);
    const at = p.at ?? new Date().toISOString();
    await inTransaction(this.pool, async (c) => {
      const src = (await c.query<{ id: number }>('SELECT id FROM sources WHERE url = $1 FOR UPDATE', [url])).rows[0];
      if (!src) throw new StoreError(`poll of ${p.url}: no such source (upsertSource it first)`);
      const itemsNew = p.itemsNew ?? 0;
      await c.query(
        `INSERT INTO polls (source_id, at, ok, http_status, items_seen, items_new, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [src.id, at, p.ok, p.httpStatus ?? null, p.itemsSeen, itemsNew, p.error ?? null, p.durationMs ?? null],
      );
      if (p.ok)
        await c.query(
          `UPDATE sources SET last_poll_at = $1, last_success_at = $1, consecutive_failures = 0, last_error = NULL,
             last_status = $2, etag = coalesce($3, etag), last_modified = coalesce($4, last_modified),
             last_new_item_at = CASE WHEN $5::integer > 0 THEN $1 ELSE last_new_item_at END, next_poll_at = $6 WHERE id = $7`,
          [at, p.httpStatus ?? null, p.etag ?? null, p.lastModified ?? null, itemsNew, p.nextPollAt ?? null, src.id],
        );
      else
        await c.query(
          `UPDATE sources SET last_poll_at = $1, consecutive_failures = consecutive_failures + 1, last_error = $2,
             last_status = $3, next_poll_at = $4 WHERE id = $5`,
          [at, p.error ?? 'failed', p.httpStatus ?? null, p.nextPollAt ?? null, src.id],
        );
    });
  }

  async feedState(url: string): Promise<FeedState | null> {
    const [r] = await this.rows('SELECT * FROM sources WHERE url = $1', [normaliseUrl(url)]);
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
    const rows = await this.rows(
      `SELECT s.*, (SELECT count(*) FROM documents d WHERE d.feed_url = s.url) AS docs,
         (SELECT count(*) FROM documents d WHERE d.feed_url = s.url AND d.first_seen_at >= $1) AS recent
       FROM sources s ORDER BY s.name, s.id`,
      [since],
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
    const a = saveArgs(input, coded);
    const [r] = await this.rows(SAVE, [a.doc, a.raw, a.locks.map(String), this.maxDistance]);
    return toSaveResult(r);
  }

  async saveDocuments(batch: { input: DocumentSaveInput; coded: CodedDocument }[]): Promise<SaveResult[]> {
    const args = batch.map((b) => saveArgs(b.input, b.coded));
    if (!args.length) return [];
    return inTransaction(this.pool, async (c) => {
      // Every lock of the batch first, in one ascending order: concurrent batches cannot deadlock.
      const locks = sortedLocks(args.flatMap((a) => a.lockNames));
      await c.query('SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k', [locks.map(String)]);
      const out: SaveResult[] = [];
      for (const a of args) out.push(toSaveResult((await c.query(SAVE, [a.doc, a.raw, [], this.maxDistance])).rows[0]));
      return out;
    });
  }

  async findDocument(key: DocumentKey): Promise<DocumentSummary | null> {
    return findDocument(this.pool, key);
  }

  async markMissing(feedUrl: string, presentItemUrls: string[]): Promise<number> {
    return inTransaction(this.pool, (c) => markMissing(c, feedUrl, presentItemUrls));
  }

  async history(urlOrId: string | number): Promise<DocumentHistory[]> {
    const docs = await documentsNamed(this.pool, urlOrId);
    return Promise.all(docs.map(async (document) => ({ document, versions: await versions(this.pool, document.id) })));
  }

  async getDocument(id: number): Promise<StoredDocument | null> {
    const [doc] = await documentsNamed(this.pool, id);
    if (!doc) return null;
    const [{ text }] = await this.rows('SELECT text FROM document_versions WHERE document_id = $1 AND version = $2', [id, doc.version]);
    const [story] = await this.rows('SELECT * FROM stories WHERE id = $1', [doc.storyId]);
    const coding = (t: string) => this.rows(`SELECT * FROM ${t} WHERE document_id = $1 ORDER BY id`, [id]);
    const [events, signals, markers] = await Promise.all([coding('events'), coding('signals'), coding('markers')]);
    const coded: CodedDocument = {
      id: doc.externalId ?? String(doc.id),
      date: doc.date,
      source: doc.source,
      language: doc.language,
      title: doc.title,
      url: doc.url,
      events: events.map(toEvent),
      signals: signals.map(toSignal),
      markers: markers.map(toMarker),
      domains: doc.domains,
      tone: doc.tone,
    };
    return { ...doc, text: text as string, coded, story: toStory(story) };
  }

  events(filter: EventFilter = {}): AsyncIterable<EventRow> {
    return this.stream(() => eventsQuery(filter), (r) => ({
      id: r.id as number,
      doc: toDocRef(r, r.document_id as number),
      story: toStory(r, 'st_'),
      evidence: r.evidence as string,
      event: toEvent(r),
    }));
  }

  signals(filter: SignalFilter = {}): AsyncIterable<SignalRow> {
    return this.stream(() => signalsQuery(filter), (r) => ({
      id: r.id as number,
      doc: toDocRef(r, r.document_id as number),
      evidence: r.evidence as string,
      signal: toSignal(r),
    }));
  }

  markers(filter: MarkerFilter = {}): AsyncIterable<MarkerRow> {
    return this.stream(() => markersQuery(filter), (r) => ({ doc: toDocRef(r, r.document_id as number), marker: toMarker(r) }));
  }

  documents(filter: DocumentFilter = {}): AsyncIterable<DocumentSummary> {
    return this.stream(() => documentsQuery(filter), toDocumentSummary);
  }

  async search(q: string, limit = 20): Promise<SearchHit[]> {
    if (!Number.isInteger(limit) || limit < 1) throw new StoreError(`search limit ${limit}: not a positive whole number`);
    const rows = await this.rows(
      `SELECT h.*, ts_headline('attache', coalesce(h.title || ' ', '') || v.text, h.query,
           'StartSel=[, StopSel=], MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=…') AS snippet
       FROM (SELECT d.id, d.url, d.title, d.source, d.date, d.version, query, -ts_rank(d.tsv, query) AS rank
             FROM documents d, to_tsquery('attache', $1) AS query WHERE d.tsv @@ query ORDER BY rank, d.id LIMIT $2) h
       JOIN document_versions v ON v.document_id = h.id AND v.version = h.version
       ORDER BY h.rank, h.id`,
      [toTsQuery(q), limit],
    );
    return rows.map((r) => ({
      documentId: r.id as number,
      url: r.url as string | null,
      title: r.title as string | null,
      source: r.source as string | null,
      date: r.date as string | null,
      snippet: r.snippet as string,
      rank: r.rank as number,
    }));
  }

  async stats(): Promise<StoreStats> {
    const [r] = await this.rows(`SELECT
      (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM documents) AS documents,
      (SELECT count(*) FROM document_versions) AS versions, (SELECT count(*) FROM stories) AS stories,
      (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM signals) AS signals,
      (SELECT count(*) FROM markers) AS markers,
      (SELECT count(*) FROM documents WHERE missing_since IS NOT NULL) AS missing,
      (SELECT coalesce(max(version), 0) FROM schema_migrations) AS "schemaVersion"`);
    return r as unknown as StoreStats;
  }

  /** Rows of the query, fetched through a cursor in a read-only snapshot on a connection of its own. */
  private async *stream<T>(build: () => Query, map: (r: Row) => T): AsyncGenerator<T> {
    const q = build();
    const c = await this.pool.connect();
    let done = false;
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await c.query(`DECLARE attache_rows NO SCROLL CURSOR FOR ${q.sql}`, q.params);
      for (;;) {
        const { rows } = await c.query(`FETCH ${FETCH} FROM attache_rows`);
        for (const r of rows) yield map(r as Row);
        if (rows.length < FETCH) break;
      }
      await c.query('COMMIT');
      done = true;
    } finally {
      if (!done) await c.query('ROLLBACK').catch(() => undefined);
      c.release();
    }
  }
}

/** A migrated PostgreSQL store for a postgres:// spec (what openStore returns for one). */
export async function openPostgresStore(spec: string, opts: StoreOptions = {}): Promise<PostgresStore> {
  const store = new PostgresStore(spec, opts);
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw new StoreError(`${store.location}: cannot open the PostgreSQL store: ${(e as Error).message}`);
  }
  return store;
}
