import { describe, expect, it } from 'vitest';
import { dyad } from './dyad.js';
import { historyRows } from '../../test/analysis-history.js';

const { events } = historyRows();

describe('dyad', () => {
  it('counts each direction per year, with Goldstein, tone and asymmetry', () => {
    const r = dyad(events, { a: 'PRK', b: 'CHN', by: 'year' });
    expect(r.periods.map((p) => p.period)).toEqual(['2022', '2023']);
    expect(r.periods[0]).toEqual({
      period: '2022',
      ab: { source: 'PRK', target: 'CHN', events: 2, quadClass: { 1: 2, 2: 0, 3: 0, 4: 0 }, plover: { AGREE: 1, CONSULT: 1 }, goldsteinSum: 7.1, goldsteinMean: 3.55, toneMean: 2.5 },
      ba: { source: 'CHN', target: 'PRK', events: 2, quadClass: { 1: 1, 2: 1, 3: 0, 4: 0 }, plover: { AGREE: 1, COOPERATE: 1 }, goldsteinSum: 10.4, goldsteinMean: 5.2, toneMean: 2.5 },
      asymmetry: { events: 0, goldstein: -0.189 },
    });
    // 2023: the negated AGREE of 5 May is not counted
    expect(r.periods[1]).toEqual({
      period: '2023',
      ab: { source: 'PRK', target: 'CHN', events: 2, quadClass: { 1: 2, 2: 0, 3: 0, 4: 0 }, plover: { AGREE: 1, SUPPORT: 1 }, goldsteinSum: 7.9, goldsteinMean: 3.95, toneMean: 1 },
      ba: { source: 'CHN', target: 'PRK', events: 2, quadClass: { 1: 0, 2: 1, 3: 1, 4: 0 }, plover: { ACCUSE: 1, COOPERATE: 1 }, goldsteinSum: 5.4, goldsteinMean: 2.7, toneMean: -2 },
      asymmetry: { events: 0, goldstein: 0.188 },
    });
    expect(r.total.ab.events).toBe(4);
    expect(r.total.ba.goldsteinSum).toBe(15.8);
    expect(r.total.asymmetry).toEqual({ events: 0, goldstein: -0.026 });
  });

  it('lists the strongest events first with evidence and rule', () => {
    const r = dyad(events, { a: 'PRK', b: 'CHN', top: 3 });
    expect(r.top.map((e) => [e.date, e.source, e.target, e.cameo, e.goldstein])).toEqual([
      ['2023-09-01', 'CHN', 'PRK', '062', 7.4],
      ['2022-04-15', 'CHN', 'PRK', '061', 6.4],
      ['2022-03-01', 'PRK', 'CHN', '031', 5.2],
    ]);
    expect(r.top[0].evidence).toBe('Chinese and North Korean navies held a joint drill.');
    expect(r.top[0].rule).toBe('synthetic trigger 062');
    expect(r.top[0].doc.url).toBe('https://example.org/ev-2023-09-01');
  });

  it('groups by quarter and month, and honours from/to', () => {
    const q = dyad(events, { a: 'CHN', b: 'PRK', by: 'quarter', from: '2022-04-01', to: '2022-12-31' });
    expect(q.periods.map((p) => [p.period, p.ab.events, p.ba.events])).toEqual([
      ['2022-Q2', 2, 0],
      ['2022-Q3', 0, 1],
    ]);
    expect(q.periods[0].asymmetry.events).toBe(1);
    const m = dyad(events, { a: 'PRK', b: 'CHN', by: 'month', from: '2023-01-01', to: '2023-02-28' });
    expect(m.periods.map((p) => p.period)).toEqual(['2023-01', '2023-02']);
  });

  it('counts negated events only when asked', () => {
    const r = dyad(events, { a: 'PRK', b: 'CHN', modalities: ['negated'] });
    expect(r.total.ab.events).toBe(1);
    expect(r.top[0].evidence).toBe('North Korea did not agree to new trade terms with China.');
  });
});
