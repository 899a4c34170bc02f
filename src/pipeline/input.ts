import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { basename } from 'node:path';
import { z } from 'zod';
import type { CodingError, DocumentInput } from '../types.js';

/** Limits and defaults for reading documents to code. */
export interface InputOptions {
  /** Read the input as JSONL even without a .jsonl name. */
  jsonl?: boolean;
  /** Publication date and source for documents that do not carry their own. */
  date?: string | null;
  source?: string | null;
  /** Largest document accepted, in bytes (default 10 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
const JsonlDocument = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string(),
  date: isoDate.nullish(),
  title: z.string().nullish(),
  source: z.string().nullish(),
  url: z.string().nullish(),
  language: z.string().nullish(),
});

/** A document, or the reason one could not be read (its id is the line's id or "<input>:<line>"). */
export type InputItem = DocumentInput | CodingError;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Why `bytes` cannot be a text document, or null if it can. */
export function textProblem(bytes: Buffer, maxBytes = DEFAULT_MAX_BYTES): string | null {
  if (bytes.length > maxBytes) return `${bytes.length} bytes exceeds the limit of ${maxBytes} bytes (--max-size)`;
  if (bytes.includes(0)) return 'binary data (NUL bytes), not text';
  try {
    utf8.decode(bytes);
  } catch {
    return 'not valid UTF-8';
  }
  return null;
}

/** Why a text has nothing to code, or null. */
export function emptyProblem(text: string): string | null {
  return text.trim() === '' ? 'empty text' : null;
}

/** Documents from a file path, or `-` for standard input; `.gz` is decompressed; `.jsonl` is one document a line. */
export async function* readDocuments(path: string, opts: InputOptions = {}): AsyncGenerator<InputItem> {
  const name = path === '-' ? 'stdin' : path;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const gz = /\.gz$/i.test(path);
  const jsonl = opts.jsonl || /\.jsonl(\.gz)?$/i.test(path);
  if (path !== '-') {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) throw new Error(`${name}: no such file`);
    if (st.isDirectory()) throw new Error(`${name}: is a directory (code takes a file; use \`attache ingest\` for directories)`);
    if (!gz && !jsonl && st.size > maxBytes) {
      yield { id: basename(name), error: `${name}: ${st.size} bytes exceeds the limit of ${maxBytes} bytes (--max-size)` };
      return;
    }
  }
  let stream: Readable = path === '-' ? process.stdin : createReadStream(path);
  if (gz) stream = stream.pipe(createGunzip());
  if (jsonl) yield* jsonlDocuments(stream, name, opts, maxBytes);
  else yield await wholeDocument(stream, name, opts, maxBytes);
}

async function wholeDocument(stream: Readable, name: string, opts: InputOptions, maxBytes: number): Promise<InputItem> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    size += (c as Buffer).length;
    if (size > maxBytes) return { id: basename(name), error: `${name}: more than ${maxBytes} bytes (--max-size)` };
    chunks.push(c as Buffer);
  }
  const bytes = Buffer.concat(chunks);
  const id = name === 'stdin' ? 'stdin' : basename(name).replace(/\.[^.]+$/, '');
  const problem = textProblem(bytes, maxBytes);
  if (problem) return { id, error: `${name}: ${problem}` };
  const text = bytes.toString('utf8');
  const empty = emptyProblem(text);
  if (empty) return { id, error: `${name}: ${empty}` };
  return { id, text, date: opts.date ?? null, source: opts.source ?? null };
}

async function* jsonlDocuments(stream: Readable, name: string, opts: InputOptions, maxBytes: number): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  let any = false;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    any = true;
    yield parseJsonlLine(line, `${name}:${n}`, opts, maxBytes);
  }
  if (!any) yield { id: basename(name), error: `${name}: empty input (no JSON lines)` };
}

/** One JSONL line → a document, or an error naming `where` (file:line) and the problem. */
export function parseJsonlLine(line: string, where: string, opts: InputOptions = {}, maxBytes = DEFAULT_MAX_BYTES): InputItem {
  if (Buffer.byteLength(line) > maxBytes) return { id: where, error: `${where}: line exceeds ${maxBytes} bytes (--max-size)` };
  if (line.includes('\uFFFD')) return { id: where, error: `${where}: not valid UTF-8` };
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return { id: where, error: `${where}: not JSON (${(e as Error).message})` };
  }
  const rawId = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : where;
  const r = JsonlDocument.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue.path.join('.') || 'document';
    const what = issue.code === 'invalid_type' && issue.input === undefined ? 'missing' : issue.message;
    return { id: rawId, error: `${where}: ${field}: ${what}` };
  }
  const d = r.data;
  const empty = emptyProblem(d.text);
  if (empty) return { id: d.id, error: `${where}: ${empty}` };
  return {
    id: d.id,
    text: d.text,
    date: d.date ?? opts.date ?? null,
    title: d.title ?? null,
    source: d.source ?? opts.source ?? null,
    url: d.url ?? null,
    language: d.language ?? null,
  };
}
