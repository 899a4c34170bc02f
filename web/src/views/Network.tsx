/**
 * The actor network: the most active actors on a circle, directed edges as arcs whose width is the number
 * of events and whose colour is the dominant quad class; an edge opens its dyad, a node its events. The
 * edges are also a table (with the download).
 */
import { useApi } from '../api';
import { paramsOf, qs } from '../router';
import { Status } from '../components/Status';
import { FilterForm, Field } from '../components/Form';
import { Table } from '../components/Table';
import { QUAD_COLORS, QUAD_LABELS } from '../format';
import type { Network as Net, NetworkEdge } from '../../../src/analysis/network';

const MAX_NODES = 24;

const dominant = (e: NetworkEdge) => ([1, 2, 3, 4] as const).reduce((best, q) => (e.quadClass[q] > e.quadClass[best] ? q : best), 1 as 1 | 2 | 3 | 4);

function Graph({ net }: { net: Net }) {
  const nodes = net.nodes.slice(0, MAX_NODES);
  const size = 520;
  const c = size / 2;
  const radius = c - 60;
  const pos = new Map(nodes.map((n, i) => [n.id, { x: c + radius * Math.cos((2 * Math.PI * i) / nodes.length - Math.PI / 2), y: c + radius * Math.sin((2 * Math.PI * i) / nodes.length - Math.PI / 2) }]));
  const edges = net.edges.filter((e) => pos.has(e.source) && pos.has(e.target));
  const maxE = Math.max(1, ...edges.map((e) => e.events));
  const maxN = Math.max(1, ...nodes.map((n) => n.events));
  const events = new Map(nodes.map((n) => [n.id, n.events]));
  const radiusOf = (id: string) => 13 + (10 * (events.get(id) ?? 0)) / maxN;
  return (
    <svg class="network" viewBox={`0 0 ${size} ${size}`} role="group" aria-label={`Actor network: ${nodes.length} actors, ${edges.length} directed edges`}>
      <defs>
        {[1, 2, 3, 4].map((q) => (
          <marker id={`arrow${q}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={QUAD_COLORS[q]} />
          </marker>
        ))}
      </defs>
      {edges.map((e) => {
        const s = pos.get(e.source)!;
        const t = pos.get(e.target)!;
        // Bend each direction to its own side so A→B and B→A do not overlap.
        const mx = (s.x + t.x) / 2 + (t.y - s.y) * 0.12;
        const my = (s.y + t.y) / 2 - (t.x - s.x) * 0.12;
        // Start and end on the circles' rims (the arrow head stays visible).
        const rim = (p: { x: number; y: number }, r: number) => {
          const d = Math.hypot(mx - p.x, my - p.y) || 1;
          return { x: p.x + ((mx - p.x) * r) / d, y: p.y + ((my - p.y) * r) / d };
        };
        const a = rim(s, radiusOf(e.source));
        const b = rim(t, radiusOf(e.target) + 3);
        const q = dominant(e);
        return (
          <a href={`/dyads/${e.source}-${e.target}?by=month`} aria-label={`${e.source} to ${e.target}: ${e.events} events, mostly ${QUAD_LABELS[q]}, Goldstein sum ${e.goldsteinSum}`}>
            <path d={`M ${a.x} ${a.y} Q ${mx} ${my} ${b.x} ${b.y}`} class="edge" stroke={QUAD_COLORS[q]} stroke-width={1 + (5 * e.events) / maxE} marker-end={`url(#arrow${q})`}>
              <title>
                {e.source} → {e.target}: {e.events} events, Goldstein sum {e.goldsteinSum}
              </title>
            </path>
          </a>
        );
      })}
      {nodes.map((n) => {
        const p = pos.get(n.id)!;
        return (
          <a href={`/events${qs({ country: n.id.length === 3 ? n.id : undefined, actor: n.id.length === 3 ? undefined : n.id })}`} aria-label={`${n.id}: ${n.events} events`}>
            <circle cx={p.x} cy={p.y} r={radiusOf(n.id)} class="node" />
            <text x={p.x} y={p.y + 4} text-anchor="middle" class="node-label">
              {n.id}
            </text>
          </a>
        );
      })}
    </svg>
  );
}

export function Network({ url }: { url: URL }) {
  const params = paramsOf(url);
  const state = useApi<Net>('network', params);
  const net = state.data;
  return (
    <section>
      <h1>Actor network</h1>
      <FilterForm label="Network dates">
        <Field name="from" label="From" type="date" value={params.from} />
        <Field name="to" label="To" type="date" value={params.to} />
        <Field name="min_events" label="Least events an edge" type="number" value={params.min_events} placeholder="1" />
      </FilterForm>
      <Status state={state} />
      {net && (
        <>
          {net.nodes.length > 0 ? <Graph net={net} /> : <p class="empty">No events between known actors in this range.</p>}
          <p class="legend">
            {[1, 2, 3, 4].map((q) => (
              <>
                <span class="swatch" style={{ background: QUAD_COLORS[q] }} /> {QUAD_LABELS[q]}{' '}
              </>
            ))}
            · the {MAX_NODES} most active actors · <a href={`/api/network${qs({ ...params, format: 'graphml' })}`} download="network.graphml">GraphML</a>
          </p>
          <Table
            caption="Edges"
            rows={net.edges.slice(0, 200)}
            download={{ path: 'network', params }}
            columns={[
              { label: 'Source → target', render: (e) => <a href={`/dyads/${e.source}-${e.target}?by=month`}>{e.source} → {e.target}</a> },
              { label: 'Events', num: true, render: (e) => e.events },
              ...[1, 2, 3, 4].map((q) => ({ label: QUAD_LABELS[q], num: true, render: (e: NetworkEdge) => e.quadClass[q as 1] })),
              { label: 'Goldstein sum', num: true, render: (e) => e.goldsteinSum.toFixed(1) },
            ]}
          />
        </>
      )}
    </section>
  );
}
