import type { DateMention, StageContext } from '../pipeline/stages.js';
import type { ActorMention, Signal, SignalKind, SignalParty } from '../types.js';
import type { Mark } from './sentence.js';
import type { SignalDicts, Trigger } from './load.js';
import { Frame } from './frames.js';
import type { Party } from './parties.js';
import { atMostOneTokenBefore, partiesIn, regionEnd, SentenceViews, subjectEnd, type SentenceView } from './sentence.js';

/** What a document's earlier sentences leave for the later ones. */
interface DocState {
  frames: Frame[];
  /** The lists of parties so far ("Among them were ..."), latest last: the latest that names any is for a later "They laid ...". */
  groups: Listing[];
  /** The honoree cues so far, latest last: the persons of the latest that names any are the ones honoured most recently. */
  honorees: Listing[];
}

/**
 * The parties a sentence lists after `from` (a group's members, the persons an honoree cue names), worked out
 * when first needed, once: most are never asked for, and working one out tags and dates its sentence.
 */
interface Listing {
  v: SentenceView;
  from: number;
  find: (v: SentenceView, from: number) => Party[];
  found: Party[] | null;
}

const partiesOf = (l: Listing): Party[] => (l.found ??= l.find(l.v, l.from));

/** The parties of the latest listing that names any, worked out latest first; the listings before it are dropped, never needed again. */
function latest(listings: Listing[]): Party[] {
  for (let k = listings.length - 1; k >= 0; k--) {
    const found = partiesOf(listings[k]);
    if (found.length) {
      listings.splice(0, k);
      return found;
    }
  }
  return [];
}

const DEFINITE = new Set(['the', 'this', 'these', 'those', 'its', 'his', 'her', 'their', 'such']);
/** Kinds whose recipient, when the sentence names none, is the one honoured just before. */
const TRIBUTE: ReadonlySet<SignalKind> = new Set(['wreath', 'gift']);

/**
 * The signal stage: diplomatic messages, gifts and floral tributes with their senders and recipients.
 * A later sentence about "the message" or "the wreaths" adds to the signal it refers to rather than
 * making a new one; "They included X, Y and Z" lists a signal's senders. Each sender → recipient pair
 * and kind is one signal per document.
 */
export function extractSignals(ctx: StageContext, dicts: SignalDicts): Signal[] {
  const st: DocState = { frames: [], groups: [], honorees: [] };
  const views = new SentenceViews(ctx, dicts);
  for (const s of ctx.analysed.sentences) {
    // A sentence that names no signal leaves nothing for the others.
    const v = views.named(s.index);
    if (!v) continue;
    noteHonorees(v, st);
    if (v.triggers.length) triggerSentence(v, st);
    else otherSentence(v, st);
  }
  // A frame with no sender → recipient pair emits nothing: its occasion and date are never read, and finding
  // them may tag and date the sentences around it.
  for (const f of st.frames) if (hasPair(f)) settle(f, views, ctx.analysed.pubDate);
  return emit(st.frames);
}

/**
 * Occasion and date from the sentences around a signal when its own sentence gives none: the message
 * body ("I congratulate you on your election ..."), the report's opening ("on the 119th birth
 * anniversary"), the hand-over ("The gift was handed ... on Feb. 18"). Condolences are over a death.
 */
function settle(f: Frame, views: SentenceViews, pubDate: string | null): void {
  const i = f.sentence;
  // A tribute may take the occasion the report opened with; a message's occasion is in it or its body.
  const window = TRIBUTE.has(f.kind) ? [i + 1, i + 2, i - 1, i - 2] : [i + 1, i + 2];
  const near: SentenceView[] = [];
  for (const k of window) {
    const v = views.at(k);
    if (v !== undefined) near.push(v);
  }
  if (!f.occasion) {
    for (const v of near) {
      if (v.s.index > i && v.cues.some((c) => c.value.role === 'courier')) continue;
      f.occasion = v.occasion;
      if (f.occasion) break;
    }
  }
  if (!f.occasion && f.kind === 'condolences') f.occasion = { text: '', type: 'death', start: 0, end: 0, rule: '' };
  const own = views.at(i)!.dates;
  f.date = plainDate(own) ?? laterDate(near, i) ?? own.find((d) => d.date)?.date ?? pubDate;
}

/** The first date that is not a named day ("on Feb. 18", not "on Victory Day"). */
function plainDate(ds: DateMention[]): string | null {
  return ds.find((d) => d.date && !d.named)?.date ?? null;
}

