import type { Command } from 'commander';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the JSON API (/api, OpenAPI at /api/openapi.json) and the dashboard over a store')
    .option('--db <path>', 'the store (default: env ATTACHE_DB or ./attache.db)')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8700')
    .option('--host <address>', 'address to bind; anything but loopback requires env ATTACHE_TOKEN', '127.0.0.1')
    .action(runServe);
}

async function runServe(opts: ServeOptions): Promise<void> {
  const fail = (msg: string): never => {
    process.stderr.write(`attache serve: ${msg}\n`);
    process.exit(2);
  };
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port "${opts.port}" is not a port number (0–65535)`);
  const { requiredToken, listen } = await import('../server/listen.js');
  try {
    requiredToken(opts.host, process.env.ATTACHE_TOKEN);
  } catch (e) {
    fail((e as Error).message);
  }
  const { openStore } = await import('../store/open.js');
  const store = await openStore(opts.db).catch((e: Error) => fail(e.message));
  const running = await listen({ store, host: opts.host, port, token: process.env.ATTACHE_TOKEN }).catch((e: Error) =>
    fail(`cannot listen on ${opts.host}:${port}: ${e.message}`),
  );
  process.stdout.write(`attache serve: ${store.location} at ${running.url} (API: ${running.url}api/openapi.json)\n`);
  const stop = async () => {
    await running.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
