import type { CodedDocument } from '../types.js';
import { PentaclassLine } from './gold.js';
import type { EvalError, EvalReport } from './report.js';
import { byId, confusion, describeEvents, prf, scoredEvents, worst } from './scoring.js';

const LABELS = ['0', '1', '2', '3', '4'];

/**
 * cameo-pentaclass: accuracy of the pentaclass of the first coded event (no event = class 0) and the macro-F1
 * over the five classes. `classOf` maps a CAMEO code to its pentaclass (data/ontology/pentaclass.txt).
 */
export function scorePentaclass(goldLines: unknown[], coded: CodedDocument[], file: string, classOf: (cameo: string) => number | null): EvalReport {
  const docs = byId(coded);
  const pairs: [string, string][] = [];
  const errors: (EvalError & { severity: number })[] = [];
  let ok = 0;
  for (const raw of goldLines) {
    const g = PentaclassLine.parse(raw);
    const events = scoredEvents(docs.get(g.id));
    const pred = events.length ? (classOf(events[0].cameo) ?? 0) : 0;
    pairs.push([String(g.class), String(pred)]);
    if (pred === g.class) ok++;
    else errors.push({ id: g.id, sentence: g.text, expected: `class ${g.class}`, got: `class ${pred}: ${describeEvents(events)}`, rule: events[0]?.rule ?? null, severity: Math.abs(pred - g.class) });
  }
  const conf = confusion(pairs, LABELS);
  const f1s = LABELS.map((l) => {
    const tp = pairs.filter(([g, p]) => g === l && p === l).length;
    const fp = pairs.filter(([g, p]) => g !== l && p === l).length;
    const fn = pairs.filter(([g, p]) => g === l && p !== l).length;
    return prf(tp, fp, fn).f1;
  });
  const n = goldLines.length;
  return { set: 'cameo-pentaclass', file, n, figures: { accuracy: n ? ok / n : 0, macro_f1: f1s.reduce((a, b) => a + b, 0) / LABELS.length }, confusion: conf, worst: worst(errors) };
}
