/**
 * The feeds file of `attache watch --feeds FILE`: a YAML or JSON list of feeds,
 * `- url: https://…` with optional `name` and `interval` (seconds, or "90s", "15m", "2h").
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isHttpUrl } from './fetch.js';

export interface FeedSpec {
  url: string;
  name: string;
  /** Preferred polling interval, seconds. */
  intervalSeconds: number;
}

export const DEFAULT_INTERVAL_S = 900;

const Duration = z.union([
  z.number().positive(),
  z.string().regex(/^\d+\s*[smh]?$/i, 'interval must be seconds or a duration like "90s", "15m", "2h"'),
]);

const Feed = z.object({
  url: z.string().refine(isHttpUrl, 'url must be an http(s) URL'),
  name: z.string().min(1).optional(),
  interval: Duration.optional(),
});

const FeedsList = z.union([z.array(Feed), z.object({ feeds: z.array(Feed) }).transform((o) => o.feeds)]);

function seconds(d: number | string | undefined): number {
  if (d === undefined) return DEFAULT_INTERVAL_S;
  if (typeof d === 'number') return d;
  const m = /^(\d+)\s*([smh]?)$/i.exec(d)!;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600 }[m[2].toLowerCase()] ?? 1);
}

/** Parse the text of a feeds file; errors name the file and the entry. */
export function parseFeedsText(text: string, file: string): FeedSpec[] {
  let data: unknown;
  try {
    data = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new Error(`${file}: not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
  const r = FeedsList.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path.length ? `entry ${Number(issue.path[0]) + 1}${issue.path.length > 1 ? ` ${issue.path.slice(1).join('.')}` : ''}: ` : '';
    throw new Error(`${file}: ${path}${issue.path.length ? issue.message : 'expected a list of feeds ({url, name?, interval?})'}`);
  }
  if (r.data.length === 0) throw new Error(`${file}: no feeds listed`);
  const seen = new Set<string>();
  return r.data.map((f, i) => {
    if (seen.has(f.url)) throw new Error(`${file}: entry ${i + 1}: feed ${f.url} is listed twice`);
    seen.add(f.url);
    return { url: f.url, name: f.name ?? new URL(f.url).hostname, intervalSeconds: seconds(f.interval) };
  });
}

export function loadFeedsFile(file: string): FeedSpec[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read the feeds file: ${(e as Error).message}`);
  }
  return parseFeedsText(text, file);
}
