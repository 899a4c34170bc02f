import * as chrono from 'chrono-node';
import type { ActorMention, AnalysedText, Sentence } from '../types.js';
import type { DateMention, SentenceDates } from '../pipeline/stages.js';
import { DictError, type DictSources } from '../dict/files.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { internWord, sentenceUnits, type Unit } from './units.js';

/** A named day from data/calendar/named-days.txt. */
export interface NamedDay {
  name: string;
  /** MM-DD, or null for days that move (Lunar New Year). */
  mmdd: string | null;
  occasion_type: string;
  country: string | null;
  /** Lower-case words that must occur in the document for this reading, or null. */
  cue: string | null;
  rule: string;
}

export interface Calendar {
  named: PhraseMatcher<NamedDay>;
  /** "national day", "independence day": resolved through the country named beside them. */
  generic: PhraseMatcher<true>;
  national: Map<string, { mmdd: string; name: string; rule: string }>;
}

const MMDD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ISO3 = /^[A-Z]{3}$/;
const TYPES = new Set(['national_day', 'anniversary', 'holiday', 'new_year', 'birthday']);
const GENERIC = ['national day', 'independence day', 'republic day', 'revolution day', 'founding anniversary'];

export function loadCalendar(src: DictSources): Calendar {
  const named = new PhraseMatcher<NamedDay>();
  for (const l of src.lines('calendar').filter((l) => l.file.endsWith('named-days.txt'))) {
    const [names, mmdd, type, country, cue] = l.fields;
    if (!names || mmdd === undefined || !type) throw new DictError(l.rule, 'expected names | MM-DD | occasion_type | country | cue');
    if (mmdd !== '-' && !MMDD.test(mmdd)) throw new DictError(l.rule, `bad date "${mmdd}" (MM-DD or -)`);
    if (!TYPES.has(type)) throw new DictError(l.rule, `unknown occasion_type "${type}"`);
    if (country && country !== '-' && !ISO3.test(country)) throw new DictError(l.rule, `bad country "${country}"`);
    const list = names.split(';').map((n) => n.trim()).filter(Boolean);
    const day: NamedDay = {
      name: list[0],
      mmdd: mmdd === '-' ? null : mmdd,
      occasion_type: type,
      country: country && country !== '-' ? country : null,
      cue: cue ? cue.toLowerCase() : null,
      rule: l.rule,
    };
    for (const n of list) named.add(n, day);
  }
  const national = new Map<string, { mmdd: string; name: string; rule: string }>();
  for (const l of src.lines('calendar').filter((l) => l.file.endsWith('national-days.txt'))) {
    const [country, mmdd, name] = l.fields;
    if (!country || !ISO3.test(country) || !mmdd || !MMDD.test(mmdd) || !name)
      throw new DictError(l.rule, 'expected ISO3 | MM-DD | name');
    national.set(country, { mmdd, name, rule: l.rule });
  }
  const generic = new PhraseMatcher<true>();
  for (const g of GENERIC) generic.add(g, true);
  return { named, generic, national };
}

/** The occurrence of MM-DD nearest to the publication date (messages come on the day or around it). */
export function nearestOccurrence(mmdd: string, pubDate: string | null): string | null {
  if (!pubDate) return null;
  const year = Number(pubDate.slice(0, 4));
  const pub = Date.parse(pubDate);
  let best: string | null = null;
  let bestDiff = Infinity;
  for (const y of [year - 1, year, year + 1]) {
    const iso = `${y}-${mmdd}`;
    const t = Date.parse(iso);
    if (Number.isNaN(t)) continue;
    const diff = Math.abs(t - pub);
    if (diff < bestDiff) [best, bestDiff] = [iso, diff];
  }
  return best;
}

/**
 * Words that make a date expression: month names (capitalised, so the modal "may" is not one), weekdays,
 * relative words. chrono-node reads only a window of text around each of them: it costs ~0.4 ms on a whole
 * long KCNA sentence, a few microseconds on a window.
 */
