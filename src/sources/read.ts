/**
 * The ingest inputs → raw items and failures. An input is an http(s) URL (a page, a feed, or plain
 * text, told apart by Content-Type and the body's first characters), a file, or a directory (walked
 * recursively; files of unknown type and hidden entries are skipped).
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { textProblem } from '../pipeline/input.js';
import { declaredCharset, FetchError, fetchUrl, isHttpUrl } from './fetch.js';
import { NotAFeedError, parseFeed, sniff } from './feed.js';
import { extractArticle } from './html.js';
import { failure, item, type ReadLimits, type SourceEvent } from './item.js';
import { isJsonlPath, jsonlItems } from './jsonl.js';

export type DocKind = 'text' | 'html' | 'feed';

const BY_EXTENSION: Record<string, DocKind> = {
  '.txt': 'text', '.text': 'text', '.md': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed', '.rdf': 'feed', '.json': 'feed',
};

export interface ReadOptions extends ReadLimits {
  /** Outlet name for items that carry none. */
  source?: string | null;
}

/** Where the body came from. */
interface Origin {
  origin: string;
  url: string | null;
  /** For files, the absolute path; pages are keyed by their (normalised) URL instead. */
  externalId: string | null;
}

/** Items of one document body of a known kind. */
export function bodyItems(kind: DocKind, body: string, at: Origin, source: string | null): SourceEvent[] {
  if (body.trim() === '') return [failure(at.origin, 'empty file')];
  if (kind === 'feed') {
    try {
      const rawType = sniff(body) === 'json' ? 'application/feed+json' : 'application/xml';
      const { events } = parseFeed(body, at.url ?? at.origin, rawType, source);
      // A feed file is a file: its items count for their outlet, as other files' do, not for a feed.
      return at.url ? events : events.map((ev) => (ev.kind === 'item' ? item({ ...ev.item, feedUrl: null }) : ev));
    } catch (e) {
      if (e instanceof NotAFeedError) return [failure(at.origin, e.message)];
      throw e;
    }
  }
  const base = { origin: at.origin, url: at.url, externalId: at.externalId, source, raw: body };
  if (kind === 'text') return [item({ ...base, text: body, rawType: 'text/plain' })];
  try {
    const a = extractArticle(body, at.url ?? undefined);
    return [item({ ...base, text: a.text, title: a.title, date: a.date, language: a.language, rawType: 'text/html' })];
  } catch (e) {
    return [failure(at.origin, (e as Error).message)];
  }
}

/** The charset a document declares in its first bytes: <meta charset>, http-equiv, or <?xml encoding>. */
export function sniffCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Decode bytes as text: the charset the transport or the document declares if not UTF-8 (EUC-KR,
 * windows-1251, …), else strict UTF-8. Returns a problem string on failure.
 */
export function decodeBody(bytes: Buffer, maxBytes: number, declared: string | null): { text: string } | { problem: string } {
  if (bytes.length === 0) return { problem: 'empty file' };
  const charset = declared ?? sniffCharset(bytes);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return { text: new TextDecoder(charset).decode(bytes) };
    } catch {
      return { problem: `unsupported charset "${charset}"` };
    }
  }
  const problem = textProblem(bytes, maxBytes);
  return problem ? { problem } : { text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
}

async function* fileItems(path: string, opts: ReadOptions, explicit: boolean): AsyncGenerator<SourceEvent> {
  if (isJsonlPath(path)) {
    yield* jsonlItems(path, opts, opts.source);
    return;
  }
  let kind: DocKind | null = BY_EXTENSION[extname(path).toLowerCase()] ?? null;
  if (!kind && !explicit) return; // a file of unknown type inside a directory
  let bytes: Buffer;
  try {
    const st = await stat(path);
    if (st.size > opts.maxBytes) {
      yield failure(path, `${st.size} bytes exceeds the limit of ${opts.maxBytes} bytes (--max-size)`);
      return;
    }
    bytes = await readFile(path);
  } catch (e) {
    yield failure(path, `cannot read: ${(e as Error).message}`);
    return;
  }
  const decoded = decodeBody(bytes, opts.maxBytes, null);
  if ('problem' in decoded) {
    yield failure(path, decoded.problem);
    return;
  }
  if (!kind) {
    const s = sniff(decoded.text);
    kind = s === 'html' ? 'html' : s === 'xml' || s === 'json' ? 'feed' : 'text';
  }
  const abs = resolve(path);
  yield* bodyItems(kind, decoded.text, { origin: path, url: null, externalId: abs }, opts.source ?? null);
}

