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
import { POSTGRES } from './postgres-query.js';
import { saveArgs, sortedLocks } from './postgres-save.js';
import { PG_MIGRATIONS } from './postgres-schema.js';
import { actorsQuery, documentsQuery, eventsQuery, markersQuery, signalsQuery, type Query } from './filters.js';
import {
  checkSource,
  codedDocument,
  health,
  healthSql,
  nearDuplicateDistance,
  originOf,
  registersOrigin,
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
  type StoredDocument,
} from './store.js';
import type { CodedDocument } from '../types.js';
import { normaliseUrl } from './url.js';

/** Rows fetched from a cursor at a time. */
const FETCH = 500;
const SAVE = 'SELECT o_status, o_document_id, o_version, o_story_id FROM attache_save($1::jsonb, $2, $3::bigint[], $4)';
/**
 * SAVE of one document that also registers its source (originOf: name, url, kind, created at) in the same
 * statement, so in one round trip; the WHERE is registersOrigin's rule ($9: the input names a feed).
 */
const SAVE_ONE = `WITH saved AS (${SAVE}),
  registered AS (INSERT INTO sources (name, url, kind, created_at) SELECT $5::text, $6::text, $7::text, $8::text FROM saved
    WHERE o_status = 'new' OR (o_status = 'updated' AND $9::boolean) ON CONFLICT (url) DO NOTHING)
  SELECT * FROM saved`;

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
    this.maxDistance = nearDuplicateDistance(opts);
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
    checkSource(s);
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
    return r ? toFeedState(r) : null;
  }

  async health(opts: HealthOptions = {}): Promise<SourceHealth[]> {
    const { since, toHealth } = health(opts);
    return (await this.rows(healthSql('$1'), [since])).map(toHealth);
  }

  async saveDocument(input: DocumentSaveInput, coded: CodedDocument): Promise<SaveResult> {
    const a = saveArgs(input, coded);
    const o = originOf(input);
    const at = input.fetchedAt ?? new Date().toISOString();
    const locks = sortedLocks(a.lockNames).map(String);
    const [r] = await this.rows(SAVE_ONE, [a.doc, a.raw, locks, this.maxDistance, o.name, o.url, o.kind, at, Boolean(input.feedUrl)]);
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
      await registerOrigins(c, batch.filter((b, i) => registersOrigin(out[i].status, b.input)).map((b) => b.input));
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
    const coded = codedDocument(doc, { events, signals, markers });
    return { ...doc, text: text as string, coded, story: toStory(story) };
  }

  events(filter: EventFilter = {}): AsyncIterable<EventRow> {
    return this.stream(() => eventsQuery(POSTGRES, filter), toEventRow);
  }

  signals(filter: SignalFilter = {}): AsyncIterable<SignalRow> {
    return this.stream(() => signalsQuery(POSTGRES, filter), toSignalRow);
  }

  markers(filter: MarkerFilter = {}): AsyncIterable<MarkerRow> {
    return this.stream(() => markersQuery(POSTGRES, filter), toMarkerRow);
  }

  documents(filter: DocumentFilter = {}): AsyncIterable<DocumentSummary> {
    return this.stream(() => documentsQuery(POSTGRES, filter), toDocumentSummary);
  }

  async actors(filter: ActorFilter = {}): Promise<ActorSummary[]> {
    const q = actorsQuery(POSTGRES, filter);
    return (await this.rows(q.sql, q.params)).map(toActor);
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
    return rows.map(toSearchHit);
  }

  async stats(): Promise<StoreStats> {
    const [r] = await this.rows(STATS_SQL);
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

/**
 * Register the sources the saved documents count for, as the save's last statement: in url order, so two
 * batches registering the same new sources wait for each other in one order and never deadlock.
 */
async function registerOrigins(c: pg.PoolClient, saved: DocumentSaveInput[]): Promise<void> {
  if (!saved.length) return;
  const now = new Date().toISOString();
  const byUrl = new Map<string, SourceInput & { at: string }>();
  for (const input of saved) {
    const o = originOf(input);
    if (!byUrl.has(o.url)) byUrl.set(o.url, { ...o, at: input.fetchedAt ?? now });
  }
  const origins = [...byUrl.values()];
  await c.query(
    `INSERT INTO sources (name, url, kind, created_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS o (name, url, kind, created_at) ORDER BY url
     ON CONFLICT (url) DO NOTHING`,
    [origins.map((o) => o.name), origins.map((o) => o.url), origins.map((o) => o.kind), origins.map((o) => o.at)],
  );
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
