/**
 * `npm run bench -- store`: the SQLite store on the English KCNA stories (BENCH_STORE_DOCS, default 5,000,
 * coded once with the real coder, not timed), reporting wall and CPU time (CPU time is what a loaded,
 * shared machine cannot inflate):
 *  - inserts/s of coded documents, one transaction a document and in batches of 100;
 *  - the store's size per 1,000 documents;
 *  - events export rows/s (CSV through the backpressure writer into a null sink) over the corpus saved
 *    BENCH_STORE_REPEAT times (default 4) under distinct ids, and the time of the actors query over them;
 *  - near-duplicate stories: the share of lightly edited republications within each distance (recall)
 *    and the pairs of distinct texts within it (false joins), over the whole English corpus (the figures
 *    quoted in src/store/simhash-index.ts); then the same through the store at distances 3, 6 and 7.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createCoder } from '../src/pipeline/coder.js';
import { writeEvents } from '../src/store/export.js';
import { contentHash, hamming, popcount32, simhash } from '../src/store/fingerprint.js';
import { openStore } from '../src/store/open.js';
import type { DocumentSaveInput } from '../src/store/store.js';
import type { CodedDocument } from '../src/types.js';
import { kcnaStories, peakRssMb, type KcnaStory } from './corpus.js';

const N = Number(process.env.BENCH_STORE_DOCS ?? 5000);
const REPEAT = Number(process.env.BENCH_STORE_REPEAT ?? 4);

/** Run `fn`, returning its result with the wall and CPU (user + system) seconds it took. */
async function timed<T>(fn: () => Promise<T> | T): Promise<{ result: T; wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const result = await fn();
  const cpu = process.cpuUsage(cpu0);
  return { result, wall: (performance.now() - wall0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

/** "n things in W s wall (n/W /s), C s CPU (n/C /s)". */
const rate = (n: number, what: string, t: { wall: number; cpu: number }) =>
  `${n} ${what} in ${t.wall.toFixed(2)} s wall (${Math.round(n / t.wall)}/s), ${t.cpu.toFixed(2)} s CPU (${Math.round(n / t.cpu)}/s)`;

/** Light edits of a story, as another outlet's republication might make them. */
const EDITS: Record<string, (s: KcnaStory, i: number) => string> = {
  dateline: (s) => `Pyongyang, ${s.date} (KCNA) -- ${s.text}`,
  byline: (s) => `${s.text} (Reporting by Staff Writer; editing by the desk)`,
  headline: (s) => `${s.title}. ${s.text}`,
  typo: (s, i) => {
    const w = s.text.split(' ');
    w[(i * 7919) % w.length] += 'x';
    const k = (i * 104729) % w.length;
    w[k] = w[k] === w[k].toUpperCase() ? w[k].toLowerCase() : w[k].toUpperCase();
    return w.join(' ');
  },
  'last sentence dropped': (s) => s.text.split(/(?<=\.)\s+/).slice(0, -1).join(' '),
};

const english = kcnaStories();
const coder = createCoder();
const items: { input: DocumentSaveInput; coded: CodedDocument }[] = english.slice(0, N).map((k) => ({
  input: {
    url: k.url, externalId: k.id, source: k.source, title: k.title, date: k.date, language: k.language, text: k.text,
    raw: JSON.stringify(k), rawType: 'application/json', contentHash: contentHash(k.text), simhash: simhash(k.text),
  },
  coded: coder.code({ id: k.id, text: k.text, date: k.date, source: k.source, language: k.language, title: k.title, url: k.url }),
}));
const events = items.reduce((a, i) => a + i.coded.events.length, 0);
const signals = items.reduce((a, i) => a + i.coded.signals.length, 0);
console.log(`store: ${items.length} English KCNA documents coded (${events} events, ${signals} signals); load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);

const dir = mkdtempSync(join(os.tmpdir(), 'attache-store-bench-'));
const sizeOf = (p: string) => statSync(p).size + (statSync(`${p}-wal`, { throwIfNoEntry: false })?.size ?? 0);

// one transaction a document: inserts/s and size
{
  const path = join(dir, 'one.db');
  const store = await openStore(path);
  const t = await timed(async () => {
    for (const i of items) await store.saveDocument(i.input, i.coded);
  });
  console.log(`  insert, one transaction a document: ${rate(items.length, 'docs', t)}`);
  await store.close();
  console.log(`  size: ${(sizeOf(path) / 1e6).toFixed(1)} MB = ${(sizeOf(path) / 1e6 / (items.length / 1000)).toFixed(2)} MB per 1,000 documents`);
}

// batches of 100, REPEAT copies: inserts/s, then export and actors over them
{
  const store = await openStore(join(dir, 'batch.db'));
  const copies = Array.from({ length: REPEAT }, (_, r) =>
    items.map((i) => ({ ...i, input: { ...i.input, externalId: `${i.input.externalId}#${r}` } })),
  ).flat();
  const t = await timed(async () => {
    for (let i = 0; i < copies.length; i += 100) await store.saveDocuments(copies.slice(i, i + 100));
  });
  console.log(`  insert, batches of 100: ${rate(copies.length, 'docs', t)}`);
  let bytes = 0;
  const sink = new Writable({ write: (c, _e, cb) => ((bytes += c.length), cb()) });
  const e = await timed(() => writeEvents(store.events(), 'csv', sink));
  console.log(`  export csv: ${rate(e.result, 'rows', e)}, ${(bytes / 1e6).toFixed(1)} MB`);
  const a = await timed(() => store.actors());
  console.log(`  actors query over ${e.result} events: ${a.result.length} actors in ${(a.wall * 1000).toFixed(0)} ms wall, ${(a.cpu * 1000).toFixed(0)} ms CPU`);
  await store.close();
}
rmSync(dir, { recursive: true, force: true });

// near-duplicate distance: recall of edited republications, false joins among distinct texts
{
  const t = await timed(() => nearDuplicates(english));
  console.log(`  near-duplicates (${(t.wall).toFixed(1)} s):\n${t.result}`);
  for (const k of [3, 6, 7]) console.log(await storeJoins(english, k));
}
console.log(`  peak RSS ${peakRssMb()} MB`);

/**
 * Stories as the store makes them at distance k: every distinct English text saved once (a distinct text
 * that joins another's story is a false join, or a re-scrape of the same report), then each of 1,000
 * stories republished once with each light edit under another outlet's name (joined: its story is the
 * original's).
 */
async function storeJoins(stories: KcnaStory[], k: number): Promise<string> {
  const distinct = [...new Map(stories.map((s) => [s.text, s])).values()];
  const path = join(os.tmpdir(), `attache-store-bench-k${k}-${process.pid}.db`);
  const store = await openStore(path, { nearDuplicateDistance: k });
  const doc = (id: string, source: string, text: string) => ({
    input: { externalId: id, source, language: 'en', text, raw: text, rawType: 'text/plain', contentHash: contentHash(text), simhash: simhash(text) },
    coded: { id, date: null, source, language: 'en', events: [], signals: [], markers: [], domains: [], tone: 0 },
  });
  const storyOf = new Map<string, number>();
  for (let i = 0; i < distinct.length; i += 500) {
    const batch = distinct.slice(i, i + 500);
    (await store.saveDocuments(batch.map((s) => doc(s.id, 'KCNA', s.text)))).forEach((r, j) => storyOf.set(batch[j].id, r.storyId));
  }
  const falseJoins = distinct.length - (await store.stats()).stories;
  const sample = editSample(distinct);
  let joined = 0;
  let edits = 0;
  for (const [name, edit] of Object.entries(EDITS)) {
    const results = await store.saveDocuments(sample.map((s, i) => doc(`${s.id}/${name}`, `outlet ${i % 10}`, edit(s, i))));
    results.forEach((r, i) => (joined += r.storyId === storyOf.get(sample[i].id) ? 1 : 0));
    edits += results.length;
  }
  await store.close();
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  return `    store at distance ${k}: ${distinct.length - falseJoins} stories of ${distinct.length} distinct texts (${falseJoins} joined another's); edited republications joined to their original: ${joined} of ${edits} (${((joined / edits) * 100).toFixed(1)}%)`;
}

/** 1,000 stories of 100+ words and 3+ sentences, spread over the corpus. */
function editSample(distinct: KcnaStory[]): KcnaStory[] {
  const long = distinct.filter((s) => s.text.split(' ').length >= 100 && s.text.split(/(?<=\.)\s+/).length > 2);
  return long.filter((_, i) => i % Math.floor(long.length / 1000) === 0).slice(0, 1000);
}

function nearDuplicates(stories: KcnaStory[]): string {
  const DISTANCES = [3, 4, 5, 6, 7, 8];
  const distinct = [...new Map(stories.map((s) => [s.text, s])).values()];
  const hashes = distinct.map((s) => simhash(s.text));
  const lo = Uint32Array.from(hashes, (h) => Number(h & 0xffffffffn));
  const hi = Uint32Array.from(hashes, (h) => Number(h >> 32n));
  const sample = editSample(distinct);
  const share = (d: number[]) => DISTANCES.map((k) => `≤${k}: ${((d.filter((x) => x <= k).length / d.length) * 100).toFixed(1)}%`).join('  ');
  const out = [`    recall, ${sample.length} stories of 100+ words, each edit:`];
  const all: number[] = [];
  for (const [name, edit] of Object.entries(EDITS)) {
    const d = sample.map((s, i) => hamming(simhash(s.text), simhash(edit(s, i))));
    all.push(...d);
    out.push(`      ${name.padEnd(22)} ${share(d)}`);
  }
  out.push(`      ${'all edits'.padEnd(22)} ${share(all)}`);
  const within = new Array(DISTANCES.at(-1)! + 1).fill(0);
  for (let i = 0; i < distinct.length; i++)
    for (let j = i + 1; j < distinct.length; j++) {
      const d = popcount32(lo[i] ^ lo[j]) + popcount32(hi[i] ^ hi[j]);
      if (d < within.length) within[d]++;
    }
  const pairs = (distinct.length * (distinct.length - 1)) / 2;
  let cumulative = 0;
  const counts = within.map((n) => (cumulative += n));
  out.push(`    false joins, pairs of ${distinct.length} distinct texts (${(pairs / 1e6).toFixed(0)}M pairs) within: ${DISTANCES.map((k) => `≤${k}: ${counts[k]}`).join('  ')}`);
  return out.join('\n');
}
