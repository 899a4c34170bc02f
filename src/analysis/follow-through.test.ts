import { describe, expect, it } from 'vitest';
import { eventDomains, followThrough, isCommitment, isDeed } from './follow-through.js';
import { historyRows } from '../../test/analysis-history.js';

const { events, domains } = historyRows();

const table = (r: ReturnType<typeof followThrough>) => r.domains.map((d) => [d.domain, d.commitments, d.fulfilled, d.unfulfilled, d.open, d.rate, d.lag]);

describe('follow-through', () => {
  it('links commitments to later deeds in the same domain within 180 days', () => {
    const r = followThrough(events, domains, { a: 'PRK', b: 'CHN' });
    expect(r.asOf).toBe('2023-10-03');
    expect(table(r)).toEqual([
      ['cultural', 1, 1, 0, 0, 1, { min: 90, median: 90, max: 90 }],
      ['economic', 1, 1, 0, 0, 1, { min: 45, median: 45, max: 45 }],
      // the drill of 1 Sep 2023 comes 234 days after the promise: beyond the horizon
      ['security', 1, 0, 1, 0, 0, null],
    ]);
    expect(r.links.map((l) => [l.commitment.date, l.commitment.cameo, l.deed?.date ?? null, l.deed?.cameo ?? null, l.lag, l.state])).toEqual([
      ['2022-03-01', '031', '2022-04-15', '061', 45, 'fulfilled'],
      ['2022-06-01', '036', '2022-08-30', '042', 90, 'fulfilled'],
      ['2023-01-10', '032', null, null, null, 'unfulfilled'],
    ]);
    expect(r.unfulfilled.map((l) => l.commitment.evidence)).toEqual(['North Korea promised China closer defence ties.']);
  });

  it('a commitment whose horizon reaches past the last observed day is open', () => {
    const r = followThrough(events, domains, { a: 'PRK', b: 'CHN', asOf: '2023-03-01' });
    expect(r.links.map((l) => [l.commitment.date, l.state])).toEqual([['2022-03-01', 'fulfilled'], ['2022-06-01', 'fulfilled'], ['2023-01-10', 'open']]);
    expect(r.domains[2]).toEqual({ domain: 'security', commitments: 1, fulfilled: 0, unfulfilled: 0, open: 1, rate: null, lag: null });
  });

  it('a longer horizon fulfils the security promise after 234 days', () => {
    const r = followThrough(events, domains, { a: 'CHN', b: 'PRK', horizon: 240 });
    expect(table(r)[2]).toEqual(['security', 1, 1, 0, 0, 1, { min: 234, median: 234, max: 234 }]);
  });

  it('from/to bound the commitments, not the deeds', () => {
    const r = followThrough(events, domains, { a: 'PRK', b: 'CHN', from: '2022-05-01', to: '2022-12-31' });
    expect(r.links.map((l) => [l.domain, l.lag])).toEqual([['cultural', 90]]);
  });

  it('classifies commitments and deeds, and reads domains from contexts', () => {
    const byCameo = new Map(events.map((e) => [e.event.cameo + e.event.modality, e.event]));
    expect(isCommitment(byCameo.get('031asserted')!)).toBe(true);
    expect(isCommitment(byCameo.get('031negated')!)).toBe(false);
    expect(isDeed(byCameo.get('042asserted')!)).toBe(true);
    expect(isCommitment(byCameo.get('042asserted')!)).toBe(false);
    expect(isDeed(byCameo.get('112asserted')!)).toBe(false);
    // praise given is not a commitment; praise promised is
    const praise = byCameo.get('051asserted')!;
    expect(isCommitment(praise)).toBe(false);
    expect(isCommitment({ ...praise, modality: 'future' })).toBe(true);
    expect(isCommitment(byCameo.get('112asserted')!)).toBe(false);
    expect(eventDomains(byCameo.get('062asserted')!, [])).toEqual(['security']);
    expect(eventDomains(byCameo.get('071asserted')!, ['humanitarian'])).toEqual(['economic', 'humanitarian']);
    expect(eventDomains(byCameo.get('112asserted')!, [])).toEqual(['general']);
  });
});
