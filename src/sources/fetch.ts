/**
 * HTTP GET with a timeout covering the whole body, a size limit, and conditional-GET headers.
 * Failures throw FetchError with a reason an analyst can read: "timeout after 5000 ms", "HTTP 500",
 * "body above the size limit of … bytes", "connection refused".
 */

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** True for 304 Not Modified (body empty). */
  notModified: boolean;
  contentType: string;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly status: number | null = null,
  ) {
    super(reason);
    this.name = 'FetchError';
  }
}

const USER_AGENT = 'attache/0.1 (+diplomatic-signals observatory)';

/** True when `s` is an absolute http(s) URL. */
export function isHttpUrl(s: string): boolean {
  return /^https?:\/\/\S+$/i.test(s.trim());
}

function networkReason(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timeout after ${timeoutMs} ms`;
  const code = err.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  return err.cause?.message ?? err.message;
}

export async function fetchUrl(url: string, opts: FetchOptions): Promise<FetchResult> {
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { headers, signal, redirect: 'follow' });
  } catch (e) {
    throw new FetchError(url, networkReason(e, opts.timeoutMs));
  }
  const base = {
    url: res.url || url,
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
  };
  if (res.status === 304) {
    await res.body?.cancel();
    return { ...base, notModified: true, body: Buffer.alloc(0) };
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new FetchError(url, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status);
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const tooBig = () => new FetchError(url, `body above the size limit of ${opts.maxBytes} bytes (--max-size)`, res.status);
  if (declared > opts.maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    if (res.body) {
      for await (const chunk of res.body) {
        size += chunk.length;
        if (size > opts.maxBytes) {
          await res.body.cancel().catch(() => undefined);
          throw tooBig();
        }
        chunks.push(Buffer.from(chunk));
      }
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw new FetchError(url, networkReason(e, opts.timeoutMs), res.status);
  }
  return { ...base, notModified: false, body: Buffer.concat(chunks) };
}

/** The charset a Content-Type declares, lower case, or null. */
export function declaredCharset(contentType: string): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType);
  return m ? m[1].toLowerCase() : null;
}
