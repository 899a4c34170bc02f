import type { Command } from 'commander';
import { z } from 'zod';
import type { RitualReport, RitualStatus } from '../analysis/rituals.js';
import { countryCode, csv, excerpt, fail, isoDay, json, table, wholeNumber, type Format } from '../analysis/cli-support.js';
import { registerReport } from './support/report.js';

export function register(program: Command): void {
  registerReport(program, {
    name: 'rituals',
    description: 'recurring diplomatic signals learnt from history; for a year: expected, received (on time / late), MISSING, first-time',
    pair: false,
    declare: (c) =>
      c
        .option('--actor <code>', 'only rituals this country sends or receives (e.g. PRK)')
        .option('--year <YYYY>', 'the year to check (default: the latest year with a signal)')
        .option('--tolerance <days>', 'days either side of the usual day that are on time', '7')
        .option('--window <years>', 'history years before the checked year that are looked at', '3')
        .option('--min-years <n>', 'of those, how many must have the signal for a ritual (KCNA 2011–2012: --window 1 --min-years 1)', '2')
        .option('--late <days>', 'days after the tolerance in which a signal still counts as received late', '30')
        .option('--occasions <types>', 'occasion types learnt as rituals, comma-separated (default: national_day,anniversary,birthday,new_year,holiday)')
        .option('--as-of <YYYY-MM-DD>', 'the last day observed (default: the latest signal); later expected days are pending'),
    options: {
      actor: countryCode.optional(),
      year: wholeNumber(1).optional(),
      tolerance: wholeNumber(0),
      window: wholeNumber(1),
      minYears: wholeNumber(1),
      late: wholeNumber(0),
      asOf: isoDay.optional(),
      occasions: z
        .string()
        .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
        .pipe(z.array(z.enum(['national_day', 'anniversary', 'election', 'appointment', 'birthday', 'new_year', 'death', 'disaster', 'holiday', 'other', 'none'])).min(1))
        .optional(),
    },
    formats: ['table', 'json', 'csv'],
    check: (o) => {
      if (o.minYears > o.window) fail('rituals', `--min-years ${o.minYears} is more than --window ${o.window}: no signal could qualify`);
    },
    compute: async (store, o) => (await import('../analysis/rituals.js')).ritualsFromStore(store, o),
    render,
  });
}

const STATE: Record<RitualStatus['status'], string> = { on_time: 'on time', late: 'LATE', missing: 'MISSING', pending: 'pending' };

const change = (r: RitualStatus) =>
  [
    r.senderChange && `sender ${r.senderChange.before.join('/')} → ${r.senderChange.now}`,
    r.recipientChange && `recipient ${r.recipientChange.before.join('/')} → ${r.recipientChange.now}`,
  ]
    .filter(Boolean)
    .join('; ');

const lagText = (lag: number | null) => (lag === null ? null : lag > 0 ? `+${lag}` : String(lag));

/** The ritual report: one row per expected ritual (status, lag, changes), then the first-time signals. */
export function render(r: RitualReport, format: Format): string {
  if (format === 'json') return json(r);
  if (format === 'csv') {
    return csv(
      ['record', 'sender', 'recipient', 'kind', 'occasion_type', 'occasion', 'usual_day', 'years_seen', 'expected', 'status', 'lag', 'date', 'count', 'change', 'evidence'],
      [
        ...r.rituals.map((x) => ['ritual', x.sender, x.recipient, x.kind, x.occasionType, x.occasion, x.usualDay, x.yearsSeen.join(' '), x.expected, x.status, x.lag, x.received?.date, null, change(x), (x.received ?? x.lastSeen).evidence]),
        ...r.firstTime.map((f) => ['first_time', f.sender, f.recipient, f.kind, f.occasionType, f.occasion, null, null, null, null, null, f.first.date, f.count, null, f.first.evidence]),
      ],
    );
  }
  const s = r.summary;
  const lines = [
    `Rituals ${r.year}${r.actor ? ` of ${r.actor}` : ''}: learnt from ${r.year - r.window}–${r.year - 1} (seen in ≥ ${r.minYears} of ${r.window} years, ±${r.tolerance} days; late up to ${r.late} days more); data to ${r.asOf || '-'}`,
    `${s.expected} expected: ${s.onTime} on time, ${s.late} late, ${s.missing} MISSING, ${s.pending} pending; ${s.firstTime} first-time`,
    '',
    table(
      ['expected', 'sender→recipient', 'kind', 'occasion', 'seen', 'status', 'lag', 'received', 'change'],
      r.rituals.map((x) => [x.expected, `${x.sender}→${x.recipient}`, x.kind, `${excerpt(x.occasion ?? '-', 40)} (${x.occasionType})`, x.yearsSeen.join(' '), STATE[x.status], lagText(x.lag), x.received?.date ?? (x.status === 'missing' ? `last ${x.lastSeen.date}` : null), change(x)]),
    ),
  ];
  const missing = r.rituals.filter((x) => x.status === 'missing');
  if (missing.length) {
    lines.push('MISSING', '');
    for (const x of missing) lines.push(`${x.expected}  ${x.sender}→${x.recipient} ${x.kind}, ${x.occasion ?? x.occasionType}; last seen ${x.lastSeen.date}: “${excerpt(x.lastSeen.evidence, 100)}”`);
    lines.push('');
  }
  lines.push('First-time signals', '');
  if (!r.firstTime.length) lines.push('(none)');
  for (const f of r.firstTime)
    lines.push(`${f.first.date}  ${f.sender}→${f.recipient} ${f.kind}, ${excerpt(f.occasion ?? '-', 60)} (${f.occasionType})${f.count > 1 ? ` ×${f.count}` : ''}: “${excerpt(f.first.evidence, 100)}”`);
  lines.push('');
  return lines.join('\n');
}
