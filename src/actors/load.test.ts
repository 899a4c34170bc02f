import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { DictError, DictSources } from '../dict/files.js';
import { analyse } from '../text/analyse.js';
import { phraseKey } from './compile.js';
import { countryOf, findActors, loadActors, personInOffice } from './index.js';

const EXTRA_CODES = new Set(['XKX']); // Kosovo: user-assigned, in common use

function userDir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'attache-actors-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe('shipped actor dictionaries', () => {
  const src = new DictSources();
  const lines = src.lines('actors');
  const file = (stem: string) => lines.filter((l) => l.file.startsWith(`actors/${stem}`));

  it('load without error', () => {
    const d = loadActors(src);
    expect(d.countries.size).toBe(197);
    expect(d.warnings).toEqual([]);
  });

  it('use only valid ISO 3166-1 alpha-3 country codes', () => {
    const codes = [
      ...file('countries').map((l) => l.fields[0]),
      ...file('agencies').map((l) => l.fields[1]),
      ...file('orgs').map((l) => l.fields[1]),
      ...file('places').map((l) => l.fields[1]),
      ...file('persons').map((l) => l.fields[1]).filter((c) => !c.startsWith('IGO')),
      ...file('ambiguous').flatMap((l) => l.fields[1].split(';').map((c) => c.trim())),
    ];
    const bad = codes.filter((c) => !countries.isValid(c) && !EXTRA_CODES.has(c));
    expect(bad).toEqual([]);
  });

  it('cover every UN member plus Taiwan, Palestine, Kosovo and the Holy See', () => {
    const ours = new Set(file('countries').map((l) => l.fields[0]));
    for (const c of ['TWN', 'PSE', 'XKX', 'VAT', 'PRK', 'KOR', 'SSD', 'TLS']) expect(ours.has(c), c).toBe(true);
  });

  it('give no phrase to two different actors', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    const claim = (phrase: string, who: string, rule: string) => {
      const k = phraseKey(phrase);
      const had = owner.get(k);
      if (had && had !== who) clashes.push(`${phrase} (${rule}) also ${had}`);
      owner.set(k, who);
    };
    for (const l of file('countries')) for (const f of l.fields.slice(1)) for (const p of f.split(';').filter((x) => x.trim())) claim(p, l.fields[0], l.rule);
    for (const stem of ['igos', 'agencies', 'orgs']) for (const l of file(stem)) for (const p of [l.fields[stem === 'igos' ? 1 : 0], ...(l.fields[stem === 'orgs' ? 3 : 2] ?? '').split(';')].filter((x) => x.trim())) claim(p, `${stem}:${l.fields[0]}:${l.fields[1]}`, l.rule);
    for (const l of file('persons')) for (const p of [l.fields[0], ...(l.fields[5] ?? '').split(';')].filter((x) => x.trim())) claim(p, `person:${l.fields[0]}`, l.rule);
    for (const l of file('places')) for (const p of [l.fields[0], ...(l.fields[2] ?? '').split(';')].filter((x) => x.trim())) claim(p, `place:${l.fields[0]}`, l.rule);
    for (const stem of ['agents', 'titles', 'ambiguous', 'coref', 'blockers']) for (const l of file(stem)) claim(l.fields[0], `${stem}:${l.fields[0]}`, l.rule);
    expect(clashes).toEqual([]);
  });

  it('name no place by a word of a person\'s name, which would hide the person named alone ("Milan", "Sabah")', () => {
    const words = new Set<string>();
    for (const l of file('persons')) for (const n of [l.fields[0], ...(l.fields[5] ?? '').split(';')]) for (const w of phraseKey(n).split(' ')) words.add(w);
    const places = file('places').flatMap((l) => [l.fields[0], ...(l.fields[2] ?? '').split(';')].filter((x) => x.trim()).map((p) => `${p.trim()} (${l.rule})`));
    expect(places.length).toBeGreaterThan(300);
    expect(places.filter((p) => words.has(phraseKey(p.replace(/ \(.*$/, ''))))).toEqual([]);
  });

  it('give persons tenures with real dates in order, and one entry per tenure', () => {
    const seen = new Set<string>();
    for (const l of file('persons')) {
      const [name, , , from, to] = l.fields;
      for (const d of [from, to].filter(Boolean)) expect(new Date(d).toISOString().slice(0, 10), l.rule).toBe(d);
      if (from && to) expect(from <= to, l.rule).toBe(true);
      expect(seen.has(`${name}|${from}`), l.rule).toBe(false);
      seen.add(`${name}|${from}`);
    }
  });

  it('give every death in deceased.txt a real date and a person of the persons files', () => {
    const d = loadActors(src);
    const byName = new Map<string, string | null>();
    for (const p of d.persons.values()) byName.set(phraseKey(p.name), p.died);
    const deaths = file('deceased');
    expect(deaths.length).toBeGreaterThan(20);
    for (const l of deaths) {
      const [name, died] = l.fields;
      expect(new Date(died).toISOString().slice(0, 10), l.rule).toBe(died);
      expect(byName.get(phraseKey(name)), l.rule).toBe(died);
    }
    expect(d.persons.get('Kim Il Sung')?.died).toBe('1994-07-08');
    expect(d.persons.get('Dmitry Medvedev')?.died).toBeNull();
  });
});

