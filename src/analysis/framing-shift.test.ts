import { describe, expect, it } from 'vitest';
import { framingShift, phrases, signalDocuments, type FramingDoc } from './framing-shift.js';
import { historyRows } from '../../test/analysis-history.js';

const { signals, markers, texts } = historyRows();

function docsOf(ids: number[]): FramingDoc[] {
  return ids.map((id) => ({
    id,
    date: signals.find((s) => s.doc.id === id)!.doc.date,
    text: texts.get(id)!,
    markers: markers.filter((m) => m.doc.id === id).map((m) => m.marker),
  }));
}

describe('framing shifts', () => {
  it('selects the documents of the signals between A and B, optionally by occasion', () => {
    expect(signalDocuments(signals, { a: 'PRK', b: 'CHN' })).toHaveLength(8);
    expect(signalDocuments(signals, { a: 'CHN', b: 'PRK', occasion: 'new_year' })).toHaveLength(4);
    expect(signalDocuments(signals, { a: 'PRK', b: 'CHN', occasion: 'national day' })).toHaveLength(4);
  });

  it('profiles markers per year and reports gained, lost and changed markers', () => {
    const opts = { a: 'PRK', b: 'CHN' };
    const r = framingShift(docsOf(signalDocuments(signals, opts)), opts);
    expect(r.years).toEqual([
      { year: '2020', documents: 3, markers: [{ marker: 'friendship', documents: 3, count: 4, perDocument: 1.333 }, { marker: 'peace', documents: 1, count: 1, perDocument: 0.333 }] },
      { year: '2021', documents: 1, markers: [{ marker: 'friendship', documents: 1, count: 2, perDocument: 2 }, { marker: 'peace', documents: 1, count: 2, perDocument: 2 }] },
      { year: '2022', documents: 2, markers: [{ marker: 'friendship', documents: 2, count: 4, perDocument: 2 }, { marker: 'peace', documents: 1, count: 1, perDocument: 0.5 }] },
      { year: '2023', documents: 2, markers: [{ marker: 'sovereignty', documents: 2, count: 4, perDocument: 2 }, { marker: 'friendship', documents: 2, count: 3, perDocument: 1.5 }] },
    ]);
    expect(r.shifts.map((s) => [s.from, s.to, s.gained.map((m) => m.marker), s.lost.map((m) => m.marker), s.changed])).toEqual([
      ['2020', '2021', [], [], [
        { marker: 'peace', before: 0.333, after: 2, delta: 1.667 },
        { marker: 'friendship', before: 1.333, after: 2, delta: 0.667 },
      ]],
      ['2021', '2022', [], [], [{ marker: 'peace', before: 2, after: 0.5, delta: -1.5 }]],
      ['2022', '2023', ['sovereignty'], ['peace'], [{ marker: 'friendship', before: 2, after: 1.5, delta: -0.5 }]],
    ]);
    expect(r.shifts[2].gained[0]).toEqual({ marker: 'sovereignty', documents: 2, count: 4, perDocument: 2 });
    expect(r.shifts[2].lost[0]).toEqual({ marker: 'peace', documents: 1, count: 1, perDocument: 0.5 });
  });

  it('lists the phrases new in 2023, longest form only', () => {
    const opts = { a: 'PRK', b: 'CHN' };
    const r = framingShift(docsOf(signalDocuments(signals, opts)), opts);
    expect(r.shifts[2].newPhrases).toEqual([
      { phrase: 'kim jong un', documents: 2, count: 2 },
      { phrase: 'respect for sovereignty', documents: 2, count: 2 },
      { phrase: 'new era', documents: 2, count: 2 },
      // wink reads "close" as an adverb here, so the phrase starts at "strategic"
      { phrase: 'strategic communication', documents: 2, count: 2 },
    ]);
  });

  it('phrases are noun groups without digits', () => {
    // "63rd" holds a digit, "the" is a determiner: neither may be part of a phrase
    expect([...phrases('The 63rd founding anniversary of the DPRK was marked in Pyongyang.')]).toEqual([['founding anniversary', 1]]);
    // a run of proper nouns is never cut
    expect([...phrases('Visitors laid flowers before the statue of Kim Jong Il on Mansu Hill.').keys()].sort()).toEqual(['kim jong il', 'mansu hill']);
    // a title running into a name is not cut before the name: no "russian president"
    expect([...phrases('The Russian President Vladimir Putin met the delegation.').keys()].sort()).toEqual([
      'president vladimir putin', 'russian president vladimir putin', 'vladimir putin',
    ]);
    expect([...phrases('They called for respect for sovereignty, and respect for sovereignty again.')]).toEqual([['respect for sovereignty', 2]]);
  });
});
