/**
 * Coder throughput on the English KCNA stories, one process, one core: sentences/s, docs/s, peak RSS,
 * and the ratio of coding time to tokenising alone (normalisation + wink-nlp sentence boundaries + POS, the
 * same pipe the text stage uses; normalising first lets wink see KCNA's paragraph breaks as sentence ends).
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

// Warm up both paths so the JIT has seen them.
for (const s of docs.slice(0, 300)) {
  nlp.readDoc(s.text);
  coder.code({ id: s.id, text: s.text, date: s.date, source: s.source });
}

/** Wall seconds and CPU seconds (user + system) since `since`; CPU time is what the machine's load cannot inflate. */
const clock = () => ({ wall: performance.now(), cpu: process.cpuUsage() });
const elapsed = (since: ReturnType<typeof clock>) => {
  const c = process.cpuUsage(since.cpu);
  return { wall: (performance.now() - since.wall) / 1000, cpu: (c.user + c.system) / 1e6 };
};

let sentences = 0;
let t = clock();
for (const s of docs) {
  const d = nlp.readDoc(normalise(s.text));
  d.tokens().out(nlp.its.pos);
  sentences += d.sentences().length();
}
const tokenise = elapsed(t);

let events = 0;
let signals = 0;
let coded = 0;
t = clock();
for (const s of docs) {
  const c = coder.code({ id: s.id, text: s.text, date: s.date, source: s.source });
  events += c.events.length;
  signals += c.signals.length;
  coded++;
}
const code = elapsed(t);

const r = (x: number) => Math.round(x);
const line = (label: string, e: { wall: number; cpu: number }) =>
  `  ${label.padEnd(44)} wall ${e.wall.toFixed(2)} s, CPU ${e.cpu.toFixed(2)} s: ${r(sentences / e.cpu)} sentences/s, ${r(coded / e.cpu)} docs/s (CPU)`;
console.log(`coder: ${coded} English KCNA stories, ${sentences} sentences; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
console.log(line('tokenising alone (normalise + wink sbd+pos)', tokenise));
console.log(line('coding (all stages)', code));
console.log(`  ratio coding / tokenising: ${(code.cpu / tokenise.cpu).toFixed(2)} (CPU), ${(code.wall / tokenise.wall).toFixed(2)} (wall)`);
console.log(`  events: ${events}   signals: ${signals}   peak RSS: ${peakRssMb()} MB`);

perStage = true;
const taggedBefore = taggedSentences();
for (const s of docs) coder.code({ id: s.id, text: s.text, date: s.date, source: s.source });
const taggedNow = taggedSentences() - taggedBefore;
console.log(`  sentences POS-tagged: ${taggedNow} of ${sentences} (${Math.round((100 * taggedNow) / sentences)}%, against wink's sentence count)`);
const total = [...stageMs.values()].reduce((a, b) => a + b, 0);
const share = (st: Stage) => `${st} ${((stageMs.get(st) ?? 0) / 1000).toFixed(2)} s (${Math.round((100 * (stageMs.get(st) ?? 0)) / total)}%)`;
console.log(`  per stage, a second pass (CPU): ${STAGES.map(share).join(', ')}`);
