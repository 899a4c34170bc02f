/**
 * What the analysis commands (dyad, rituals, framing, follow, network, alert) share: option validation
 * with zod, opening the store named by --db, and printing records as table, JSON or CSV.
 */
import { existsSync } from 'node:fs';
import { Option } from 'commander';
import { z } from 'zod';
import { csvRow } from '../output/csv.js';
import type { Store } from '../store/store.js';
import { isIsoDay } from './dates.js';

export type Format = 'table' | 'json' | 'csv';

export const formatOption = (choices: string[] = ['table', 'json', 'csv']) =>
  new Option('--format <format>', 'output format').choices(choices).default('table');

export const dbOption = () => new Option('--db <path>', 'the store (default: $ATTACHE_DB or ./attache.db)');

// ------------------------------------------------------------------------------------------------
// Validation (zod at the edge: every option is checked before the store is opened)
// ------------------------------------------------------------------------------------------------

export const countryCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => /^[A-Z]{3}$/.test(s), { message: 'expected a three-letter country code such as PRK' });

export const isoDay = z.string().refine(isIsoDay, { message: 'expected a date YYYY-MM-DD' });

export const wholeNumber = (min = 0) =>
  z
    .string()
    .regex(/^\d+$/, { message: 'expected a whole number' })
    .transform(Number)
    .refine((n) => n >= min, { message: `expected at least ${min}` });

/** "180d", "26w", "6m" (30-day months), "1y" (365 days) or a bare number of days. */
export const duration = z
  .string()
  .regex(/^\d+[dwmy]?$/, { message: 'expected days such as 180d, 26w, 6m or 1y' })
  .transform((s) => {
    const n = parseInt(s, 10);
    const unit = s.at(-1)!;
    return n * (unit === 'w' ? 7 : unit === 'm' ? 30 : unit === 'y' ? 365 : 1);
  });

/** Fails the command with "attache CMD: problem" and exit code 2. */
export function fail(cmd: string, message: string): never {
  process.stderr.write(`attache ${cmd}: ${message}\n`);
  process.exit(2);
}

/** Parse options with a zod schema; the first problem names the option (or the argument A / B). */
export function parseOptions<T extends z.ZodType>(cmd: string, schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const key = issue.path.length ? String(issue.path[0]) : null;
  const where = key === null ? 'arguments' : key === 'a' || key === 'b' ? `argument ${key.toUpperCase()}` : `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const given = key === null ? undefined : (input as Record<string, unknown>)[key];
  return fail(cmd, `${where}${given !== undefined ? ` "${String(given)}"` : ''}: ${issue.message}`);
}

/** Open the store for reading (an absent SQLite file is an error, not a new empty store), run, close. */
export async function withStore<T>(cmd: string, db: string | undefined, run: (store: Store) => Promise<T>): Promise<T> {
  const { isPostgresSpec, openStore, storeSpec } = await import('../store/open.js');
  const spec = storeSpec(db);
  if (!isPostgresSpec(spec) && !existsSync(spec)) fail(cmd, `${spec}: no store there (ingest documents first, or give --db PATH)`);
  let store: Store;
  try {
    store = await openStore(spec);
  } catch (e) {
    return fail(cmd, (e as Error).message);
  }
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

// ------------------------------------------------------------------------------------------------
// Output
// ------------------------------------------------------------------------------------------------

export type Cell = string | number | null | undefined;

const show = (c: Cell) => (c === null || c === undefined ? '-' : String(c));

/** Columns padded to their widest cell; numbers right-aligned. */
export function table(headers: string[], rows: Cell[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(show))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number'));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n') + '\n';
}

export function csv(headers: string[], rows: Cell[][]): string {
  return csvRow(headers) + rows.map((r) => csvRow(r)).join('');
}

export const json = (x: unknown) => JSON.stringify(x, null, 2) + '\n';

/** Signed number with two decimals ("+0.19"), or "-" for null. */
export const signed = (x: number | null) => (x === null ? '-' : `${x > 0 ? '+' : ''}${x.toFixed(2)}`);

/** A one-line excerpt of at most `max` characters. */
export function excerpt(s: string, max = 100): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

/** Write and wait for the pipe to take it (large outputs to a closed pager end quietly). */
export function out(s: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(s)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
