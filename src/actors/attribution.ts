/**
 * findAttribution(): the news agency that reported the story, from an agency mention in an attribution
 * frame: "KCNA reported", "according to TASS", "reported by the Korean Central News Agency", a dateline
 * "(KCNA)", a closing "Attribution: Korea Central News Agency". The agency's canonical short name and
 * country come from agencies.txt.
 */
import type { ActorMention, AnalysedText, Attribution } from '../types.js';
import type { ActorDicts } from './model.js';

const BEFORE = /(?:according to|reported by|quoted by|cited by|carried by|released by|attribution\s*:|source\s*:|sources?\s*-|via|\()\s*(?:the\s+)?$/i;
const AFTER = /^\s*(?:\)|(?:has\s+|had\s+)?(?:reported|reports|said|says|quoted|quotes|cited|cites|carried|carries|announced|announces|stated|states|released|learnt|learned)\b)/i;

/** `_dicts` is part of the stage signature; the agency mentions already carry what agencies.txt says. */
export function findAttribution(analysed: AnalysedText, mentions: ActorMention[][], _dicts: ActorDicts): Attribution | null {
  const text = analysed.text;
  for (const ms of mentions) {
    for (const m of ms) {
      if (m.kind !== 'agency') continue;
      // The anchored test first: it fails at once on most text, the other scans its whole window.
      if (AFTER.test(text.slice(m.end, m.end + 40)) || BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start))) {
        return { agency: m.actor.name ?? m.text, country: m.actor.country };
      }
    }
  }
  return null;
}
