/**
 * Stored rows ↔ contract records, shared by the SQLite and the PostgreSQL store: both hold the same tables
 * and columns (sqlite-schema.ts, postgres-schema.ts), so one set of functions reads their rows, builds the
 * rows a save writes and checks what callers hand in.
 */
import type { CodedDocument, CodedEvent, MarkerHit, Modality, OccasionType, PloverEvent, Signal, SignalChannel, SignalKind } from '../types.js';
import { DEFAULT_NEAR_DISTANCE, MAX_NEAR_DISTANCE } from './simhash-index.js';
import {
  StoreError,
  type ActorSummary,
  type DocRef,
  type DocumentKey,
  type DocumentSaveInput,
  type DocumentSummary,
  type DocumentVersion,
  type EventRow,
  type FeedState,
  type HealthOptions,
  type MarkerRow,
  type SaveStatus,
  type SearchHit,
  type SignalRow,
  type SourceHealth,
  type SourceInput,
  type SourceRecord,
  type StoreOptions,
  type StorySummary,
} from './store.js';
import { normaliseUrl } from './url.js';

export type Row = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

const SOURCE_KINDS = new Set(['file', 'jsonl', 'html', 'feed']);

export function checkSource(s: SourceInput): void {
  if (!s.name?.trim()) throw new StoreError(`source ${s.url}: name is empty`);
  if (!s.url?.trim()) throw new StoreError(`source ${s.name}: url is empty`);
  if (!SOURCE_KINDS.has(s.kind)) throw new StoreError(`source ${s.name}: kind "${s.kind}" is not file, jsonl, html or feed`);
}

export function toSource(r: Row): SourceRecord {
  return {
    id: r.id as number,
    name: r.name as string,
    url: r.url as string,
    kind: r.kind as SourceRecord['kind'],
    intervalSeconds: r.interval_s as number | null,
    createdAt: r.created_at as string,
  };
}

