/**
 * Analysis answer times on the whole KCNA store (target: dyad and rituals under 200 ms each).
 * The store is /tmp/kcna.db (or $KCNA_DB); when absent it is built once with `attache ingest` of
 * ../shared/corpora/kcna-2011-2012.jsonl.gz. Each analysis runs once cold, then 5 times; the median wall time
 * is shown with the median CPU time of the process beside it (on a shared, loaded machine the wall time
 * grows with the load average, printed at the end; the CPU time much less).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { openStore } from '../src/store/open.js';
import { dyadFromStore } from '../src/analysis/dyad.js';
import { rituals, ritualsFromStore } from '../src/analysis/rituals.js';
import { followThroughFromStore } from '../src/analysis/follow-through.js';
import { framingShiftFromStore } from '../src/analysis/framing-shift.js';
import { networkFromStore } from '../src/analysis/network.js';
import { collect, median } from '../src/analysis/stats.js';
import { KCNA, peakRssMb } from './corpus.js';

const db = process.env.KCNA_DB ?? '/tmp/kcna.db';
if (!existsSync(db)) {
  if (!existsSync(KCNA)) {
    console.error(`bench: ${KCNA} not found (the benchmarks need ../shared beside the project)`);
    process.exit(2);
  }
  console.log(`building ${db} from ${KCNA} …`);
  const root = resolve(import.meta.dirname, '..');
  const r = spawnSync(process.execPath, ['bin/attache.js', 'ingest', KCNA, '--db', db, '--source', 'KCNA'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const store = await openStore(db);
const stats = await store.stats();
console.log(`store ${db}: ${stats.documents} documents, ${stats.events} events, ${stats.signals} signals, ${stats.markers} markers`);

const TARGET_MS = 200;
const runs: [string, () => Promise<unknown>, boolean][] = [
  ['dyad PRK CHN --by month', () => dyadFromStore(store, { a: 'PRK', b: 'CHN', by: 'month' }), true],
  ['dyad PRK RUS', () => dyadFromStore(store, { a: 'PRK', b: 'RUS' }), true],
  ['rituals --year 2012 --window 1 --min-years 1', () => ritualsFromStore(store, { year: 2012, window: 1, minYears: 1 }), true],
  ['rituals --actor CHN --year 2012 --window 1 --min-years 1', () => ritualsFromStore(store, { actor: 'CHN', year: 2012, window: 1, minYears: 1 }), true],
  ['follow PRK CHN', () => followThroughFromStore(store, { a: 'PRK', b: 'CHN' }), false],
  ['framing PRK CHN', () => framingShiftFromStore(store, { a: 'PRK', b: 'CHN' }), false],
  ['network', () => networkFromStore(store), false],
];
let over = 0;
for (const [name, fn, targeted] of runs) {
  let t = performance.now();
  await fn();
  const cold = performance.now() - t;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    const c = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const med = median(times)!;
  const verdict = targeted ? (med < TARGET_MS ? 'ok' : `OVER ${TARGET_MS} ms`) : '';
  if (targeted && med >= TARGET_MS) over++;
  console.log(`${name.padEnd(58)} cold ${cold.toFixed(0).padStart(5)} ms   median ${med.toFixed(0).padStart(5)} ms (CPU ${median(cpu)!.toFixed(0).padStart(4)} ms)  ${verdict}`);
}
// the same ritual calendar with the rows already read: what the analysis costs without the store query
const signalRows = await collect(store.signals());
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  rituals(signalRows, { year: 2012, window: 1, minYears: 1 });
  times.push(performance.now() - t);
}
console.log(`${'rituals computation alone (rows in memory)'.padEnd(58)} median ${median(times)!.toFixed(0).padStart(5)} ms`);
console.log(`peak RSS ${peakRssMb()} MB; load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
await store.close();
process.exit(over ? 1 : 0);
