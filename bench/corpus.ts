import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';

export const KCNA = resolve(import.meta.dirname, '../../shared/corpora/kcna-2011-2012.jsonl.gz');

export interface KcnaStory {
  id: string;
  date: string;
  title: string;
  language: string;
  url: string;
  source: string;
  text: string;
}

/** The KCNA corpus stories (English only unless `all`); exits with a reason when ../shared is absent. */
export function kcnaStories(all = false): KcnaStory[] {
  if (!existsSync(KCNA)) {
    console.error(`bench: ${KCNA} not found (the benchmarks need ../shared beside the project)`);
    process.exit(2);
  }
  const lines = gunzipSync(readFileSync(KCNA)).toString('utf8').split('\n').filter(Boolean);
  const stories = lines.map((l) => JSON.parse(l) as KcnaStory);
  return all ? stories : stories.filter((s) => s.language === 'en');
}

export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
