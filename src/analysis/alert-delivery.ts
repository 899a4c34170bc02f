/**
 * Alert delivery: to standard output (one JSON line per match), appended to a JSONL file, or POSTed to an
 * http(s) webhook as one JSON body per alert run ({alert, matches}) with a timeout. A failure is returned,
 * never swallowed: the caller reports it and leaves the matches unfired so the next run retries them.
 */
import { appendFile } from 'node:fs/promises';
import type { AlertMatch } from './alerts.js';

export interface DeliveryOptions {
  /** Webhook timeout, ms. Default 10 000. */
  timeoutMs?: number;
  /** Where 'stdout' goes (tests and callers that own stdout can redirect it). Default process.stdout. */
  stdout?: (line: string) => void;
}

export interface DeliveryResult {
  alert: string;
  to: string;
  matches: number;
  ok: boolean;
  /** Why it failed: HTTP status, timeout, refused, file error. */
  error?: string;
}

/** Where an alert goes: 'stdout', a .jsonl file path, or an http(s) URL. Throws on anything else. */
export function checkTarget(to: string): 'stdout' | 'file' | 'webhook' {
  if (to === 'stdout') return 'stdout';
  if (/^https?:\/\/[^/\s]+/i.test(to)) return 'webhook';
  if (/\.jsonl$/i.test(to)) return 'file';
  throw new Error(`--to "${to}": expected stdout, a FILE.jsonl or an http(s):// webhook URL`);
}

export async function deliver(alert: string, to: string, matches: AlertMatch[], opts: DeliveryOptions = {}): Promise<DeliveryResult> {
  const result = { alert, to, matches: matches.length };
  try {
    const kind = checkTarget(to);
    if (kind === 'stdout') {
      const write = opts.stdout ?? ((l: string) => process.stdout.write(l));
      for (const m of matches) write(JSON.stringify(m) + '\n');
    } else if (kind === 'file') {
      await appendFile(to, matches.map((m) => JSON.stringify(m) + '\n').join(''));
    } else {
      const timeoutMs = opts.timeoutMs ?? 10_000;
      let res: Response;
      try {
        res = await fetch(to, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'attache-alerts' },
          body: JSON.stringify({ alert, matches }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        const err = e as Error & { cause?: { code?: string; message?: string } };
        const why = err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err.cause?.code ?? err.cause?.message ?? err.message);
        return { ...result, ok: false, error: `webhook ${to}: ${why}` };
      }
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) return { ...result, ok: false, error: `webhook ${to}: HTTP ${res.status}` };
    }
    return { ...result, ok: true };
  } catch (e) {
    return { ...result, ok: false, error: (e as Error).message };
  }
}
