import type { StageContext } from '../pipeline/stages.js';
import type { MarkerHit } from '../types.js';
import { lemmaUnits } from '../text/lemmas.js';
import { BARRIER } from '../text/units.js';
import type { FramingDicts } from './load.js';

export interface Framing {
  markers: MarkerHit[];
  domains: string[];
  tone: number;
}

/**
 * The framing stage: which themes the text invokes (markers with the character spans of every
 * phrase found), which fields of relations it mentions (domains, most mentioned first), and its
 * tone: positive minus negative lexicon words per 100 words (word units: "Jong-un" is two), GDELT's convention.
 * A marker or tone word inside an actor's name is the name's, not the text's framing ("United" in "the United
 * Nations", "Peace" in "the Korean Committee for Peace").
 */
export function frame(ctx: StageContext, dicts: FramingDicts): Framing {
  const markers = new Map<string, [number, number][]>();
  const domains = new Map<string, number>();
  let words = 0;
  let balance = 0;
  for (const s of ctx.analysed.sentences) {
    const us = lemmaUnits(ctx.analysed.text, s);
    for (const u of us) if (u.u !== BARRIER) words++;
    const names = ctx.mentions[s.index] ?? [];
    const inName = (m: { start: number; end: number }) => names.some((n) => m.start >= n.start && m.end <= n.end);
    for (const m of dicts.markers.matchAll(us)) {
      if (inName(m)) continue;
      for (const e of m.value) {
        let spans = markers.get(e.label);
        if (!spans) markers.set(e.label, (spans = []));
        spans.push([m.start, m.end]);
      }
    }
    for (const m of dicts.domains.matchAll(us)) {
      for (const e of m.value) domains.set(e.label, (domains.get(e.label) ?? 0) + 1);
    }
    for (const m of dicts.tone.matchAll(us)) if (!inName(m)) for (const e of m.value) balance += e.label === '+' ? 1 : -1;
  }
  return {
    markers: [...markers].map(([marker, spans]) => ({ marker, count: spans.length, spans })),
    domains: [...domains].sort((a, b) => b[1] - a[1]).map(([d]) => d),
    tone: words === 0 ? 0 : Math.round((balance / words) * 10000) / 100,
  };
}
