import type { StageContext } from '../pipeline/stages.js';
import type { MarkerHit } from '../types.js';
import { sentenceUnits } from './lemma-units.js';
import type { FramingDicts } from './load.js';

export interface Framing {
  markers: MarkerHit[];
  domains: string[];
  tone: number;
}

/**
 * The framing stage: which themes the text invokes (markers with the character spans of every
 * phrase found), which fields of relations it mentions (domains, most mentioned first), and its
 * tone: positive minus negative lexicon words per 100 words, GDELT's convention.
 */
export function frame(ctx: StageContext, dicts: FramingDicts): Framing {
  const markers = new Map<string, [number, number][]>();
  const domains = new Map<string, number>();
  let words = 0;
  let balance = 0;
  for (const s of ctx.analysed.sentences) {
    for (const t of s.tokens) if (t.pos !== 'PUNCT' && t.pos !== 'SYM') words++;
    const us = sentenceUnits(s);
    for (const m of dicts.markers.matchAll(us)) {
      for (const e of m.value) {
        let spans = markers.get(e.label);
        if (!spans) markers.set(e.label, (spans = []));
        spans.push([m.start, m.end]);
      }
    }
    for (const m of dicts.domains.matchAll(us)) {
      for (const e of m.value) domains.set(e.label, (domains.get(e.label) ?? 0) + 1);
    }
    for (const m of dicts.tone.matchAll(us)) for (const e of m.value) balance += e.label === '+' ? 1 : -1;
  }
  return {
    markers: [...markers].map(([marker, spans]) => ({ marker, count: spans.length, spans })),
    domains: [...domains].sort((a, b) => b[1] - a[1]).map(([d]) => d),
    tone: words === 0 ? 0 : Math.round((balance / words) * 10000) / 100,
  };
}
