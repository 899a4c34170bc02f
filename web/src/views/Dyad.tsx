/**
 * A dyad: the timeline of events between two countries by quad class, with Goldstein means per direction,
 * the periods as a table, and the strongest events with their evidence, each leading to the event table and
 * the report.
 */
import { useEffect, useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import { useApi } from '../api';
import { navigate, paramsOf, qs } from '../router';
import { Status } from '../components/Status';
import { Chart } from '../components/Chart';
import { FilterForm, Field, Select } from '../components/Form';
import { Evidence } from '../components/Evidence';
import { Table } from '../components/Table';
import { Download } from '../components/Download';
import { DYAD_PATTERN, QUAD_COLORS, QUAD_LABELS, num, pairOf, validPair } from '../format';
import type { DyadEvent, DyadPeriod, DyadReport } from '../../../src/analysis/dyad';
import type { Network } from '../../../src/analysis/network';

/** Seconds since the epoch of the first day of a period "2024", "2024-Q2" or "2024-05". */
function periodTime(p: string): number {
  const [y, rest] = p.split('-');
  const month = !rest ? 0 : rest.startsWith('Q') ? (Number(rest.slice(1)) - 1) * 3 : Number(rest) - 1;
  return Date.UTC(Number(y), month, 1) / 1000;
}

function chartOf(report: DyadReport): { options: Omit<uPlot.Options, 'width'>; data: uPlot.AlignedData } {
  const ps = report.periods;
  const quad = (q: '1' | '2' | '3' | '4') => ps.map((p) => p.ab.quadClass[q] + p.ba.quadClass[q]);
  const data: uPlot.AlignedData = [
    ps.map((p) => periodTime(p.period)),
    quad('1'),
    quad('2'),
    quad('3'),
    quad('4'),
    ps.map((p) => p.ab.goldsteinMean),
    ps.map((p) => p.ba.goldsteinMean),
  ];
  const count = (q: number): uPlot.Series => ({ label: QUAD_LABELS[q], stroke: QUAD_COLORS[q], width: 2, points: { show: true, size: 6 }, scale: 'n' });
  return {
    data,
    options: {
      height: 300,
      series: [
        {},
        count(1),
        count(2),
        count(3),
        count(4),
        { label: `Goldstein ${report.a}→${report.b}`, stroke: '#222', dash: [6, 4], width: 1.5, scale: 'g', points: { show: true, size: 5 } },
        { label: `Goldstein ${report.b}→${report.a}`, stroke: '#CC79A7', dash: [2, 3], width: 1.5, scale: 'g', points: { show: true, size: 5 } },
      ],
      scales: { n: { range: (_u, _min, max) => [0, Math.max(1, max)] }, g: { range: [-10, 10] } },
      axes: [{}, { scale: 'n', label: 'events' }, { scale: 'g', side: 1, label: 'Goldstein mean', grid: { show: false } }],
    },
  };
}

/** First and last day of a period "2024", "2024-Q2" or "2024-05". */
function periodRange(p: string): { from: string; to: string } {
  const start = new Date(periodTime(p) * 1000);
  const [, rest] = p.split('-');
  const months = !rest ? 12 : rest.startsWith('Q') ? 3 : 1;
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

const dir = (p: DyadPeriod, d: 'ab' | 'ba') => `${p[d].events} (${num(p[d].goldsteinMean)})`;

export function DyadView({ url, match }: { url: URL; match: string[] }) {
  const pair = pairOf(match[0], match[1]);
  const [a, b] = pair.split('-');
  const params = paramsOf(url);
  const state = useApi<DyadReport>(`dyads/${pair}`, params);
  const r = state.data;
  const chart = useMemo(() => (r && r.periods.length ? chartOf(r) : null), [r]);
  return (
    <section>
      <h1>
        Dyad {a} – {b}
      </h1>
      <FilterForm label="Dyad period and dates">
        <Select name="by" label="Period" value={params.by ?? 'year'} options={[['month', 'month'], ['quarter', 'quarter'], ['year', 'year']]} />
        <Field name="from" label="From" type="date" value={params.from} />
        <Field name="to" label="To" type="date" value={params.to} />
      </FilterForm>
      <p>
        <a href={`/events${qs({ dyad: pair, from: params.from, to: params.to })}`}>All events between {a} and {b}</a> ·{' '}
        <a href={`/dyads/${b}-${a}${qs(params)}`}>Swap directions</a> · <a href={`/framing?pair=${pair}`}>Framing</a> ·{' '}
        <a href={`/follow?pair=${pair}`}>Follow-through</a>
      </p>
      <Status state={state} />
      {r && r.periods.length === 0 && <p class="empty">No events between {a} and {b} in this range.</p>}
      {r && chart && (
        <>
          <h2>Timeline by quad class</h2>
          <Chart {...chart} label={`Events between ${a} and ${b} per ${r.by} by quad class, with mean Goldstein per direction`} />
          <p class="totals">
            Total: {a}→{b} {r.total.ab.events} events (Goldstein mean {num(r.total.ab.goldsteinMean)}), {b}→{a} {r.total.ba.events} events (
            {num(r.total.ba.goldsteinMean)}); asymmetry of counts {num(r.total.asymmetry.events, 2)}.
          </p>
          <Table<DyadPeriod>
            caption="Periods"
            rows={r.periods}
            download={{ path: `dyads/${pair}`, params }}
            columns={[
              { label: 'Period', render: (p) => <a href={`/events${qs({ dyad: pair, ...periodRange(p.period) })}`}>{p.period}</a> },
              { label: `${a}→${b} events (Goldstein)`, num: true, render: (p) => dir(p, 'ab') },
              { label: `${b}→${a} events (Goldstein)`, num: true, render: (p) => dir(p, 'ba') },
              ...(['1', '2', '3', '4'] as const).map((q) => ({ label: QUAD_LABELS[Number(q)], num: true, render: (p: DyadPeriod) => p.ab.quadClass[q] + p.ba.quadClass[q] })),
              { label: 'Asymmetry', num: true, render: (p) => num(p.asymmetry.events, 2) },
            ]}
          />
          <div class="table-head">
            <h2 class="caption">Strongest events</h2>
            <Download path="events" params={{ dyad: pair, from: params.from, to: params.to }} label="Download every event of the dyad as CSV" />
          </div>
          <ol class="top-events">
            {r.top.map((e: DyadEvent) => (
              <li>
                <strong>
                  {e.date} · {e.source}→{e.target} · {e.plover} · Goldstein {e.goldstein}
                </strong>
                <Evidence text={e.evidence} rule={e.rule} />
                <a href={`/events${qs({ dyad: `${e.source}-${e.target}`, directed: 'true', from: e.date, to: e.date })}`} class="event-link">
                  the event in the event table
                </a>{' '}
                · <a href={`/documents/${e.doc.id}`}>{e.doc.title ?? `document ${e.doc.id}`}</a>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** Pairs of countries, both directions together, most events first. */
function activePairs(net: Network, n: number): { pair: string; events: number; goldstein: number }[] {
  const pairs = new Map<string, { pair: string; events: number; goldstein: number }>();
  for (const e of net.edges) {
    if (e.source.length !== 3 || e.target.length !== 3) continue;
    const pair = [e.source, e.target].sort().join('-');
    const p = pairs.get(pair) ?? pairs.set(pair, { pair, events: 0, goldstein: 0 }).get(pair)!;
    p.events += e.events;
    p.goldstein += e.goldsteinSum;
  }
  return [...pairs.values()].sort((a, b) => b.events - a.events || a.pair.localeCompare(b.pair)).slice(0, n);
}

/** The dyad index: open any pair, or one of the most active. */
export function Dyads() {
  const net = useApi<Network>('network');
  return (
    <section>
      <h1>Dyads</h1>
      <FilterForm label="Open a dyad" action="/dyads/open">
        <Field name="pair" label="Countries (A-B)" placeholder="PRK-RUS" pattern={DYAD_PATTERN} title="two country codes joined by a hyphen, e.g. PRK-RUS" />
      </FilterForm>
      <Status state={net} />
      {net.data && (
        <Table
          caption="Most active pairs"
          rows={activePairs(net.data, 30)}
          download={{ path: 'network', params: {} }}
          columns={[
            { label: 'Pair', render: (p) => <a href={`/dyads/${p.pair}?by=month`}>{p.pair.replace('-', ' – ')}</a> },
            { label: 'Events', num: true, render: (p) => p.events },
            { label: 'Goldstein sum', num: true, render: (p) => p.goldstein.toFixed(1) },
          ]}
        />
      )}
    </section>
  );
}

/** /dyads/open?pair=A-B (the index's form) goes to that dyad's page. */
export function OpenDyad({ url }: { url: URL }) {
  const pair = url.searchParams.get('pair') ?? '';
  useEffect(() => navigate(validPair(pair) ? `/dyads/${validPair(pair)}?by=month` : '/dyads', true), [pair]);
  return <p role="status">Opening {pair}…</p>;
}
