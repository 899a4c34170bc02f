/**
 * Coder throughput on the English KCNA stories, one process, one core: sentences/s, docs/s, peak RSS,
 * and the ratio of coding time to tokenising alone (normalisation + wink-nlp sentence boundaries + POS, the
 * same pipe the text stage uses; normalising first lets wink see KCNA's paragraph breaks as sentence ends).
 *
 * The stories are taken in two halves (alternate stories, so both span the two years), each tokenised and then
 * coded. The first half runs in a fresh process: V8 is still compiling the coder's code (on background threads,
 * which is why its CPU time exceeds its wall time) and every word is new to the coder's caches. The second half is
 * text the coder has not seen, coded by a warm process: the steady state of a long ingest. The whole-corpus figures
 * add both halves; the ratio is given for the whole corpus and for the warm half.
 *
 * A last pass over the same stories says what each stage costs (CPU, through the coder's onStage hook); it
 * runs after the measured ones, so its clock reads do not count in them.
 */
import os from 'node:os';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { normalise } from '../src/text/normalise.js';
import { createCoder, STAGES, type Stage } from '../src/pipeline/coder.js';
import { taggedSentences } from '../src/text/analyse.js';
import { kcnaStories, peakRssMb } from './corpus.js';

const stories = kcnaStories();
const limit = Number(process.env.BENCH_LIMIT ?? stories.length);
const docs = stories.slice(0, limit);
const nlp = winkNLP(model, ['sbd', 'pos']);
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
/** CPU ms per stage, gathered only while `perStage` is on. */
const stageMs = new Map<Stage, number>();
let perStage = false;
let current: Stage | null = null;
let since = 0;
const coder = createCoder({
  onStage: (stage) => {
    if (!perStage) return;
    const now = cpuMs();
    if (current) stageMs.set(current, (stageMs.get(current) ?? 0) + now - since);
    current = stage;
    since = now;
  },
});

/** Alternate stories: the first half is coded by a fresh process, the second by a warm one. */
const halves = [docs.filter((_, i) => i % 2 === 0), docs.filter((_, i) => i % 2 === 1)];
// A short warm-up of both paths on stories of the first half, so that neither measures loading its code.
for (const s of halves[0].slice(0, 150)) {
  nlp.readDoc(s.text);
  coder.code({ id: s.id, text: s.text, date: s.date, source: s.source });
}

/** Wall seconds and CPU seconds (user + system) since `since`; CPU time is what the machine's load cannot inflate. */
const clock = () => ({ wall: performance.now(), cpu: process.cpuUsage() });
const elapsed = (since: ReturnType<typeof clock>) => {
  const c = process.cpuUsage(since.cpu);
  return { wall: (performance.now() - since.wall) / 1000, cpu: (c.user + c.system) / 1e6 };
};
type Elapsed = ReturnType<typeof elapsed>;
const add = (a: Elapsed, b: Elapsed): Elapsed => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });

let sentences = 0;
let events = 0;
let signals = 0;
/** Tokenise, then code, one half of the stories. */
function run(half: typeof docs): { tokenise: Elapsed; code: Elapsed; sentences: number } {
  let n = 0;
  let t = clock();
  for (const s of half) {
    const d = nlp.readDoc(normalise(s.text));
    d.tokens().out(nlp.its.pos);
    n += d.sentences().length();
  }
  const tokenise = elapsed(t);
  t = clock();
  for (const s of half) {
    const c = coder.code({ id: s.id, text: s.text, date: s.date, source: s.source });
    events += c.events.length;
    signals += c.signals.length;
  }
  sentences += n;
  return { tokenise, code: elapsed(t), sentences: n };
}
const cold = run(halves[0]);
const warm = run(halves[1]);
const tokenise = add(cold.tokenise, warm.tokenise);
const code = add(cold.code, warm.code);
const coded = docs.length;

const r = (x: number) => Math.round(x);
const line = (label: string, e: Elapsed) =>
  `  ${label.padEnd(44)} wall ${e.wall.toFixed(2)} s, CPU ${e.cpu.toFixed(2)} s: ${r(sentences / e.cpu)} sentences/s, ${r(coded / e.cpu)} docs/s (CPU)`;
const ratio = (label: string, h: { tokenise: Elapsed; code: Elapsed }) =>
  `  ratio coding / tokenising, ${label.padEnd(34)} ${(h.code.cpu / h.tokenise.cpu).toFixed(2)} (CPU), ${(h.code.wall / h.tokenise.wall).toFixed(2)} (wall)`;
console.log(`coder: ${coded} English KCNA stories, ${sentences} sentences; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
console.log(line('tokenising alone (normalise + wink sbd+pos)', tokenise));
console.log(line('coding (all stages)', code));
console.log(ratio('all stories (cold start):', { tokenise, code }));
console.log(ratio('first half (cold process):', cold));
console.log(ratio('second half (warm process, unseen text):', warm));
console.log(`  events: ${events}   signals: ${signals}   peak RSS: ${peakRssMb()} MB`);

perStage = true;
const taggedBefore = taggedSentences();
for (const s of docs) coder.code({ id: s.id, text: s.text, date: s.date, source: s.source });
const taggedNow = taggedSentences() - taggedBefore;
console.log(`  sentences POS-tagged: ${taggedNow} of ${sentences} (${Math.round((100 * taggedNow) / sentences)}%, against wink's sentence count)`);
const total = [...stageMs.values()].reduce((a, b) => a + b, 0);
const share = (st: Stage) => `${st} ${((stageMs.get(st) ?? 0) / 1000).toFixed(2)} s (${Math.round((100 * (stageMs.get(st) ?? 0)) / total)}%)`;
console.log(`  per stage, a second pass (CPU): ${STAGES.map(share).join(', ')}`);
