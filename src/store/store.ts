/**
 * The store: one interface over the archive (SQLite embedded by default, PostgreSQL at scale).
 *
 * Every method is async so a network database can implement it; the SQLite implementation wraps
 * better-sqlite3's synchronous calls. Streaming queries return AsyncIterables that hold constant
 * memory however many rows match (SQLite: a cursor on a separate read connection).
 *
 * Identity and dedup rules (saveDocument):
 *  - a document is keyed by (source, externalId) when the input has an externalId (a JSONL id, a feed
 *    guid: one KCNA page URL carries several stories), else by its normalised URL (see url.ts), else by
 *    its content hash;
 *  - same key, same content hash → 'duplicate' (nothing written);
 *  - same key, new content hash → 'updated': a new version is stored (raw + text + hash), the document's
 *    current events/signals/markers are replaced by the new coding, older versions are kept;
 *  - new key → 'new'. A new document whose simhash lies within Hamming distance `nearDuplicateDistance`
 *    of an existing document's joins the story of the nearest such document (ties: the oldest); otherwise
 *    it starts a story of its own. One report republished by ten outlets is one story of ten mentions.
 *    Stories count mentions (documents) and distinct sources (GDELT's NumMentions / NumSources);
 *  - a new document, or a new version from a feed, registers in the same transaction the source it then
 *    counts for (see SourceInput) when no source has that url yet.
 */
import type { CodedDocument, CodedEvent, MarkerHit, Signal } from '../types.js';
import type { FeedState, HealthOptions, PollResult, SourceHealth, SourceInput, SourceRecord } from './source-records.js';

// ---------------------------------------------------------------------------------------------
// Opening
// ---------------------------------------------------------------------------------------------

export interface StoreOptions {
  /**
   * Hamming distance (bits of the 64-bit simhash) within which two documents are one story: 0 to 6,
   * default 6 (chosen on KCNA, figures in simhash-index.ts).
   */
  nearDuplicateDistance?: number;
  /** Fail instead of creating an empty store when none exists at the spec (query commands). */
  mustExist?: boolean;
}

export interface MigrationResult {
  /** Schema version before and after. */
  from: number;
  to: number;
  /** Versions applied by this call (empty when the schema was current). */
  applied: number[];
}

// Sources and feeds (source-records.ts)
export type { SourceKind, SourceInput, SourceRecord, PollResult, FeedState, HealthOptions, SourceHealth } from './source-records.js';

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

export interface DocumentSaveInput {
  url?: string | null;
  /** Outlet name ("KCNA"). */
  source?: string | null;
  /** The id the source gives the item (JSONL id, feed guid). */
  externalId?: string | null;
  title?: string | null;
  /** Publication date, ISO YYYY-MM-DD. */
  date?: string | null;
  language: string;
  /** The text that was coded (spans in the coding point into it). */
  text: string;
  /** The original bytes or HTML. */
  raw: Buffer | string;
  /** MIME-like type of raw: "text/html", "application/json", "text/plain", "application/rss+xml". */
  rawType: string;
  /** sha256 hex of the normalised text (fingerprint.ts: contentHash). */
  contentHash: string;
  /** 64-bit simhash as bigint or 16-digit hex (fingerprint.ts: simhash). */
  simhash: bigint | string;
  /**
   * The URL of the feed the item came from (markMissing works on it); null for anything else (files, JSONL,
   * pages), which counts for its outlet's file source (see SourceInput).
   */
  feedUrl?: string | null;
  /** When it was fetched, ISO; default now. */
  fetchedAt?: string;
}

export type SaveStatus = 'new' | 'updated' | 'duplicate';

export interface SaveResult {
  status: SaveStatus;
  documentId: number;
  /** The document's current version (1 for a new document). */
  version: number;
  storyId: number;
}

/** How to find a document before coding it (so unchanged inputs are not coded again). */
export interface DocumentKey {
  url?: string | null;
  source?: string | null;
  externalId?: string | null;
  contentHash?: string | null;
}

export interface DocumentSummary {
  id: number;
  url: string | null;
  source: string | null;
  externalId: string | null;
  title: string | null;
  date: string | null;
  language: string;
  version: number;
  contentHash: string;
  simhash: string;
  storyId: number;
  feedUrl: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  /** When the item disappeared from its feed (never deleted), or null. */
  missingSince: string | null;
  tone: number;
  domains: string[];
}

export interface StoredDocument extends DocumentSummary {
  text: string;
  /** The current coding, rebuilt from the stored rows. */
  coded: CodedDocument;
  story: StorySummary;
}

export interface StorySummary {
  id: number;
  /** Documents in the story (NumMentions). */
  mentions: number;
  /** Distinct sources among them (NumSources). */
  sources: number;
  firstSeenAt: string;
}

export interface DocumentVersion {
  version: number;
  fetchedAt: string;
  contentHash: string;
  simhash: string;
  title: string | null;
  date: string | null;
  text: string;
  rawType: string;
  raw: Buffer;
}

