import type { StageContext } from '../pipeline/stages.js';
import type { ActorMention, ActorRef, Attribution, CodedEvent, Modality } from '../types.js';
import { ROLE_BIT } from './cues.js';
import type { EventDicts } from './load.js';
import { cueModality, clauseStart, recallDate, recalled } from './modality.js';
import { quadClass } from './ontology.js';
import { findTriggers, type Match } from './match.js';
import { GERUND_PREP, nounSource, placeBefore, rememberSenders, subjectActors, type DocState } from './nominal.js';
import { namesOther, ownState, placeTarget } from './place.js';
import { objectOf, prepObject, subjectOf, type Subject } from './roles.js';
import { buildView, type View } from './view.js';
import { sentenceUnits } from '../text/units.js';

/**
 * The event stage: per sentence, find triggers over lemmas and POS, give them source and target actors by
 * clause position (active, passive, "received … from", nominalisations, compound subjects), then modality,
 * date and attribution. An event needs a source actor; it needs a target unless its trigger allows none.
 */
export function codeEvents(ctx: StageContext, d: EventDicts): CodedEvent[] {
  const out: CodedEvent[] = [];
  const doc: DocState = { sender: null };
  const { roles } = d.cues;
  for (const s of ctx.analysed.sentences) {
    if (!d.prefilter.mayHoldEvent(sentenceUnits(ctx.analysed.text, s))) continue;
    const all = ctx.mentions[s.index] ?? [];
    const v = buildView(s, all, d.cues, () => ctx.dates.of(s.index));
    if (namesCarrier(v, roles)) rememberSenders(v, doc);
    const matches = findTriggers(v, d);
    if (matches.length === 0) continue;
    const agency = all.find((m) => m.kind === 'agency');
    const attribution: Attribution | null = agency ? { agency: agency.actor.name ?? agency.text, country: agency.actor.country } : ctx.attribution;
    const heads: number[] = [];
    for (const m of matches) if (m.t.kind !== 'noun') heads.push(m.idx[0]);
    const sc: SentenceCoding = { v, mentions: all, matches, heads, attribution, commentary: undefined };
    const seen = new Set<string>();
    const events: CodedEvent[] = [];
    for (const m of matches) {
      for (const e of codeMatch(sc, m, doc, d, ctx)) {
        // One event per dyad and CAMEO root: "bombarded Aleppo, killing eight" is one assault.
        const root = e.cameo.slice(0, 2);
        const key = `${e.source.code}|${e.target?.code ?? ''}|${root}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (e.target) seen.add(`${e.source.code}|*|${root}`);
        events.push(e);
      }
    }
    // …and an event without a target adds nothing where the same source has one with a target at that root.
    for (const e of events) if (e.target || !seen.has(`${e.source.code}|*|${e.cameo.slice(0, 2)}`)) out.push(e);
  }
  return out;
}

/** What the matches of one sentence share while they are coded. */
interface SentenceCoding {
  v: View;
  /** The sentence's actor mentions. */
  mentions: ActorMention[];
  matches: Match[];
  /** First token of each match that is not a nominalisation: the sentence's predicates. */
  heads: number[];
  attribution: Attribution | null;
  /** isCommentary(v), worked out when first needed. */
  commentary: boolean | undefined;
}

/** Does a token of the sentence have a message noun ("telegram") as its lemma? */
function namesCarrier(v: View, roles: Map<string, number>): boolean {
  for (const t of v.toks) if (((roles.get(t.lemma) ?? 0) & ROLE_BIT.carrier) !== 0) return true;
  return false;
}

/** "was congratulated", "has been attacked": a participle after a form of be/get, or before "by" ("victims killed by"). */
function isPassive(v: View, i: number): boolean {
  const tok = v.toks[i];
  if (tok.lower.endsWith('ing') || tok.lower === v.lem[i]) return false;
  if (reducedRelative(v, i)) return true;
  for (let j = i - 1; j >= 0 && i - j <= 3; j--) {
    if (v.pos[j] === 'AUX' && (v.lem[j] === 'be' || v.lem[j] === 'get')) return true;
    if (v.pos[j] !== 'ADV' && v.pos[j] !== 'PART' && v.pos[j] !== 'AUX') return false;
  }
  return false;
}

/**
 * A participle right after the noun it modifies: "victims killed by the crash", "there were 10 soldiers killed".
 * Its "subject" is that noun phrase, which undergoes the event.
 */
function reducedRelative(v: View, i: number): boolean {
  const c = i > 0 ? v.chunkOf[i - 1] : -1;
  if (c < 0) return false;
  if (v.lem[i + 1] === 'by') return true;
  // The noun is the object of a preposition or of "there were": it cannot be the subject of the participle.
  const before = v.chunks[c].a - 1;
  return before >= 0 && ((v.pos[before] === 'AUX' && v.lem[before] === 'be') || OBJECT_PREP.has(v.lem[before]));
}

const SPEECH_SPAN = 3;

/**
 * Is the sentence the report of an unnamed commentator ("analysts say …", "…, observers noted")? A commentator
 * noun followed within a few words by a reporting verb or noun ("note" is tagged either way).
 */
function isCommentary(v: View): boolean {
  for (let i = 0; i < v.lem.length; i++) {
    if (!v.is(i, 'commentary') || v.chunkOf[i] >= 0 && v.chunks[v.chunkOf[i]].actor) continue;
    for (let k = i + 1; k <= i + SPEECH_SPAN && k < v.lem.length; k++) if (v.is(k, 'speech')) return true;
  }
  return false;
}

function ref(m: ActorMention): ActorRef {
  return { ...m.actor, text: m.text };
}

/**
 * One actor twice: the same mention, the same code, or a country and its capital as metonym ("France … Paris"):
 * an actor does not act on itself; such pairs are coreference slips.
 */
function sameActor(a: ActorMention, b: ActorMention): boolean {
  if (a === b || (a.start === b.start && a.end === b.end)) return true;
  if (a.actor.country && a.actor.country === b.actor.country && (a.form === 'capital' || b.form === 'capital')) return true;
  return !!a.actor.code && a.actor.code === b.actor.code && !a.actor.code.startsWith('---');
}

const CLAIM = '015';
/** Prepositions whose object a participle may modify ("respects to a soldier killed in …"); not time phrases ("on Monday"). */
const OBJECT_PREP = new Set(['to', 'for', 'against']);

/** Is there a "that" within a few words after token `end` (and before `limit`)? */
function thatAfter(v: View, end: number, limit: number): boolean {
  for (let k = end + 1; k < limit && k <= end + 5; k++) if (v.lem[k] === 'that') return true;
  return false;
}

/** Events whose "that" clause is their content, not a second event. */
const CONTENT_EVENTS = new Set(['REQUEST', 'THREATEN', 'ACCUSE']);

/**
 * A match's events. Its parts are separate functions so that V8 compiles each on its own: one function this size
 * took 60–70 ms of TurboFan time to compile, again after each deoptimisation (three times on the KCNA corpus).
 */
function codeMatch(sc: SentenceCoding, m: Match, doc: DocState, d: EventDicts, ctx: StageContext): CodedEvent[] {
  const p = participants(sc, m, doc, d);
  if (p === null || (sc.commentary ??= isCommentary(sc.v))) return [];
  const pairs = pairsOf(p, m.t);
  return pairs.length === 0 ? [] : eventsOf(sc, m, p, pairs, d, ctx);
}

/** The actors of a match; without a source there is no event. */
interface Participants {
  sources: ActorMention[];
  targets: ActorMention[];
  /** The subject found for the trigger, if it was looked for. */
  subj: Subject | null;
}

/** The sources and targets of a match, or null when it has no source or is no event of its own. */
function participants(sc: SentenceCoding, m: Match, doc: DocState, d: EventDicts): Participants | null {
  const { v, heads } = sc;
  const { t, idx } = m;
  const first = idx[0];
  const last = idx[idx.length - 1];
  // Sources are found before targets: without a source there is no event, and a target unlooked for spares
  // naming its noun phrase (which may parse the sentence's dates).
  let sources: ActorMention[];
  let targets: ActorMention[];
  let subj: Subject | null;
  if (t.kind === 'modal') {
    // "X said Y must …": X demands of Y.
    subj = subjectOf(v, first);
    sources = subj && subj.speech >= 0 ? subjectActors(v, subjectOf(v, subj.speech), doc) : [];
    if (sources.length === 0) return null;
    targets = subjectActors(v, subj, doc);
  } else if (t.kind !== 'noun') {
    const gerund = v.toks[first].lower.endsWith('ing');
    // A gerund after a preposition has no subject of its own ("jailed him for helping militants").
    if (gerund && GERUND_PREP.has(v.lem[first - 1])) return null;
    // "…, killing eight people": a participle after the main event is its consequence, not another event.
    if (gerund && v.lem[first - 1] === ',' && heads.some((h) => h < first)) return null;
    // "all the people supporting the party": a participle after its noun modifies it (unless it closes a phrase).
    if (gerund && v.chunkOf[first - 1] >= 0 && v.pos[v.chunks[v.chunkOf[first - 1]].a - 1] !== 'ADP') return null;
    // An infinitive under an earlier trigger of the clause is its complement: "refused to meet", "threatened to attack".
    if (v.lem[first - 1] === 'to' && v.pos[first - 1] === 'PART') {
      const cs = clauseStart(v, first);
      for (const h of heads) if (h >= cs && h < first) return null;
    }
    // The content of a demand or warning is not an event: "reiterated its demand that Israel ease restrictions".
    // Once "alleged that", "warned that", "demanded that" has opened, what follows in the sentence is its content.
    if (sc.matches.some((o) => CONTENT_EVENTS.has(o.t.event) && o.idx[o.idx.length - 1] < first && thatAfter(v, o.idx[o.idx.length - 1], first))) return null;
    const nominal = gerund && v.chunkOf[first - 1] >= 0 && v.pos[v.chunks[v.chunkOf[first - 1]].a - 1] === 'ADP';
    if (nominal) {
      // A gerund closing a prepositional phrase is a noun: "killed in Israeli tank shelling" (source: Israel); a
      // place before it is where it happened ("from the Yonphyong Island shelling").
      const ms = v.chunks[v.chunkOf[first - 1]].mentions;
      const by = ms.length ? ms[ms.length - 1] : null;
      sources = by && !placeBefore(v, by) ? [by] : [];
      if (sources.length === 0) return null;
      targets = objectOf(v, last + 1, t.targets);
      subj = null;
    } else if (t.kind === 'verb' && isPassive(v, first)) {
      // An intransitive trigger has no passive: "the spirit was fully demonstrated" is another sense.
      if (t.intransitive) return null;
      sources = prepObject(v, last + 1, 'by');
      if (sources.length === 0) return null;
      const reduced = reducedRelative(v, first);
      const head = reduced ? v.chunks[v.chunkOf[first - 1]].actor : null;
      subj = reduced ? null : subjectOf(v, first);
      targets = head ? [head] : reduced ? [] : subjectActors(v, subj, doc);
    } else {
      subj = subjectOf(v, first);
      sources = subjectActors(v, subj, doc);
      if (sources.length === 0) return null;
      targets = objectOf(v, last + 1, t.targets);
    }
  } else {
    const ns = nounSource(v, first, last, t.targets, doc);
    sources = ns.sources;
    if (sources.length === 0) return null;
    subj = ns.subj;
    targets = ns.targets ?? objectOf(v, last + 1, t.targets);
  }
  // An actor inside the pattern's gap is its indirect object: "will give Tanzania a grant".
  if (targets.length === 0 && t.kind === 'verb') {
    for (let k = first + 1; k < last && targets.length === 0; k++) {
      const c = v.chunkOf[k];
      if (c >= 0 && v.chunks[c].actor && !sources.includes(v.chunks[c].actor!)) targets = [v.chunks[c].actor!];
    }
  }
  if (targets.length === 0 && t.kind !== 'modal' && !(t.mutual && sources.length > 1)) targets = impliedTargets(sc, m, sources, d);
  return { sources, targets, subj };
}

/**
 * The target of an event whose clause names none in its roles: for a material act, the foreign country or actor
 * of a place phrase after the trigger (placeTarget); for a protest, else, the protesters' own state (ownState).
 */
function impliedTargets(sc: SentenceCoding, m: Match, sources: ActorMention[], d: EventDicts): ActorMention[] {
  const quad = quadClass(d.ontology, m.t.cameo);
  const last = m.idx[m.idx.length - 1];
  // A transitive verb in -ed with a phrase where its object should be is a participle: "prisoners detained in
  // Israel", "soldiers killed in Afghanistan". Its "subject" is who underwent it, and the place says nothing of a
  // target.
  const participle = m.t.kind === 'verb' && m.t.targets.includes('obj') && sc.v.toks[last].lower.endsWith('ed') && sc.v.pos[last + 1] === 'ADP';
  const placed = (quad === 2 || quad === 4) && !participle ? placeTarget(sc.v, last + 1, sources) : [];
  if (m.t.event !== 'PROTEST') return placed;
  // A protest is held where it is aimed only when the sentence names no third party ("a demonstration in Karachi
  // in protest against the U.S. forces").
  if (placed.length) return namesOther(sc.mentions, sources[0].actor.country, placed[0].actor.country) ? [] : placed;
  // Only a protest word that is an event on its own (flag opt) is one against authority: "rally" and "march"
  // without a target are gatherings ("rallied around the leader").
  if (!m.t.optionalTarget) return placed;
  const own: ActorMention[] = [];
  for (const s of sources) {
    const st = ownState(s, sc.mentions);
    if (st) own.push(st);
  }
  return own;
}

type Pair = [ActorMention, ActorMention | null];

/** Source–target pairs: an actor does not act on itself; a trigger may allow no target, or its sources act on each other. */
function pairsOf({ sources, targets }: Participants, t: Match['t']): Pair[] {
  const pairs: Pair[] = [];
  for (const s of sources) {
    const ts = targets.filter((x) => !sameActor(x, s));
    if (ts.length) for (const x of ts) pairs.push([s, x]);
    else if (t.mutual && sources.length > 1) for (const x of sources) if (!sameActor(x, s)) pairs.push([s, x]);
    if (!ts.length && !(t.mutual && sources.length > 1) && t.optionalTarget) pairs.push([s, null]);
  }
  return pairs;
}

/** The events of a match with its actor pairs: modality, date, the CAMEO code (recoded by modality), evidence. */
function eventsOf(sc: SentenceCoding, m: Match, p: Participants, pairs: Pair[], d: EventDicts, ctx: StageContext): CodedEvent[] {
  const { v } = sc;
  const { t, idx } = m;
  const { sources, subj } = p;
  const first = idx[0];
  const last = idx[idx.length - 1];
  const sent = v.s;
  // Modality cues stand between the subject and the trigger ("China plans to visit": "plans" may be tagged a noun).
  let srcEnd = -Infinity;
  for (const x of sources) if (x.end > srcEnd) srcEnd = x.end;
  let afterSource = 0;
  while (afterSource < v.toks.length && v.toks[afterSource].start < srcEnd) afterSource++;
  if (afterSource === v.toks.length) afterSource = -1;
  let auxFrom = afterSource >= 0 && afterSource <= first ? afterSource : subj ? subj.chunk.b + 1 : first - 4;
  // …but not before a coordinated predicate with its own tense: "did not bow to pressure and insisted" (insisting is
  // not negated), while "should withdraw … and accept" shares the modal.
  const ownTense = v.toks[first].lower !== v.lem[first];
  for (let k = first - 1, verb = false; ownTense && k > auxFrom && k >= 0; k--) {
    if (v.pos[k] === 'VERB') verb = true;
    else if (!verb && (v.lem[k] === 'and' || v.lem[k] === 'but') && v.pos.slice(auxFrom, k).includes('VERB')) {
      auxFrom = k + 1;
      break;
    }
  }
  // A noun or gerund, not a progressive verb ("were occupying").
  const nounLike = t.kind === 'noun' || (v.toks[first].lower.endsWith('ing') && v.pos[first - 1] !== 'AUX');
  const cue = cueModality(v, d.cues.modality, auxFrom, first, last, nounLike);
  const at = v.toks[first].start;
  const date = cue.recall >= 0 ? recallDate(v, cue.recall, at, ctx.dates.of(sent.index), ctx.analysed.pubDate, d.cues.numbers) : eventDate(ctx, sent.index, at);
  let modality: Modality = cue.modality;
  // Not doing what one could agree or give is a refusal ("failed to reach agreement": REJECT), and asserted
  // (historical when recalled: "the days when X did not help").
  const refusal = modality === 'negated' ? d.ontology.refusalByRoot.get(t.cameo.slice(0, 2)) : undefined;
  if (refusal) modality = cue.recall >= 0 ? 'historical' : 'asserted';
  const pub = ctx.analysed.pubDate;
  if (modality === 'asserted' && date && pub && Number(date.slice(0, 4)) < Number(pub.slice(0, 4)) - 1) modality = 'historical';
  // "X claimed they had attacked Y": claiming one's own act is CAMEO 015 (claim responsibility).
  const claimed = subj && subj.speech >= 0 && v.is(subj.speech, 'avow') && (subj.chunk.pron || subj.actors.length === 0) ? d.ontology.cameo.get(CLAIM) : undefined;
  // A future event is a stated intent ("will give a grant": 033), or for force a threat ("will attack": 138).
  const intent = modality === 'future' && cue.intent ? d.ontology.intentByRoot.get(t.cameo.slice(0, 2)) : undefined;
  const recoded = claimed?.code ?? refusal ?? intent;
  const coding = recoded ? d.ontology.cameo.get(recoded)! : null;
  const cameo = coding?.code ?? t.cameo;
  const quad = quadClass(d.ontology, cameo)!;
  const rule = `trigger '${t.pattern}' (${t.rule})`;
  const { attribution } = sc;
  const out: CodedEvent[] = [];
  for (const [s, x] of pairs) {
    // The evidence is the trigger with the actors named in its sentence; an actor carried from an earlier
    // sentence ("The telegram …" standing for its sender) does not stretch the span across sentences.
    const span: [number, number] = [v.toks[first].start, v.toks[last].end];
    for (const a of x ? [s, x] : [s]) {
      if (a.start < sent.start || a.end > sent.end) continue;
      if (a.start < span[0]) span[0] = a.start;
      if (a.end > span[1]) span[1] = a.end;
    }
    const plover = coding ? { event: coding.event, mode: coding.mode, context: t.context } : { event: t.event, mode: t.mode, context: t.context };
    // "X received Y": Y's visit is an event too (data/ontology/converse.txt).
    const conv = x ? d.ontology.converse.get(cameo) : undefined;
    const mod = recalled(modality, s, conv ? x : null);
    out.push({ sentence: sent.index, span, source: ref(s), target: x ? ref(x) : null, plover, cameo, goldstein: coding?.goldstein ?? t.goldstein, quad_class: quad, modality: mod, date, rule, attribution });
    if (conv && x) {
      const cq = quadClass(d.ontology, conv.code)!;
      out.push({ sentence: sent.index, span, source: ref(x), target: ref(s), plover: { event: conv.event, mode: conv.mode, context: conv.context }, cameo: conv.code, goldstein: conv.goldstein, quad_class: cq, modality: mod, date, rule: `${rule}, converse`, attribution });
    }
  }
  return out;
}

/** The date mention of the sentence nearest the trigger, else the publication date. */
function eventDate(ctx: StageContext, sentence: number, at: number): string | null {
  let best: string | null = null;
  let dist = Infinity;
  for (const dm of ctx.dates.of(sentence)) {
    if (!dm.date) continue;
    const dd = Math.abs(dm.start - at);
    if (dd < dist) {
      dist = dd;
      best = dm.date;
    }
  }
  return best ?? ctx.analysed.pubDate;
}
