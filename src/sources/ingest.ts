/**
 * The ingest run: inputs → raw items → (skip what the store already holds) → language + coding in the
 * code pool → documents and their coding saved in batches, each batch one store transaction. Failures
 * are collected, never thrown, so one bad input never stops the run. A run killed at any point leaves
 * whole batches only; a second run skips what the first one stored and codes the rest. The run ends by
 * recording, for each outlet it read items of, an ingest (a poll of the outlet's file source).
 */
import { contentHash } from '../store/fingerprint.js';
import { originOf } from '../store/records.js';
import type { DocumentSaveInput, SaveResult, SaveStatus, SourceInput, Store } from '../store/store.js';
import type { CodedDocument } from '../types.js';
import type { CodePool } from './code-pool.js';
import type { Failure, RawItem } from './item.js';
import type { ProgressCounts } from './progress.js';
import { readInputs, type ReadOptions } from './read.js';

export interface IngestOptions extends ReadOptions {
  /** Documents in flight at once (read ahead of the coders); default 64 per worker. */
  window?: number;
  /** Documents saved per store transaction; default 100. */
  batchSize?: number;
  /** Called after every item. */
  onProgress?: (c: ProgressCounts) => void;
  /** Expected item count, for the progress ETA. */
  total?: number | null;
}

export interface IngestSummary extends ProgressCounts {
  failures: Failure[];
}

function emptySummary(total: number | null = null): IngestSummary {
  return { done: 0, total, new: 0, updated: 0, duplicate: 0, failed: 0, failures: [] };
}

export interface Prepared {
  origin: string;
  input: DocumentSaveInput;
  coded: CodedDocument;
}

/** What the store holds of an item: its content hash, its outlet, and the stored document it names, if any. */
export async function storedItem(it: RawItem, store: Store, source: string | null) {
  const hash = contentHash(it.text);
  const src = it.source ?? source;
  const existing = await store.findDocument({ url: it.url, source: src, externalId: it.externalId, contentHash: hash });
  return { hash, src, existing, unchanged: existing?.contentHash === hash };
}

/** An item made ready to save: 'duplicate' when the store already holds it unchanged, else coded. */
export async function prepareItem(it: RawItem, store: Store, pool: CodePool, source: string | null): Promise<Prepared | 'duplicate'> {
  const { hash, src, unchanged } = await storedItem(it, store, source);
  if (unchanged) return 'duplicate';
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
  const input: DocumentSaveInput = {
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
  };
  return { origin: it.origin, input, coded };
}

/**
 * Coded documents saved in batches, one store transaction a batch (one commit instead of one a document:
 * SQLite's commit and FTS5's segment flush dominate a single save). A batch the store refuses is saved
 * again one document at a time, so one bad document fails alone.
 */
export class SaveBatch {
  private pending: Prepared[] = [];

  constructor(
    private readonly store: Store,
    private readonly onSaved: (status: SaveStatus, p: Prepared) => void,
    private readonly onFailed: (origin: string, reason: string) => void,
    private readonly size = 100,
  ) {}

  async add(p: Prepared): Promise<void> {
    this.pending.push(p);
    if (this.pending.length >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let results: SaveResult[] | null = null;
    try {
      results = await this.store.saveDocuments(batch.map((b) => ({ input: b.input, coded: b.coded })));
    } catch {
      // Find the culprit(s): save one by one.
    }
    if (results) return batch.forEach((b, i) => this.onSaved(results[i].status, b));
    for (const b of batch) {
      try {
        this.onSaved((await this.store.saveDocument(b.input, b.coded)).status, b);
      } catch (e) {
        this.onFailed(b.origin, (e as Error).message);
      }
    }
  }
}

/**
 * What a run read of each file source (outlet), recorded as one poll of it when the run ends: its last
 * success is then the last ingest, whether or not it brought anything new. Feed items are left to
 * `attache watch`, whose polls say whether a feed is alive.
 */
class OutletRuns {
  private readonly read = new Map<string, { outlet: SourceInput; seen: number; new: number }>();
  private readonly started = new Date();

  add(doc: Pick<DocumentSaveInput, 'source' | 'feedUrl'>, status: SaveStatus): void {
    if (doc.feedUrl) return;
    const outlet = originOf(doc);
    const r = this.read.get(outlet.url) ?? { outlet, seen: 0, new: 0 };
    r.seen++;
    if (status === 'new') r.new++;
    this.read.set(outlet.url, r);
  }

  async record(store: Store): Promise<void> {
    const durationMs = Date.now() - this.started.getTime();
    for (const r of this.read.values()) {
      // Registered by the save of its first document, unless every item was a duplicate of another outlet's.
      await store.upsertSource(r.outlet);
      await store.recordPoll({ url: r.outlet.url, at: this.started.toISOString(), ok: true, itemsSeen: r.seen, itemsNew: r.new, durationMs });
    }
  }
}

export async function ingest(inputs: string[], store: Store, pool: CodePool, opts: IngestOptions): Promise<IngestSummary> {
  const s = emptySummary(opts.total ?? null);
  const runs = new OutletRuns();
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
  const batch = new SaveBatch(
    store,
    (status, p) => {
      s[status]++;
      runs.add(p.input, status);
      tick();
    },
    (origin, reason) => {
      fail(origin, reason);
      tick();
    },
    opts.batchSize,
  );
  for await (const ev of readInputs(inputs, opts)) {
    if (ev.kind === 'failure') {
      fail(ev.origin, ev.reason);
      tick();
      continue;
    }
    const { origin, source, feedUrl } = ev.item;
    const p: Promise<void> = prepareItem(ev.item, store, pool, opts.source ?? null)
      .then((r) => {
        if (r !== 'duplicate') return batch.add(r);
        s.duplicate++;
        runs.add({ source: source ?? opts.source, feedUrl }, 'duplicate');
        tick();
      })
      .catch((e: Error) => {
        fail(origin, e.message);
        tick();
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= window) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await batch.flush();
  await runs.record(store).catch((e: Error) => fail(store.location, `sources not updated: ${e.message}`));
  return s;
}
