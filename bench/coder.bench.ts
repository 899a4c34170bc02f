/**
 * Coder throughput on the English KCNA stories, one process, one core: sentences/s, docs/s, peak RSS,
 * and the ratio of coding time to tokenising alone (normalisation + wink-nlp sentence boundaries + POS, the
 * same pipe the text stage uses; normalising first lets wink see KCNA's paragraph breaks as sentence ends).
 */
import { wink } from '../src/text/analyse.js';
import { normalise } from '../src/text/normalise.js';
import { createCoder } from '../src/pipeline/coder.js';
import { kcnaStories, peakRssMb } from './corpus.js';

const stories = kcnaStories();
const limit = Number(process.env.BENCH_LIMIT ?? stories.length);
const docs = stories.slice(0, limit);
const nlp = wink();
const coder = createCoder();

// Warm up both paths so the JIT has seen them.
for (const s of docs.slice(0, 300)) {
  nlp.readDoc(s.text);
  coder.code({ id: s.id, text: s.text, date: s.date, source: s.source });
}

let sentences = 0;
let t = performance.now();
for (const s of docs) {
  const d = nlp.readDoc(normalise(s.text));
  d.tokens().out(nlp.its.pos);
  sentences += d.sentences().length();
}
const tokenise = (performance.now() - t) / 1000;

let events = 0;
let signals = 0;
let coded = 0;
t = performance.now();
for (const s of docs) {
  const c = coder.code({ id: s.id, text: s.text, date: s.date, source: s.source });
  events += c.events.length;
  signals += c.signals.length;
  coded++;
}
const code = (performance.now() - t) / 1000;

const r = (x: number) => Math.round(x);
console.log(`coder: ${coded} English KCNA stories, ${sentences} sentences (wink count)`);
console.log(`  tokenising alone (normalise + wink sbd+pos): ${tokenise.toFixed(2)} s, ${r(sentences / tokenise)} sentences/s`);
console.log(`  coding (all stages):             ${code.toFixed(2)} s, ${r(sentences / code)} sentences/s, ${r(coded / code)} docs/s`);
console.log(`  ratio coding / tokenising: ${(code / tokenise).toFixed(2)}   events: ${events}   signals: ${signals}`);
console.log(`  peak RSS: ${peakRssMb()} MB`);
