/** The KCNA corpus for the benchmarks: the loader the tests use (test/store-corpus.ts), exiting when ../shared is absent. */
import { hasKcna, KCNA_CORPUS, kcnaStories as firstStories, type KcnaStory } from '../test/store-corpus.js';

export type { KcnaStory };
export const KCNA = KCNA_CORPUS;

/** The KCNA corpus stories (English only unless `all`); exits with a reason when ../shared is absent. */
export function kcnaStories(all = false): KcnaStory[] {
  if (!hasKcna) {
    console.error(`bench: ${KCNA} not found (the benchmarks need ../shared beside the project)`);
    process.exit(2);
  }
  const stories = firstStories(Infinity);
  return all ? stories : stories.filter((s) => s.language === 'en');
}

export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
