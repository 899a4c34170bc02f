import type { Command } from 'commander';
import { Option } from 'commander';

interface SourcesCliOptions {
  db?: string;
  format: 'table' | 'json' | 'csv';
  silentAfter: string;
}

export function register(program: Command): void {
  program
    .command('sources')
    .description('the health of every source: last success, items per day, consecutive failures, silence')
    .option('--db <path>', 'the store (default: $ATTACHE_DB or ./attache.db)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--silent-after <hours>', 'a feed with no new item for this long is silent', '48')
    .action(runSources);
}

async function runSources(opts: SourcesCliOptions): Promise<void> {
  const fail = (msg: string): never => {
    process.stderr.write(`attache sources: ${msg}\n`);
    process.exit(2);
  };
  const silentAfterHours = Number(opts.silentAfter);
  if (!(silentAfterHours > 0)) fail(`--silent-after "${opts.silentAfter}" is not a positive number of hours`);
  const { openStore } = await import('../store/open.js');
  const { healthRows, formatHealth } = await import('../sources/health.js');
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(opts.db);
  } catch (e) {
    return fail((e as Error).message);
  }
  try {
    process.stdout.write(formatHealth(healthRows(await store.health({ silentAfterHours })), opts.format));
  } finally {
    await store.close();
  }
}