export interface DocumentHistory {
  document: DocumentSummary;
  /** Oldest first. */
  versions: DocumentVersion[];
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** Filters shared by the streaming queries. Dates are ISO; from/to are inclusive. */
export interface PageFilter {
  limit?: number;
  offset?: number;
}

export interface DocumentContextFilter extends PageFilter {
  /** Outlet name, exact (case-insensitive). */
  source?: string;
  from?: string;
  to?: string;
  /** FTS5 query over the documents' title and text. */
  q?: string;
}

export interface EventFilter extends DocumentContextFilter {
  /** Substring of either actor's name or code (case-insensitive). */
  actor?: string;
  /**
   * Two country codes. Undirected by default (A→B or B→A); `directed: true` keeps only A→B
   * (A source, B target).
   */
  dyad?: { a: string; b: string; directed?: boolean };
  /** Either actor's country. */
  country?: string;
  /** PLOVER event type (AGREE, CONSULT, …). */
  plover?: string;
  /** CAMEO code prefix ("05", "051"). */
  cameo?: string;
  quadClass?: 1 | 2 | 3 | 4;
  /** 'oldest' (default) or 'newest' first, by event date then id. */
  order?: 'oldest' | 'newest';
}

export interface SignalFilter extends DocumentContextFilter {
  senderCountry?: string;
  recipientCountry?: string;
  kind?: string;
  occasionType?: string;
}

export interface MarkerFilter extends DocumentContextFilter {
  marker?: string;
}

export interface DocumentFilter extends DocumentContextFilter {
  language?: string;
  feedUrl?: string;
  /** Only documents marked missing from their feed (true) or only present ones (false). */
  missing?: boolean;
}

/** The document an event, signal or marker row came from. */
export interface DocRef {
  id: number;
  url: string | null;
  /** Outlet. */
  source: string | null;
  /** Publication date. */
  date: string | null;
  title: string | null;
  language: string;
  tone: number;
}

export interface EventRow {
  /** Store-wide event id (GDELT's GlobalEventID). */
  id: number;
  doc: DocRef;
  story: StorySummary;
  /** The evidence text: the slice of the document at event.span. */
  evidence: string;
  /** Every contract field of the event, as coded. */
  event: CodedEvent;
}

export interface SignalRow {
  id: number;
  doc: DocRef;
  evidence: string;
  signal: Signal;
}

export interface MarkerRow {
  doc: DocRef;
  marker: MarkerHit;
}

export interface SearchHit {
  documentId: number;
  url: string | null;
  title: string | null;
  source: string | null;
  date: string | null;
  /** Text around the matches, matches wrapped in [ ]. */
  snippet: string;
  /** FTS5 bm25 rank: lower is better. */
  rank: number;
}

/** Which actors `actors()` lists; every filter is optional. */
export interface ActorFilter extends PageFilter {
  /** The actor's country (ISO alpha-3). */
  country?: string;
  /** Substring of the actor's name or code (case-insensitive). */
  q?: string;
}

/**
 * One actor as the stored coding shows it: an actor code with a name (the same code may carry several
 * names: "Kim Jong Il" and "DPRK" are both PRKGOV). A signal party's code is its country and sector
 * ("PRK" + "GOV"), as the coder writes event actors' codes. Dates are event or signal dates, else the
 * publication date; null when none is known.
 */
export interface ActorSummary {
  code: string | null;
  country: string | null;
  name: string | null;
  eventsAsSource: number;
  eventsAsTarget: number;
  signalsSent: number;
  signalsReceived: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface StoreStats {
  sources: number;
  documents: number;
  versions: number;
  stories: number;
  events: number;
  signals: number;
  markers: number;
  missing: number;
  schemaVersion: number;
}

// ---------------------------------------------------------------------------------------------
// The interface
// ---------------------------------------------------------------------------------------------

export interface Store {
  /** "sqlite:/path/attache.db" or "postgres://host/db" (no password). */
  readonly location: string;

  /** Apply pending versioned migrations. Idempotent. */
  migrate(): Promise<MigrationResult>;
  close(): Promise<void>;

  // sources and feeds
  upsertSource(source: SourceInput): Promise<SourceRecord>;
  recordPoll(poll: PollResult): Promise<void>;
  /** Null when no source has that url. */
  feedState(url: string): Promise<FeedState | null>;
  health(opts?: HealthOptions): Promise<SourceHealth[]>;

  // documents
  /** Store a document and its coding in one transaction (rules at the top of this file). */
  saveDocument(input: DocumentSaveInput, coded: CodedDocument): Promise<SaveResult>;
  /**
   * saveDocument for many documents in one transaction (all or none): several times faster than one
   * transaction each (one commit, shared index pages). Results in input order. A batch of ~100 suits ingest.
   */
  saveDocuments(batch: { input: DocumentSaveInput; coded: CodedDocument }[]): Promise<SaveResult[]>;
  /**
   * The current state of the document a key names (same precedence as saveDocument: source+externalId,
   * then URL, then content hash; the lowest id when a URL names several), or null. Lets ingest skip
   * coding inputs whose content hash is unchanged.
   */
  findDocument(key: DocumentKey): Promise<DocumentSummary | null>;
  /**
   * Mark the documents of `feedUrl` whose URL is not in `presentItemUrls` as missing (never deleted);
   * documents present again are unmarked. Returns how many were newly marked.
   */
  markMissing(feedUrl: string, presentItemUrls: string[]): Promise<number>;
  /**
   * The versions (oldest first) of the documents named by a numeric id, a URL (one page URL may carry
   * several documents) or an external id. Empty when none matches.
   */
  history(urlOrId: string | number): Promise<DocumentHistory[]>;
  getDocument(id: number): Promise<StoredDocument | null>;

  // queries (streaming)
  events(filter?: EventFilter): AsyncIterable<EventRow>;
  signals(filter?: SignalFilter): AsyncIterable<SignalRow>;
  markers(filter?: MarkerFilter): AsyncIterable<MarkerRow>;
  documents(filter?: DocumentFilter): AsyncIterable<DocumentSummary>;
  /**
   * The actors of the current coding, most active first (events plus signals), computed from the stored
   * events and signals when asked, so it always agrees with them.
   */
  actors(filter?: ActorFilter): Promise<ActorSummary[]>;
  /** FTS5 over title + text of current versions, best first. */
  search(q: string, limit?: number): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
}

/** Raised for bad store input or a bad spec; the message names the input and the problem. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}
