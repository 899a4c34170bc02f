/**
 * The ritual calendar: a heat map of the year's months, one row per ritual (sender → recipient, kind,
 * occasion), the expected month marked and coloured by what happened — on time, late, MISSING, pending —
 * then the rituals and first-time signals as tables with their evidence.
 */
import { useApi } from '../api';
import { paramsOf } from '../router';
import { Status } from '../components/Status';
import { FilterForm, Field } from '../components/Form';
import { Table } from '../components/Table';
import { COUNTRY_PATTERN } from '../format';
import type { FirstTimeSignal, RitualReport, RitualState, RitualStatus } from '../../../src/analysis/rituals';

/** Rows of a long table shown on the page; the download has every row. */
const SHOWN = 200;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STATE_LABEL: Record<RitualState, string> = { on_time: 'on time', late: 'late', missing: 'MISSING', pending: 'pending' };

const label = (r: RitualStatus | FirstTimeSignal) => `${r.sender} → ${r.recipient} · ${r.kind} · ${r.occasion ?? r.occasionType}`;
const monthOf = (iso: string) => Number(iso.slice(5, 7)) - 1;
/** A row label that fits the heat map: the pair, the kind and the start of the occasion. */
const short = (r: RitualStatus) => {
  const s = `${r.sender}→${r.recipient} ${r.kind}, ${(r.occasion ?? r.occasionType).replace(/^(occasion of the|the) /i, '')}`;
  return s.length > 48 ? `${s.slice(0, 47)}…` : s;
};

/**
 * One row a ritual; for each year of the history window and the year checked, twelve month cells. A history
 * year in which the ritual was seen fills its usual month; in the year checked the month received is filled
 * by state, the expected month outlined, and a missing ritual crossed.
 */