export function toFeedState(r: Row): FeedState {
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

/**
 * The source a document counts for: its feed's (sources.url = feed_url), else the 'file' source of its outlet
 * (sources.url = 'outlet:' + outlet, '' when it has none). Both migrations index this very expression
 * (documents_origin); originOf is the same rule for a document being saved. The CAST gives it SQLite's
 * TEXT affinity, as sources.url has: without it SQLite compares the two without the index.
 */
const ORIGIN = `CAST(coalesce(d.feed_url, 'outlet:' || coalesce(d.source, '')) AS TEXT)`;

/** Whether a save with this outcome registers originOf(input) (store.ts; postgres.ts SAVE_ONE writes it in SQL). */
export const registersOrigin = (status: SaveStatus, input: DocumentSaveInput): boolean =>
  status === 'new' || (status === 'updated' && Boolean(input.feedUrl));

/** The source a document counts for (see ORIGIN), as its save registers it when no source has its url. */
export function originOf(input: Pick<DocumentSaveInput, 'source' | 'feedUrl'>): SourceInput {
  const outlet = input.source?.trim() || null;
  if (!input.feedUrl) return { name: outlet ?? '(no outlet)', url: `outlet:${input.source ?? ''}`, kind: 'file' };
  const url = normaliseUrl(input.feedUrl);
  return { name: outlet ?? url, url, kind: /^https?:\/\//i.test(url) ? 'feed' : 'file' };
}

/**
 * The SQL of health(): every source with its documents, those first seen since the parameter `param`, and the
 * last time one of them was ingested (stored or seen again).
 */
export const healthSql = (param: string) => `SELECT s.*, (SELECT count(*) FROM documents d WHERE ${ORIGIN} = s.url) AS docs,
    (SELECT count(*) FROM documents d WHERE ${ORIGIN} = s.url AND d.first_seen_at >= ${param}) AS recent,
    (SELECT max(d.last_seen_at) FROM documents d WHERE ${ORIGIN} = s.url) AS last_seen
  FROM sources s ORDER BY s.name, s.id`;

/**
 * health() in two steps: `since` is the parameter of healthSql, `toHealth` maps its rows. Only a feed that
 * is polled can be silent: a file source, or a feed read once by ingest, is not watched.
 */
export function health(opts: HealthOptions): { since: string; toHealth: (r: Row) => SourceHealth } {
  const now = Date.parse(opts.now ?? new Date().toISOString());
  if (Number.isNaN(now)) throw new StoreError(`health: now "${opts.now}" is not an ISO time`);
  const windowDays = opts.windowDays ?? 7;
  const silentMs = (opts.silentAfterHours ?? 48) * 3600_000;
  const toHealth = (r: Row): SourceHealth => {
    const lastNew = (r.last_new_item_at as string | null) ?? (r.created_at as string);
    const silent = r.kind === 'feed' && r.last_poll_at != null && now - Date.parse(lastNew) > silentMs;
    return {
      source: toSource(r),
      lastSuccessAt: (r.last_success_at as string | null) ?? (r.last_seen as string | null),
      lastPollAt: r.last_poll_at as string | null,
      itemsPerDay: (r.recent as number) / windowDays,
      consecutiveFailures: r.consecutive_failures as number,
      lastError: r.last_error as string | null,
      silentSince: silent ? lastNew : null,
      documents: r.docs as number,
    };
  };
  return { since: new Date(now - windowDays * 86400_000).toISOString(), toHealth };
}

// ---------------------------------------------------------------------------------------------
// Documents and stories
// ---------------------------------------------------------------------------------------------

/** The near-duplicate distance a store is opened with, checked against what its simhash index finds exactly. */
export function nearDuplicateDistance(opts: StoreOptions): number {
  const k = opts.nearDuplicateDistance ?? DEFAULT_NEAR_DISTANCE;
  if (!Number.isInteger(k) || k < 0 || k > MAX_NEAR_DISTANCE)
    throw new StoreError(`near-duplicate distance ${k}: must be a whole number from 0 to ${MAX_NEAR_DISTANCE}`);
  return k;
}

export const DOC_COLUMNS = `d.id, d.url, d.source, d.external_id, d.title, d.date, d.language, d.version, d.content_hash,
  d.simhash, d.story_id, d.feed_url, d.first_seen_at, d.last_seen_at, d.missing_since, d.tone, d.domains`;

export function toDocumentSummary(r: Row): DocumentSummary {
  return {
    id: r.id as number,
    url: r.url as string | null,
    source: r.source as string | null,
    externalId: r.external_id as string | null,
    title: r.title as string | null,
    date: r.date as string | null,
    language: r.language as string,
    version: r.version as number,
    contentHash: r.content_hash as string,
    simhash: r.simhash as string,
    storyId: r.story_id as number,
    feedUrl: r.feed_url as string | null,
    firstSeenAt: r.first_seen_at as string,
    lastSeenAt: r.last_seen_at as string,
    missingSince: r.missing_since as string | null,
    tone: r.tone as number,
    domains: JSON.parse(r.domains as string) as string[],
  };
}

export function toStory(r: Row, prefix = ''): StorySummary {
  return {
    id: r[`${prefix}id`] as number,
    mentions: r[`${prefix}mentions`] as number,
    sources: r[`${prefix}sources`] as number,
    firstSeenAt: r[`${prefix}first_seen_at`] as string,
  };
}

/** A version row; `raw` is the stored bytes already decoded (SQLite inflates its deflated ones). */
export function toVersion(r: Row, raw: Buffer): DocumentVersion {
  return {
    version: r.version as number,
    fetchedAt: r.fetched_at as string,
    contentHash: r.content_hash as string,
    simhash: r.simhash as string,
    title: r.title as string | null,
    date: r.date as string | null,
    text: r.text as string,
    rawType: r.raw_type as string,
    raw,
  };
}

/** The identity of an input (see store.ts), or null when it has neither external id nor URL. */
export function documentKey(k: DocumentKey): string | null {
  if (k.externalId) return `id:${k.source ?? ''}\x1f${k.externalId}`;
  if (k.url) return `url:${normaliseUrl(k.url)}`;
  return null;
}

/**
 * findDocument's query for a key (same precedence as saveDocument: source + external id, then URL, then
 * content hash; the lowest id when a URL names several), its one parameter marked `param`; null for an empty key.
 */
export function findQuery(k: DocumentKey, param: string): { sql: string; value: string } | null {
  const key = documentKey(k);
  const by = key?.startsWith('id:') ? { col: 'd.doc_key', value: key } : key ? { col: 'd.url', value: normaliseUrl(k.url!) } : null;
  const found = by ?? (k.contentHash ? { col: 'd.content_hash', value: k.contentHash } : null);
  return found && { sql: `SELECT ${DOC_COLUMNS} FROM documents d WHERE ${found.col} = ${param} ORDER BY d.id LIMIT 1`, value: found.value };
}

/** The stored key (documents.doc_key) of an input: its identity, else its content hash. */
export const storedKey = (input: DocumentSaveInput): string => documentKey(input) ?? `hash:${input.contentHash}`;

/**
 * The column and value by which a numeric id, a URL or an external id names documents (history,
 * getDocument); null for an id too large to be one.
 */
export function nameKind(urlOrId: string | number): { by: 'd.id' | 'd.url' | 'd.external_id'; value: string | number } | null {
  const s = String(urlOrId).trim();
  if (/^\d+$/.test(s)) return Number(s) <= Number.MAX_SAFE_INTEGER ? { by: 'd.id', value: Number(s) } : null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return { by: 'd.url', value: normaliseUrl(s) };
  return { by: 'd.external_id', value: s };
}

/** Refuse input no store can keep; the message names the document. */
export function checkDocumentInput(input: DocumentSaveInput, coded: CodedDocument): void {
  const where = `document ${input.externalId ?? input.url ?? coded.id}`;
  if (!/^[0-9a-f]{64}$/.test(input.contentHash)) throw new StoreError(`${where}: contentHash is not a sha256 hex digest`);
  if (typeof input.text !== 'string') throw new StoreError(`${where}: text is missing`);
  if (!input.language) throw new StoreError(`${where}: language is missing`);
  if (input.date != null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(input.date))
    throw new StoreError(`${where}: date "${input.date}" is not ISO YYYY-MM-DD`);
}

/** The current coding of a stored document, rebuilt from its rows. */
export function codedDocument(doc: DocumentSummary, coding: { events: Row[]; signals: Row[]; markers: Row[] }): CodedDocument {
  return {
    id: doc.externalId ?? String(doc.id),
    date: doc.date,
    source: doc.source,
    language: doc.language,
    title: doc.title,
    url: doc.url,
    events: coding.events.map(toEvent),
    signals: coding.signals.map(toSignal),
    markers: coding.markers.map(toMarker),
    domains: doc.domains,
    tone: doc.tone,
  };
}

// ---------------------------------------------------------------------------------------------
// The coding (events, signals, markers) and the rows of the queries
// ---------------------------------------------------------------------------------------------

/** The rows of the streaming queries (filters.ts) and of search, as records. */
export const toEventRow = (r: Row): EventRow => ({
  id: r.id as number,
  doc: toDocRef(r, r.document_id as number),
  story: toStory(r, 'st_'),
  evidence: r.evidence as string,
  event: toEvent(r),
});

export const toSignalRow = (r: Row): SignalRow => ({
  id: r.id as number,
  doc: toDocRef(r, r.document_id as number),
  evidence: r.evidence as string,
  signal: toSignal(r),
});

export const toMarkerRow = (r: Row): MarkerRow => ({ doc: toDocRef(r, r.document_id as number), marker: toMarker(r) });

export const toSearchHit = (r: Row): SearchHit => ({
  documentId: r.id as number,
  url: r.url as string | null,
  title: r.title as string | null,
  source: r.source as string | null,
  date: r.date as string | null,
  snippet: r.snippet as string,
  rank: r.rank as number,
});

export const toActor = (r: Row): ActorSummary => ({
  code: r.code as string | null,
  country: r.country as string | null,
  name: r.name as string | null,
  eventsAsSource: r.events_as_source as number,
  eventsAsTarget: r.events_as_target as number,
  signalsSent: r.signals_sent as number,
  signalsReceived: r.signals_received as number,
  firstSeen: r.first_seen as string | null,
  lastSeen: r.last_seen as string | null,
});

/** One row of counts, read as StoreStats by both stores. */
export const STATS_SQL = `SELECT
  (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM documents) AS documents,
  (SELECT count(*) FROM document_versions) AS versions, (SELECT count(*) FROM stories) AS stories,
  (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM signals) AS signals,
  (SELECT count(*) FROM markers) AS markers,
  (SELECT count(*) FROM documents WHERE missing_since IS NOT NULL) AS missing,
  (SELECT coalesce(max(version), 0) FROM schema_migrations) AS "schemaVersion"`;

/** The document an event, signal or marker row came from (columns d_url, d_source, … of the queries). */
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
