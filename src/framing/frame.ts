import type { StageContext } from '../pipeline/stages.js';
import type { ActorMention, MarkerHit } from '../types.js';
import { lemmaUnits } from '../text/lemmas.js';
import type { FramingDicts } from './load.js';

export interface Framing {
  markers: MarkerHit[];
  domains: string[];
  tone: number;
}

const NO_NAMES: ActorMention[] = [];

/** An ASCII letter or digit, or any character past ASCII (a barrier is always ASCII punctuation). */
const isWordStart = (c: number): boolean => c >= 128 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);

/** Whether [start, end) lies inside one of the names. */
function inName(names: ActorMention[], start: number, end: number): boolean {
  for (const n of names) if (start >= n.start && end <= n.end) return true;
  return false;
}

/**
 * The framing stage: which themes the text invokes (markers with the character spans of every
 * phrase found), which fields of relations it mentions (domains, most mentioned first), and its
 * tone: positive minus negative lexicon words per 100 words (word units: "Jong-un" is two), GDELT's convention.
 * A marker or tone word inside an actor's name is the name's, not the text's framing ("United" in "the United
 * Nations", "Peace" in "the Korean Committee for Peace").
 * Each sentence is read in one pass: the three dictionaries are matched at each unit together, each keeping
 * its own longest-first, non-overlapping order (what three matchAll passes would find).
 */
export function frame(ctx: StageContext, dicts: FramingDicts): Framing {
  const markers = new Map<string, [number, number][]>();
  const domains = new Map<string, number>();
  let words = 0;
  let balance = 0;
  const text = ctx.analysed.text;
  for (const s of ctx.analysed.sentences) {
    const us = lemmaUnits(text, s);
    const names = ctx.mentions[s.index] ?? NO_NAMES;
    // The first unit each dictionary may match at: the one after its last match.
    let markerFrom = 0;
    let domainFrom = 0;
    let toneFrom = 0;
    for (let i = 0; i < us.length; i++) {
      const u = us[i];
      if (u.id < 0) {
        // A barrier or a word no dictionary holds: it begins no phrase. A barrier is clause punctuation and a word
        // begins with a letter or digit: the text's character tells them apart, where reading the unit's string
        // (met nowhere else in this pass) costs a cache miss for most of these units.
        if (isWordStart(text.charCodeAt(u.start))) words++;
        continue;
      }
      words++;
      if (i >= markerFrom) {
        const m = dicts.markers.longestAt(us, i);
        if (m) {
          markerFrom = m.to;
          if (!inName(names, m.start, m.end)) {
            for (const e of m.value) {
              let spans = markers.get(e.label);
              if (!spans) markers.set(e.label, (spans = []));
              spans.push([m.start, m.end]);
            }
          }
        }
      }
      if (i >= domainFrom) {
        const m = dicts.domains.longestAt(us, i);
        if (m) {
          domainFrom = m.to;
          for (const e of m.value) domains.set(e.label, (domains.get(e.label) ?? 0) + 1);
        }
      }
      if (i >= toneFrom) {
        const m = dicts.tone.longestAt(us, i);
        if (m) {
          toneFrom = m.to;
          if (!inName(names, m.start, m.end)) for (const e of m.value) balance += e.label === '+' ? 1 : -1;
        }
      }
    }
  }
  return {
    markers: [...markers].map(([marker, spans]) => ({ marker, count: spans.length, spans })),
    domains: [...domains].sort((a, b) => b[1] - a[1]).map(([d]) => d),
    tone: words === 0 ? 0 : Math.round((balance / words) * 10000) / 100,
  };
}
