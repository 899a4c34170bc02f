import type { Command } from 'commander';
import { z } from 'zod';
import { dbOption, formatOption, isoDay, json, out, parseOptions, table, wholeNumber, withStore } from '../analysis/cli-support.js';

const Options = z.object({
  from: isoDay.optional(),
  to: isoDay.optional(),
  minEvents: wholeNumber(1),
  format: z.enum(['table', 'json', 'graphml']),
  db: z.string().optional(),
});

export function register(program: Command): void {
  program
    .command('network')
    .description('the actor graph: countries (or IGO codes) as nodes, directed edges weighted by quad class counts and Goldstein sum')
    .option('--from <YYYY-MM-DD>', 'first day')
    .option('--to <YYYY-MM-DD>', 'last day')
    .option('--min-events <n>', 'leave out edges with fewer events', '1')
    .addOption(formatOption(['table', 'json', 'graphml']))
    .addOption(dbOption())
    .action(async (raw: Record<string, unknown>) => {
      const o = parseOptions('network', Options, raw);
      const { networkFromStore, toGraphml } = await import('../analysis/network.js');
      const net = await withStore('network', o.db, (store) => networkFromStore(store, o));
      if (o.format === 'json') return out(json(net));
      if (o.format === 'graphml') return out(toGraphml(net));
      await out(
        `${net.nodes.length} actors, ${net.edges.length} edges\n\n` +
          table(
            ['source', 'target', 'events', 'Q1', 'Q2', 'Q3', 'Q4', 'G sum'],
            net.edges.map((e) => [e.source, e.target, e.events, e.quadClass[1], e.quadClass[2], e.quadClass[3], e.quadClass[4], e.goldsteinSum]),
          ),
      );
    });
}
