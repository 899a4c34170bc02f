/**
 * Event downloads in the formats of `attache events` (csv, jsonl, gdelt, plover), written by the store's
 * own exporter (src/store/export.ts) so the API and the command line give the same files. The exporter
 * writes to a Node Writable; this bridges it to the web stream a response body needs, with backpressure
 * both ways. When the client goes away the rows stop (the store's cursor is closed) and nothing waits
 * forever: writes after that are dropped and acknowledged.
 */
import { Writable } from 'node:stream';
import type { EventRow } from '../store/store.js';
import { writeEvents, type EventFormat } from '../store/export.js';

export const DOWNLOAD_TYPES: Record<Exclude<EventFormat, 'json'>, { type: string; ext: string }> = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', ext: 'jsonl' },
  gdelt: { type: 'text/tab-separated-values; charset=utf-8', ext: 'tsv' },
  plover: { type: 'application/x-ndjson; charset=utf-8', ext: 'plover.jsonl' },
};

export function eventStream(rows: AsyncIterable<EventRow>, format: Exclude<EventFormat, 'json'>): ReadableStream<Uint8Array> {
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  let waiting: (() => void) | null = null;
  let cancelled = false;
  const release = () => {
    const cb = waiting;
    waiting = null;
    cb?.();
  };
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (cancelled) return cb();
      ctrl.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if ((ctrl.desiredSize ?? 0) > 0) cb();
      else waiting = cb;
    },
  });
  async function* untilCancelled() {
    for await (const r of rows) {
      if (cancelled) return;
      yield r;
    }
  }
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        ctrl = c;
        writeEvents(untilCancelled(), format, sink).then(
          () => !cancelled && ctrl.close(),
          (e: Error) => !cancelled && ctrl.error(e),
        );
      },
      pull: release,
      cancel() {
        cancelled = true;
        release();
      },
    },
    { highWaterMark: 4 },
  );
}