describe('lookups', () => {
  const d = loadActors(new DictSources());
  it('countryOf reads names, demonyms and capitals', () => {
    expect(['Laos', 'Lao', 'Vientiane', "Lao People's Democratic Republic", 'Nowhere'].map((n) => countryOf(d, n))).toEqual(['LAO', 'LAO', 'LAO', 'LAO', null]);
  });
  it('personInOffice follows tenures', () => {
    expect(personInOffice(d, 'USA', ['President'], '2009-01-19')?.person.name).toBe('George W. Bush');
    expect(personInOffice(d, 'USA', ['President'], '2009-01-21')?.person.name).toBe('Barack Obama');
    expect(personInOffice(d, 'RUS', ['Prime Minister'], '2010-01-01')?.person.name).toBe('Vladimir Putin');
    expect(personInOffice(d, 'RUS', ['Prime Minister'], null)).toBeNull();
  });
});

describe('user dictionaries (--dict DIR)', () => {
  it('add to and override the shipped ones', () => {
    const dir = userDir({
      'actors/persons.txt': '# name | country | roles | from | to | other names\nBounma Khamphoui | LAO | Vice President | 2011-01-01 | |\n',
      'actors/countries.txt': '# code | name | other | demonyms | capitals\nLAO | Lao PDR | Laos | Lao | Vientiane; Luang Prabang\n',
    });
    const d = loadActors(new DictSources([dir]));
    const ms = findActors(analyse('Bounma Khamphoui flew to Luang Prabang.', '2012-01-01'), d).flat();
    expect(ms.map((m) => `${m.actor.name}/${m.actor.code}`)).toEqual(['Bounma Khamphoui/LAOGOV', 'Lao PDR/LAOGOV']);
    expect(ms[1].rule).toBe(`${dir}/actors/countries.txt:2`);
  });

  it('reject a malformed line with file:line', () => {
    const dir = userDir({ 'actors/persons.txt': '# header\nKim Test | PRK | Premier | 2012-13-01 | |\n' });
    expect(() => loadActors(new DictSources([dir]))).toThrow(DictError);
    expect(() => loadActors(new DictSources([dir]))).toThrow(`${dir}/actors/persons.txt:2: column from "2012-13-01"`);
  });

  it('reject a tenure that ends before it starts, and a duplicate within one directory', () => {
    const rev = userDir({ 'actors/persons.txt': 'Kim Test | PRK | Premier | 2012-02-01 | 2011-01-01 |\n' });
    expect(() => loadActors(new DictSources([rev]))).toThrow(/persons\.txt:1: tenure ends/);
    const dup = userDir({ 'actors/agents.txt': 'navy | MIL\nnavy | MIL\n' });
    expect(() => loadActors(new DictSources([dup]))).toThrow(/agents\.txt:2: duplicate entry "navy" \(first at .*agents\.txt:1\)/);
  });

  it('reject a death that names no person, or has no real date', () => {
    const nobody = userDir({ 'actors/deceased.txt': '# name | died\nKim Nobody | 2001-01-01\n' });
    expect(() => loadActors(new DictSources([nobody]))).toThrow(/deceased\.txt:2: "Kim Nobody" names no person/);
    const bad = userDir({ 'actors/deceased.txt': 'Mao Zedong | 1976-02-30\n' });
    expect(() => loadActors(new DictSources([bad]))).toThrow(/deceased\.txt:1: column died "1976-02-30": not a real date/);
  });

  it('add places, and reject a bad place or agency line with file:line', () => {
    const d = loadActors(new DictSources([userDir({ 'actors/places-lao.txt': '# name | country | other names\nLuang Namtha | LAO | Namtha\n' })]));
    expect(findActors(analyse('Floods hit Namtha.', '2012-01-01'), d).flat().map((m) => `${m.actor.code}/${m.form}`)).toEqual(['LAO/place']);
    expect(() => loadActors(new DictSources([userDir({ 'actors/places.txt': 'Namtha | Laos |\n' })]))).toThrow(/places\.txt:1: column country "Laos"/);
    expect(() => loadActors(new DictSources([userDir({ 'actors/agencies.txt': 'Lao Daily | LAO | | upper\n' })]))).toThrow(/agencies\.txt:1: column case "upper"/);
  });

  it('reject an unknown dictionary file and a bad country code', () => {
    expect(() => loadActors(new DictSources([userDir({ 'actors/people.txt': 'x | y\n' })]))).toThrow(/people\.txt:1: unknown actor dictionary/);
    expect(() => loadActors(new DictSources([userDir({ 'actors/orgs.txt': 'Some Party | prk | PTY |\n' })]))).toThrow(/orgs\.txt:1: column country "prk"/);
  });
});
