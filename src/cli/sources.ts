import type { Command } from 'commander';
import { Option } from 'commander';
import { dbOption, fail } from '../analysis/cli-support.js';
import { parsePositive } from './support/options.js';

interface SourcesCliOptions {
  db?: string;
  format: 'table' | 'json' | 'csv';
  silentAfter: string;
}

export function register(program: Command): void {
  program
    .command('sources')
    .description('the health of every source: last success, items per day, consecutive failures, silence')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--silent-after <hours>', 'a feed with no new item for this long is silent', '48')
    .action(runSources);
}

async function runSources(opts: SourcesCliOptions): Promise<void> {
  const silentAfterHours = parsePositive('sources', '--silent-after', opts.silentAfter, 'hours', false);
  const { openStore } = await import('../store/open.js');
  const { healthRows, formatHealth } = await import('../sources/health.js');
  const store = await openStore(opts.db).catch((e: Error) => fail('sources', e.message));
  try {
    process.stdout.write(formatHealth(healthRows(await store.health({ silentAfterHours })), opts.format));
  } finally {
    await store.close();
  }
}
