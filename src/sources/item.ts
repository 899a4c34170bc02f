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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * An ISO YYYY-MM-DD date from an ISO 8601, RFC 822 or similar date string, or null. The date is the
 * one written (the publisher's local date), never shifted to UTC: "Thu, 01 Dec 2011 08:00 +0900" is
 * 2011-12-01 although it is still 30 November in UTC.
 */
export function isoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const rfc = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\b/i.exec(t);
  const month = rfc ? MONTHS.indexOf(rfc[2].toLowerCase()) : -1;
  if (rfc && month >= 0) return `${rfc[3]}-${String(month + 1).padStart(2, '0')}-${rfc[1].padStart(2, '0')}`;
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) return null;
  // Other forms ("December 19, 2011") parse as local time: read the local calendar date back.
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
