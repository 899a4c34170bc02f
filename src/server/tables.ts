/**
 * How a table route answers: a page of JSON rows ({rows, offset, limit, next, total}), or with
 * ?format=csv|jsonl every matching row streamed with backpressure (constant memory however many rows).
 *
 * `total` is given when it is cheap: when this page reaches the end of the result (fewer than limit+1 rows
 * came back); otherwise it is null and `next` says where the next page starts.
 */
import type { Context } from 'hono';
import { csvRow } from '../output/csv.js';
import { DEFAULT_LIMIT } from './params.js';

export interface Table<T> {
  /** File name stem of downloads ("events" → events.csv). */
  name: string;
  /** CSV columns: header and how to read the cell from a row. */
  columns: readonly (readonly [string, (row: T) => unknown])[];
}

export interface Page<T> {
  rows: T[];
  offset: number;
  limit: number;
  /** Offset of the next page, or null at the end. */
  next: number | null;
  /** Rows in the whole result when known cheaply, else null. */
  total: number | null;
}

export type Format = 'json' | 'csv' | 'jsonl';

/**
 * Answer a table route. `query(limit, offset)` runs the query; for a JSON page it is asked for one row more
 * than the page to learn whether another page follows. Downloads stream everything from `offset`, or
 * `limit` rows when the caller gave one.
 */
export function respondTable<T>(
  c: Context,
  table: Table<T>,
  opts: { format: Format; limit?: number; offset: number },
  query: (limit: number | undefined, offset: number) => AsyncIterable<T> | Iterable<T>,
): Response | Promise<Response> {
  if (opts.format === 'json') return jsonPage(c, opts.limit ?? DEFAULT_LIMIT, opts.offset, query);
  const rows = query(opts.limit, opts.offset);
  const csv = opts.format === 'csv';
  const head = csv ? csvRow(table.columns.map(([name]) => name)) : '';
  const line = csv ? (r: T) => csvRow(table.columns.map(([, get]) => get(r))) : (r: T) => JSON.stringify(r) + '\n';
  return c.body(streamLines(head, rows, line), 200, {
    'content-type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="${table.name}.${opts.format}"`,
  });
}

/** A JSON page of `limit` rows from `offset` (one more is asked for, to learn whether another page follows). */
export async function jsonPage<T>(
  c: Context,
  limit: number,
  offset: number,
  query: (limit: number, offset: number) => AsyncIterable<T> | Iterable<T>,
): Promise<Response> {
  const rows: T[] = [];
  for await (const r of query(limit + 1, offset)) rows.push(r);
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const page: Page<T> = { rows, offset, limit, next: more ? offset + limit : null, total: more ? null : offset + rows.length };
  return c.json(page);
}

/** A byte stream of `head` then one line a row, pulled only as fast as the client reads. */
function streamLines<T>(head: string, rows: AsyncIterable<T> | Iterable<T>, line: (r: T) => string): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : toAsync(rows[Symbol.iterator]());
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(ctrl) {
      let chunk = started ? '' : head;
      started = true;
      // Batch a few rows a chunk: one enqueue per row costs more than the row.
      for (let i = 0; i < 256; i++) {
        const r = await it.next();
        if (r.done) {
          if (chunk) ctrl.enqueue(enc.encode(chunk));
          ctrl.close();
          return;
        }
        chunk += line(r.value);
      }
      ctrl.enqueue(enc.encode(chunk));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

function toAsync<T>(it: Iterator<T>): AsyncIterator<T> {
  return {
    next: async () => it.next(),
    return: async () => it.return?.() ?? { done: true, value: undefined },
  };
}

/** Slice an in-memory result (analysis outputs) the way a query would. */
export function sliceRows<T>(rows: readonly T[]): (limit: number | undefined, offset: number) => Iterable<T> {
  return (limit, offset) => rows.slice(offset, limit === undefined ? undefined : offset + limit);
}