async function* walk(dir: string, opts: ReadOptions): AsyncGenerator<SourceEvent> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch (e) {
    yield failure(dir, `cannot read directory: ${(e as Error).message}`);
    return;
  }
  for (const name of entries) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (e) {
      // A dangling symlink or a file that vanished: unreadable, reported.
      yield failure(p, `cannot read: ${(e as Error).message}`);
      continue;
    }
    if (isDir) yield* walk(p, opts);
    else yield* fileItems(p, opts, false);
  }
}

async function* urlItems(url: string, opts: ReadOptions): AsyncGenerator<SourceEvent> {
  let res;
  try {
    res = await fetchUrl(url, opts);
  } catch (e) {
    if (e instanceof FetchError) {
      yield failure(url, e.reason);
      return;
    }
    throw e;
  }
  const decoded = decodeBody(res.body, opts.maxBytes, declaredCharset(res.contentType));
  if ('problem' in decoded) {
    yield failure(url, decoded.problem);
    return;
  }
  const ct = res.contentType.toLowerCase();
  const s = sniff(decoded.text);
  const kind: DocKind =
    s === 'xml' || (s === 'json' && !ct.includes('text/plain')) ? 'feed'
      : s === 'html' || ct.includes('html') ? 'html'
        : 'text';
  yield* bodyItems(kind, decoded.text, { origin: url, url: res.url, externalId: null }, opts.source ?? null);
}

/** Count non-empty lines of a (gzipped) JSONL file without parsing them. */
async function countLines(path: string): Promise<number> {
  let stream: Readable = createReadStream(path);
  if (/\.gz$/i.test(path)) stream = stream.pipe(createGunzip());
  let n = 0;
  let prev = 0x0a;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) {
        if ((i > 0 ? chunk[i - 1] : prev) !== 0x0a) n++;
      }
      if (chunk.length) prev = chunk[chunk.length - 1];
    }
  } catch {
    return n; // the reader reports the problem
  }
  return prev !== 0x0a ? n + 1 : n;
}

/**
 * About how many items the inputs hold, for the progress ETA: JSONL lines, files of known types in
 * directories, one per other file; null when a URL is among them (a feed's size is unknown).
 */
export async function countInputs(inputs: string[]): Promise<number | null> {
  let total = 0;
  const visit = async (p: string, explicit: boolean): Promise<void> => {
    const st = await stat(p).catch(() => null);
    if (!st) return void (total += 1);
    if (st.isDirectory()) {
      for (const name of await readdir(p).catch(() => [])) if (!name.startsWith('.')) await visit(join(p, name), false);
    } else if (isJsonlPath(p)) total += await countLines(p);
    else if (explicit || BY_EXTENSION[extname(p).toLowerCase()]) total += 1;
  };
  for (const input of inputs) {
    if (isHttpUrl(input)) return null;
    await visit(input, true);
  }
  return total;
}

/** Every item of every input, in order; failures are yielded, never thrown. */
export async function* readInputs(inputs: string[], opts: ReadOptions): AsyncGenerator<SourceEvent> {
  for (const input of inputs) {
    if (isHttpUrl(input)) {
      yield* urlItems(input.trim(), opts);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      yield failure(input, err.code === 'ENOENT' ? 'cannot read: no such file or directory' : `cannot read: ${err.message}`);
      continue;
    }
    if (isDir) yield* walk(input, opts);
    else yield* fileItems(input, opts, true);
  }
}
