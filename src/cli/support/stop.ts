/** How long-running commands (serve, demo, watch, worker) stop: on Ctrl-C (SIGINT) or SIGTERM, once. */

/** Run `stop` on the first Ctrl-C or SIGTERM. */
export function onStop(stop: () => unknown): void {
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A signal aborted on Ctrl-C or SIGTERM, for loops that finish their cycle and close. */
export function stopSignal(): AbortSignal {
  const stop = new AbortController();
  onStop(() => stop.abort());
  return stop.signal;
}

/** On Ctrl-C or SIGTERM close each of `open` in turn (a server before its store), then exit 0; returns that stop. */
export function closeOnStop(...open: { close(): Promise<unknown> }[]): () => Promise<void> {
  const stop = async () => {
    for (const o of open) await o.close();
    process.exit(0);
  };
  onStop(stop);
  return stop;
}
