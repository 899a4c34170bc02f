import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import type { EventFilter } from '../store/store.js';

const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const FORMATS = ['csv', 'jsonl', 'json', 'gdelt', 'plover'] as const;

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
const wholeNumber = z.string().regex(/^\d+$/, 'must be a whole number').transform(Number);

/** The command line's options, validated, as a store filter. Exported for tests. */
export const eventOptions = z
  .object({
    db: z.string().optional(),
    actor: z.string().min(1).optional(),
    dyad: z
      .string()
      .regex(/^[A-Za-z]{3}-[A-Za-z]{3}$/, 'must be two ISO 3166 alpha-3 codes, like PRK-CHN')
      .optional(),
    directed: z.boolean().optional(),
    country: z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166 alpha-3 code, like PRK').optional(),
    type: z
      .string()
      .transform((s) => s.toUpperCase())
      .refine((s) => PLOVER.includes(s), { message: `must be a PLOVER event type (${PLOVER.join(', ')})` })
      .optional(),
    cameo: z.string().regex(/^\d{2,4}$/, 'must be 2 to 4 digits').optional(),
    quad: z.enum(['1', '2', '3', '4'], { message: 'must be 1, 2, 3 or 4' }).transform(Number).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    source: z.string().min(1).optional(),
    q: z.string().min(1).optional(),
    limit: wholeNumber.optional(),
    offset: wholeNumber.optional(),
    newest: z.boolean().optional(),
    format: z.enum(FORMATS),
  })
  .refine((o) => !o.directed || o.dyad, { message: '--directed needs --dyad', path: ['directed'] })
  .transform((o) => {
    const [a, b] = o.dyad ? o.dyad.split('-') : [];
    const filter: EventFilter = {
      actor: o.actor,
      dyad: o.dyad ? { a, b, directed: o.directed ?? false } : undefined,
      country: o.country,
      plover: o.type,
      cameo: o.cameo,
      quadClass: o.quad as EventFilter['quadClass'],
      from: o.from,
      to: o.to,
      source: o.source,
      q: o.q,
      limit: o.limit,
      offset: o.offset,
      order: o.newest ? 'newest' : 'oldest',
    };
    return { db: o.db, format: o.format, filter };
  });

/** "--dyad: must be …" from a zod error. */
export function optionError(e: z.ZodError): string {
  return e.issues.map((i) => `--${String(i.path[0] ?? '')}: ${i.message}`).join('; ');
}

export function register(program: Command): void {
  program
    .command('events')
    .description('query and export the stored events, streamed (constant memory)')
    .option('--db <path>', 'store (default: ATTACHE_DB or ./attache.db)')
    .option('--actor <text>', "either actor's name or code contains this (case-insensitive)")
    .option('--dyad <A-B>', 'events between two countries (ISO alpha-3), either direction unless --directed')
    .option('--directed', 'with --dyad: only A as source and B as target')
    .option('--country <ISO3>', 'either actor is of this country')
    .option('--type <PLOVER>', 'PLOVER event type (AGREE, CONSULT, …)')
    .option('--cameo <prefix>', 'CAMEO code prefix (05, 051)')
    .option('--quad <1-4>', 'quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict')
    .option('--from <date>', 'events on or after (event date, else publication date)')
    .option('--to <date>', 'events on or before; YYYY or YYYY-MM include the whole year or month')
    .option('--source <name>', 'outlet that published the document (KCNA)')
    .option('--q <query>', 'full-text search over the documents (words, or FTS5 syntax)')
    .option('--limit <n>', 'at most n events')
    .option('--offset <n>', 'skip the first n events')
    .option('--newest', 'newest first (default: oldest first, by event date)')
    .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('csv'))
    .action(runEvents);
}

async function runEvents(raw: Record<string, unknown>): Promise<void> {
  const parsed = eventOptions.safeParse(raw);
  if (!parsed.success) {
    process.stderr.write(`attache events: ${optionError(parsed.error)}\n`);
    process.exitCode = 2;
    return;
  }
  const { openQueryStore } = await import('../store/open.js');
  const { writeEvents } = await import('../store/export.js');
  const { db, format, filter } = parsed.data;
  const store = await openQueryStore('events', db);
  if (!store) return;
  try {
    await writeEvents(store.events(filter), format, process.stdout);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code !== 'EPIPE') {
      process.stderr.write(`attache events: ${err.message}\n`);
      process.exitCode = 2;
    }
  } finally {
    await store.close();
  }
}
