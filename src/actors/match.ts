/**
 * findActors(): per sentence, the actor mentions. One pass of the phrase trie over the sentence's word
 * units finds every dictionary phrase (longest first); a second pass over those hits, left to right,
 * combines neighbours:
 *   country + agent       "the Russian army" → RUSMIL, "the DPRK Foreign Ministry" → PRKGOV
 *   agent of country      "the people of Laos" → LAOCVL ("the government and people of …" → both)
 *   country + title       "the Russian President" → whoever held the office at the date
 *   title + name          "Russian President Vladimir Putin", "Lao President <unknown name>"
 *   title of country      "the foreign minister of Laos"; after "Name," it gives that name a country
 *   coreference           "the two nations", "he", "the President", "its people" (see coref.ts)
 * Each mention's rule lists the dictionary lines (file:line) that produced it.
 */
import type { ActorMention, ActorRef, AnalysedText, Sentence } from '../types.js';
import { BARRIER, type Unit } from '../text/units.js';
import { DocMemory } from './coref.js';
import { fold } from './compile.js';
import { actorUnits, hasLower, items, type Item } from './hits.js';
import { isAscii } from '../text/normalise.js';
import { personInOffice, tenureAt } from './lookup.js';
import type { ActorDicts, Hit, Person } from './model.js';
import { nameAfter, nameBefore, posAt } from './names.js';
import { institutionAfter, isUpper, namesakeEnd } from './within.js';

export interface FindOptions {
  /** The outlet that published the text (--source): decides "Korean" (see ambiguous.txt). */
  source?: string | null;
  /** Date for titles and tenures; default the publication date. */
  date?: string | null;
}

type HitOf<T extends Hit['t']> = Extract<Hit, { t: T }>;

interface Pending {
  m: ActorMention;
  candidates: string[];
}

const code = (country: string | null, sector: string | null) => (country ?? '---') + (sector ?? '');
const isPlace = (h: Hit): boolean => h.t === 'country' && h.form === 'place';

/** One for a document, whose sentences it matches in order (one object a document, not one a sentence). */
class SentenceMatcher {
  // The sentence being matched, its units and items, the item at hand, and the mentions found so far.
  private s!: Sentence;
  private us!: Unit[];
  private its!: Item[];
  private i = 0;
  private out!: ActorMention[];

  constructor(
    private readonly text: string,
    private readonly d: ActorDicts,
    private readonly mem: DocMemory,
    private readonly date: string | null,
    private readonly publisher: string | null,
    private readonly pending: Pending[],
    private readonly asciiText: boolean,
  ) {}

  run(s: Sentence): ActorMention[] {
    this.s = s;
    this.out = [];
    this.us = actorUnits(this.text, s, this.asciiText);
    this.its = items(this.text, this.us, this.d);
    for (this.i = 0; this.i < this.its.length; this.i++) this.step(this.its[this.i]);
    this.surnames();
    const o = this.out;
    for (let k = 1; k < o.length; k++) if (o[k].start < o[k - 1].start) return o.sort((a, b) => a.start - b.start || a.end - b.end);
    return o;
  }

  private unit(k: number): string | null {
    return k >= 0 && k < this.us.length ? this.us[k].u : null;
  }

  /** The item right after item `i`, allowing one possessive "s" between ("Russia's army"). */
  private next(i: number): Item | null {
    const a = this.its[i];
    const b = this.its[i + 1];
    if (!b) return null;
    return b.from === a.to || (b.from === a.to + 1 && this.unit(a.to) === 's') ? b : null;
  }

  /** The country item after "of" / "of the" starting at unit `k`, and its index. */
  private ofCountry(k: number, i: number): number {
    if (this.unit(k) !== 'of') return -1;
    const at = this.unit(k + 1) === 'the' ? k + 2 : k + 1;
    // Items run left to right: the one starting at `at`, if any, is before the first starting after it.
    let j = i + 1;
    while (j < this.its.length && this.its[j].from < at) j++;
    return j < this.its.length && this.its[j].from === at && this.countryOfHit(this.its[j].hit) !== undefined ? j : -1;
  }