const DATE_HINT =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?|\b(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day\b|\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|ago)\b|\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+(?:week|month|year|spring|summer|autumn|fall|winter)\b|\d{1,2}\/\d{1,2}\/\d{2,4}/g;
const BARE_YEAR = /\b(?:in|of|since|from|until|till|by)\s+((?:1[89]|20)\d\d)\b/g;
/** Characters of context either side of a hint that chrono sees ("the 9th of May, 2010", "two days ago"). */
const WINDOW_BEFORE = 24;
const WINDOW_AFTER = 16;

/** Merged [start, end) windows (sentence-relative) around the date hints of `text`. */
function hintWindows(text: string): [number, number][] {
  const out: [number, number][] = [];
  // exec over the shared global expression: matchAll would copy the expression for every sentence.
  DATE_HINT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_HINT.exec(text)) !== null) {
    let a = Math.max(0, m.index - WINDOW_BEFORE);
    let b = Math.min(text.length, m.index + m[0].length + WINDOW_AFTER);
    while (a > 0 && /\S/.test(text[a - 1])) a--;
    while (b < text.length && /\S/.test(text[b])) b++;
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * chrono-node's casual English parser without the parsers and refiners for clock times and time zones:
 * reports date events by day, and the time parsers are most of chrono's cost (5.8 µs a window instead of 14).
 */
const DATE_ONLY = (() => {
  const timeParsers = /Time(Expression|UnitWithin|UnitCasualRelative)|CasualTime|EndOfCurrentMonth|SlashMonthFormat/;
  const timeRefiners = /Timezone|DateTime|ForwardDate/;
  const c = chrono.casual.clone();
  c.parsers = c.parsers.filter((p) => !timeParsers.test(p.constructor.name));
  c.refiners = c.refiners.filter((r) => !timeRefiners.test(r.constructor.name));
  return c;
})();

/** chrono's pattern for weekdays, to find a lone weekday at the index and with the text chrono gives it. */
const WEEKDAY_PATTERN = (() => {
  const p = DATE_ONLY.parsers.find((x) => x.constructor.name === 'ENWeekdayParser');
  if (!p) throw new Error('chrono-node has no ENWeekdayParser');
  return p.pattern(new chrono.ParsingContext(''));
})();
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** What every weekday name or abbreviation chrono knows holds, and "weekend", "weekday". */
const WEEKDAY_PART = /sun|mon|tue|wed|thu|fri|sat|week/gi;
/**
 * What every other pattern of DATE_ONLY needs to match (a digit, a month's first three letters, the words of
 * relative dates: ago, later, from now, today, last night, this/next week ...), and a refiner needs to change a
 * lone weekday ("end of", "last day of"). Case-insensitive as chrono is.
 */
const OTHER_DATE =
  /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ago|before|earlier|later|after|now|henceforth|forward|out|today|tonight|tomorrow|overmorrow|tmr|yesterday|night|this|last|past|next|end/i;
const DAY_MS = 86_400_000;

/**
 * The one date of a window that holds nothing but a weekday named in full ("Kim Jong Un on Thursday sent ..."),
 * as chrono reads it: the day of that name nearest the reference (UTC noon of the publication date), at most three
 * days ahead. Four in ten KCNA windows are such; chrono spends ~23 µs on one (twelve patterns, result objects,
 * eleven refiners), this a few hundred ns. Null when the window may hold anything else: chrono reads it.
 */
export function loneWeekday(window: string, ref: Date): { index: number; text: string; date: string } | null {
  WEEKDAY_PART.lastIndex = 0;
  if (!WEEKDAY_PART.test(window) || WEEKDAY_PART.test(window) || OTHER_DATE.test(window)) return null;
  const m = WEEKDAY_PATTERN.exec(window);
  const weekday = m ? WEEKDAYS.indexOf(m[3].toLowerCase()) : -1;
  const year = ref.getUTCFullYear();
  // A modifier ("last Thursday") is one of OTHER_DATE's words; chrono's Date arithmetic is trusted only for four-digit years.
  if (!m || weekday < 0 || m[2] || m[4] || !(year >= 1000 && year <= 9999)) return null;
  const header = m[1] ?? '';
  const forward = (weekday - ref.getUTCDay() + 7) % 7;
  const date = new Date(ref.getTime() + (forward <= 3 ? forward : forward - 7) * DAY_MS).toISOString().slice(0, 10);
  return { index: m.index + header.length, text: m[0].slice(header.length), date };
}

/**
 * Every match of DATE_HINT holds one of these words as a whole unit when the text is plain ASCII: its
 * month, weekday and relative words, and the nouns after last/next/this/coming. They join the vocabulary so
 * that a unit is checked by its number.
 */
const HINT_WORDS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tomorrow', 'ago',
  'week', 'month', 'year', 'spring', 'summer', 'autumn', 'fall', 'winter',
];
const IS_HINT = (() => {
  const ids = HINT_WORDS.map(internWord);
  const is = new Uint8Array(Math.max(...ids) + 1);
  for (const id of ids) is[id] = 1;
  return is;
})();
/**
 * Digits (slash dates, bare years) or a character outside ASCII: the regular expressions' \b is ASCII-only,
 * so next to such a letter a hint need not be a whole unit.
 */
