/**
 * Query-parameter schemas shared by the routes. Every route validates its query with one zod object
 * (unknown parameters are refused, so a typo is a 400 rather than a silently ignored filter); the same
 * objects produce the OpenAPI document.
 */
import { z } from 'zod';
import { HTTPException } from 'hono/http-exception';
import { isIsoDay } from '../analysis/dates.js';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected an ISO date YYYY-MM-DD', abort: true })
  .refine(isIsoDay, 'not a calendar date');

/** ISO 3166-1 alpha-3, upper or lower case. */
export const country = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'expected a three-letter country code (PRK, RUS, …)')
  .transform((s) => s.toUpperCase());

/** Two country codes joined by a hyphen: PRK-RUS. */
export const dyad = z
  .string()
  .regex(/^[A-Za-z]{3}-[A-Za-z]{3}$/, 'expected two country codes joined by a hyphen, e.g. PRK-RUS')
  .transform((s) => {
    const [a, b] = s.toUpperCase().split('-') as [string, string];
    return { a, b };
  });

/** "true"/"false"/"1"/"0" as a boolean. */
export const flag = z.enum(['true', 'false', '1', '0']).transform((s) => s === 'true' || s === '1');

export const format = z.enum(['json', 'csv', 'jsonl']).default('json').describe('json (a page), csv or jsonl (a streamed download of every matching row)');

/** Pagination: `limit` rows from `offset`. Downloads (csv/jsonl) ignore the default limit and stream everything. */
export const page = {
  limit: z.coerce.number().int().min(1).max(1000).optional().describe('rows per page (default 50; max 1000)'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('rows to skip'),
};

/** The document context every streaming query accepts. */
export const context = {
  source: z.string().min(1).max(200).optional().describe('outlet name, exact, case-insensitive'),
  from: isoDate.optional().describe('first day, inclusive'),
  to: isoDate.optional().describe('last day, inclusive'),
  q: z.string().min(1).max(500).optional().describe('full-text query (FTS5) over title and text'),
};

export const DEFAULT_LIMIT = 50;

/** Raised for a bad parameter: the message names the parameter and the problem. */
export function badRequest(message: string): HTTPException {
  return new HTTPException(400, { message });
}

/** The reasons a parse failed, each naming the parameter and the problem. */
export function reasons(error: z.ZodError, what = 'query parameter'): string[] {
  return error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') return `unknown ${what}${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `'${k}'`).join(', ')}`;
    return `bad ${what} '${i.path.join('.')}': ${i.message}`;
  });
}
