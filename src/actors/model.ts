/**
 * The compiled actor dictionaries: what loadActors() builds once and findActors() reads. Every entry
 * keeps the dictionary file:line (`rule`) that produced it, so each mention can say why it exists.
 */
import type { PhraseMatcher } from '../text/phrase-matcher.js';

export interface Country {
  code: string;
  name: string;
  rule: string;
}

/** One term of office: a person held `roles` in `country` (or the IGO `code`) from..to (inclusive, ISO). */
export interface Tenure {
  roles: string[];
  from: string | null;
  to: string | null;
  rule: string;
}

export interface Person {
  name: string;
  /** ISO alpha-3, or null for officials of an international body. */
  country: string | null;
  /** CAMEO-style code for the person (country + GOV, or the IGO code). */
  code: string;
  sector: string;
  tenures: Tenure[];
  /** Date of death (deceased.txt), ISO, or null. */
  died: string | null;
}

/** A PETRARCH/TABARI actor: its codes, each valid over a date range. */
export interface PetrarchCode {
  code: string;
  from: string | null;
  to: string | null;
}

/** What a dictionary phrase stands for. */
export type Hit =
  | { t: 'country'; code: string; form: 'name' | 'demonym' | 'capital' | 'acronym' | 'place'; rule: string }
  | { t: 'ambiguous'; candidates: string[]; mode: 'publisher' | 'unknown'; rule: string }
  | { t: 'org'; kind: 'igo' | 'agency' | 'org'; name: string; country: string | null; sector: string; code: string; rule: string }
  | { t: 'person'; person: Person }
  | { t: 'petrarch'; name: string; codes: PetrarchCode[]; rule: string }
  | { t: 'agent'; sector: string; rule: string }
  | { t: 'title'; roles: string[]; sector: string; rule: string }
  | { t: 'coref'; refers: 'pair' | 'person'; sector: string | null; rule: string }
  | { t: 'block'; rule: string };

/**
 * A trie value: the hit, whether the phrase must be written in upper case (US, WHO, AP), and which of its
 * words must begin with a capital (bit k for word k: "Russia Today", a place), 0 when none must.
 */
export interface Entry {
  hit: Hit;
  upper: boolean;
  caps: number;
}

/** A noun that makes a person's name part of an institution's or place's name ("Square", "Youth League"). */
export interface Institution {
  /** Its word units: ["youth", "league"]. */
  words: string[];
  /** CAMEO agent code of the institution (EDU for a university), or null. */
  sector: string | null;
  rule: string;
}

/**
 * A word that, right after a capital or place ("Oslo Accords", "Minsk agreements", "Geneva-based") or
 * written with a capital before "of" + one ("the Treaty of Rome"), makes the place part of another name:
 * no actor. `cased`: only when written with a capital ("Paris Club", not "a Paris club"); `hyphen`: only
 * joined by a hyphen.
 */
export interface Namesake {
  words: string[];
  cased: boolean;
  hyphen: boolean;
  rule: string;
}

/** A word that continues a place's own name: "Chongjin City", "Sindh province", "Tyumen region". */
export interface Suffix {
  words: string[];
  rule: string;
}

export interface Agency {
  name: string;
  country: string | null;
  rule: string;
}

export interface ActorDicts {
  matcher: PhraseMatcher<Entry>;
  countries: Map<string, Country>;
  /** Persons by canonical name. */
  persons: Map<string, Person>;
  /** Persons by country, for title resolution. */
  personsByCountry: Map<string, Person[]>;
  /** News agencies by canonical short name (upper case key). */
  agencies: Map<string, Agency>;
  /** Folded country names, demonyms and capitals (words joined by one space) → code, for countryOf(). */
  countryNames: Map<string, string>;
  /** Institution nouns (institutions.txt) by their first word: "youth" → Youth League. */
  institutions: Map<string, Institution[]>;
  /** Namesake words (namesakes.txt) by their first word: "accords" → Oslo Accords. */
  namesakes: Map<string, Namesake[]>;
  /** Place suffixes (suffixes.txt) by their first word. */
  suffixes: Map<string, Suffix[]>;
  /** Problems that did not stop loading (unreadable dates in PETRARCH files), "file:line: problem". */
  warnings: string[];
}
