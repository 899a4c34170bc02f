/**
 * Compile validated dictionary records into ActorDicts: one phrase trie over word units holding every
 * name, demonym, capital, title, agent word and coreference phrase, plus the lookup maps.
 */
import type { PetrarchActor } from './petrarch.js';
import { DictError } from '../dict/files.js';
import type { PhraseMatcher } from '../text/phrase-matcher.js';
import { phraseKeys } from '../text/units.js';
import type { ActorDicts, Agency, Country, Entry, Hit, Institution, Namesake, Person, Suffix } from './model.js';
import type * as R from './records.js';
import { ISO3 } from './records.js';

export interface Records {
  countries: R.CountryRecord[];
  orgs: R.OrgRecord[];
  persons: R.PersonRecord[];
  agents: R.AgentRecord[];
  titles: R.TitleRecord[];
  ambiguous: R.AmbiguousRecord[];
  coref: R.CorefRecord[];
  blockers: R.BlockRecord[];
  institutions: R.InstitutionRecord[];
  deceased: R.DeceasedRecord[];
  places: R.PlaceRecord[];
  namesakes: R.NamesakeRecord[];
  suffixes: R.SuffixRecord[];
  petrarch: PetrarchActor[];
}

/** Accents are ignored on both sides: "Côte d'Ivoire" = "Cote d'Ivoire". */
export const fold = (s: string): string => (/[^\x00-\x7f]/.test(s) ? s.normalize('NFD').replace(/\p{M}+/gu, '') : s);

/** An acronym such as US, WHO, D.P.R.K. matches only in upper case; "us" and "who" stay words. */
const isUpper = (phrase: string): boolean =>
  !/\p{Ll}/u.test(phrase) && /\p{Lu}/u.test(phrase) && phrase.split(/[^\p{L}]+/u).every((w) => w.length <= 5);

export const phraseKey = (phrase: string): string => phraseKeys(fold(phrase)).join(' ');

/** The words of `phrase` (as phraseKeys reads them) that begin with a capital, as bits: "People's Daily" → 0b101. */
function capitals(phrase: string): number {
  let bits = 0;
  let k = 0;
  for (const m of fold(phrase).matchAll(/[\p{L}\p{N}]+/gu)) {
    if (/^\p{Lu}/u.test(m[0])) bits |= 1 << k;
    k++;
  }
  return bits;
}

export function compile(rec: Records, matcher: PhraseMatcher<Entry>, warnings: string[]): ActorDicts {
  const add = (phrase: string, hit: Hit, upper = isUpper(phrase), cased = false) => matcher.add(fold(phrase), { hit, upper, caps: cased ? capitals(phrase) : 0 });
  // A place is a proper name: written with its capitals only ("Gaza Strip", not "the west bank" of a river).
  // Added first, so that any country entry for the same words, a user's too, is the one kept.
  for (const r of rec.places) for (const p of [r.name, ...r.names]) add(p, { t: 'country', code: r.country, form: 'place', rule: r.rule }, false, true);
  const countries = new Map<string, Country>();
  const countryNames = new Map<string, string>();
  for (const c of rec.countries) {
    countries.set(c.code, { code: c.code, name: c.name, rule: c.rule });
    const forms: [string[], 'name' | 'demonym' | 'capital'][] = [[[c.name, ...c.names], 'name'], [c.demonyms, 'demonym'], [c.capitals, 'capital']];
    for (const [phrases, form] of forms) {
      for (const p of phrases) {
        add(p, { t: 'country', code: c.code, form: form === 'name' && isUpper(p) ? 'acronym' : form, rule: c.rule });
        countryNames.set(phraseKey(p), c.code);
      }
    }
  }
  const agencies = new Map<string, Agency>();
  for (const o of rec.orgs) {
    const hit: Hit = { t: 'org', kind: o.kind, name: o.name, country: o.country, sector: o.sector, code: o.code, rule: o.rule };
    for (const p of [o.name, ...o.names]) add(p, hit, isUpper(p), o.cased);
    if (o.kind === 'agency') {
      const a = { name: o.name, country: o.country, rule: o.rule };
      for (const p of [o.name, ...o.names]) agencies.set(phraseKey(p), a);
    }
  }
  const persons = new Map<string, Person>();
  const names = new Map<string, Set<string>>();
  for (const r of rec.persons) {
    let p = persons.get(r.name);
    if (!p) {
      p = { name: r.name, country: r.country, code: r.code, sector: r.sector, tenures: [], died: null };
      persons.set(r.name, p);
      names.set(r.name, new Set([r.name]));
    }
    p.tenures.push({ roles: r.roles, from: r.from, to: r.to, rule: r.rule });
    for (const n of r.names) names.get(r.name)!.add(n);
  }
  const byName = new Map<string, Person>();
  for (const p of persons.values()) for (const n of names.get(p.name)!) byName.set(phraseKey(n), p);
  for (const d of rec.deceased) {
    const p = byName.get(phraseKey(d.name));
    if (!p) throw new DictError(d.rule, `"${d.name}" names no person of the persons files`);
    p.died = d.died;
  }
  const personsByCountry = new Map<string, Person[]>();
  for (const p of persons.values()) {
    for (const n of names.get(p.name)!) add(n, { t: 'person', person: p });
    p.tenures.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
    const key = p.country ?? p.code;
    personsByCountry.set(key, [...(personsByCountry.get(key) ?? []), p]);
  }
  for (const a of rec.agents) add(a.phrase, { t: 'agent', sector: a.sector, rule: a.rule });
  for (const t of rec.titles) add(t.phrase, { t: 'title', roles: t.roles, sector: t.sector, rule: t.rule });
  for (const a of rec.ambiguous) add(a.phrase, { t: 'ambiguous', candidates: a.candidates, mode: a.mode, rule: a.rule });
  for (const c of rec.coref) add(c.phrase, { t: 'coref', refers: c.refers, sector: c.sector, rule: c.rule });
  for (const b of rec.blockers) add(b.phrase, { t: 'block', rule: b.rule });
  for (const a of rec.petrarch) {
    const only = a.codes.length === 1 && a.codes[0].from === null && a.codes[0].to === null ? a.codes[0].code : null;
    const hit: Hit = only && ISO3.test(only) && only !== 'IGO' && only !== 'NGO'
      ? { t: 'country', code: only, form: 'name', rule: a.rule }
      : { t: 'petrarch', name: titleCase(a.names[0]), codes: a.codes, rule: a.rule };
    for (const n of a.names) add(n, hit, false);
  }
  const institutions = new Map<string, Institution[]>();
  for (const r of rec.institutions) {
    const words = phraseKeys(fold(r.phrase));
    institutions.set(words[0], [...(institutions.get(words[0]) ?? []), { words, sector: r.sector, rule: r.rule }]);
  }
  const namesakes = new Map<string, Namesake[]>();
  for (const r of rec.namesakes) {
    const words = phraseKeys(fold(r.phrase));
    const n = { words, cased: /^\p{Lu}/u.test(r.phrase), hyphen: r.phrase.startsWith('-'), rule: r.rule };
    namesakes.set(words[0], [...(namesakes.get(words[0]) ?? []), n]);
  }
  const suffixes = new Map<string, Suffix[]>();
  for (const r of rec.suffixes) {
    const words = phraseKeys(fold(r.phrase));
    suffixes.set(words[0], [...(suffixes.get(words[0]) ?? []), { words, rule: r.rule }]);
  }
  return { matcher, countries, persons, personsByCountry, agencies, countryNames, institutions, namesakes, suffixes, warnings };
}

/** PETRARCH names are upper case: "KIM JONG IL" → "Kim Jong Il". */
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