  /** The country a hit stands for: a code, null when unknown (ambiguous), undefined when it is no country. */
  private countryOfHit(h: Hit): string | null | undefined {
    if (h.t === 'country') return h.code;
    if (h.t === 'ambiguous') return this.publisher && h.candidates.includes(this.publisher) ? this.publisher : null;
    return undefined;
  }

  /** `actor.text` is set only by coreference, which repeats the actor as first written. */
  private emit(it: { start: number; end: number }, form: ActorMention['form'], kind: ActorMention['kind'], actor: Omit<ActorRef, 'text'> & { text?: string }, rule: string, role: string | null = null, person: Person | null = null, roles: string[] = []) {
    const text = this.text.slice(it.start, it.end);
    const a: ActorRef = { text: actor.text ?? text, name: actor.name, country: actor.country, sector: actor.sector, code: actor.code };
    // A person named after their death is recalled, not acting now. Every mention has the field, in this order (as
    // agentMention's in events/view.ts), so that V8 sees one shape of mention wherever mentions are read.
    const died = person?.died && this.date && person.died < this.date ? person.died : undefined;
    const m: ActorMention = { sentence: this.s.index, start: it.start, end: it.end, text, form, kind, actor: a, role, rule, died };
    this.out.push(m);
    this.mem.see(m, roles, person);
    return m;
  }

  private step(it: Item): void {
    const h = it.hit;
    switch (h.t) {
      case 'block':
        return;
      case 'country':
      case 'ambiguous':
        return this.country(it, h);
      case 'org':
        this.emit(it, hasLower(this.text, it.start, it.end) ? 'name' : 'acronym', h.kind, { name: h.name, country: h.country, sector: h.kind === 'igo' ? h.code.slice(0, 3) : h.sector, code: h.code }, h.rule);
        return;
      case 'person':
        return this.person(it, h.person, null, '');
      case 'petrarch':
        return this.petrarch(it, h);
      case 'agent':
        return this.agent(it, h);
      case 'title':
        return this.title(it, h, undefined, null);
      case 'coref':
        return this.coref(it, h);
    }
  }

  private country(it: Item, h: HitOf<'country'> | HitOf<'ambiguous'>): void {
    const c = this.countryOfHit(h) ?? null;
    if (h.t === 'country' && (h.form === 'capital' || h.form === 'place')) {
      if (this.namesake(it)) return;
      [it, h] = this.suffixed(it, h);
      if (this.institution(c, h.rule)) return;
    }
    const n = this.next(this.i);
    if (n?.hit.t === 'agent') {
      this.i++;
      const m = this.emit({ start: it.start, end: n.end }, 'name', 'group', { name: c ? this.d.countries.get(c)?.name ?? null : null, country: c, sector: n.hit.sector, code: code(c, n.hit.sector) }, `${h.rule}; ${n.hit.rule}`);
      this.later(h, m);
      return;
    }
    if (n?.hit.t === 'title') {
      this.i++;
      return this.title(n, n.hit, c, it);
    }
    const form = h.t === 'country' ? h.form : 'demonym';
    const sector = form === 'capital' ? 'GOV' : null;
    const m = this.emit(it, form, form === 'capital' ? 'group' : 'country', { name: c ? this.d.countries.get(c)?.name ?? null : null, country: c, sector, code: code(c, sector) }, h.rule);
    this.later(h, m);
  }

  /** The capital or place item at `this.i` with the suffix that continues its name ("Chongjin City", "Sindh province"), if any. */
  private suffixed(it: Item, h: HitOf<'country'>): [Item, HitOf<'country'>] {
    const k = it.to;
    const sx = k < this.us.length && this.its[this.i + 1]?.from !== k ? this.d.suffixes.get(this.us[k].u)?.find((x) => x.words.every((w, n) => this.us[k + n]?.u === w)) : undefined;
    if (!sx) return [it, h];
    const to = k + sx.words.length;
    const hit = { ...h, rule: `${h.rule}; ${sx.rule}` };
    this.its[this.i] = { from: it.from, to, start: it.start, end: this.us[to - 1].end, hit };
    return [this.its[this.i], hit];
  }

