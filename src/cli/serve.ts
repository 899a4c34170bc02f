import type { Command } from 'commander';
import { failer, parseCount, parsePort } from './support/options.js';
import { closeOnStop, onStop } from './support/stop.js';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  workers: string;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the JSON API (/api, OpenAPI at /api/openapi.json) and the dashboard over a store')
    .option('--db <path>', 'the store (default: env ATTACHE_DB or ./attache.db)')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8700')
    .option('--host <address>', 'address to bind; anything but loopback requires env ATTACHE_TOKEN', '127.0.0.1')
    .option('--workers <n>', 'server processes sharing the port (one per core serves more requests at once)', '1')
    .action(runServe);
}

async function runServe(opts: ServeOptions): Promise<void> {
  const fail = failer('serve');
  const port = parsePort('serve', opts.port);
  const workers = parseCount('serve', '--workers', opts.workers, 1, 64);
  const { requiredToken, listen } = await import('../server/listen.js');
  try {
    requiredToken(opts.host, process.env.ATTACHE_TOKEN);
  } catch (e) {
    fail((e as Error).message);
  }
  const cluster = (await import('node:cluster')).default;
  if (workers > 1 && cluster.isPrimary) return supervise(workers, opts.host, fail);

  const { openStore } = await import('../store/open.js');
  const store = await openStore(opts.db).catch((e: Error) => fail(e.message));
  const running = await listen({ store, host: opts.host, port, token: process.env.ATTACHE_TOKEN }).catch((e: Error) =>
    fail(`cannot listen on ${opts.host}:${port}: ${e.message}`),
  );
  if (cluster.isPrimary) process.stdout.write(`attache serve: ${store.location} at ${running.url} (API: ${running.url}api/openapi.json)\n`);
  const stop = closeOnStop(running, store);
  // A worker whose supervisor is gone stops too.
  if (cluster.isWorker) process.once('disconnect', stop);
}

/** Fork `n` workers that share the port (node:cluster), print the URL once, stop them all on a signal. */
async function supervise(n: number, host: string, fail: (msg: string) => never): Promise<void> {
  const cluster = (await import('node:cluster')).default;
  let stopping = false;
  cluster.once('listening', (_w, addr) => {
    const h = addr.addressType === 6 || (host.includes(':') && !host.startsWith('[')) ? `[${addr.address ?? host}]` : (addr.address ?? host);
    const url = `http://${h}:${addr.port}/`;
    process.stdout.write(`attache serve: ${n} workers at ${url} (API: ${url}api/openapi.json)\n`);
  });
  cluster.on('exit', (w, code) => {
    if (!stopping) fail(`worker ${w.process.pid} exited with ${code}; stopping`);
  });
  for (let i = 0; i < n; i++) cluster.fork();
  const stop = () => {
    stopping = true;
    const live = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    if (!live.length) process.exit(0);
    // Wait for the workers to close (they talk to this process while closing), at most 5 s.
    let left = live.length;
    cluster.on('exit', () => --left === 0 && process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
    for (const w of live) w!.process.kill('SIGTERM');
  };
  onStop(stop);
}
