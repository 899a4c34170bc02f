import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalSet } from './gold.js';
import { runEval } from './run.js';

/**
 * Regression guard for the dev figures reported to the README ("Accuracy"): each test fails when a figure drops
 * more than 0.02 below what was reported. They read ../shared/eval; without it they skip, except under CI.
 */
const EVAL_DIR = resolve(import.meta.dirname, '../../../shared/eval');
const shared = existsSync(EVAL_DIR);
const run = it.skipIf(!shared && process.env.CI !== 'true');
const TOLERANCE = 0.02;

const REPORTED: { set: EvalSet; file: string; figures: Record<string, number> }[] = [
  { set: 'plover-gsr', file: 'plover-gsr-dev.jsonl', figures: { type_accuracy: 0.728, dyad_accuracy: 0.366 } },
  { set: 'petr2-gsr', file: 'petr2-gsr-dev.jsonl', figures: { f1: 0.694, precision: 0.758 } },
  { set: 'cameo-pentaclass', file: 'cameo-pentaclass-dev.tsv', figures: { accuracy: 0.738, macro_f1: 0.745 } },
];

describe.sequential(`dev figures (${shared ? EVAL_DIR : '../shared/eval absent: skipped'})`, () => {
  for (const r of REPORTED) {
    run(`${r.set} stays within ${TOLERANCE} of the reported figures`, async () => {
      const report = await runEval(r.set, resolve(EVAL_DIR, r.file));
      for (const [k, v] of Object.entries(r.figures)) expect(report.figures[k], `${r.set} ${k}`).toBeGreaterThanOrEqual(v - TOLERANCE);
    }, 120_000);
  }
});