/** The first plain date of the sentences after sentence i, in window order; a sentence's dates are found only if asked for. */
function laterDate(near: SentenceView[], i: number): string | null {
  for (const v of near) {
    if (v.s.index <= i) continue;
    const d = plainDate(v.dates);
    if (d) return d;
  }
  return null;
}

function noteHonorees(v: SentenceView, st: DocState): void {
  for (const c of v.cues) if (c.value.role === 'honoree') st.honorees.push({ v, from: c.end, find: honoreesAfter, found: null });
}

/** The persons honoured after an honoree cue ("the full-length paintings of Kim Il Sung standing together with Kim Jong Il"). */
function honoreesAfter(v: SentenceView, from: number): Party[] {
  const limit = nextMark(v, from);
  const named = v.mentions.filter((m) => m.start >= from && m.end <= limit && m.kind === 'person' && m.form === 'name' && !partOfName(v.text, m));
  const found = named.length
    ? named.flatMap((m) => partiesIn(v, m.start, m.end).parties)
    : partiesIn(v, from, regionEnd(v, from, limit)).parties.filter((p) => p.name);
  const country = v.mentions.find((m) => m.actor.country)?.actor.country ?? null;
  for (const p of found) p.country ??= country;
  return found;
}

/** A name followed by a capitalised word is part of a place or prize ("Kim Il Sung Square"). */
function partOfName(text: string, m: ActorMention): boolean {
  return /^\s+\p{Lu}/u.test(text.slice(m.end, m.end + 2));
}

/** The start of the next trigger or cue after `from`, else the sentence end. */
function nextMark(v: SentenceView, from: number): number {
  let at = v.s.end;
  for (const m of [...v.triggers, ...v.cues]) if (m.start >= from && m.start < at) at = m.start;
  return at;
}

function triggerSentence(v: SentenceView, st: DocState): void {
  const first = v.triggers[0];
  const verb = subjectEnd(v, first.start);
  const receives = verb !== null && v.cues.some((c) => c.value.role === 'receive' && c.start >= verb.start && c.start < first.start);
  const subject = verb ? partiesIn(v, v.s.start, verb.start) : { parties: [], pronoun: false };
  // Loops rather than filter() and map(), whose arrays change kind once V8 optimises them (deopt "wrong map" here).
  let courierAt = Infinity;
  for (const c of v.cues) if (c.value.role === 'courier' && c.start < courierAt) courierAt = c.start;
  const own: Own[] = [];
  const n = v.triggers.length;
  for (let i = 0; i < n; i++) own.push(ownParties(v, v.triggers[i], i + 1 < n ? v.triggers[i + 1].start : v.s.end, courierAt));
  for (let i = 0; i < n; i++) {
    const t = v.triggers[i];
    const later = own.slice(i);
    const fromBy = later.find((o) => o.senders.length)?.senders ?? [];
    const toList = later.find((o) => o.recipients.length)?.recipients ?? [];
    const behalf = later.find((o) => o.behalf)?.behalf ?? null;
    const last = st.frames[st.frames.length - 1];
    if (last && isDefinite(v, t)) {
      mergeInto(last, v, toList, fromBy, behalf, courierAt === Infinity);
      continue;
    }
    const cue = v.kindCues[0]?.value;
    const f = new Frame(
      {
        kind: t.value.kind === 'other_message' && cue ? cue.kind : t.value.kind,
        channel: t.value.channel,
        generic: t.value.kind === 'other_message' && !cue,
        senders: [...(receives ? [] : subject.parties), ...fromBy],
        recipients: [...(receives ? subject.parties : []), ...toList],
        behalf,
        sentence: v.s.index,
        span: [v.s.start, v.s.end],
        rule: t.value.rule,
      },
      v,
    );
    if (!f.senders.length && !receives && subject.pronoun) {
      const group = latest(st.groups);
      f.senders = [...(group.length ? group : (last?.senders ?? []))];
    }
    if (!f.senders.length && !verb) f.senders = firstPersonBesides(v, f.recipients);
    f.openList = f.senders.length === 0;
    const prev = st.frames[st.frames.length - 1];
    if (prev && v.cues.some((c) => c.value.role === 'similar' && t.start - c.end <= 1 && c.end <= t.start)) {
      f.kind = prev.kind;
      f.generic = prev.generic;
    }
    if (i > 0 && prev && v.cues.some((c) => c.value.role === 'reply' && c.start >= v.triggers[i - 1].end && c.start < t.start)) answer(f, prev, fromBy);
    countryFromSentence(v, f);
    if (!f.recipients.length) fillRecipients(f, v, st);
    st.frames.push(f);
  }
}

