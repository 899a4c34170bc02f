/**
 * The actor network: nodes are actors (countries, or the actor code for international bodies and actors
 * without a country), directed edges source → target weighted by event counts per quad class and the
 * Goldstein sum. Serialised as JSON (the record itself) or GraphML.
 */
import type { ActorRef } from '../types.js';
import type { EventRow, Store } from '../store/store.js';
import type { QuadCounts } from './dyad.js';
import { DEFAULT_MODALITIES } from './dyad.js';
import { effectiveDate } from './dates.js';
import { collect, round } from './stats.js';

export interface NetworkOptions {
  from?: string;
  to?: string;
  /** Edges with fewer events are left out (their nodes stay if other edges hold them). Default 1. */
  minEvents?: number;
}

export interface NetworkNode {
  id: string;
  /** Events the actor took part in, as source or target. */
  events: number;
  /** Of which as source. */
  out: number;
  in: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  events: number;
  quadClass: QuadCounts;
  goldsteinSum: number;
}

export interface Network {
  from: string | null;
  to: string | null;
  /** By events, most first, then id. */
  nodes: NetworkNode[];
  /** By events, most first, then source and target. */
  edges: NetworkEdge[];
}

/** A node id for an actor: its country, else its code ("IGOUNO"), else null (unknown actors are left out). */
export function nodeId(a: ActorRef | null): string | null {
  if (!a) return null;
  if (a.country) return a.country;
  return a.code && !a.code.startsWith('---') ? a.code : null;
}

/** The actor network over event rows (asserted and future events, self-loops left out). */
export function network(rows: Iterable<EventRow>, opts: NetworkOptions = {}): Network {
  const edges = new Map<string, NetworkEdge>();
  for (const row of rows) {
    const e = row.event;
    if (!DEFAULT_MODALITIES.includes(e.modality)) continue;
    const s = nodeId(e.source);
    const t = nodeId(e.target);
    if (!s || !t || s === t) continue;
    const date = effectiveDate(e.date, row.doc.date);
    if ((opts.from || opts.to) && (!date || (opts.from && date < opts.from) || (opts.to && date > opts.to))) continue;
    const k = `${s}\t${t}`;
    let edge = edges.get(k);
    if (!edge) edges.set(k, (edge = { source: s, target: t, events: 0, quadClass: { 1: 0, 2: 0, 3: 0, 4: 0 }, goldsteinSum: 0 }));
    edge.events++;
    edge.quadClass[String(e.quad_class) as keyof QuadCounts]++;
    edge.goldsteinSum += e.goldstein;
  }
  const kept = [...edges.values()].filter((e) => e.events >= (opts.minEvents ?? 1));
  const nodes = new Map<string, NetworkNode>();
  const node = (id: string) => nodes.get(id) ?? nodes.set(id, { id, events: 0, out: 0, in: 0 }).get(id)!;
  for (const e of kept) {
    e.goldsteinSum = round(e.goldsteinSum, 2);
    node(e.source).out += e.events;
    node(e.target).in += e.events;
  }
  for (const n of nodes.values()) n.events = n.out + n.in;
  return {
    from: opts.from ?? null,
    to: opts.to ?? null,
    nodes: [...nodes.values()].sort((x, y) => y.events - x.events || x.id.localeCompare(y.id)),
    edges: kept.sort((x, y) => y.events - x.events || x.source.localeCompare(y.source) || x.target.localeCompare(y.target)),
  };
}

const xml = (s: string | number) => String(s).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** GraphML of a network: node and edge attributes as typed keys, readable by Gephi, yEd, NetworkX. */
export function toGraphml(net: Network): string {
  const keys = [
    ['n_events', 'node', 'events', 'int'], ['n_out', 'node', 'out', 'int'], ['n_in', 'node', 'in', 'int'],
    ['e_events', 'edge', 'events', 'int'], ['e_q1', 'edge', 'verbal_cooperation', 'int'], ['e_q2', 'edge', 'material_cooperation', 'int'],
    ['e_q3', 'edge', 'verbal_conflict', 'int'], ['e_q4', 'edge', 'material_conflict', 'int'], ['e_goldstein', 'edge', 'goldstein_sum', 'double'],
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map(([id, f, name, type]) => `  <key id="${id}" for="${f}" attr.name="${name}" attr.type="${type}"/>`),
    '  <graph id="attache" edgedefault="directed">',
  ];
  const data = (pairs: [string, string | number][]) => pairs.map(([k, v]) => `<data key="${k}">${xml(v)}</data>`).join('');
  for (const n of net.nodes) lines.push(`    <node id="${xml(n.id)}">${data([['n_events', n.events], ['n_out', n.out], ['n_in', n.in]])}</node>`);
  net.edges.forEach((e, i) => {
    const q = e.quadClass;
    lines.push(
      `    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}">${data([
        ['e_events', e.events], ['e_q1', q[1]], ['e_q2', q[2]], ['e_q3', q[3]], ['e_q4', q[4]], ['e_goldstein', e.goldsteinSum],
      ])}</edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** The network from a store: streams the events of the date range. */
export async function networkFromStore(store: Store, opts: NetworkOptions = {}): Promise<Network> {
  return network(await collect(store.events({ from: opts.from, to: opts.to })), opts);
}
