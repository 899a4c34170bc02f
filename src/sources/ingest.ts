/**
 * The ingest run: inputs → raw items → (skip what the store already holds) → language + coding in the
 * code pool → document and coding saved in one store transaction. Failures are collected, never thrown,
 * so one bad input never stops the run. Each save commits on its own, so a run killed at any point
 * loses nothing that was reported saved, and a second run skips what the first one stored.
 */
import { contentHash } from '../store/fingerprint.js';
import type { SaveStatus, Store } from '../store/store.js';
import type { CodePool } from './code-pool.js';
import type { Failure, RawItem } from './item.js';
import type { ProgressCounts } from './progress.js';
import { readInputs, type ReadOptions } from './read.js';

export interface IngestOptions extends ReadOptions {
  /** Documents in flight at once (read ahead of the coders); default 64 per worker. */
  window?: number;
  /** Called after every item. */
  onProgress?: (c: ProgressCounts) => void;
  /** Expected item count, for the progress ETA. */
  total?: number | null;
}

export interface IngestSummary extends ProgressCounts {
  failures: Failure[];
}

export function emptySummary(total: number | null = null): IngestSummary {
  return { done: 0, total, new: 0, updated: 0, duplicate: 0, failed: 0, failures: [] };
}

/** Save one item: skipped unchanged, else coded and stored. Returns the store's verdict. */
export async function ingestItem(it: RawItem, store: Store, pool: CodePool, source: string | null): Promise<SaveStatus> {
  const hash = contentHash(it.text);
  const src = it.source ?? source;
  const existing = await store.findDocument({ url: it.url, source: src, externalId: it.externalId, contentHash: hash });
  if (existing && existing.contentHash === hash) return 'duplicate';
  const id = it.externalId ?? it.url ?? `sha256:${hash.slice(0, 16)}`;
  const { coded, language, simhash } = await pool.code({
    id,
    text: it.text,
    url: it.url ?? null,
    source: src,
    date: it.date ?? null,
    language: it.language ?? null,
    title: it.title ?? null,
  });
  const saved = await store.saveDocument(
    {
      url: it.url ?? null,
      source: src,
      externalId: it.externalId ?? null,
      title: it.title ?? null,
      date: it.date ?? null,
      language,
      text: it.text,
      raw: it.raw,
      rawType: it.rawType,
      contentHash: hash,
      simhash,
      feedUrl: it.feedUrl ?? null,
    },
    coded,
  );
  return saved.status;
}

export async function ingest(inputs: string[], store: Store, pool: CodePool, opts: IngestOptions): Promise<IngestSummary> {
  const s = emptySummary(opts.total ?? null);
  const window = opts.window ?? 64 * Math.max(1, pool.workers);
  const inFlight = new Set<Promise<void>>();
  const fail = (origin: string, reason: string) => {
    s.failed++;
    s.failures.push({ origin, reason });
  };
  const tick = () => {
    s.done++;
    opts.onProgress?.(s);
  };
  for await (const ev of readInputs(inputs, opts)) {
    if (ev.kind === 'failure') {
      fail(ev.origin, ev.reason);
      tick();
      continue;
    }
    const p: Promise<void> = ingestItem(ev.item, store, pool, opts.source ?? null)
      .then((status) => void s[status]++)
      .catch((e: Error) => fail(ev.item.origin, e.message))
      .finally(() => {
        inFlight.delete(p);
        tick();
      });
    inFlight.add(p);
    if (inFlight.size >= window) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return s;
}
