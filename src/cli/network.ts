import type { Command } from 'commander';
import { isoDay, json, table, wholeNumber } from '../analysis/cli-support.js';
import { registerReport } from './support/report.js';

export function register(program: Command): void {
  registerReport(program, {
    name: 'network',
    description: 'the actor graph: countries (or IGO codes) as nodes, directed edges weighted by quad class counts and Goldstein sum',
    pair: false,
    declare: (c) =>
      c.option('--from <YYYY-MM-DD>', 'first day').option('--to <YYYY-MM-DD>', 'last day').option('--min-events <n>', 'leave out edges with fewer events', '1'),
    options: { from: isoDay.optional(), to: isoDay.optional(), minEvents: wholeNumber(1) },
    formats: ['table', 'json', 'graphml'],
    compute: async (store, o) => (await import('../analysis/network.js')).networkFromStore(store, o),
    render: async (net, format) => {
      if (format === 'json') return json(net);
      if (format === 'graphml') return (await import('../analysis/network.js')).toGraphml(net);
      return (
        `${net.nodes.length} actors, ${net.edges.length} edges\n\n` +
        table(
          ['source', 'target', 'events', 'Q1', 'Q2', 'Q3', 'Q4', 'G sum'],
          net.edges.map((e) => [e.source, e.target, e.events, e.quadClass[1], e.quadClass[2], e.quadClass[3], e.quadClass[4], e.goldsteinSum]),
        )
      );
    },
  });
}
