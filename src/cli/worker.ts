import type { Command } from 'commander';
import { dictOption, failer, parseCount } from './support/options.js';
import { stopSignal } from './support/stop.js';

interface WorkerCliOptions {
  db?: string;
  dict: string[];
  batch: string;
  lease: string;
  maxAttempts: string;
  retryDelay: string;
  threads: string;
  drain?: boolean;
  status?: boolean;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('take ingest and coding jobs from the queue in PostgreSQL (run any number, on any machines)')
    .option('--db <url>', 'the PostgreSQL store and queue, postgres://… (default: $ATTACHE_DB)')
    .addOption(dictOption())
    .option('--batch <n>', 'jobs taken at a time', '32')
    .option('--lease <seconds>', 'lease of a job taken, renewed every third of it while the worker is on the job; a job not renewed for this long goes back to the queue', '300')
    .option('--max-attempts <n>', 'tries before a job goes to the dead-letter list', '5')
    .option('--retry-delay <seconds>', 'a failed job waits this many seconds times its attempts', '30')
    .option('--threads <n>', 'coding threads in this worker; 0 codes in the main thread', '0')
    .option('--drain', 'exit when the queue has no job left to take')
    .option('--status', 'print the queue counts and the dead-letter list, then exit')
    .action(runWorkerCommand);
}

async function runWorkerCommand(opts: WorkerCliOptions): Promise<void> {
  const fail = failer('worker');
  const batch = parseCount('worker', '--batch', opts.batch, 1);
  const leaseSeconds = parseCount('worker', '--lease', opts.lease, 1);
  const maxAttempts = parseCount('worker', '--max-attempts', opts.maxAttempts, 1);
  const retryDelaySeconds = parseCount('worker', '--retry-delay', opts.retryDelay, 0);
  const threads = parseCount('worker', '--threads', opts.threads, 0);

  const { storeSpec } = await import('../store/open.js');
  const { isPostgresSpec } = await import('../store/open.js');
  const spec = storeSpec(opts.db);
  if (!isPostgresSpec(spec)) fail(`--db "${spec}": workers need a postgres://… store (the queue lives in PostgreSQL)`);
  const { JobQueue } = await import('../queue/queue.js');
  const queue = await JobQueue.open(spec).catch((e: Error) => fail(e.message));

  if (opts.status) {
    try {
      const c = await queue.counts();
      process.stdout.write(`${queue.location}: ${c.pending} pending, ${c.running} running, ${c.dead} dead letters\n`);
      for (const d of await queue.dead()) process.stdout.write(`dead: job ${d.jobId} ${d.origin} (${d.attempts} attempts, ${d.failedAt}): ${d.error}\n`);
    } finally {
      await queue.close();
    }
    return;
  }

  const { openStore } = await import('../store/open.js');
  const { createCodePool } = await import('../sources/code-pool.js');
  const { runWorker } = await import('../queue/worker.js');
  const store = await openStore(spec).catch(async (e: Error) => {
    await queue.close();
    return fail(e.message);
  });
  const pool = await createCodePool({ dictDirs: opts.dict, workers: threads }).catch(async (e: Error) => {
    await Promise.all([queue.close(), store.close()]);
    return fail(`dictionaries not loaded, no job taken: ${(e as Error).message}`);
  });
  const signal = stopSignal();
  const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  const started = Date.now();
  try {
    const s = await runWorker(queue, store, pool, {
      batch,
      leaseSeconds,
      maxAttempts,
      retryDelaySeconds,
      drain: Boolean(opts.drain),
      idleMs: 1000,
      signal,
      log,
    });
    const secs = (Date.now() - started) / 1000;
    const lost = s.lost ? `, ${s.lost} lost to other workers (lease ran out)` : '';
    process.stdout.write(
      `${s.new} new, ${s.updated} updated, ${s.duplicate} unchanged, ${s.retried} failed (to retry), ${s.dead} dead letters${lost} in ${secs.toFixed(1)} s\n`,
    );
    process.exitCode = s.dead > 0 ? 1 : 0;
  } finally {
    await Promise.all([pool.close(), store.close(), queue.close()]);
  }
}
