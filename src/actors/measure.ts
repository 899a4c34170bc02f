/**
 * Actor-matching speed on the English KCNA stories (not part of `npm test`):
 *   npx tsx src/actors/measure.ts [../shared/corpora/kcna-2011-2012.jsonl.gz] [max stories]
 * Analyses the stories with the text stage first, then times findActors + findAttribution alone.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DictSources } from '../dict/files.js';
import { analyse } from '../text/analyse.js';
import type { AnalysedText } from '../types.js';
import { findActors, findAttribution, loadActors } from './index.js';

const file = process.argv[2] ?? new URL('../../../shared/corpora/kcna-2011-2012.jsonl.gz', import.meta.url).pathname;
const max = Number(process.argv[3] ?? Infinity);
const t0 = performance.now();
const dicts = loadActors(new DictSources());
const loadMs = performance.now() - t0;
const docs: AnalysedText[] = [];
const t1 = performance.now();
for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
  if (!line || docs.length >= max) continue;
  const d = JSON.parse(line) as { language: string; text: string; date: string | null };
  if (d.language === 'en') docs.push(analyse(d.text, d.date));
}
const textMs = performance.now() - t1;
const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
let mentions = 0;
const t2 = performance.now();
for (const a of docs) {
  const ms = findActors(a, dicts, { source: 'KCNA' });
  findAttribution(a, ms, dicts);
  for (const s of ms) mentions += s.length;
}
const actorMs = performance.now() - t2;
console.log(`dictionaries loaded in ${loadMs.toFixed(0)} ms (${dicts.matcher.size} phrases)`);
console.log(`${docs.length} stories, ${sentences} sentences; text stage ${(sentences / (textMs / 1000)).toFixed(0)} sentences/s`);
console.log(`actors: ${mentions} mentions, ${(sentences / (actorMs / 1000)).toFixed(0)} sentences/s (${actorMs.toFixed(0)} ms)`);
