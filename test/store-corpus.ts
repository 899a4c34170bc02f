/**
 * Access to ../shared/corpora for tests: whether it is there, and the first N KCNA stories.
 * Tests that need it skip when it is absent, except under CI (CI=true), where absence is a failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';

export const KCNA_CORPUS = resolve(import.meta.dirname, '../../shared/corpora/kcna-2011-2012.jsonl.gz');
export const hasKcna = existsSync(KCNA_CORPUS);
/** Skip (with the reason) only outside CI. */
export const skipWithoutKcna = !hasKcna && process.env.CI !== 'true';
export const KCNA_SKIP_REASON = `../shared/corpora/kcna-2011-2012.jsonl.gz absent`;

export interface KcnaStory {
  id: string;
  date: string;
  title: string;
  language: string;
  url: string;
  source: string;
  text: string;
}

let cache: KcnaStory[] | null = null;

/** The first `n` stories of the corpus (the whole file is decompressed once per test process). */
export function kcnaStories(n: number): KcnaStory[] {
  if (!cache) {
    if (!hasKcna) throw new Error(`${KCNA_CORPUS}: not found (CI=true requires ../shared)`);
    cache = gunzipSync(readFileSync(KCNA_CORPUS))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as KcnaStory);
  }
  return cache.slice(0, n);
}
