/**
 * `attache watch`: register the feeds as sources, then poll each when it is due (its stored next poll
 * time), for one cycle (`--once`) or until stopped; warn about feeds gone silent.
 */
import type { SourceHealth, Store } from '../store/store.js';
import type { FeedSpec } from './feeds-file.js';
import { pollFeed, type ItemSink, type PollOptions, type PollOutcome } from './poll.js';

export interface CycleOptions extends PollOptions {
  /** Poll every feed, due or not. */
  all?: boolean;
  /** A feed with no new item for this long is reported silent. */
  silentAfterHours?: number;
}

export interface CycleResult {
  outcomes: PollOutcome[];
  /** Watched feeds that are silent. */
  silent: SourceHealth[];
  /** Earliest next poll among the feeds, ms since epoch. */
  nextDueAt: number;
}

export async function registerFeeds(feeds: FeedSpec[], store: Store): Promise<void> {
  for (const f of feeds) await store.upsertSource({ name: f.name, url: f.url, kind: 'feed', intervalSeconds: f.intervalSeconds });
}

/** Poll the feeds that are due (all of them with `all`), one after another; new items go to `sink`. */
export async function runCycle(feeds: FeedSpec[], store: Store, sink: ItemSink, opts: CycleOptions): Promise<CycleResult> {
  const now = opts.now ?? (() => new Date());
  const outcomes: PollOutcome[] = [];
  let nextDueAt = Infinity;
  for (const f of feeds) {
    const state = await store.feedState(f.url);
    const due = state?.nextPollAt ? Date.parse(state.nextPollAt) : -Infinity;
    if (opts.all || due <= now().getTime()) {
      const o = await pollFeed(f, store, sink, opts);
      outcomes.push(o);
      nextDueAt = Math.min(nextDueAt, Date.parse(o.nextPollAt));
    } else nextDueAt = Math.min(nextDueAt, due);
  }
  const states = await Promise.all(feeds.map((f) => store.feedState(f.url)));
  const ids = new Set(states.flatMap((s) => (s ? [s.source.id] : [])));
  const health = await store.health({ now: now().toISOString(), silentAfterHours: opts.silentAfterHours });
  return { outcomes, silent: health.filter((h) => ids.has(h.source.id) && h.silentSince), nextDueAt };
}

/** One line per poll for the log. */
export function describeOutcome(o: PollOutcome): string {
  const head = `${o.feed.name} <${o.feed.url}>`;
  const next = `next poll ${o.nextPollAt}`;
  if (!o.ok) return `${head}: FAILED ${o.error}; ${next}`;
  if (o.notModified) return `${head}: not modified (304); ${next}`;
  const parts = [`${o.itemsSeen} items`, `${o.itemsNew} new`, `${o.itemsUpdated} updated`];
  if (o.queued) parts.push('queued for the workers');
  parts.push(`${o.itemsMissing} gone from the feed`);
  if (o.failures.length) parts.push(`${o.failures.length} failed`);
  return `${head}: ${parts.join(', ')}; ${next}`;
}

/** Poll until `signal` aborts, sleeping until the next feed is due (at most `maxSleepMs` at a time). */
export async function watchLoop(
  feeds: FeedSpec[],
  store: Store,
  sink: ItemSink,
  opts: CycleOptions & {
    signal: AbortSignal;
    log: (line: string) => void;
    maxSleepMs?: number;
    /** Run after every cycle, before the sleep (the CLI waits for queued items, then evaluates alerts). */
    afterCycle?: (r: CycleResult) => Promise<void>;
  },
): Promise<void> {
  while (!opts.signal.aborted) {
    const r = await runCycle(feeds, store, sink, opts);
    for (const o of r.outcomes) opts.log(describeOutcome(o));
    for (const s of r.silent) opts.log(`warning: ${s.source.name} <${s.source.url}> silent since ${s.silentSince}`);
    await opts.afterCycle?.(r);
    const wait = Math.max(1000, Math.min(opts.maxSleepMs ?? 60_000, r.nextDueAt - Date.now()));
    await new Promise<void>((ok) => {
      const t = setTimeout(ok, wait);
      opts.signal.addEventListener('abort', () => (clearTimeout(t), ok()), { once: true });
    });
  }
}