  /** A capital or place inside the name of an agreement or group ("Oslo Accords"): the items inside are skipped. */
  private namesake(it: Item): boolean {
    const to = namesakeEnd(this.text, this.s, this.us, it.from, it.to, this.its[this.i + 1]?.from ?? Infinity, this.d);
    if (to < 0) return false;
    while (this.its[this.i + 1] && this.its[this.i + 1].from < to) this.i++;
    return true;
  }

  /** "Korean" before the publisher is known: decided at the end of the document (resolveLate). */
  private later(h: Hit, m: ActorMention): void {
    if (h.t === 'ambiguous' && h.mode === 'publisher' && m.actor.country === null) this.pending.push({ m, candidates: h.candidates });
  }

  private person(it: { start: number; end: number }, p: Person, title: HitOf<'title'> | null, extraRule: string, from = it.start): void {
    const t = tenureAt(p, this.date);
    if (this.institution(p.country, t.rule)) return;
    const role = title?.roles.find((r) => t.roles.includes(r)) ?? t.roles[0];
    const rule = extraRule ? `${t.rule}; ${extraRule}` : t.rule;
    this.emit({ start: from, end: it.end }, 'name', 'person', { name: p.name, country: p.country, sector: p.sector, code: p.code }, rule, role, p, t.roles);
  }

  /**
   * The name item at `this.i` (a person, capital or place, with any person items right after it: "Kim Il
   * Sung-Kim Jong Il") followed by a capitalised institution noun, with at most two capitalised words between
   * that are not verbs ("Kim Il Sung Square", "Kim Il Sung Higher Party School", "Moscow State University"),
   * names an institution or place, not the person or government: an org of `country` with the noun's sector.
   * The items inside are skipped.
   */
  private institution(country: string | null, nameRule: string): boolean {
    let j = this.i;
    while (this.its[j + 1]?.hit.t === 'person' && this.its[j + 1].from === this.its[j].to) j++;
    const found = institutionAfter(this.text, this.s, this.us, this.its[j].to, this.d);
    if (!found) return false;
    while (this.its[j + 1] && this.its[j + 1].from < found.to) j++;
    const span = { start: this.its[this.i].start, end: this.us[found.to - 1].end };
    this.i = j;
    const inst = found.noun;
    this.emit(span, 'name', 'org', { name: this.text.slice(span.start, span.end), country, sector: inst.sector, code: code(country, inst.sector) }, `${inst.rule}; ${nameRule}`);
    return true;
  }

  private petrarch(it: Item, h: HitOf<'petrarch'>): void {
    const d = this.date;
    const valid = h.codes.filter((c) => d === null || ((c.from === null || c.from <= d) && (c.to === null || d <= c.to)));
    const c = (valid.find((x) => x.from !== null || x.to !== null) ?? valid[0] ?? h.codes[0]).code;
    const country = /^[A-Z]{3}$/.test(c.slice(0, 3)) && !c.startsWith('IGO') && !c.startsWith('NGO') && !c.startsWith('---') && !c.startsWith('MNC') ? c.slice(0, 3) : null;
    const sector = c.length > 3 ? c.slice(3, 6) : null;
    const dated = h.codes.some((x) => x.from !== null || x.to !== null);
    this.emit(it, 'name', dated ? 'person' : country ? 'org' : 'igo', { name: h.name, country, sector, code: c }, h.rule);
  }

