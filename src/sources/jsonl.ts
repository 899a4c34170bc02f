/**
 * `.jsonl` and `.jsonl.gz` files: one document a line, validated by the pipeline's JSONL schema
 * (src/pipeline/input.ts); a bad line is a failure naming file:line while the other lines go on.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parseJsonlLine } from '../pipeline/input.js';
import { failure, item, type ReadLimits, type SourceEvent } from './item.js';

export const isJsonlPath = (p: string) => /\.(jsonl|ndjson)(\.gz)?$/i.test(p);

export async function* jsonlItems(path: string, limits: ReadLimits, source?: string | null): AsyncGenerator<SourceEvent> {
  let stream: Readable = createReadStream(path);
  if (/\.gz$/i.test(path)) stream = stream.pipe(createGunzip());
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  let any = false;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      any = true;
      const where = `${path}:${n}`;
      const doc = parseJsonlLine(line, where, { source }, limits.maxBytes);
      if ('error' in doc) {
        yield failure(where, doc.error.startsWith(`${where}: `) ? doc.error.slice(where.length + 2) : doc.error);
        continue;
      }
      yield item({
        origin: where,
        url: doc.url ?? null,
        source: doc.source ?? null,
        externalId: doc.id,
        title: doc.title ?? null,
        date: doc.date ?? null,
        text: doc.text,
        raw: line,
        rawType: 'application/json',
        language: doc.language ?? null,
      });
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR' ? `corrupt gzip data (${err.message})` : `cannot read: ${err.message}`;
    yield failure(n ? `${path}:${n}` : path, why);
    return;
  }
  if (!any) yield failure(path, 'empty file (no JSON lines)');
}
