/**
 * loadActors(): read the actor dictionaries of every root (shipped `data/actors/`, then each `--dict DIR`),
 * plus PETRARCH/TABARI `*.actors.txt` files found in the user directories, and compile them once into
 * one phrase trie. A malformed line throws DictError("file:line: problem").
 *
 * Layering: entries are keyed (a country by code, a person's tenure by name + start, a phrase by its
 * words, so "vice-president" = "vice president"); a user directory's entry replaces the shipped one with the same key. The same key twice within
 * one root is an error.
 */
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { DictError, type DictLine, type DictSources } from '../dict/files.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import { compile, phraseKey, type Records } from './compile.js';
import type { ActorDicts } from './model.js';
import { parsePetrarch } from './petrarch.js';
import * as R from './records.js';

type Kind = keyof Omit<Records, 'petrarch'>;

/** File name stem → kind; "persons-asia.txt" is a persons file. */
const KINDS: Record<string, { kind: Kind; parse: (l: DictLine) => { rule: string }; key: (r: never) => string }> = {
  countries: { kind: 'countries', parse: R.countryRecord, key: (r: R.CountryRecord) => r.code },
  igos: { kind: 'orgs', parse: R.igoRecord, key: (r: R.OrgRecord) => `igo:${r.name.toLowerCase()}` },
  agencies: { kind: 'orgs', parse: R.agencyRecord, key: (r: R.OrgRecord) => `agency:${r.name.toLowerCase()}` },
  orgs: { kind: 'orgs', parse: R.orgRecord, key: (r: R.OrgRecord) => `org:${r.name.toLowerCase()}` },
  persons: { kind: 'persons', parse: R.personRecord, key: (r: R.PersonRecord) => `${r.name.toLowerCase()}|${r.from ?? ''}` },
  agents: { kind: 'agents', parse: R.agentRecord, key: (r: R.AgentRecord) => phraseKey(r.phrase) },
  titles: { kind: 'titles', parse: R.titleRecord, key: (r: R.TitleRecord) => phraseKey(r.phrase) },
  ambiguous: { kind: 'ambiguous', parse: R.ambiguousRecord, key: (r: R.AmbiguousRecord) => phraseKey(r.phrase) },
  coref: { kind: 'coref', parse: R.corefRecord, key: (r: R.CorefRecord) => phraseKey(r.phrase) },
  blockers: { kind: 'blockers', parse: R.blockRecord, key: (r: R.BlockRecord) => phraseKey(r.phrase) },
  institutions: { kind: 'institutions', parse: R.institutionRecord, key: (r: R.InstitutionRecord) => phraseKey(r.phrase) },
  deceased: { kind: 'deceased', parse: R.deceasedRecord, key: (r: R.DeceasedRecord) => phraseKey(r.name) },
  places: { kind: 'places', parse: R.placeRecord, key: (r: R.PlaceRecord) => phraseKey(r.name) },
  suffixes: { kind: 'suffixes', parse: R.suffixRecord, key: (r: R.SuffixRecord) => phraseKey(r.phrase) },
  namesakes: { kind: 'namesakes', parse: R.namesakeRecord, key: (r: R.NamesakeRecord) => `${r.phrase.startsWith('-') ? '-' : ''}${phraseKey(r.phrase)}` },
};

const PETRARCH_FILE = /\.actors\.txt$/;

function kindOf(line: DictLine) {
  const stem = basename(line.file).replace(/\.txt$/, '').split(/[-.]/)[0];
  const k = KINDS[stem];
  if (!k) throw new DictError(line.rule, `unknown actor dictionary "${line.file}" (name it ${Object.keys(KINDS).join(', ')}, optionally with a -suffix)`);
  return k;
}

/** The root a line came from: its rule without "file:line". */
const rootOf = (l: DictLine) => l.rule.slice(0, l.rule.length - `${l.file}:${l.line}`.length);

export function loadActors(src: DictSources): ActorDicts {
  const keyed: { [K in Kind]: Map<string, Records[K][number] & { root: string }> } = {
    countries: new Map(), orgs: new Map(), persons: new Map(), agents: new Map(),
    titles: new Map(), ambiguous: new Map(), coref: new Map(), blockers: new Map(), institutions: new Map(), deceased: new Map(),
    places: new Map(), namesakes: new Map(), suffixes: new Map(),
  };
  for (const line of src.lines('actors')) {
    if (PETRARCH_FILE.test(line.file)) continue; // read below, in their own format
    const k = kindOf(line);
    const rec = k.parse(line);
    const key = k.key(rec as never);
    const root = rootOf(line);
    const map = keyed[k.kind] as Map<string, { rule: string; root: string }>;
    const prev = map.get(key);
    if (prev && prev.root === root) throw new DictError(line.rule, `duplicate entry "${key}" (first at ${prev.rule})`);
    map.set(key, { ...rec, root });
  }
  const warnings: string[] = [];
  const petrarch = src.roots.slice(1).flatMap((root) =>
    src.userFiles(PETRARCH_FILE).filter((f) => f.startsWith(root)).flatMap((f) => {
      const parsed = parsePetrarch(readFileSync(f, 'utf8'), `${root}/${relative(root, f)}`);
      warnings.push(...parsed.warnings);
      return parsed.actors;
    }),
  );
  const records: Records = {
    countries: [...keyed.countries.values()],
    orgs: [...keyed.orgs.values()],
    persons: [...keyed.persons.values()],
    agents: [...keyed.agents.values()],
    titles: [...keyed.titles.values()],
    ambiguous: [...keyed.ambiguous.values()],
    coref: [...keyed.coref.values()],
    blockers: [...keyed.blockers.values()],
    institutions: [...keyed.institutions.values()],
    deceased: [...keyed.deceased.values()],
    places: [...keyed.places.values()],
    namesakes: [...keyed.namesakes.values()],
    suffixes: [...keyed.suffixes.values()],
    petrarch,
  };
  return compile(records, new PhraseMatcher(), warnings);
}