/**
 * "sent autographs after reading letters from X": the answer goes to the first message's senders and
 * comes from its recipients. The two frames share their lists, so senders listed later ("In the
 * letters sent by A, B and C") are the answer's recipients too.
 */
function answer(f: Frame, first: Frame, own: Party[]): void {
  f.senders = [...own];
  f.recipients = first.senders;
  if (!first.recipients.length) first.recipients = f.senders;
  f.openList = true;
}

interface Own {
  senders: Party[];
  recipients: Party[];
  behalf: string | null;
}

/** The parties a trigger's own cues introduce, up to the next trigger; none after a courier cue. */
function ownParties(v: SentenceView, t: Mark<Trigger>, limit: number, courierAt: number): Own {
  const out: Own = { senders: [], recipients: [], behalf: null };
  for (const c of v.cues) {
    if (c.start < t.end || c.start >= limit) continue;
    const role = c.value.role;
    if ((role === 'to' || role === 'by') && c.start > courierAt) continue;
    if (role === 'honoree') {
      out.recipients.push(...honoreesAfter(v, c.end));
      continue;
    }
    const end = regionEnd(v, c.end, Math.min(limit, nextMark(v, c.end)));
    if (role === 'from' || role === 'by') out.senders.push(...partiesIn(v, c.end, end).parties);
    else if (role === 'to') out.recipients.push(...partiesIn(v, c.end, end).parties);
    else if (role === 'behalf') out.behalf = v.text.slice(c.end, end).replace(/^\s*the\s+|[\s.,;:]+$/gi, '') || null;
  }
  return out;
}

/** "the message", "the wreaths", "Kim's telegram": a trigger that refers back to the signal before. */
function isDefinite(v: SentenceView, t: Mark<Trigger>): boolean {
  const i = v.tokens.findIndex((k) => k.start >= t.start);
  let j = i - 1;
  while (j >= 0 && v.tokens[j].pos === 'ADJ') j--;
  return j >= 0 && (DEFINITE.has(v.tokens[j].lower) || v.tokens[j].pos === 'PART');
}

/** A later sentence about the signal before adds to it; its occasion too, unless a courier's ("handed ... on the occasion"). */
function mergeInto(f: Frame, v: SentenceView, to: Party[], fromBy: Party[], behalf: string | null, ownOccasion: boolean): void {
  const cue = v.kindCues[0]?.value;
  if (f.generic && cue) {
    f.kind = cue.kind;
    f.generic = false;
    f.recipients.push(...to);
  } else if (!f.recipients.length) f.recipients.push(...to);
  if (!f.senders.length) f.senders.push(...fromBy);
  f.behalf ??= behalf;
  if (ownOccasion) f.occasion ??= v.occasion;
}

/** The parties listed from `from` to where the list ends ("Among them were X, Y and Z"). */
function listedAfter(v: SentenceView, from: number): Party[] {
  return partiesIn(v, from, regionEnd(v, from, v.s.end)).parties;
}

/** A sentence without a trigger: a list of senders, the kind of a plain message, or a signal told by its verb. */
function otherSentence(v: SentenceView, st: DocState): void {
  const last = st.frames[st.frames.length - 1];
  const enumerate = v.cues.find((c) => c.value.role === 'enumerate' && atMostOneTokenBefore(v, c.start));
  if (enumerate) {
    const group: Listing = { v, from: enumerate.end, find: listedAfter, found: null };
    st.groups.push(group);
    if (last?.openList && v.s.index - last.sentence <= 3) last.senders.push(...partiesOf(group));
    return;
  }
  const cue = v.kindCues[0];
  if (!cue) return;
  if (last) {
    if (last.generic && v.s.index - last.sentence <= 3) {
      last.kind = cue.value.kind;
      last.generic = false;
    }
    return;
  }
  if (!cue.value.standalone) return;
  const verb = subjectEnd(v, cue.end);
  if (!verb || verb.start > cue.start) return;
  const senders = partiesIn(v, v.s.start, verb.start).parties;
  const own = ownParties(v, { start: cue.start, end: cue.end, value: { kind: cue.value.kind, channel: null, rule: cue.value.rule } }, v.s.end, Infinity);
  const recipients = own.recipients.length ? own.recipients : partiesIn(v, cue.end, regionEnd(v, cue.end, nextMark(v, cue.end))).parties;
  if (!senders.length || !recipients.length) return;
  st.frames.push(
    new Frame(
      {
        kind: cue.value.kind,
        channel: null,
        generic: false,
        senders,
        recipients,
        behalf: own.behalf,
        sentence: v.s.index,
        span: [v.s.start, v.s.end],
        rule: cue.value.rule,
      },
      v,
    ),
  );
}