const DIGIT_OR_WIDE = /[^\x00-\x7f]|\d/;

/**
 * Can the sentence hold a date hint or a bare year? A necessary condition, read off the shared units, that
 * spares most sentences the regular expressions (seven in ten KCNA sentences have neither digits nor hint words).
 */
function mayHoldDate(s: Sentence, us: Unit[]): boolean {
  if (DIGIT_OR_WIDE.test(s.text)) return true;
  for (let i = 0; i < us.length; i++) {
    const id = us[i].id;
    if (id >= 0 && id < IS_HINT.length && IS_HINT[id] === 1) return true;
  }
  return false;
}

/** `ref`: chrono's reference, the publication date at noon UTC (undefined when unknown: chrono then reads "now"). */
function chronoDates(s: Sentence, pubDate: string | null, ref: { instant: Date; timezone: string } | undefined, out: DateMention[]): void {
  for (const [a, b] of hintWindows(s.text)) {
    const window = s.text.slice(a, b);
    const lone = ref ? loneWeekday(window, ref.instant) : null;
    if (lone) {
      const start = s.start + a + lone.index;
      out.push({ sentence: s.index, start, end: start + lone.text.length, text: lone.text, date: lone.date, named: null });
      continue;
    }
    for (const r of DATE_ONLY.parse(window, ref)) {
      const start = s.start + a + r.index;
      const ago = yearsAgo(window, r, pubDate);
      if (ago) {
        out.push({ sentence: s.index, start, end: start + ago.text.length, text: ago.text, date: ago.date, named: null });
        continue;
      }
      const c = r.start;
      const iso = c.date().toISOString().slice(0, 10);
      const date = pubDate ? resolvePart(c, iso, pubDate) : statedPart(c, iso);
      out.push({ sentence: s.index, start, end: start + r.text.length, text: r.text, date, named: null });
    }
  }
  BARE_YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BARE_YEAR.exec(s.text)) !== null) {
    const at = s.start + m.index + m[0].length - 4;
    if (!out.some((d) => d.start <= at && at < d.end))
      out.push({ sentence: s.index, start: at, end: at + 4, text: m[1], date: m[1], named: null });
  }
}

type Component = chrono.ParsedResult['start'];

/** A month and day with a count of years after them, then "years ago" ("August 15, 66 years ago"). */
const COUNTED_YEAR = /,?\s*(\d{1,3})$/;
const YEARS_AGO = /^\s+years?\s+ago\b/i;

/**
 * "On August 15, 66 years ago": chrono reads "August 15, 66" as 1966; the number counts years back from the
 * publication date (1945 when published in 2011). The whole phrase is the mention; without a publication date
 * its year is unknown.
 */
function yearsAgo(window: string, r: chrono.ParsedResult, pubDate: string | null): { text: string; date: string | null } | null {
  const after = YEARS_AGO.exec(window.slice(r.index + r.text.length));
  const count = after && r.start.isCertain('day') ? COUNTED_YEAR.exec(r.text) : null;
  if (!after || !count) return null;
  const text = r.text + after[0];
  if (!pubDate) return { text, date: null };
  const year = String(Number(pubDate.slice(0, 4)) - Number(count[1])).padStart(4, '0');
  const mmdd = `${String(r.start.get('month')).padStart(2, '0')}-${String(r.start.get('day')).padStart(2, '0')}`;
  return { text, date: `${year}-${mmdd}` };
}

