/**
 * What every reader yields: raw items ready for language id, coding and the store, or failures that
 * name the input and the problem (the run goes on; the summary lists them).
 */

export interface RawItem {
  /** Where the item came from, for messages: a path, "path:line", a URL, or "feed URL › item". */
  origin: string;
  url?: string | null;
  /** Outlet name. */
  source?: string | null;
  /** The id the source gives the item (JSONL id, feed guid, file path). */
  externalId?: string | null;
  title?: string | null;
  /** Publication date, ISO YYYY-MM-DD. */
  date?: string | null;
  /** The text to code. */
  text: string;
  /** The original bytes, HTML, JSON line or feed entry. */
  raw: string | Buffer;
  /** MIME-like type of `raw`. */
  rawType: string;
  /** Language as declared by the input (JSONL field, <html lang>), if any. */
  language?: string | null;
  /** The feed the item came from. */
  feedUrl?: string | null;
}

export interface Failure {
  origin: string;
  reason: string;
}

export type SourceEvent = { kind: 'item'; item: RawItem } | ({ kind: 'failure' } & Failure);

export const item = (i: RawItem): SourceEvent => ({ kind: 'item', item: i });
export const failure = (origin: string, reason: string): SourceEvent => ({ kind: 'failure', origin, reason });

/** Limits every reader applies. */
export interface ReadLimits {
  /** Largest single document, page, feed or JSONL line, in bytes. */
  maxBytes: number;
  /** Timeout of one HTTP request including its body, ms. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 10 * 1024 * 1024, timeoutMs: 20_000 };

/** An ISO YYYY-MM-DD date from an ISO, RFC 822 or similar date string, or null. */
export function isoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}
