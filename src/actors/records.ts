/**
 * One parser per actor dictionary file kind: DictLine (file:line + `|` fields) → a typed record.
 * Fields are validated with zod; a bad line throws DictError("file:line: problem").
 */
import { z } from 'zod';
import { DictError, type DictLine } from '../dict/files.js';

export const ISO3 = /^[A-Z]{3}$/;
const SECTOR = /^[A-Z]{3}$/;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), 'not a real date');
const optDate = z.union([z.literal(''), isoDate]).transform((s) => (s === '' ? null : s));
const iso3 = z.string().regex(ISO3, 'expected an ISO 3166-1 alpha-3 code (three capital letters)');
const sector = z.string().regex(SECTOR, 'expected a CAMEO agent code (three capital letters)');
const igoCode = z.string().regex(/^(IGO|NGO)[A-Z0-9]{1,12}$/, 'expected an IGO/NGO code (IGOUNO…)');
const text = z.string().min(1, 'empty field');
const list = z.string().transform((s) => s.split(';').map((x) => x.trim()).filter(Boolean));

/** Validate `line.fields` against the schemas of its columns (missing trailing columns read as ''). */
function columns<T extends z.ZodTypeAny[]>(
  line: DictLine,
  names: string[],
  schemas: [...T],
): { [K in keyof T]: z.output<T[K]> } {
  if (line.fields.length > schemas.length) {
    throw new DictError(line.rule, `expected at most ${schemas.length} columns (${names.join(' | ')}), found ${line.fields.length}`);
  }
  return schemas.map((schema, i) => {
    const r = schema.safeParse(line.fields[i] ?? '');
    if (!r.success) throw new DictError(line.rule, `column ${names[i]} "${line.fields[i] ?? ''}": ${r.error.issues[0].message}`);
    return r.data;
  }) as { [K in keyof T]: z.output<T[K]> };
}

export interface CountryRecord { code: string; name: string; names: string[]; demonyms: string[]; capitals: string[]; rule: string }
export function countryRecord(l: DictLine): CountryRecord {
  const [code, name, names, demonyms, capitals] = columns(l, ['code', 'name', 'other names', 'demonyms', 'capitals'], [iso3, text, list, list, list]);
  return { code, name, names, demonyms, capitals, rule: l.rule };
}

export interface OrgRecord { kind: 'igo' | 'agency' | 'org'; name: string; country: string | null; sector: string; code: string; names: string[]; cased: boolean; rule: string }
export function igoRecord(l: DictLine): OrgRecord {
  const [code, name, names] = columns(l, ['code', 'name', 'other names'], [igoCode, text, list]);
  return { kind: 'igo', name, country: null, sector: code.slice(0, 3), code, names, cased: false, rule: l.rule };
}
/** `case` column: "cased" when the name is made of common words ("Russia Today", "People's Daily"). */
const caseFlag = z.union([z.literal(''), z.literal('cased')]).transform((s) => s === 'cased');
export function agencyRecord(l: DictLine): OrgRecord {
  const [name, country, names, cased] = columns(l, ['short name', 'country', 'other names', 'case'], [text, iso3, list, caseFlag]);
  return { kind: 'agency', name, country, sector: 'MED', code: `${country}MED`, names, cased, rule: l.rule };
}
export function orgRecord(l: DictLine): OrgRecord {
  const [name, country, sec, names] = columns(l, ['name', 'country', 'sector', 'other names'], [text, iso3, sector, list]);
  return { kind: 'org', name, country, sector: sec, code: country + sec, names, cased: false, rule: l.rule };
}

export interface PlaceRecord { name: string; country: string; names: string[]; rule: string }
export function placeRecord(l: DictLine): PlaceRecord {
  const [name, country, names] = columns(l, ['name', 'country', 'other names'], [text, iso3, list]);
  return { name, country, names, rule: l.rule };
}

export interface SuffixRecord { phrase: string; rule: string }
export const suffixRecord = (l: DictLine): SuffixRecord => ({ phrase: columns(l, ['word'], [text])[0], rule: l.rule });

export interface NamesakeRecord { phrase: string; rule: string }
export function namesakeRecord(l: DictLine): NamesakeRecord {
  const [phrase] = columns(l, ['word'], [text]);
  return { phrase, rule: l.rule };
}

export interface PersonRecord { name: string; country: string | null; code: string; sector: string; roles: string[]; from: string | null; to: string | null; names: string[]; rule: string }
export function personRecord(l: DictLine): PersonRecord {
  const [name, where, roles, from, to, names] = columns(
    l,
    ['name', 'country', 'roles', 'from', 'to', 'other names'],
    [text, z.union([iso3, igoCode]), list.refine((r) => r.length > 0, 'at least one role'), optDate, optDate, list],
  );
  if (from && to && from > to) throw new DictError(l.rule, `tenure ends (${to}) before it starts (${from})`);
  const igo = where.length > 3;
  return { name, country: igo ? null : where, code: igo ? where : `${where}GOV`, sector: igo ? 'IGO' : 'GOV', roles, from, to, names, rule: l.rule };
}

export interface AgentRecord { phrase: string; sector: string; rule: string }
export function agentRecord(l: DictLine): AgentRecord {
  const [phrase, sec] = columns(l, ['phrase', 'sector'], [text, sector]);
  return { phrase, sector: sec, rule: l.rule };
}

export interface TitleRecord { phrase: string; roles: string[]; sector: string; rule: string }
export function titleRecord(l: DictLine): TitleRecord {
  const [phrase, roles, sec] = columns(l, ['phrase', 'roles', 'sector'], [text, list.refine((r) => r.length > 0, 'at least one role'), sector]);
  return { phrase, roles, sector: sec, rule: l.rule };
}

export interface AmbiguousRecord { phrase: string; candidates: string[]; mode: 'publisher' | 'unknown'; rule: string }
export function ambiguousRecord(l: DictLine): AmbiguousRecord {
  const [phrase, candidates, mode] = columns(
    l,
    ['phrase', 'candidates', 'rule'],
    [text, list.pipe(z.array(iso3).min(2, 'at least two candidate countries')), z.enum(['publisher', 'unknown'])],
  );
  return { phrase, candidates, mode, rule: l.rule };
}

export interface CorefRecord { phrase: string; refers: 'pair' | 'person'; sector: string | null; rule: string }
export function corefRecord(l: DictLine): CorefRecord {
  const [phrase, refers, sec] = columns(l, ['phrase', 'refers to', 'sector'], [text, z.enum(['pair', 'person']), z.union([z.literal(''), sector])]);
  return { phrase, refers, sector: sec || null, rule: l.rule };
}

export interface DeceasedRecord { name: string; died: string; rule: string }
export function deceasedRecord(l: DictLine): DeceasedRecord {
  const [name, died] = columns(l, ['name', 'died'], [text, isoDate]);
  return { name, died, rule: l.rule };
}

export interface InstitutionRecord { phrase: string; sector: string | null; rule: string }
export function institutionRecord(l: DictLine): InstitutionRecord {
  const [phrase, sec] = columns(l, ['noun', 'sector'], [text, z.union([z.literal(''), sector])]);
  return { phrase, sector: sec || null, rule: l.rule };
}

export interface BlockRecord { phrase: string; rule: string }
export function blockRecord(l: DictLine): BlockRecord {
  const [phrase] = columns(l, ['phrase'], [text]);
  return { phrase, rule: l.rule };
}
