/**
 * Reader for PETRARCH/TABARI `.actors` dictionaries (e.g. Phoenix.Countries.actors.txt):
 *
 *   NAME_WITH_UNDERSCORES_  [CODE]         an actor; `_` separates words, a trailing `_` marks the word end
 *   +ALIAS_                                another name of the actor above
 *   \t[CODE 20090120-20170120]             a code valid over a date range (also `>FROM`, `<UNTIL`)
 *   # comment                              to the end of a line
 *
 * Dates are YYYYMMDD or YYMMDD; a two-digit year below 30 is 20YY, otherwise 19YY (the Phoenix files date
 * from 2014 and reach back to the 1930s). A code without dates is valid at any date. A date that cannot be
 * read (the real Phoenix files hold a few typos such as `9008223`) drops that one code with a warning, and
 * stray text after the codes is ignored with a warning; any other malformation (unbalanced brackets, a bad code, an alias before any actor) is an error, file:line.
 */
import { DictError } from '../dict/files.js';
import type { PetrarchCode } from './model.js';

export interface PetrarchActor {
  names: string[];
  codes: PetrarchCode[];
  rule: string;
}

export interface PetrarchFile {
  actors: PetrarchActor[];
  /** "file:line: problem" for codes dropped over an unreadable date. */
  warnings: string[];
}

/** An unreadable date: the restriction is skipped, not the file. */
class BadDate extends Error {}

const BRACKET = /\[([^\]]*)\]/g;
const CODE = /^(?:[A-Z0-9]{3,}|---[A-Z0-9]*)$/;

function isoOf(d: string, where: string): string {
  let y: number, m: string, day: string;
  if (/^\d{8}$/.test(d)) [y, m, day] = [Number(d.slice(0, 4)), d.slice(4, 6), d.slice(6, 8)];
  else if (/^\d{6}$/.test(d)) {
    const yy = Number(d.slice(0, 2));
    [y, m, day] = [yy < 30 ? 2000 + yy : 1900 + yy, d.slice(2, 4), d.slice(4, 6)];
  } else throw new BadDate(`bad date "${d}" (expected YYYYMMDD or YYMMDD)`);
  const iso = `${String(y).padStart(4, '0')}-${m}-${day}`;
  const t = new Date(`${iso}T00:00:00Z`);
  // Phoenix has end-of-month slips such as 20060631; read them as the month's last day.
  if (Number(m) < 1 || Number(m) > 12 || Number(day) < 1 || Number(day) > 31) throw new BadDate(`bad date "${d}"`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso) {
    const last = new Date(Date.UTC(y, Number(m), 0)).toISOString().slice(0, 10);
    return last;
  }
  return iso;
}

/** One `[CODE …]` restriction. */
function parseCode(body: string, where: string): PetrarchCode {
  const parts = body.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) throw new DictError(where, 'empty [] code');
  const code = parts[0];
  if (!CODE.test(code)) throw new DictError(where, `bad actor code "${code}"`);
  const rest = parts.slice(1).join('');
  if (!rest) return { code, from: null, to: null };
  if (rest.startsWith('>')) return { code, from: isoOf(rest.slice(1), where), to: null };
  if (rest.startsWith('<')) return { code, from: null, to: isoOf(rest.slice(1), where) };
  const range = /^(\d+)-(\d+)$/.exec(rest);
  if (!range && /^\d+$/.test(rest)) throw new BadDate(`date "${rest}" without >, < or a range`);
  if (!range) throw new DictError(where, `bad date restriction "${rest}" in [${body.trim()}]`);
  const from = isoOf(range[1], where);
  const to = isoOf(range[2], where);
  if (from > to) throw new BadDate(`date range ends before it starts`);
  return { code, from, to };
}

/** The codes in a line's brackets; throws on an unclosed bracket or stray text after the codes. */
function codesIn(s: string, where: string, warnings: string[]): PetrarchCode[] {
  const out: PetrarchCode[] = [];
  const rest = s.replace(BRACKET, (_m, body: string) => {
    try {
      out.push(parseCode(body, where));
    } catch (e) {
      if (!(e instanceof BadDate)) throw e;
      warnings.push(`${where}: ${e.message} in [${body.trim()}]; code skipped`);
    }
    return ' ';
  });
  if (/[[\]]/.test(rest)) throw new DictError(where, 'unbalanced [ ] in code restriction');
  if (rest.trim()) warnings.push(`${where}: text "${rest.trim()}" after the codes ignored`);
  return out;
}

/** `NAME_WITH_UNDERSCORES_` → "NAME WITH UNDERSCORES". */
const phraseOf = (raw: string) => raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();

export function parsePetrarch(text: string, file: string): PetrarchFile {
  const out: PetrarchActor[] = [];
  const warnings: string[] = [];
  let current: PetrarchActor | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const where = `${file}:${i + 1}`;
    const hash = lines[i].indexOf('#');
    const raw = hash >= 0 ? lines[i].slice(0, hash) : lines[i];
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('[')) {
      if (!current) throw new DictError(where, 'code restriction before any actor name');
      current.codes.push(...codesIn(line, where, warnings));
    } else if (line.startsWith('+')) {
      if (!current) throw new DictError(where, 'alias (+NAME) before any actor name');
      const b = line.indexOf('[');
      const name = phraseOf(b >= 0 ? line.slice(1, b) : line.slice(1));
      if (name) current.names.push(name);
      if (b >= 0) current.codes.push(...codesIn(line.slice(b), where, warnings));
    } else {
      const b = line.indexOf('[');
      const name = phraseOf(b >= 0 ? line.slice(0, b) : line);
      if (!/[\p{L}\p{N}]/u.test(name)) throw new DictError(where, `actor name expected, found "${line}"`);
      current = { names: [name], codes: b >= 0 ? codesIn(line.slice(b), where, warnings) : [], rule: where };
      out.push(current);
    }
  }
  return { actors: out.filter((a) => a.codes.length > 0), warnings };
}
