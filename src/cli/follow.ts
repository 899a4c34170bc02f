import type { Command } from 'commander';
import type { FollowReport } from '../analysis/follow-through.js';
import { csv, duration, excerpt, isoDay, json, table, type Format } from '../analysis/cli-support.js';
import { registerReport } from './support/report.js';

export function register(program: Command): void {
  registerReport(program, {
    name: 'follow',
    description: 'verbal commitments between two countries linked to later deeds in the same domain: conversion rate, lags, unfulfilled',
    pair: true,
    declare: (c) =>
      c
        .option('--horizon <days>', 'how long a deed may follow its commitment (180d, 26w, 6m, 1y)', '180d')
        .option('--from <YYYY-MM-DD>', 'first day of the commitments')
        .option('--to <YYYY-MM-DD>', 'last day of the commitments')
        .option('--as-of <YYYY-MM-DD>', 'the last day observed (default: the latest event); later horizons are open'),
    options: { horizon: duration, from: isoDay.optional(), to: isoDay.optional(), asOf: isoDay.optional() },
    formats: ['table', 'json', 'csv'],
    compute: async (store, o) => (await import('../analysis/follow-through.js')).followThroughFromStore(store, o),
    render,
  });
}

/** Per-domain conversion and lags, then the unfulfilled commitments with their evidence. CSV: one row per link. */
export function render(r: FollowReport, format: Format): string {
  if (format === 'json') return json(r);
  if (format === 'csv') {
    return csv(
      ['domain', 'state', 'commitment_date', 'commitment_source', 'commitment_target', 'commitment_cameo', 'deed_date', 'deed_cameo', 'lag', 'commitment_evidence', 'deed_evidence'],
      r.links.map((l) => [l.domain, l.state, l.commitment.date, l.commitment.source, l.commitment.target, l.commitment.cameo, l.deed?.date, l.deed?.cameo, l.lag, l.commitment.evidence, l.deed?.evidence]),
    );
  }
  const lines = [
    `Follow-through ${r.a}–${r.b}: commitments${r.from || r.to ? ` ${r.from ?? '…'} to ${r.to ?? '…'}` : ''}, deeds within ${r.horizon} days; data to ${r.asOf || '-'}`,
    '',
    table(
      ['domain', 'commitments', 'fulfilled', 'unfulfilled', 'open', 'rate', 'lag min', 'median', 'max'],
      r.domains.map((d) => [d.domain, d.commitments, d.fulfilled, d.unfulfilled, d.open, d.rate === null ? null : `${Math.round(d.rate * 100)}%`, d.lag?.min, d.lag?.median, d.lag?.max]),
    ),
  ];
  const fulfilled = r.links.filter((l) => l.deed);
  if (fulfilled.length) {
    lines.push('Fulfilled', '');
    for (const l of fulfilled)
      lines.push(`${l.commitment.date} ${l.commitment.source}→${l.commitment.target} ${l.commitment.cameo} [${l.domain}] → ${l.deed!.date} ${l.deed!.source}→${l.deed!.target} ${l.deed!.cameo} (+${l.lag} d)`, `    “${excerpt(l.commitment.evidence, 80)}” → “${excerpt(l.deed!.evidence, 80)}”`);
    lines.push('');
  }
  lines.push('Unfulfilled', '');
  if (!r.unfulfilled.length) lines.push('(none)');
  for (const l of r.unfulfilled)
    lines.push(`${l.commitment.date} ${l.commitment.source}→${l.commitment.target} ${l.commitment.plover} ${l.commitment.cameo} [${l.domain}]: “${excerpt(l.commitment.evidence, 100)}”`, `    rule: ${l.commitment.rule}`);
  lines.push('');
  return lines.join('\n');
}
