import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { network, nodeId, toGraphml } from './network.js';
import { historyRows } from '../../test/analysis-history.js';

const { events } = historyRows();

describe('network', () => {
  it('weights directed edges by quad class and Goldstein, leaving out negated events', () => {
    const net = network(events);
    expect(net.nodes).toEqual([
      { id: 'PRK', events: 11, out: 5, in: 6 },
      { id: 'CHN', events: 8, out: 4, in: 4 },
      { id: 'USA', events: 2, out: 1, in: 1 },
      { id: 'RUS', events: 1, out: 1, in: 0 },
    ]);
    expect(net.edges).toEqual([
      { source: 'CHN', target: 'PRK', events: 4, quadClass: { 1: 1, 2: 2, 3: 1, 4: 0 }, goldsteinSum: 15.8 },
      { source: 'PRK', target: 'CHN', events: 4, quadClass: { 1: 4, 2: 0, 3: 0, 4: 0 }, goldsteinSum: 15 },
      { source: 'PRK', target: 'USA', events: 1, quadClass: { 1: 0, 2: 0, 3: 1, 4: 0 }, goldsteinSum: -2 },
      { source: 'RUS', target: 'PRK', events: 1, quadClass: { 1: 0, 2: 1, 3: 0, 4: 0 }, goldsteinSum: 7.4 },
      { source: 'USA', target: 'PRK', events: 1, quadClass: { 1: 0, 2: 0, 3: 0, 4: 1 }, goldsteinSum: -8 },
    ]);
  });

  it('honours the date range and a minimum edge weight', () => {
    expect(network(events, { from: '2023-06-01' }).edges.map((e) => `${e.source}>${e.target}:${e.events}`)).toEqual([
      'CHN>PRK:1', 'PRK>CHN:1', 'PRK>USA:1', 'RUS>PRK:1', 'USA>PRK:1',
    ]);
    expect(network(events, { minEvents: 2 }).nodes.map((n) => [n.id, n.events])).toEqual([['CHN', 8], ['PRK', 8]]);
  });

  it('names international bodies by code and leaves unknown actors out', () => {
    expect(nodeId({ text: 'the UN', name: 'United Nations', country: null, sector: 'IGO', code: 'IGOUNO' })).toBe('IGOUNO');
    expect(nodeId({ text: 'rebels', name: null, country: null, sector: 'REB', code: '---REB' })).toBeNull();
  });

  it('writes GraphML that parses, with the edge weights as data', () => {
    const doc = new DOMParser().parseFromString(toGraphml(network(events)), 'text/xml');
    const edges = [...doc.querySelectorAll('edge')];
    expect(edges).toHaveLength(5);
    expect(edges[0].getAttribute('source')).toBe('CHN');
    expect([...edges[0].querySelectorAll('data')].map((d) => [d.getAttribute('key'), d.textContent])).toEqual([
      ['e_events', '4'], ['e_q1', '1'], ['e_q2', '2'], ['e_q3', '1'], ['e_q4', '0'], ['e_goldstein', '15.8'],
    ]);
    expect(doc.querySelectorAll('node')).toHaveLength(4);
  });
});
