import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import type { DyadDirection, DyadReport } from '../analysis/dyad.js';
import { csv, excerpt, isoDay, json, signed, table, wholeNumber, type Format } from '../analysis/cli-support.js';
import { registerReport } from './support/report.js';

export function register(program: Command): void {
  registerReport(program, {
    name: 'dyad',
    description: 'what two countries did to each other per period and direction: quad classes, PLOVER types, Goldstein, tone, asymmetry, top events',
    pair: true,
    declare: (c) =>
      c
        .addOption(new Option('--by <unit>', 'period').choices(['month', 'quarter', 'year']).default('year'))
        .option('--from <YYYY-MM-DD>', 'first day')
        .option('--to <YYYY-MM-DD>', 'last day')
        .option('--top <n>', 'how many top events to list', '10'),
    options: { by: z.enum(['month', 'quarter', 'year']), from: isoDay.optional(), to: isoDay.optional(), top: wholeNumber(0) },
    formats: ['table', 'json', 'csv'],
    compute: async (store, o) => (await import('../analysis/dyad.js')).dyadFromStore(store, o),
    render,
  });
}

const HEAD = ['period', 'direction', 'events', 'Q1', 'Q2', 'Q3', 'Q4', 'G sum', 'G mean', 'tone', 'PLOVER types'];

const dirCells = (d: DyadDirection) => [
  `${d.source}→${d.target}`, d.events, d.quadClass[1], d.quadClass[2], d.quadClass[3], d.quadClass[4], d.goldsteinSum, d.goldsteinMean, d.toneMean,
  Object.entries(d.plover).sort((x, y) => y[1]! - x[1]! || x[0].localeCompare(y[0])).map(([k, n]) => `${k} ${n}`).join(', '),
];

/** The dyad report as a table (periods, asymmetry, top events with evidence), JSON or CSV (one row per period and direction). */
export function render(r: DyadReport, format: Format): string {
  if (format === 'json') return json(r);
  const periods = [...r.periods, { period: 'total', ...r.total }];
  if (format === 'csv') {
    return csv(
      ['period', 'source', 'target', 'events', 'q1', 'q2', 'q3', 'q4', 'goldstein_sum', 'goldstein_mean', 'tone_mean', 'plover', 'asymmetry_events', 'asymmetry_goldstein'],
      periods.flatMap((p) =>
        [p.ab, p.ba].map((d) => [
          p.period, d.source, d.target, d.events, d.quadClass[1], d.quadClass[2], d.quadClass[3], d.quadClass[4], d.goldsteinSum, d.goldsteinMean, d.toneMean,
          JSON.stringify(d.plover), p.asymmetry.events, p.asymmetry.goldstein,
        ]),
      ),
    );
  }
  const rows = periods.flatMap((p) => [
    [p.period, ...dirCells(p.ab)],
    ['', ...dirCells(p.ba)],
    ['', 'asymmetry', signed(p.asymmetry.events), '', '', '', '', signed(p.asymmetry.goldstein), '', '', '(A−B)/(A+B) of events, Goldstein'],
  ]);
  const range = r.from || r.to ? ` ${r.from ?? '…'} to ${r.to ?? '…'}` : '';
  const lines = [`${r.a}–${r.b} by ${r.by}${range} (${r.modalities.join(', ')} events)`, '', table(HEAD, rows)];
  if (r.top.length) {
    lines.push(`Top events (by |Goldstein|)`, '');
    for (const e of r.top) {
      lines.push(`${e.date}  ${e.source}→${e.target}  ${e.plover}${e.mode ? `/${e.mode}` : ''} ${e.cameo}  G ${e.goldstein}  Q${e.quadClass}  ${e.modality}`);
      lines.push(`    “${excerpt(e.evidence, 110)}”`, `    rule: ${e.rule}`, `    doc ${e.doc.id}: ${excerpt(e.doc.title ?? '', 90)}${e.doc.url ? ` <${e.doc.url}>` : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
