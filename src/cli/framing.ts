import type { Command } from 'commander';
import { z } from 'zod';
import type { FramingReport } from '../analysis/framing-shift.js';
import { countryCode, csv, dbOption, formatOption, json, out, parseOptions, signed, table, wholeNumber, withStore, type Format } from '../analysis/cli-support.js';

const Options = z.object({
  a: countryCode,
  b: countryCode,
  occasion: z.string().min(1).optional(),
  top: wholeNumber(1),
  format: z.enum(['table', 'json', 'csv']),
  db: z.string().optional(),
});

export function register(program: Command): void {
  program
    .command('framing')
    .description("the marker profile of the signals' documents between two countries year by year: markers gained and lost, phrases new this year")
    .argument('<A>', 'first country (ISO alpha-3)')
    .argument('<B>', 'second country')
    .option('--occasion <x>', 'only signals of this occasion type (national_day, birthday…) or whose occasion contains the words')
    .option('--top <n>', 'new phrases listed per year', '15')
    .addOption(formatOption())
    .addOption(dbOption())
    .action(async (a: string, b: string, raw: Record<string, unknown>) => {
      const o = parseOptions('framing', Options, { ...raw, a, b });
      const { framingShiftFromStore } = await import('../analysis/framing-shift.js');
      const report = await withStore('framing', o.db, (store) => framingShiftFromStore(store, o));
      await out(render(report, o.format));
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
