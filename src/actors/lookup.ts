/** Lookups over the compiled dictionaries that other stages need as well as the matcher. */
import type { ActorDicts, Person, Tenure } from './model.js';
import { phraseKey } from './compile.js';

/** ISO alpha-3 code of a country named by name, short name, demonym or capital ("Laos", "Lao", "Vientiane"). */
export function countryOf(dicts: ActorDicts, name: string): string | null {
  return dicts.countryNames.get(phraseKey(name)) ?? null;
}

const holds = (t: Tenure, date: string) => (t.from === null || t.from <= date) && (t.to === null || date <= t.to);

/** The tenure in force at `date`; else the last one that began before it; else the first. Null date: the last. */
export function tenureAt(p: Person, date: string | null): Tenure {
  if (date === null) return p.tenures[p.tenures.length - 1];
  let best: Tenure | null = null;
  for (const t of p.tenures) {
    if (holds(t, date)) return t;
    if ((t.from ?? '') <= date) best = t;
  }
  return best ?? p.tenures[0];
}

export interface InOffice {
  person: Person;
  tenure: Tenure;
  role: string;
}

/**
 * Who held one of `roles` (in order of preference) for `country` (or an IGO code) at `date`.
 * Without a date nobody can be named: null (dates are never invented).
 */
export function personInOffice(dicts: ActorDicts, country: string, roles: string[], date: string | null): InOffice | null {
  if (date === null) return null;
  const people = dicts.personsByCountry.get(country);
  if (!people) return null;
  for (const role of roles) {
    let found: InOffice | null = null;
    for (const person of people) {
      for (const tenure of person.tenures) {
        if (tenure.roles.includes(role) && holds(tenure, date) && (!found || (tenure.from ?? '') > (found.tenure.from ?? ''))) {
          found = { person, tenure, role };
        }
      }
    }
    if (found) return found;
  }
  return null;
}
