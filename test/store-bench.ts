/**
 * Store benchmark (not part of `npm test`): `npx tsx test/store-bench.ts [N] [REPEAT]`.
 * Codes the first N KCNA stories once with the real coder (not timed), then measures
 *  - inserts/s of coded documents, one transaction a document and in batches of 100;
 *  - the store's size per 1,000 documents;
 *  - events export rows/s (CSV, through the backpressure writer into a null sink) and peak RSS,
 *    over the corpus saved REPEAT times under distinct ids (REPEAT × the events).
 */
import { rmSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createCoder } from '../src/pipeline/coder.js';
import { writeEvents } from '../src/store/export.js';
import { contentHash, simhash } from '../src/store/fingerprint.js';
import { openStore } from '../src/store/open.js';
import type { DocumentSaveInput } from '../src/store/store.js';
import type { CodedDocument } from '../src/types.js';
import { kcnaStories } from './store-corpus.js';

const N = Number(process.argv[2] ?? 5000);
const REPEAT = Number(process.argv[3] ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'attache-store-bench-'));
const coder = createCoder();
const items: { input: DocumentSaveInput; coded: CodedDocument }[] = kcnaStories(N).map((k) => ({
  input: {
    url: k.url, externalId: k.id, source: k.source, title: k.title, date: k.date, language: k.language, text: k.text,
    raw: JSON.stringify(k), rawType: 'application/json', contentHash: contentHash(k.text), simhash: simhash(k.text),
  },
  coded: coder.code({ id: k.id, text: k.text, date: k.date, source: k.source, language: k.language, title: k.title, url: k.url }),
}));
const events = items.reduce((a, i) => a + i.coded.events.length, 0);
console.log(`${items.length} KCNA documents coded (${events} events, ${items.reduce((a, i) => a + i.coded.signals.length, 0)} signals)`);

const sizeOf = (p: string) => statSync(p).size + (statSync(`${p}-wal`, { throwIfNoEntry: false })?.size ?? 0);

for (const batch of [1, 100]) {
  const path = join(dir, `b${batch}.db`);
  const store = await openStore(path);
  const t0 = performance.now();
  for (let r = 0; r < (batch === 1 ? 1 : REPEAT); r++) {
    const run = r === 0 ? items : items.map((i) => ({ ...i, input: { ...i.input, externalId: `${i.input.externalId}#${r}` } }));
    for (let i = 0; i < run.length; i += batch)
      if (batch === 1) await store.saveDocument(run[i].input, run[i].coded);
      else await store.saveDocuments(run.slice(i, i + batch));
  }
  const secs = (performance.now() - t0) / 1000;
  const docs = (await store.stats()).documents;
  console.log(`insert, ${batch === 1 ? 'one transaction a document' : `batches of ${batch}`}: ${docs} docs in ${secs.toFixed(1)} s = ${(docs / secs).toFixed(0)} docs/s`);
  if (batch === 1) console.log(`size: ${(sizeOf(path) / 1e6).toFixed(1)} MB = ${(sizeOf(path) / 1e6 / (docs / 1000)).toFixed(2)} MB per 1,000 documents`);
  else {
    let bytes = 0;
    const sink = new Writable({ write: (c, _e, cb) => ((bytes += c.length), cb()) });
    const t1 = performance.now();
    const rows = await writeEvents(store.events(), 'csv', sink);
    const s = (performance.now() - t1) / 1000;
    console.log(`export csv: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${s.toFixed(1)} s = ${(rows / s).toFixed(0)} rows/s; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  }
  await store.close();
}
rmSync(dir, { recursive: true, force: true });
