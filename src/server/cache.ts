/**
 * A small cache for analysis reports (dyad, rituals, framing, follow-through, network): each is computed
 * over many rows, and dashboards ask for the same few again and again. An entry lives while the store's
 * contents are unchanged: the store's counts are checked at most once every `checkMs` (so a write shows
 * within that time), and any change empties the cache. Least recently used entries go first.
 */
import type { Store } from '../store/store.js';

export interface ReportCache {
  /** The cached value of `key`, else `compute()` stored under it. Concurrent misses share one computation. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export function reportCache(store: Store, opts: { maxEntries?: number; checkMs?: number; now?: () => number } = {}): ReportCache {
  const max = opts.maxEntries ?? 256;
  const checkMs = opts.checkMs ?? 1000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Promise<unknown>>();
  let version: string | null = null;
  let checkedAt = -Infinity;
  let checking: Promise<void> | null = null;

  const check = async () => {
    const s = await store.stats();
    const v = `${s.documents}/${s.versions}/${s.events}/${s.signals}/${s.markers}/${s.missing}`;
    if (v !== version) entries.clear();
    version = v;
    checkedAt = now();
  };

  return {
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      if (now() - checkedAt >= checkMs) await (checking ??= check().finally(() => (checking = null)));
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit as Promise<T>;
      }
      const p = compute();
      entries.set(key, p);
      p.catch(() => entries.delete(key));
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      return p;
    },
  };
}
