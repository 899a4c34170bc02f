import type { ActorMention } from '../types.js';
import { clauseActors } from './roles.js';
import type { View } from './view.js';

/**
 * Prepositions of place and direction. A material act done "in", "at", "into" or "to" a country is done to that
 * country; talks held "in Tokyo" are not about Japan, so only material events look here (see placeTarget). Not
 * "from": it names where the source came from as often as what it left ("shelling from Yonphyong Island").
 */
const LOCATIVE = ['in', 'into', 'inside', 'at', 'to', 'across', 'throughout'];
/** "in front of the embassy" names a place, "in collusion with the U.S." a partner: only "of" leads on. */
const OF = ['of'];

/**
 * The target of a material event that has none after the usual role search: the actor or place named in a
 * locative phrase of the trigger's own clause after it, unless it is of the source's own country (where it
 * only says where the source acted: "rallied in Lagos").
 */
export function placeTarget(v: View, from: number, sources: ActorMention[]): ActorMention[] {
  return clauseActors(v, afterSources(v, from, sources), LOCATIVE, OF, true, (a) => {
    const code = a.actor.code;
    // A people named by its demonym alone ("an appeal to all Koreans") is no place, nor is a pronoun ("at the
    // risk of his life").
    if (!code || code.startsWith('---') || (a.form === 'demonym' && !a.actor.sector) || a.form === 'coref') return false;
    // A name joined by a hyphen to another names a relation, not a place ("the DPRK-China Friendship Farm").
    const at = a.start - v.s.start;
    if (v.s.text[at - 1] === '-' || v.s.text[at + a.end - a.start] === '-') return false;
    for (const s of sources) if ((s.actor.country && s.actor.country === a.actor.country) || s.actor.code === code) return false;
    return true;
  });
}

/** Agents that are the state itself. */
const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'SPY', 'JUD']);

/**
 * Where to look for a place after token `from`: past a source named after the trigger and the phrase that
 * follows it, which says where the source is from ("protests of Koreans in Japan").
 */
function afterSources(v: View, from: number, sources: ActorMention[]): number {
  let k = from;
  for (const s of sources) {
    while (k < v.toks.length && v.toks[k].start < s.end) k++;
  }
  if (k > from && v.pos[k] === 'ADP' && v.chunkOf[k + 1] >= 0) k = v.chunks[v.chunkOf[k + 1]].b + 1;
  return k;
}

/**
 * Protests are directed at authority (PLOVER PROTEST: "toward members of a distinct 'other' group or government
 * authorities"): a protest with no other target is against the protesters' own state, which is not itself the
 * protester. Where the sentence names an actor of another country ("demonstrated and called on Israel to …"),
 * that one may be what the protest is about, and no target is guessed. The text does not name the state: the
 * mention has no words and stands, empty, where the source starts.
 */
export function ownState(s: ActorMention, mentions: ActorMention[]): ActorMention | null {
  const country = s.actor.country;
  // Only people protest against their state: a group ("students", "workers") or a people named by its demonym
  // ("Nigerians", "Iraqi Kurds"); not the state or its organs ("the DPRK", "the KPA"), nor a country's name taken
  // for a demonym ("Korea"): their "demonstration" is a show of strength.
  const people = s.actor.sector ? !STATE_SECTORS.has(s.actor.sector) : s.form === 'demonym' && !s.actor.name?.includes(s.text);
  if (!country || s.kind === 'igo' || !people) return null;
  if (namesOther(mentions, country, country)) return null;
  return { ...s, end: s.start, text: '', form: 'affiliation', kind: 'country', role: null, actor: { text: '', name: null, country, sector: 'GOV', code: `${country}GOV` } };
}

/** Does the sentence name an actor (not a news agency, not of unknown country) of neither country `a` nor `b`? */
export function namesOther(mentions: ActorMention[], a: string | null, b: string | null): boolean {
  for (const m of mentions) {
    const c = m.actor.country;
    // An international body (no country) is another party too.
    if (m.kind !== 'agency' && !m.actor.code?.startsWith('---') && (c === null || (c !== a && c !== b))) return true;
  }
  return false;
}
