import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodedDocument, Signal, SignalParty } from '../types.js';
import { scoreKcnaSignals } from './kcna-signals.js';
import { runEval } from './run.js';

const party = (name: string | null, country: string | null): SignalParty => ({ name, role: null, country, org: null });
const signal = (kind: Signal['kind'], s: SignalParty, r: SignalParty, occasion_type: Signal['occasion_type'], date: string): Signal => ({
  kind, channel: 'message', sender: s, recipient: r, on_behalf_of: null, occasion: null, occasion_type, date, span: [0, 10], rule: 'data/signals/triggers.txt:1',
});
const doc = (id: string, signals: Signal[]): CodedDocument => ({ id, date: null, source: null, language: 'en', events: [], signals, markers: [], domains: [], tone: 0 });
const gold = (id: string, signals: object[]) => ({ id, text: 'Kim Yong Nam sent a message.', signals });
const g = (kind: string, sName: string | null, sC: string | null, rC: string | null, occasion_type: string, date: string | null) => ({
  kind, sender: { name: sName, country: sC }, recipient: { name: null, country: rC }, occasion_type, date, evidence: 'Kim Yong Nam sent a message',
});

describe('scoreKcnaSignals', () => {
  it('scores the multiset of (story, kind, sender country, recipient country) and the matched signals\' details', () => {
    const lines = [
      gold('a', [g('greetings', 'Kim Yong Nam', 'PRK', 'VNM', 'national_day', '2011-09-01'), g('greetings', 'Kim Yong Nam', 'PRK', 'VNM', 'national_day', '2011-09-01')]),
      gold('b', [g('wreath', 'Kim Jong-un', 'PRK', 'PRK', 'death', '2012-09-02')]),
      gold('c', []),
    ];
    const coded = [
      // one of two identical gold signals found: the multiset counts both
      doc('a', [signal('greetings', party('Kim Yong Nam', 'PRK'), party('Truong Tan Sang', 'VNM'), 'anniversary', '2011-09-01')]),
      // the right dyad with the wrong kind; the name compares by words ("Kim Jong Un" = "Kim Jong-un")
      doc('b', [signal('condolences', party('Kim Jong Un', 'PRK'), party('O Ik Je', 'PRK'), 'death', '2012-09-02')]),
      doc('c', [signal('gift', party(null, 'CHN'), party('Kim Jong Un', 'PRK'), 'none', '2012-01-01')]),
    ];
    const r = scoreKcnaSignals(lines, coded, 'gold.jsonl');
    // tp 1, fp 2 (condolences in b, gift in c), fn 2 (second greeting in a, wreath in b)
    expect(r.figures.precision).toBeCloseTo(1 / 3);
    expect(r.figures.recall).toBeCloseTo(1 / 3);
    expect(r.figures.f1).toBeCloseTo(1 / 3);
    expect(r.figures.sender_name_accuracy).toBe(1);
    expect(r.figures.occasion_type_accuracy).toBe(0);
    expect(r.figures.date_accuracy).toBe(1);
    expect(r.n).toBe(3);
    const at = (gl: string, p: string) => r.confusion!.matrix[r.confusion!.labels.indexOf(gl)][r.confusion!.labels.indexOf(p)];
    expect(at('greetings', 'greetings')).toBe(1);
    expect(at('greetings', 'none')).toBe(1);
    expect(at('wreath', 'condolences')).toBe(1);
    expect(at('none', 'gift')).toBe(1);
    expect(r.worst[0]).toMatchObject({ id: 'b', expected: expect.stringContaining('wreath PRK→PRK'), got: 'condolences PRK→PRK', rule: 'data/signals/triggers.txt:1' });
    expect(r.worst).toHaveLength(3);
  });

  it('names the line of a gold line that is not a kcna-signals story', () => {
    expect(() => scoreKcnaSignals([gold('a', []), { id: 'b', text: 'x' }], [], 'dev.jsonl')).toThrow(/^dev\.jsonl:2: .*signals/);
  });
});

/** The dev figure reported in README ("Accuracy"); the test fails when it drops by more than 0.02. */
const REPORTED_F1 = 0.947;
const DEV = resolve(import.meta.dirname, '../../../shared/eval/kcna-signals-dev.jsonl');
const shared = existsSync(DEV);

describe(`kcna-signals dev (${shared ? DEV : '../shared absent: skipped'})`, () => {
  it.skipIf(!shared && process.env.CI !== 'true')(`F1 stays within 0.02 of the reported ${REPORTED_F1}`, async () => {
    const r = await runEval('kcna-signals', DEV);
    expect(r.figures.f1).toBeGreaterThanOrEqual(REPORTED_F1 - 0.02);
    expect(r.figures.precision).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
