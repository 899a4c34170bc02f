import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import type { ActorSummary } from '../store/store.js';
import { optionError } from './events.js';

const FORMATS = ['table', 'csv', 'json'] as const;

/** The command line's options, validated, as a store filter. Exported for tests. */
export const actorOptions = z
  .object({
    db: z.string().optional(),
    country: z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166 alpha-3 code, like PRK').optional(),
    q: z.string().min(1).optional(),
    limit: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).optional(),
    format: z.enum(FORMATS),
  })
  .transform((o) => ({ db: o.db, format: o.format, filter: { country: o.country, q: o.q, limit: o.limit } }));

/** Output columns: header, then the value of an actor. */
const COLUMNS: [string, (a: ActorSummary) => string | number | null][] = [
  ['code', (a) => a.code],
  ['country', (a) => a.country],
  ['name', (a) => a.name],
  ['events_as_source', (a) => a.eventsAsSource],
  ['events_as_target', (a) => a.eventsAsTarget],
  ['signals_sent', (a) => a.signalsSent],
  ['signals_received', (a) => a.signalsReceived],
  ['first_seen', (a) => a.firstSeen],
  ['last_seen', (a) => a.lastSeen],
];

/** Left-aligned text columns, right-aligned counts, two spaces apart. */
function table(actors: ActorSummary[]): string {
  const rows = [COLUMNS.map(([h]) => h), ...actors.map((a) => COLUMNS.map(([, v]) => String(v(a) ?? '')))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const numeric = COLUMNS.map(([h]) => /^(events|signals)_/.test(h));
  return rows.map((r) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd()).join('\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('actors')
    .description('the actors of the stored coding: events as source and target, signals sent and received, first and last seen')
    .option('--db <path>', 'store (default: ATTACHE_DB or ./attache.db)')
    .option('--country <ISO3>', "the actor's country")
    .option('--q <name>', "the actor's name or code contains this (case-insensitive)")
    .option('--limit <n>', 'at most n actors (the most active)')
    .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('table'))
    .action(runActors);
}

async function runActors(raw: Record<string, unknown>): Promise<void> {
  const parsed = actorOptions.safeParse(raw);
  if (!parsed.success) {
    process.stderr.write(`attache actors: ${optionError(parsed.error)}\n`);
    process.exitCode = 2;
    return;
  }
  const { db, format, filter } = parsed.data;
  const { openQueryStore } = await import('../store/open.js');
  const store = await openQueryStore('actors', db);
  if (!store) return;
  try {
    const actors = await store.actors(filter);
    if (format === 'json') process.stdout.write(JSON.stringify(actors, null, 2) + '\n');
    else if (format === 'csv') {
      const { csvRow } = await import('../output/csv.js');
      process.stdout.write(csvRow(COLUMNS.map(([h]) => h)) + actors.map((a) => csvRow(COLUMNS.map(([, v]) => v(a)))).join(''));
    } else if (actors.length) process.stdout.write(table(actors));
    else process.stderr.write('no actors match\n');
  } catch (e) {
    process.stderr.write(`attache actors: ${(e as Error).message}\n`);
    process.exitCode = 2;
  } finally {
    await store.close();
  }
}
