/**
 * The demo: a fresh SQLite store holding the sample corpus that ships with the project
 * (data/demo/corpus.jsonl), coded by the real coder through the ingest run, and what to look at first.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createCodePool } from '../sources/code-pool.js';
import { ingest, type IngestSummary } from '../sources/ingest.js';
import { DEFAULT_LIMITS } from '../sources/item.js';

export const DEMO_CORPUS = join(import.meta.dirname, '../../data/demo/corpus.jsonl');

/** Pages of the dashboard worth opening first, with why (paths relative to the server's URL). */
export const DEMO_TOUR: [string, string][] = [
  ['dyads/PRK-RUS?by=quarter', 'DPRK–Russia: the timeline by quad class and Goldstein, the strongest events and their evidence'],
  ['rituals?year=2025', 'the 2025 ritual calendar: which yearly messages came and which are missing (data/demo/README.md lists what was planted)'],
  ['framing?pair=PRK-RUS', 'how the DPRK–Russia messages are framed year by year (markers gained, phrases new)'],
  ['follow?pair=PRK-RUS', 'commitments between the DPRK and Russia and the deeds that followed'],
  ['network', 'the actor network'],
];

/** Remove a SQLite file and its WAL/SHM companions. */
function removeDb(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(p)) rmSync(p);
}

/**
 * Create the demo store at `dbPath` (overwritten) and ingest the sample corpus into it. Throws when any
 * report fails to code: the demo ships with its corpus, so a failure is a bug to see, not to skip.
 */
export async function buildDemoStore(dbPath: string, corpus = DEMO_CORPUS): Promise<{ store: Store; summary: IngestSummary }> {
  if (!existsSync(corpus)) throw new Error(`${corpus}: the demo corpus is missing`);
  removeDb(dbPath);
  const store = await openStore(dbPath);
  const pool = await createCodePool({ dictDirs: [], workers: 0 });
  try {
    const summary = await ingest([corpus], store, pool, { ...DEFAULT_LIMITS, source: null });
    if (summary.failed > 0) {
      const why = summary.failures.map((f) => `${f.origin}: ${f.reason}`).join('; ');
      throw new Error(`${summary.failed} demo reports failed: ${why}`);
    }
    return { store, summary };
  } catch (e) {
    await store.close();
    throw e;
  } finally {
    await pool.close();
  }
}
