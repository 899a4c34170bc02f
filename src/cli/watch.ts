import type { Command } from 'commander';
import type { CycleQueue } from '../queue/cycle-queue.js';
import type { CodePool } from '../sources/code-pool.js';
import { dbOption } from '../analysis/cli-support.js';
import { dictOption, failer, parseCount, parsePositive, parseSizeOption } from './support/options.js';
import { stopSignal } from './support/stop.js';

/** Where the CLI sends new items: a code pool here, or the job queue (poll.ts ItemSink, with close and location). */
type Destination = CodePool | CycleQueue;

/** Default of --alert-wait, seconds. */
const ALERT_WAIT = 60;

interface WatchCliOptions {
  feeds: string;
  db?: string;
  dict: string[];
  once?: boolean;
  all?: boolean;
  maxSize: string;
  timeout: string;
  silentAfter: string;
  queue?: boolean;
  alertWait?: string;
}

export function register(program: Command): void {
  program
    .command('watch')
    .description('poll feeds (conditional GET, adaptive interval, backoff), code and keep new items (or queue them), record feed health')
    .requiredOption('--feeds <file>', 'YAML or JSON list of feeds: url, name?, interval? (seconds or 90s/15m/2h)')
    .addOption(dbOption())
    .addOption(dictOption())
    .option('--once', 'poll the feeds that are due once, then exit (for cron and tests)')
    .option('--all', 'poll every feed now, due or not')
    .option('--max-size <bytes>', 'largest feed body accepted (suffix k or M allowed)', '10M')
    .option('--timeout <ms>', 'timeout of one HTTP request, body included', '20000')
    .option('--silent-after <hours>', 'warn about a feed with no new item for this long', '48')
    .option('--queue', 'queue new and changed items for `attache worker` processes instead of coding them here (postgres:// store)')
    .option('--alert-wait <seconds>', `with --queue and alerts defined: after a cycle, wait at most this long (and never past the next poll) for the workers to store its items, then evaluate the alerts; 0 evaluates at once (default: ${ALERT_WAIT})`)
    .action(runWatch);
}

async function runWatch(opts: WatchCliOptions): Promise<void> {
  const fail = failer('watch');
  const maxBytes = parseSizeOption('watch', '--max-size', opts.maxSize);
  const timeoutMs = parsePositive('watch', '--timeout', opts.timeout, 'milliseconds');
  const silentAfterHours = parsePositive('watch', '--silent-after', opts.silentAfter, 'hours', false);
  if (opts.alertWait !== undefined && !opts.queue) fail('--alert-wait goes with --queue');
  const alertWaitMs = 1000 * (opts.alertWait === undefined ? ALERT_WAIT : parseCount('watch', '--alert-wait', opts.alertWait, 0));

  const { loadFeedsFile } = await import('../sources/feeds-file.js');
  let feeds: ReturnType<typeof loadFeedsFile>;
  try {
    feeds = loadFeedsFile(opts.feeds);
  } catch (e) {
    return fail((e as Error).message);
  }
  const { openStore, storeSpec } = await import('../store/open.js');
  const { registerFeeds, runCycle, watchLoop, describeOutcome } = await import('../sources/watch.js');
  const { evaluateAndReport, hasAlerts } = await import('../analysis/alerts.js');
  const spec = storeSpec(opts.db);
  if (opts.queue) {
    const { isPostgresSpec } = await import('../store/open.js');
    if (!isPostgresSpec(spec)) fail(`--queue needs a postgres://… store (the queue lives in PostgreSQL), not "${spec}"`);
    if (opts.dict.length) fail('--dict goes to the workers with --queue (attache worker --dict DIR): they code the items');
  }
  const store = await openStore(spec).catch((e: Error) => fail(e.message));
  let sink: Destination;
  try {
    sink = opts.queue
      ? await (await import('../queue/cycle-queue.js')).CycleQueue.open(spec)
      : await (await import('../sources/code-pool.js')).createCodePool({ dictDirs: opts.dict, workers: 0 });
  } catch (e) {
    await store.close();
    return fail(opts.queue ? (e as Error).message : `dictionaries not loaded, nothing polled: ${(e as Error).message}`);
  }
  const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  const cycle = { maxBytes, timeoutMs, all: opts.all, silentAfterHours };
  // With --queue the cycle's items are stored by the workers: alerts wait for them (bounded), else they
  // would fire only after the next cycle. Without alerts there is nothing to wait for.
  const alert = async (timeoutMs: number, say: (line: string) => void, signal?: AbortSignal) => {
    if ('settle' in sink) await sink.settle({ timeoutMs: hasAlerts(store.location) ? timeoutMs : 0, signal, log: say });
    await evaluateAndReport(store, say);
  };
  try {
    await registerFeeds(feeds, store);
    if (opts.once) {
      const r = await runCycle(feeds, store, sink, cycle);
      for (const o of r.outcomes) {
        process.stdout.write(`${describeOutcome(o)}\n`);
        for (const f of o.failures) process.stdout.write(`  failed: ${f.origin}: ${f.reason}\n`);
      }
      if (r.outcomes.length === 0) process.stdout.write('no feed due; nothing polled (--all polls every feed)\n');
      for (const s of r.silent) process.stderr.write(`warning: ${s.source.name} <${s.source.url}> silent since ${s.silentSince}\n`);
      process.exitCode = r.outcomes.some((o) => !o.ok || o.failures.length) ? 1 : 0;
      await alert(alertWaitMs, (line) => process.stderr.write(`${line}\n`));
    } else {
      const signal = stopSignal();
      log(`watching ${feeds.length} feeds${'settle' in sink ? `, queueing new items on ${sink.location}` : ''}; Ctrl-C stops`);
      const afterCycle = (r: { nextDueAt: number }) => alert(Math.min(alertWaitMs, r.nextDueAt - Date.now()), log, signal);
      await watchLoop(feeds, store, sink, { ...cycle, all: false, signal, log, afterCycle });
    }
  } finally {
    await sink.close();
    await store.close();
  }
}
