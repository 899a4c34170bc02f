/**
 * `npm run bench [-- NAME…]`: runs each bench/*.bench.ts (or those whose name contains NAME) in its own
 * process, so each reports its own peak RSS. Benchmarks read ../shared/corpora; they are never part of npm test.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dir = import.meta.dirname;
const filters = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const b of benches) {
  console.log(`\n## ${b}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, b)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
