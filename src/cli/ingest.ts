import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { dbOption } from '../analysis/cli-support.js';
import { dictOption, failer, parseCount, parsePositive, parseSizeOption } from './support/options.js';

interface IngestCliOptions {
  db?: string;
  dict: string[];
  maxSize: string;
  source?: string;
  timeout: string;
  workers: string;
  queue?: boolean;
  wait?: boolean;
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('read files, directories, JSONL, pages and feeds; code each new document and keep it in the store')
    .argument('<inputs...>', 'files, directories (recursive), .jsonl/.jsonl.gz, .html pages, feed files, or http(s) URLs of pages and feeds')
    .addOption(dbOption())
    .addOption(dictOption())
    .option('--max-size <bytes>', 'largest document, page, feed or JSONL line accepted (suffix k or M allowed)', '10M')
    .option('--source <name>', 'outlet name for documents that carry none (e.g. KCNA)')
    .option('--timeout <ms>', 'timeout of one HTTP request, body included', '20000')
    .option('--workers <n>', 'coding threads; 0 codes in the main thread', String(availableParallelism()))
    .option('--queue', 'queue the items for `attache worker` processes instead of coding them here (postgres:// store)')
    .option('--wait', 'with --queue: return when the workers have finished the queued items')
    .action(runIngest);
}

async function runIngest(inputs: string[], opts: IngestCliOptions): Promise<void> {
  const fail = failer('ingest');
  const maxBytes = parseSizeOption('ingest', '--max-size', opts.maxSize);
  const timeoutMs = parsePositive('ingest', '--timeout', opts.timeout, 'milliseconds');
  const workers = parseCount('ingest', '--workers', opts.workers, 0);
  if (opts.wait && !opts.queue) fail('--wait goes with --queue');
  if (opts.queue) {
    const { ingestThroughQueue } = await import('../queue/ingest-queue.js');
    const { storeSpec } = await import('../store/open.js');
    const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) };
    process.exitCode = await ingestThroughQueue(storeSpec(opts.db), inputs, { ...io, wait: Boolean(opts.wait), maxBytes, timeoutMs, source: opts.source ?? null });
    return;
  }

  const { openStore } = await import('../store/open.js');
  const { createCodePool } = await import('../sources/code-pool.js');
  const { ingest } = await import('../sources/ingest.js');
  const { countInputs } = await import('../sources/read.js');
  const { Progress } = await import('../sources/progress.js');
  const { formatSummary } = await import('../sources/summary.js');

  const store = await openStore(opts.db).catch((e: Error) => fail(e.message));
  const pool = await createCodePool({ dictDirs: opts.dict, workers }).catch(async (e: Error) => {
    await store.close();
    return fail(`dictionaries not loaded, nothing ingested: ${e.message}`);
  });
  const total = await countInputs(inputs);
  const progress = new Progress({ tty: Boolean(process.stderr.isTTY), write: (s) => process.stderr.write(s) });
  try {
    const summary = await ingest(inputs, store, pool, {
      maxBytes,
      timeoutMs,
      source: opts.source ?? null,
      total,
      onProgress: (c) => progress.update(c),
    });
    progress.finish(summary);
    process.stdout.write(formatSummary(summary, progress.elapsedMs()));
    process.exitCode = summary.failed > 0 ? 1 : 0;
    const { evaluateAndReport } = await import('../analysis/alerts.js');
    await evaluateAndReport(store, (line) => process.stderr.write(`${line}\n`));
  } finally {
    await pool.close();
    await store.close();
  }
}
