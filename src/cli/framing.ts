import type { Command } from 'commander';
import { z } from 'zod';
import type { FramingReport } from '../analysis/framing-shift.js';
import { csv, json, signed, table, wholeNumber, type Format } from '../analysis/cli-support.js';
import { registerReport } from './support/report.js';

export function register(program: Command): void {
  registerReport(program, {
    name: 'framing',
    description: "the marker profile of the signals' documents between two countries year by year: markers gained and lost, phrases new this year",
    pair: true,
    declare: (c) =>
      c
        .option('--occasion <x>', 'only signals of this occasion type (national_day, birthday…) or whose occasion contains the words')
        .option('--top <n>', 'new phrases listed per year', '15'),
    options: { occasion: z.string().min(1).optional(), top: wholeNumber(1) },
    formats: ['table', 'json', 'csv'],
    compute: async (store, o) => (await import('../analysis/framing-shift.js')).framingShiftFromStore(store, o),
    render,
  });
}

/** Year profiles (one row per year and marker), then each year's shift: gained, lost, changed, new phrases. */
export function render(r: FramingReport, format: Format): string {
  if (format === 'json') return json(r);
  if (format === 'csv') {
    return csv(
      ['record', 'year', 'item', 'documents', 'count', 'per_document', 'delta'],
      [
        ...r.years.flatMap((y) => y.markers.map((m) => ['marker', y.year, m.marker, m.documents, m.count, m.perDocument, null])),
        ...r.shifts.flatMap((s) => [
          ...s.gained.map((m) => ['gained', s.to, m.marker, m.documents, m.count, m.perDocument, null]),
          ...s.lost.map((m) => ['lost', s.to, m.marker, m.documents, m.count, m.perDocument, null]),
          ...s.changed.map((m) => ['changed', s.to, m.marker, null, null, m.after, m.delta]),
          ...s.newPhrases.map((p) => ['new_phrase', s.to, p.phrase, p.documents, p.count, null, null]),
        ]),
      ],
    );
  }
  const lines = [`Framing of the signals between ${r.a} and ${r.b}${r.occasion ? ` (occasion: ${r.occasion})` : ''}`, ''];
  if (!r.years.length) return lines.concat('(no signal documents)', '').join('\n');
  const markers = [...new Set(r.years.flatMap((y) => y.markers.map((m) => m.marker)))].sort();
  const per = (year: string, marker: string) => r.years.find((y) => y.year === year)!.markers.find((m) => m.marker === marker);
  lines.push(
    table(
      ['marker (count / per document)', ...r.years.map((y) => `${y.year} (${y.documents} docs)`)],
      markers.map((m) => [m, ...r.years.map((y) => { const p = per(y.year, m); return p ? `${p.count} / ${p.perDocument}` : null; })]),
    ),
  );
  for (const s of r.shifts) {
    lines.push(`${s.from} → ${s.to}`);
    lines.push(`  gained:  ${s.gained.map((m) => `${m.marker} (${m.count}, ${m.perDocument}/doc)`).join(', ') || '-'}`);
    lines.push(`  lost:    ${s.lost.map((m) => `${m.marker} (${m.count}, ${m.perDocument}/doc)`).join(', ') || '-'}`);
    lines.push(`  changed: ${s.changed.map((m) => `${m.marker} ${m.before}→${m.after} (${signed(m.delta)})`).join(', ') || '-'}`);
    lines.push(`  new phrases: ${s.newPhrases.map((p) => `“${p.phrase}” (${p.documents} docs)`).join(', ') || '-'}`, '');
  }
  return lines.join('\n');
}
