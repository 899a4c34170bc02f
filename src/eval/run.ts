import type { CodedDocument } from '../types.js';
import { pentaclass } from '../events/ontology.js';
import { loadEvents } from '../events/load.js';
import { createCoder } from '../pipeline/coder.js';
import { scorePentaclass } from './cameo-pentaclass.js';
import { readGold, type EvalSet } from './gold.js';
import { scorePetr2Gsr } from './petr2-gsr.js';
import { scorePloverGsr } from './plover-gsr.js';
import type { EvalReport } from './report.js';

type Scorer = (goldLines: unknown[], coded: CodedDocument[], file: string) => EvalReport;

/** The kcna-signals scorer lives in its own module (another stage's owner writes it); null until it exists. */
async function kcnaScorer(): Promise<Scorer | null> {
  const path = './kcna-signals.js';
  try {
    const mod = (await import(path)) as { scoreKcnaSignals?: Scorer };
    return mod.scoreKcnaSignals ?? null;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes('kcna-signals')) return null;
    throw e;
  }
}

/** Code every gold document through the pipeline and score the set. */
export async function runEval(set: EvalSet, file: string, opts: { dictDirs?: string[] } = {}): Promise<EvalReport> {
  const gold = readGold(set, file);
  let scorer: Scorer;
  const coder = createCoder({ dictDirs: opts.dictDirs });
  if (set === 'kcna-signals') {
    const s = await kcnaScorer();
    if (!s) throw new Error('the kcna-signals set is not available yet (src/eval/kcna-signals.ts is not written)');
    scorer = s;
  } else if (set === 'plover-gsr') scorer = scorePloverGsr;
  else if (set === 'petr2-gsr') scorer = scorePetr2Gsr;
  else {
    const ont = loadEvents(coder.sources).ontology;
    scorer = (lines, coded, f) => scorePentaclass(lines, coded, f, (c) => pentaclass(ont, c));
  }
  // A document the pipeline cannot code counts as coded with nothing; the share is reported as a figure.
  let failed = 0;
  const coded = gold.docs.map((d): CodedDocument => {
    try {
      return coder.code(d);
    } catch {
      failed++;
      return { id: d.id, date: d.date ?? null, source: null, language: 'en', events: [], signals: [], markers: [], domains: [], tone: 0 };
    }
  });
  const report = scorer(gold.lines, coded, file);
  if (failed) report.figures.uncoded_share = failed / gold.docs.length;
  return report;
}

/** The printout: figures, the confusion matrix, the worst errors. */
export function formatReport(r: EvalReport): string {
  const out: string[] = [`${r.set}  ${r.file}  (${r.n} items)`, ''];
  for (const [k, v] of Object.entries(r.figures)) out.push(`  ${k.padEnd(24)} ${v.toFixed(3)}`);
  if (r.confusion && r.confusion.labels.length) {
    const w = Math.max(5, ...r.confusion.labels.map((l) => l.length)) + 1;
    out.push('', 'confusion (rows gold, columns coded):', ' '.repeat(w) + r.confusion.labels.map((l) => l.slice(0, 5).padStart(6)).join(''));
    r.confusion.matrix.forEach((row, i) => out.push(r.confusion!.labels[i].padEnd(w) + row.map((c) => String(c || '.').padStart(6)).join('')));
  }
  if (r.worst.length) {
    out.push('', `worst errors (${r.worst.length}):`);
    for (const e of r.worst) {
      out.push(`- [${e.id}] ${e.sentence.trim()}`, `    expected: ${e.expected}`, `    got:      ${e.got}`, `    rule:     ${e.rule ?? '(none fired)'}`);
    }
  }
  return out.join('\n') + '\n';
}