function HeatMap({ report }: { report: RitualReport }) {
  const rows = report.rituals;
  const years = Array.from({ length: report.window + 1 }, (_, i) => report.year - report.window + i);
  const cell = 15;
  const gap = 10;
  const labelW = 350;
  const blockW = cell * 12 + gap;
  const w = labelW + blockW * years.length;
  const h = 40 + rows.length * (cell + 3);
  const x = (yi: number, m: number) => labelW + yi * blockW + m * cell;
  return (
    <div class="scroll heatmap" tabIndex={0} role="region" aria-label="Ritual calendar heat map">
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby="heat-title">
        <title id="heat-title">
          Rituals by month, {years[0]}–{report.year}: in {report.year} {report.summary.onTime} on time, {report.summary.late} late, {report.summary.missing} missing,{' '}
          {report.summary.pending} pending
        </title>
        {years.map((y, yi) => (
          <g>
            <text x={x(yi, 6)} y={12} text-anchor="middle" class={`axis${y === report.year ? ' current' : ''}`}>
              {y}
            </text>
            {MONTHS.map((m, i) => (
              <text x={x(yi, i) + cell / 2} y={28} text-anchor="middle" class="axis month">
                {m[0]}
              </text>
            ))}
          </g>
        ))}
        {rows.map((r, j) => {
          const top = 34 + j * (cell + 3);
          const usual = Number(r.usualDay.slice(0, 2)) - 1;
          const expected = monthOf(r.expected);
          const got = r.received && r.received.date.startsWith(String(report.year)) ? monthOf(r.received.date) : -1;
          return (
            <g class={`ritual ${r.status}`}>
              <text x={labelW - 8} y={top + cell - 3} text-anchor="end" class="row-label">
                <title>{label(r)}</title>
                {short(r)}
              </text>
              {years.map((y, yi) =>
                MONTHS.map((_, i) => {
                  const current = y === report.year;
                  const seen = !current && i === usual && r.yearsSeen.includes(y);
                  const cls = current
                    ? `cell${i === got ? ` got ${r.status}` : ''}${i === expected ? ` expected ${r.status}` : ''}`
                    : `cell${seen ? ' seen' : ''}`;
                  const what = current
                    ? i === expected
                      ? `expected ${r.expected}: ${STATE_LABEL[r.status]}`
                      : i === got
                        ? `received ${r.received!.date}`
                        : null
                    : seen
                      ? `seen in ${y}`
                      : null;
                  return (
                    <rect x={x(yi, i) + 1} y={top} width={cell - 2} height={cell - 2} rx={2} class={cls}>
                      {what && (
                        <title>
                          {label(r)}: {what}
                        </title>
                      )}
                    </rect>
                  );
                }),
              )}
              {r.status === 'missing' && (
                <text x={x(years.length - 1, expected) + cell / 2} y={top + cell - 3} text-anchor="middle" class="missing-mark" aria-hidden="true">
                  ✕
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p class="legend">
        <span class="swatch seen" /> seen in a history year <span class="swatch on_time" /> on time <span class="swatch late" /> late <span class="swatch missing" /> missing (✕){' '}
        <span class="swatch pending" /> pending; an outlined cell is the month expected in {report.year}
      </p>
    </div>
  );
}

export function Rituals({ url }: { url: URL }) {
  const params = paramsOf(url);
  const state = useApi<RitualReport>('rituals', params);
  const r = state.data;
  return (
    <section>
      <h1>Ritual calendar{r ? ` ${r.year}` : ''}</h1>
      <FilterForm label="Ritual calendar options">
        <Field name="year" label="Year" type="number" value={params.year} placeholder="latest" />
        <Field name="actor" label="Country" value={params.actor} placeholder="PRK" pattern={COUNTRY_PATTERN} title="a three-letter country code" />
        <Field name="tolerance" label="Tolerance (days)" type="number" value={params.tolerance} placeholder="7" />
        <Field name="min_years" label="Seen in at least (years)" type="number" value={params.min_years} placeholder="2" />
        <Field name="window" label="Of the last (years)" type="number" value={params.window} placeholder="3" />
      </FilterForm>
      <Status state={state} />
      {r && (
        <>
          <p class="totals">
            {r.summary.expected} rituals expected in {r.year} (seen in at least {r.minYears} of the {r.window} years before, ±{r.tolerance} days; observed to {r.asOf}):{' '}
            {r.summary.onTime} on time, {r.summary.late} late, <strong class={r.summary.missing ? 'bad' : undefined}>{r.summary.missing} missing</strong>, {r.summary.pending}{' '}
            pending; {r.summary.firstTime} first-time signals.
          </p>
          {r.rituals.length > 0 && <HeatMap report={r} />}
          <Table<RitualStatus>
            caption="Rituals"
            rows={r.rituals}
            download={{ path: 'rituals', params }}
            empty="No ritual learnt: the history before this year is too short (try fewer years)."
            columns={[
              { label: 'Ritual', render: label },
              { label: 'Usual day', render: (x) => x.usualDay },
              { label: 'Seen in', render: (x) => x.yearsSeen.join(', ') },
              { label: 'Status', render: (x) => <strong class={`state ${x.status}`}>{STATE_LABEL[x.status]}</strong> },
              { label: 'Lag (days)', num: true, render: (x) => x.lag ?? '—' },
              {
                label: 'Received / last seen',
                render: (x) => {
                  const s = x.received ?? x.lastSeen;
                  return (
                    <>
                      {x.received ? '' : 'last seen '}
                      <a href={`/documents/${s.doc.id}`}>{s.date}</a> {s.senderName ?? ''}
                      {x.senderChange && <div class="note">sender changed: {x.senderChange.before.join(', ')} → {x.senderChange.now}</div>}
                    </>
                  );
                },
              },
            ]}
          />
          <Table<FirstTimeSignal>
            caption={`First-time signals${r.firstTime.length > SHOWN ? ` (the first ${SHOWN} of ${r.firstTime.length}; the CSV has all)` : ''}`}
            rows={r.firstTime.slice(0, SHOWN)}
            download={{ path: 'rituals/first-time', params }}
            columns={[
              { label: 'Signal', render: label },
              { label: 'Date', render: (x) => <a href={`/documents/${x.first.doc.id}`}>{x.first.date}</a> },
              { label: 'Count', num: true, render: (x) => x.count },
              { label: 'Evidence', render: (x) => <q>{x.first.evidence}</q> },
            ]}
          />
        </>
      )}
    </section>
  );
}
