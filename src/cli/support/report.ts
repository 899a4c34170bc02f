/**
 * A report command (dyad, framing, follow, network, rituals): declared options checked with zod, the report
 * computed over the store named by --db, printed in the --format chosen. Each command gives only what is its
 * own: its options, the computation and the rendering.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { Store } from '../../store/store.js';
import { countryCode, dbOption, formatOption, out, parseOptions, withStore } from '../../analysis/cli-support.js';

type Formats = readonly [string, ...string[]];

/** The options as the command's code receives them: its own, the pair when it has one, format and db. */
export type ReportOptions<S extends z.ZodRawShape, P extends boolean, F extends Formats> = z.output<z.ZodObject<S>> &
  (P extends true ? { a: string; b: string } : unknown) & { format: F[number]; db?: string };

export interface ReportCommand<S extends z.ZodRawShape, P extends boolean, F extends Formats, R> {
  name: string;
  description: string;
  /** Two countries as the arguments A and B (a and b in the options). */
  pair: P;
  /** The command's own options, declared (for commander and the help) and their zod schema. */
  declare: (command: Command) => Command;
  options: S;
  /** Output formats (table is the default). */
  formats: F;
  /** Checks across options, made before the store is opened. */
  check?: (o: ReportOptions<S, P, F>) => void;
  /** The report; import the analysis module inside (start-up time). */
  compute: (store: Store, o: ReportOptions<S, P, F>) => Promise<R>;
  render: (report: R, format: F[number]) => string | Promise<string>;
}

const PAIR = { a: countryCode, b: countryCode };

export function registerReport<S extends z.ZodRawShape, P extends boolean, const F extends Formats, R>(program: Command, spec: ReportCommand<S, P, F, R>): void {
  const schema = z.object({ ...(spec.pair ? PAIR : {}), ...spec.options, format: z.enum(spec.formats), db: z.string().optional() });
  let command = program.command(spec.name).description(spec.description);
  if (spec.pair) command = command.argument('<A>', 'first country (ISO alpha-3, e.g. PRK)').argument('<B>', 'second country (e.g. CHN)');
  spec
    .declare(command)
    .addOption(formatOption([...spec.formats]))
    .addOption(dbOption())
    .action(async (...args: unknown[]) => {
      const raw = spec.pair ? { ...(args[2] as object), a: args[0], b: args[1] } : args[0];
      const o = parseOptions(spec.name, schema, raw) as ReportOptions<S, P, F>;
      spec.check?.(o);
      const report = await withStore(spec.name, o.db, (store) => spec.compute(store, o));
      await out(await spec.render(report, o.format));
    });
}