/** Unknown publication date: keep only what the text itself states, never the clock's year. */
function statedPart(c: Component, iso: string): string | null {
  if (!c.isCertain('year')) return null;
  if (!c.isCertain('month')) return iso.slice(0, 4);
  return c.isCertain('day') ? iso : iso.slice(0, 7);
}

/** Known publication date: chrono has filled the open parts from it; a lone month is the last one not after it. */
function resolvePart(c: Component, iso: string, pubDate: string): string {
  if (c.isCertain('day') || c.isCertain('weekday')) return iso;
  if (c.isCertain('month')) {
    if (c.isCertain('year')) return iso.slice(0, 7);
    const m = iso.slice(5, 7);
    const y = Number(pubDate.slice(0, 4));
    return `${`${y}-${m}` > pubDate.slice(0, 7) ? y - 1 : y}-${m}`;
  }
  return c.isCertain('year') ? iso.slice(0, 4) : iso;
}

/** The reading of a named day whose cue words the document holds, else the one without a cue. */
function pickNamed(days: NamedDay[], doc: { lower: string | null; text: string }): NamedDay {
  if (days.length === 1 && !days[0].cue) return days[0];
  const lower = (doc.lower ??= doc.text.toLowerCase());
  return days.find((d) => d.cue && lower.includes(d.cue)) ?? days.find((d) => !d.cue) ?? days[0];
}

/**
 * Dates per sentence: chrono-node for written dates and relative ones ("Sunday", "two days ago") against the
 * publication date, and named days ("Victory Day", "the national day of Laos") from data/calendar. Named days are
 * matched with our phrase trie rather than chrono custom parsers: they are dictionary data with cues and
 * country-dependent readings, and the trie already matches them across spelling variants.
 * Each sentence's are found when first asked for: the event and signal stages ask for a third of them.
 */
export function findDates(a: AnalysedText, mentions: ActorMention[][], cal: Calendar): SentenceDates {
  const doc = { lower: null as string | null, text: a.text };
  const ref = a.pubDate ? { instant: new Date(`${a.pubDate}T12:00:00Z`), timezone: 'UTC' } : undefined;
  const found: DateMention[][] = [];
  const sentenceDates = (s: Sentence): DateMention[] => {
    const out: DateMention[] = [];
    const us = sentenceUnits(a.text, s);
    if (mayHoldDate(s, us)) chronoDates(s, a.pubDate, ref, out);
    for (const m of cal.named.matchAll(us)) {
      const day = pickNamed(m.value, doc);
      const date = day.mmdd ? nearestOccurrence(day.mmdd, a.pubDate) : null;
      const named = { name: day.name, occasion_type: day.occasion_type, rule: day.rule };
      out.push({ sentence: s.index, start: m.start, end: m.end, text: a.text.slice(m.start, m.end), date, named });
    }
    for (const m of cal.generic.matchAll(us)) {
      if (out.some((d) => d.named && d.start <= m.start && m.end <= d.end)) continue;
      const country = nearestCountry(mentions[s.index] ?? [], m.start);
      const nat = country ? cal.national.get(country) : undefined;
      if (!nat) continue;
      const named = { name: `${nat.name} (${country})`, occasion_type: 'national_day', rule: nat.rule };
      const date = nearestOccurrence(nat.mmdd, a.pubDate);
      out.push({ sentence: s.index, start: m.start, end: m.end, text: a.text.slice(m.start, m.end), date, named });
    }
    return out.length > 1 ? out.sort((x, y) => x.start - y.start) : out;
  };
  return { of: (i) => (found[i] ??= a.sentences[i] ? sentenceDates(a.sentences[i]) : []) };
}

function nearestCountry(ms: ActorMention[], at: number): string | null {
  let best: string | null = null;
  let bestDist = Infinity;
  for (const m of ms) {
    if (!m.actor.country || m.kind === 'person') continue;
    const dist = Math.abs(m.start - at);
    if (dist < bestDist) [best, bestDist] = [m.actor.country, dist];
  }
  return best;
}
