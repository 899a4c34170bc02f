/**
 * One poll of one feed: conditional GET with the stored ETag/Last-Modified, the feed's items ingested
 * (unchanged ones skipped, changed ones stored as new versions) — coded here, or queued for `attache worker`
 * processes when the sink is a queue —, items gone from the feed marked missing, and the poll recorded in
 * the store with the next poll time (schedule.ts).
 */
import { enqueueChanged, type ItemQueue } from '../queue/enqueue.js';
import type { Store } from '../store/store.js';
import type { CodePool } from './code-pool.js';
import { declaredCharset, FetchError, fetchUrl } from './fetch.js';
import { NotAFeedError, parseFeed } from './feed.js';
import type { FeedSpec } from './feeds-file.js';
import { prepareItem, SaveBatch } from './ingest.js';
import type { Failure, RawItem, ReadLimits } from './item.js';
import { decodeBody } from './read.js';
import { nextInterval } from './schedule.js';

export interface PollOutcome {
  feed: FeedSpec;
  ok: boolean;
  status: number | null;
  /** 304: nothing fetched. */
  notModified: boolean;
  itemsSeen: number;
  itemsNew: number;
  itemsUpdated: number;
  /** Documents newly marked missing from the feed. */
  itemsMissing: number;
  /** Why the poll failed, or null. */
  error: string | null;
  /** Items of the feed that could not be ingested (the poll itself succeeded). */
  failures: Failure[];
  /** The new and updated items were queued for the workers, not coded and stored yet. */
  queued: boolean;
  nextPollAt: string;
}

/** Where a poll's new and changed items go: coded and saved in this process, or queued for the workers. */
export type ItemSink = CodePool | ItemQueue;

export interface PollOptions extends ReadLimits {
  now?: () => Date;
}

export async function pollFeed(feed: FeedSpec, store: Store, sink: ItemSink, opts: PollOptions): Promise<PollOutcome> {
  const now = opts.now ?? (() => new Date());
  const started = now();
  const state = await store.feedState(feed.url);
  const out: PollOutcome = {
    feed, ok: false, status: null, notModified: false, itemsSeen: 0, itemsNew: 0, itemsUpdated: 0, itemsMissing: 0,
    error: null, failures: [], queued: 'enqueue' in sink, nextPollAt: '',
  };
  let etag: string | null = null;
  let lastModified: string | null = null;
  try {
    const res = await fetchUrl(feed.url, { ...opts, etag: state?.etag, lastModified: state?.lastModified });
    out.status = res.status;
    etag = res.etag;
    lastModified = res.lastModified;
    if (res.notModified) {
      out.notModified = true;
      out.ok = true;
    } else {
      const decoded = decodeBody(res.body, opts.maxBytes, declaredCharset(res.contentType));
      if ('problem' in decoded) throw new NotAFeedError(decoded.problem);
      const parsed = parseFeed(decoded.text, feed.url, res.contentType.split(';')[0].trim() || 'application/xml', feed.name);
      const items: RawItem[] = [];
      for (const ev of parsed.events) {
        if (ev.kind === 'failure') out.failures.push({ origin: ev.origin, reason: ev.reason });
        else items.push(ev.item);
      }
      out.itemsSeen = items.length;
      await ('enqueue' in sink ? queueItems(items, feed, store, sink, out) : codeAndSave(items, feed, store, sink, out));
      out.itemsMissing = await store.markMissing(feed.url, parsed.links);
      out.ok = true;
    }
  } catch (e) {
    if (!(e instanceof FetchError || e instanceof NotAFeedError)) throw e;
    out.error = e.message;
    if (e instanceof FetchError) out.status = e.status;
  }
  const failures = out.ok ? 0 : (state?.consecutiveFailures ?? 0) + 1;
  const previous =
    state?.nextPollAt && state.lastPollAt ? (Date.parse(state.nextPollAt) - Date.parse(state.lastPollAt)) / 1000 : null;
  const interval = nextInterval(feed.intervalSeconds, previous, { ok: out.ok, itemsNew: out.itemsNew + out.itemsUpdated, consecutiveFailures: failures });
  out.nextPollAt = new Date(started.getTime() + interval * 1000).toISOString();
  await store.recordPoll({
    url: feed.url,
    at: started.toISOString(),
    ok: out.ok,
    httpStatus: out.status,
    etag,
    lastModified,
    itemsSeen: out.itemsSeen,
    itemsNew: out.itemsNew,
    error: out.error,
    durationMs: now().getTime() - started.getTime(),
    nextPollAt: out.nextPollAt,
  });
  return out;
}

/** Code the items the store does not hold unchanged and save them in batches. */
async function codeAndSave(items: RawItem[], feed: FeedSpec, store: Store, pool: CodePool, out: PollOutcome): Promise<void> {
  const batch = new SaveBatch(
    store,
    (status) => {
      if (status === 'new') out.itemsNew++;
      if (status === 'updated') out.itemsUpdated++;
    },
    (origin, reason) => out.failures.push({ origin, reason }),
  );
  for (const it of items) {
    try {
      const r = await prepareItem(it, store, pool, feed.name);
      if (r !== 'duplicate') await batch.add(r);
    } catch (e) {
      out.failures.push({ origin: it.origin, reason: (e as Error).message });
    }
  }
  await batch.flush();
}

/** Queue the items the store does not hold unchanged; if the queue or store refuses, every item failed. */
async function queueItems(items: RawItem[], feed: FeedSpec, store: Store, queue: ItemQueue, out: PollOutcome): Promise<void> {
  try {
    const r = await enqueueChanged(queue, store, items, feed.name);
    out.itemsNew += r.new;
    out.itemsUpdated += r.updated;
  } catch (e) {
    const reason = `not queued: ${(e as Error).message}`;
    for (const it of items) out.failures.push({ origin: it.origin, reason });
  }
}
