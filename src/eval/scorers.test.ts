import { describe, expect, it } from 'vitest';
import type { CodedDocument, CodedEvent, PloverEvent } from '../types.js';
import { scorePentaclass } from './cameo-pentaclass.js';
import { scorePetr2Gsr } from './petr2-gsr.js';
import { scorePloverGsr } from './plover-gsr.js';

function ev(src: string, tgt: string | null, event: PloverEvent, cameo: string, modality: CodedEvent['modality'] = 'asserted'): CodedEvent {
  const actor = (code: string) => ({ text: code, name: code, country: code.slice(0, 3), sector: null, code });
  return {
    sentence: 0, span: [0, 1], source: actor(src), target: tgt ? actor(tgt) : null, plover: { event, mode: null, context: [] },
    cameo, goldstein: 0, quad_class: 1, modality, date: null, attribution: null, rule: `trigger 'x' (test:${cameo})`,
  };
}
function doc(id: string, events: CodedEvent[]): CodedDocument {
  return { id, date: null, source: null, language: 'en', events, signals: [], markers: [], domains: [], tone: 0 };
}
const rootClass = (c: string) => [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4][Number(c.slice(0, 2)) - 1];

describe('plover-gsr scorer', () => {
  const gold = [
    { id: 'a', text: 'A', event: 'DEMAND', source: [{ code: 'USA' }], target: [{ code: 'IRQ' }] },
    { id: 'b', text: 'B', event: 'AGREE', source: [{ code: 'USA' }, { code: 'JOR' }], target: '' },
    { id: 'c', text: 'C', event: 'FIGHT', source: [{ code: 'SYR' }], target: null },
    { id: 'd', text: 'D', event: 'DOCUMENT', source: [{ code: 'FRA' }], target: null },
  ];
  it('maps the older names, skips DOCUMENT, scores type and dyad', () => {
    const coded = [
      doc('a', [ev('USAGOV', 'IRQ', 'REQUEST', '020')]),
      doc('b', [ev('USA', 'JOR', 'AGREE', '030'), ev('JOR', 'USA', 'AGREE', '030')]),
      doc('c', [ev('ISR', 'SYR', 'ASSAULT', '190')]),
      doc('d', []),
    ];
    const r = scorePloverGsr(gold, coded, 'gold.jsonl');
    expect(r.n).toBe(3);
    expect(r.figures).toEqual({ type_accuracy: 1, dyad_accuracy: 2 / 3 });
    expect(r.worst.map((w) => w.id)).toEqual(['c']);
  });
  it('negated events do not count', () => {
    const r = scorePloverGsr(gold.slice(0, 1), [doc('a', [ev('USA', 'IRQ', 'REQUEST', '020', 'negated')])], 'g');
    expect(r.figures.type_accuracy).toBe(0);
    expect(r.confusion?.labels).toEqual(['REQUEST', 'NONE']);
  });
});

describe('petr2-gsr scorer', () => {
  it('micro P/R/F1 over (source, target, root); events on no-event sentences are false positives', () => {
    const gold = [
      { id: 'a', text: 'A', events: [{ source: 'USAGOV', target: 'ISR', cameo: '121' }] },
      { id: 'b', text: 'B', events: [] },
      { id: 'c', text: 'C', events: [{ source: 'RWALEG', target: '---', cameo: '140' }] },
    ];
    const coded = [doc('a', [ev('USA', 'ISRGOV', 'REJECT', '120')]), doc('b', [ev('FRA', 'RWA', 'ACCUSE', '111')]), doc('c', [])];
    const r = scorePetr2Gsr(gold, coded, 'g');
    expect(r.figures).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(r.worst[0].id).toBe('b');
  });
});

describe('cameo-pentaclass scorer', () => {
  it('the first event decides; no event is class 0; macro-F1 over the five classes', () => {
    const gold = [
      { id: 'a', text: 'A', class: 4 },
      { id: 'b', text: 'B', class: 0 },
      { id: 'c', text: 'C', class: 1 },
      { id: 'd', text: 'D', class: 3 },
    ];
    const coded = [doc('a', [ev('X', 'Y', 'ASSAULT', '190'), ev('X', 'Y', 'SUPPORT', '051')]), doc('b', []), doc('c', [ev('X', 'Y', 'ACCUSE', '111')]), doc('d', [ev('X', 'Y', 'ACCUSE', '112')])];
    const r = scorePentaclass(gold, coded, 'g', rootClass);
    expect(r.figures.accuracy).toBe(0.75);
    // F1 per class: 0 → 1, 1 → 0, 2 → 0 (absent), 3 → 2/3, 4 → 1.
    expect(r.figures.macro_f1).toBeCloseTo((1 + 0 + 0 + 2 / 3 + 1) / 5, 10);
    expect(r.confusion?.labels).toEqual(['0', '1', '3', '4']);
    expect(r.worst).toHaveLength(1);
  });
});
