/**
 * The store's records of sources and feeds: what a document counts for, a poll's outcome, a feed's polling
 * state and the health row `attache sources` shows. Re-exported by store.ts with the rest of the Store contract.
 */


export type SourceKind = 'file' | 'jsonl' | 'html' | 'feed';

/**
 * Every document counts for one source: the feed it came from (kind 'feed', url the feed's), else its
 * outlet's file source (kind 'file', url 'outlet:' + outlet, e.g. "outlet:KCNA"), named after the outlet.
 */
export interface SourceInput {
  /** Outlet or feed name shown to analysts ("KCNA", "Yonhap English"). */
  name: string;
  /** A feed's URL, or 'outlet:' + outlet for a file source. Unique key of the source. */
  url: string;
  kind: SourceKind;
  /** Preferred polling interval for feeds, seconds. */
  intervalSeconds?: number | null;
}

export interface SourceRecord {
  id: number;
  name: string;
  url: string;
  kind: SourceKind;
  intervalSeconds: number | null;
  createdAt: string;
}

/** The outcome of one poll of a feed, or of one ingest run for a file source (the items it read of that outlet). */
export interface PollResult {
  /** The source's url (as given to upsertSource). */
  url: string;
  /** ISO timestamp of the poll; default now. */
  at?: string;
  ok: boolean;
  /** HTTP status, if there was a response (304 counts as ok). */
  httpStatus?: number | null;
  etag?: string | null;
  lastModified?: string | null;
  /** Items in the feed this time. */
  itemsSeen: number;
  /** Of which new to the store. */
  itemsNew?: number;
  /** Why it failed (timeout, HTTP 500, not a feed, …). */
  error?: string | null;
  durationMs?: number | null;
  /** When the poller plans to poll again (adaptive interval), ISO. */
  nextPollAt?: string | null;
}

/** What a poller needs to poll a feed again: conditional GET headers and backoff state. */
export interface FeedState {
  source: SourceRecord;
  etag: string | null;
  lastModified: string | null;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  /** Last time a poll found a new item. */
  lastNewItemAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  lastStatus: number | null;
  nextPollAt: string | null;
}

export interface HealthOptions {
  /** Reference time, ISO; default now. */
  now?: string;
  /** A feed with no new item for this long is silent. Default 48. */
  silentAfterHours?: number;
  /** Window for items per day. Default 7. */
  windowDays?: number;
}

/** One row of `attache sources`. A file source's polls are the ingest runs that read it: never failing, never silent. */
export interface SourceHealth {
  source: SourceRecord;
  /**
   * The last successful poll: of a feed, or the last ingest of a file source. When there is none (a feed
   * read once by ingest, documents stored by queue workers), the last time one of its documents was saved.
   */
  lastSuccessAt: string | null;
  lastPollAt: string | null;
  /** New items per day over the window. */
  itemsPerDay: number;
  consecutiveFailures: number;
  lastError: string | null;
  /** Set (to the last new item's time, else the registration's) when a polled feed had none for silentAfterHours. */
  silentSince: string | null;
  documents: number;
}
