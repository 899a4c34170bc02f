import type { CodedDocument } from '../types.js';
import { Petr2Line } from './gold.js';
import type { EvalError, EvalReport } from './report.js';
import { byId, code3, confusion, describeEvents, prf, scoredEvents, worst } from './scoring.js';

const ROOTS = [...Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')), 'none'];

/**
 * petr2-gsr: micro precision, recall and F1 over (source code's first three letters, target code's first three
 * letters, CAMEO root) multisets per sentence; every event coded on a no-event sentence is a false positive.
 * Confusion: CAMEO root of the first gold event against the first coded event.
 */
export function scorePetr2Gsr(goldLines: unknown[], coded: CodedDocument[], file: string): EvalReport {
  const docs = byId(coded);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const pairs: [string, string][] = [];
  const errors: (EvalError & { severity: number })[] = [];
  for (const raw of goldLines) {
    const g = Petr2Line.parse(raw);
    const events = scoredEvents(docs.get(g.id));
    const gold = g.events.map((e) => `${code3(e.source)}|${code3(e.target)}|${e.cameo.slice(0, 2)}`);
    const got = events.map((e) => `${code3(e.source.code)}|${code3(e.target?.code)}|${e.cameo.slice(0, 2)}`);
    const left = [...gold];
    let hit = 0;
    for (const k of got) {
      const i = left.indexOf(k);
      if (i >= 0) {
        left.splice(i, 1);
        hit++;
      }
    }
    tp += hit;
    fp += got.length - hit;
    fn += left.length;
    pairs.push([g.events[0]?.cameo.slice(0, 2) ?? 'none', events[0]?.cameo.slice(0, 2) ?? 'none']);
    if (hit < gold.length || hit < got.length) {
      errors.push({
        id: g.id,
        sentence: g.text,
        expected: gold.length ? gold.map((k) => k.replace(/\|/g, ' ')).join('; ') : '(no event)',
        got: describeEvents(events),
        rule: events[0]?.rule ?? null,
        severity: got.length - hit + (gold.length - hit),
      });
    }
  }
  return { set: 'petr2-gsr', file, n: goldLines.length, figures: prf(tp, fp, fn), confusion: confusion(pairs, ROOTS), worst: worst(errors) };
}
