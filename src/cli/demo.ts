import type { Command } from 'commander';
import { failer, parsePort } from './support/options.js';
import { closeOnStop } from './support/stop.js';

interface DemoOptions {
  db?: string;
  port: string;
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('build a fresh store from the sample corpus (data/demo) and serve the dashboard over it on 127.0.0.1')
    .option('--db <path>', 'where to create the demo store (overwritten; default a temporary directory)')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8700')
    .action(runDemo);
}

async function runDemo(opts: DemoOptions): Promise<void> {
  const fail = failer('demo');
  const port = parsePort('demo', opts.port);
  const { mkdtempSync, existsSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { buildDemoStore, DEMO_TOUR } = await import('../server/demo.js');
  const { listen } = await import('../server/listen.js');
  const { WEB_DIST } = await import('../server/app.js');
  if (!existsSync(join(WEB_DIST, 'index.html'))) fail(`the dashboard is not built (${WEB_DIST}): run \`npm run demo\`, which builds it first`);

  const db = opts.db ?? join(mkdtempSync(join(tmpdir(), 'attache-demo-')), 'demo.db');
  process.stderr.write(`attache demo: coding the sample corpus into ${db} …\n`);
  const started = Date.now();
  const { store, summary } = await buildDemoStore(db).catch((e: Error) => fail(e.message));
  const stats = await store.stats();
  process.stderr.write(
    `attache demo: ${summary.new} reports coded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${stats.events} events, ${stats.signals} signals\n`,
  );
  const running = await listen({ store, host: '127.0.0.1', port }).catch((e: Error) => fail(`cannot listen on 127.0.0.1:${port}: ${e.message}`));
  const lines = [
    '',
    `attaché demo is running at ${running.url}`,
    '',
    'Look first at:',
    ...DEMO_TOUR.map(([path, why]) => `  ${running.url}${path}\n      ${why}`),
    '',
    `The JSON API: ${running.url}api/openapi.json   ·   store: ${db}   ·   Ctrl-C stops.`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  closeOnStop(running, store);
}