/**
 * A signal with no named recipient goes, for a tribute, to the person honoured (the deceased, the statue's
 * subject); otherwise to the recipients of the signal just before ("a floral basket and a letter from X"
 * after "Kim Jong Un received floral baskets ...").
 */
function fillRecipients(f: Frame, v: SentenceView, st: DocState): void {
  const tribute = TRIBUTE.has(f.kind);
  if (tribute && f.occasion) {
    const inOccasion = partiesIn(v, f.occasion.start, f.occasion.end).parties.filter((p) => p.name && !f.senders.some((s) => s.key === p.key));
    if (inOccasion.length) {
      f.recipients = inOccasion;
      return;
    }
  }
  const before = [...st.frames].reverse().find((g) => g.recipients.length && v.s.index - g.sentence <= 3);
  const honorees = tribute ? latest(st.honorees) : [];
  if (honorees.length) f.recipients = [...honorees];
  else if (before) {
    f.recipients = [...before.recipients];
    f.occasion ??= before.occasion;
  }
}

/**
 * A recipient the dictionaries do not know takes the country the sentence gives elsewhere: "to Thomas
 * Thabane on his appointment as prime minister of Lesotho", "upon her election as Swiss president".
 */
function countryFromSentence(v: SentenceView, f: Frame): void {
  if (f.recipients.every((r) => r.country)) return;
  const taken = [...f.senders, ...f.recipients];
  const own = new Set(f.senders.map((p) => p.country));
  const other = v.mentions.find((m) => m.actor.country && !own.has(m.actor.country) && !taken.some((p) => m.start >= p.start && m.end <= p.end));
  if (other) for (const r of f.recipients) r.country ??= other.actor.country;
}

/** The sentence's first named person who is not a recipient: "In a telegram to X, Y affirmed ...". */
function firstPersonBesides(v: SentenceView, recipients: Party[]): Party[] {
  for (const m of v.mentions) {
    if (m.kind !== 'person' || !m.actor.name || recipients.some((r) => m.start >= r.start && m.end <= r.end)) continue;
    const p = partiesIn(v, m.start, m.end).parties[0];
    if (p) return [p];
  }
  return [];
}

/** One signal per sender → recipient pair and kind; a sympathy message over a death is condolences. */
function emit(frames: Frame[]): Signal[] {
  const out: Signal[] = [];
  const seen = new Set<string>();
  for (const f of frames) {
    const kind: SignalKind = f.kind === 'sympathy' && f.occasion?.type === 'death' ? 'condolences' : f.kind;
    const recipients = dedupe(f.recipients);
    for (const s of dedupe(f.senders)) {
      for (const r of recipients) {
        if (s.key === r.key) continue;
        const key = `${kind}|${s.key}|${r.key}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          kind,
          channel: f.channel,
          sender: party(s),
          recipient: party(r),
          on_behalf_of: f.behalf,
          occasion: f.occasion?.text || null,
          occasion_type: f.occasion?.type ?? 'none',
          date: f.date,
          span: f.span,
          rule: f.rule,
        });
      }
    }
  }
  return out;
}

/** Whether emit makes at least one signal of the frame: a sender and a recipient who differ. */
function hasPair(f: Frame): boolean {
  const recipients = dedupe(f.recipients);
  return dedupe(f.senders).some((s) => recipients.some((r) => r.key !== s.key));
}

/** Parties in order, once each; a bare title ("the King") is the named person of its country already listed. */
function dedupe(ps: Party[]): Party[] {
  const out: Party[] = [];
  for (const p of ps) {
    if (out.some((q) => q.key === p.key)) continue;
    if (p.titleOnly && out.some((q) => q.name && q.country === p.country)) continue;
    out.push(p);
  }
  return out;
}

function party(p: Party): SignalParty {
  return { name: p.name, role: p.role, country: p.country, org: p.org, sector: p.sector, text: p.text };
}