  private agent(it: Item, h: HitOf<'agent'>): void {
    // "the government and people of the Lao People's Democratic Republic"
    const agents: Item[] = [it];
    let k = it.to;
    let j = this.i;
    while (this.unit(k) === 'and' && this.its[j + 1]?.from === k + 1 && this.its[j + 1].hit.t === 'agent') {
      j++;
      agents.push(this.its[j]);
      k = this.its[j].to;
    }
    const ci = this.ofCountry(k, j);
    if (ci >= 0) {
      const ch = this.its[ci].hit as HitOf<'country'> | HitOf<'ambiguous'>;
      const c = this.countryOfHit(ch) ?? null;
      for (const a of agents) {
        const ah = a.hit as HitOf<'agent'>;
        this.emit({ start: a.start, end: this.its[ci].end }, 'name', 'group', { name: c ? this.d.countries.get(c)?.name ?? null : null, country: c, sector: ah.sector, code: code(c, ah.sector) }, `${ah.rule}; ${ch.rule}`);
      }
      this.i = ci;
      return;
    }
    // "its people", "their army", "the friendly government": back to the latest country (the part of speech last, being the dearest test)
    const c = this.mem.lastCountry();
    if (!c) return;
    const before = this.unit(it.from - 1);
    if (before === 'its' || before === 'their' || (this.unit(it.from - 2) === 'the' && this.isAdjective(it.from - 1))) {
      this.emit(it, 'coref', 'group', { name: this.d.countries.get(c)?.name ?? null, country: c, sector: h.sector, code: code(c, h.sector) }, h.rule);
    }
  }

  private isAdjective(k: number): boolean {
    const u = this.us[k];
    return u !== undefined && u.u !== BARRIER && posAt(this.s, u.start) === 'ADJ';
  }

  /**
   * A title: after a country ("the Russian President"), before a name ("President Vladimir Putin"),
   * before "of" + country ("the foreign minister of Laos"), or alone ("the President").
   */
  private title(it: Item, h: HitOf<'title'>, country: string | null | undefined, countryItem: Item | null): void {
    const start = countryItem?.start ?? it.start;
    const rules = countryItem ? `${(countryItem.hit as HitOf<'country'>).rule}; ${h.rule}` : h.rule;
    const n = this.next(this.i);
    if (n?.hit.t === 'person') {
      this.i++;
      return this.person(n, n.hit.person, h, rules);
    }
    const ci = this.ofCountry(it.to, this.i);
    if (country === undefined && ci < 0) {
      if (this.unit(it.from - 1) === 'the') {
        const p = this.mem.lastPerson(h.roles);
        if (p && !nameAfter(this.text, this.asciiText, this.s, it.end, this.s.end)) this.emit(it, 'coref', 'person', p.mention.actor, h.rule, p.mention.role, p.person, p.roles);
      }
      return;
    }
    if (country === undefined) {
      const ch = this.its[ci].hit as HitOf<'country'> | HitOf<'ambiguous'>;
      country = this.countryOfHit(ch) ?? null;
      this.i = ci;
      const span = { start: it.start, end: this.its[ci].end };
      const r = `${h.rule}; ${ch.rule}`;
      // "Amama Mbabazi, prime minister of Uganda"
      const comma = this.us[it.from - 1]?.u === BARRIER && this.text[this.us[it.from - 1].start] === ',' ? this.us[it.from - 1].start : -1;
      const prevEnd = this.out.length ? this.out[this.out.length - 1].end : this.s.start;
      if (comma >= 0) {
        if (this.out.length && this.out[this.out.length - 1].kind === 'person' && prevEnd === this.trimEnd(comma)) return;
        const name = nameBefore(this.text, this.asciiText, this.s, comma, prevEnd);
        if (name) return this.affiliated(name, h, country, r);
      }
      return this.inOffice(span, h, country, r, isPlace(ch));
    }
    const name = country ? nameAfter(this.text, this.asciiText, this.s, it.end, this.its[this.i + 1]?.start ?? this.s.end) : null;
    if (name && country) return this.affiliated(name, h, country, rules);
    this.inOffice({ start, end: it.end }, h, country, rules, countryItem !== null && isPlace(countryItem.hit));
  }

  private trimEnd(pos: number): number {
    let p = pos;
    while (p > 0 && /\s/.test(this.text[p - 1])) p--;
    return p;
  }

  /** An unknown person with a stated affiliation. */
  private affiliated(name: { start: number; end: number; text: string }, h: HitOf<'title'>, country: string | null, rule: string): void {
    this.emit(name, 'affiliation', 'person', { name: name.text, country, sector: h.sector, code: code(country, h.sector) }, rule, h.roles[0], null, h.roles);
  }

