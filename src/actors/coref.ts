/**
 * Light coreference: what a document has named so far, so that later words can point back to it.
 *  - "the two nations", "both sides"  → the two most recent distinct countries
 *  - "he", "his", "she"               → the most recent person
 *  - "the President" (a title alone)  → the most recent person who held one of the title's roles
 *  - "its people", "the friendly government" → the most recent country, with the agent's sector
 *  - a family name alone ("Kim", "Putin") → the person named in full earlier in the text, provided no
 *    other person named so far shares it and no capitalised word follows ("Kim Jong Suk" is someone else)
 */
import type { ActorMention } from '../types.js';
import type { Person } from './model.js';

const FAMILY_FIRST = new Set(['PRK', 'KOR', 'CHN', 'TWN', 'VNM', 'KHM']);

/** Family names by person, worked out once: a person is named again and again. */
const FAMILY = new WeakMap<Person, string | null>();

/** The family name, lower case: first in Korean, Chinese, Vietnamese and Khmer names, last elsewhere; null when under three letters. */
function familyName(p: Person): string | null {
  let k = FAMILY.get(p);
  if (k === undefined) {
    const words = p.name.split(/\s+/);
    const w = FAMILY_FIRST.has(p.country ?? '') ? words[0] : words[words.length - 1];
    FAMILY.set(p, (k = w.length < 3 ? null : w.toLowerCase()));
  }
  return k;
}

interface SeenPerson {
  mention: ActorMention;
  roles: string[];
  person: Person | null;
}

export class DocMemory {
  private countries: string[] = [];
  private persons: SeenPerson[] = [];
  /** Single name words of the persons named so far → the person, or null when two persons share it. */
  readonly names = new Map<string, Person | null>();

  /**
   * Record a mention (call in text order). Mentions that point back add nothing new and are skipped; so are
   * places, which mostly say where ("met in Geneva"), so that "the two countries" stay the two that met.
   */
  see(m: ActorMention, roles: string[] = [], person: Person | null = null): void {
    if (m.form === 'coref' || m.form === 'place') return;
    if (m.actor.country) this.countries.push(m.actor.country);
    if (m.kind === 'person' && m.actor.name) {
      this.persons.push({ mention: m, roles, person });
      if (person) this.learnNames(person);
    }
  }

  private learnNames(p: Person): void {
    const k = familyName(p);
    if (k === null) return;
    const had = this.names.get(k);
    this.names.set(k, had === undefined || had === p ? p : null);
  }

  /** The two most recent distinct countries, most recent first. */
  lastTwoCountries(): string[] {
    const out: string[] = [];
    for (let i = this.countries.length - 1; i >= 0 && out.length < 2; i--) {
      if (!out.includes(this.countries[i])) out.push(this.countries[i]);
    }
    return out.length === 2 ? out : [];
  }

  lastCountry(): string | null {
    return this.countries.length ? this.countries[this.countries.length - 1] : null;
  }

  /** The most recent person; with `roles`, the most recent who held one of them. */
  lastPerson(roles?: string[]): SeenPerson | null {
    for (let i = this.persons.length - 1; i >= 0; i--) {
      const p = this.persons[i];
      if (!roles || p.roles.some((r) => roles.includes(r))) return p;
    }
    return null;
  }
}
