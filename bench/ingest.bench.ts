/**
 * `attache ingest` of the whole KCNA corpus into a fresh SQLite store, as a user runs it (the CLI in a child
 * process, its default coding threads): docs/s, CPU time, peak RSS (GNU time), DB size; then the same input
 * again, which must add nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { KCNA, kcnaStories } from './corpus.js';

kcnaStories(true); // exits with a reason when ../shared is absent
const dir = mkdtempSync(join(os.tmpdir(), 'attache-bench-ingest-'));
const db = join(dir, 'kcna.db');
const TIME = '/usr/bin/time';

function run(label: string): void {
  const t = performance.now();
  const args = ['bin/attache.js', 'ingest', KCNA, '--db', db];
  const r = existsSync(TIME)
    ? spawnSync(TIME, ['-f', 'TIME %M %U %S', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0 && r.status !== 1) {
    console.error(r.stderr);
    process.exit(1);
  }
  const count = (k: string) => Number(new RegExp(`^\\s*${k}\\s+(\\d+)`, 'm').exec(r.stdout)?.[1] ?? NaN);
  const [rss, user, sys] = (/TIME (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr) ?? []).slice(1).map(Number);
  const docs = count('new') + count('updated') + count('duplicate') + count('failed');
  console.log(`${label}: ${docs} stories (new ${count('new')}, updated ${count('updated')}, duplicate ${count('duplicate')}, failed ${count('failed')})`);
  console.log(`  wall ${wall.toFixed(1)} s: ${Math.round(docs / wall)} docs/s` + (user ? `; CPU ${(user + sys).toFixed(1)} s (all threads); peak RSS ${Math.round(rss / 1024)} MB` : ''));
}

console.log(`ingest: ${KCNA} into a fresh store; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
run('first run');
console.log(`  DB size ${(statSync(db).size / 1024 / 1024).toFixed(1)} MB (+ WAL ${existsSync(`${db}-wal`) ? (statSync(`${db}-wal`).size / 1024 / 1024).toFixed(1) : 0} MB)`);
run('second run');
rmSync(dir, { recursive: true, force: true });