  /**
   * A title resolved by the date to the person then in office, or an unnamed office holder. The title of a
   * place (`local`: "the governor of Kandahar", "the President of Chechnya") is no national office.
   */
  private inOffice(span: { start: number; end: number }, h: HitOf<'title'>, country: string | null, rule: string, local: boolean): void {
    const found = country && !local ? personInOffice(this.d, country, h.roles, this.date) : null;
    // "Choummaly Sayasone, …, president of the Lao PDR": an appositive of a person already named here
    if (found && this.out.some((m) => m.form !== 'coref' && m.actor.name === found.person.name)) return;
    if (found) {
      const p = found.person;
      this.emit(span, 'title', 'person', { name: p.name, country: p.country, sector: p.sector, code: p.code }, `${rule}; ${found.tenure.rule}`, found.role, p, found.tenure.roles);
    } else {
      this.emit(span, 'title', 'title', { name: null, country, sector: h.sector, code: code(country, h.sector) }, rule, h.roles[0], null, h.roles);
    }
  }

  private coref(it: Item, h: HitOf<'coref'>): void {
    if (h.refers === 'person') {
      const p = this.mem.lastPerson();
      if (p) this.emit(it, 'coref', 'person', p.mention.actor, h.rule, p.mention.role, p.person, p.roles);
      return;
    }
    for (const c of this.mem.lastTwoCountries()) {
      this.emit(it, 'coref', h.sector ? 'group' : 'country', { name: this.d.countries.get(c)?.name ?? null, country: c, sector: h.sector, code: code(c, h.sector) }, h.rule);
    }
  }

  /** Capitalised words outside any hit that name a person named in full earlier ("Kim's recognition"). */
  private surnames(): void {
    if (this.mem.names.size === 0) return;
    let j = 0;
    for (let k = 0; k < this.us.length; k++) {
      while (j < this.its.length && this.its[j].to <= k) j++;
      if (j < this.its.length && this.its[j].from <= k) continue;
      const u = this.us[k];
      if (!isUpper(this.text, u.start)) continue;
      const p = this.mem.names.get(u.u);
      if (!p) continue;
      const next = this.us[k + 1];
      if (next && next.u !== BARRIER && isUpper(this.text, next.start)) continue;
      const t = tenureAt(p, this.date);
      this.emit(u, 'name', 'person', { name: p.name, country: p.country, sector: p.sector, code: p.code }, t.rule, t.roles[0], p, t.roles);
    }
  }
}

/** The publisher's country: the agency named by --source, else the first agency named in the text. */
function publisherOf(d: ActorDicts, source: string | null | undefined): string | null {
  if (!source) return null;
  return d.agencies.get(fold(source).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim())?.country ?? null;
}

export function findActors(a: AnalysedText, d: ActorDicts, opts: FindOptions = {}): ActorMention[][] {
  const date = opts.date ?? a.pubDate;
  const mem = new DocMemory();
  const pending: Pending[] = [];
  const publisher = publisherOf(d, opts.source);
  // One test of the whole text spares one per sentence: most texts are plain ASCII.
  const ascii = isAscii(a.text);
  const matcher = new SentenceMatcher(a.text, d, mem, date, publisher, pending, ascii);
  // A loop, not map(): map() makes a packed array until V8 optimises it and a holey one after, and every stage
  // that reads the lists was optimised for the first kind (deopt "wrong map", then a recompile of each).
  const out: ActorMention[][] = [];
  for (const s of a.sentences) out.push(matcher.run(s));
  if (publisher === null && pending.length) resolveLate(out, pending, d);
  return out;
}

/** "Korean" before the publisher was known: the first agency named in the text decides (KCNA → PRK). */
function resolveLate(out: ActorMention[][], pending: Pending[], d: ActorDicts): void {
  const c = out.flat().find((m) => m.kind === 'agency')?.actor.country;
  if (!c) return;
  for (const { m, candidates } of pending) {
    if (!candidates.includes(c)) continue;
    m.actor = { ...m.actor, country: c, name: d.countries.get(c)?.name ?? null, code: c + (m.actor.sector ?? '') };
  }
}
