/**
 * Word units: the alphanumeric runs of a text, lower-cased, with their offsets. Dictionary phrases and
 * text are both reduced to units, so "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" all read
 * `kim jong un`, and "People's" reads `people s` on both sides. Clause punctuation (, ; : ( ) " and
 * sentence ends) is kept as a barrier unit so that a phrase never matches across it.
 */
export interface Unit {
  /** Lower-case unit text, or BARRIER. */
  u: string;
  start: number;
  end: number;
}

export const BARRIER = '\u0000';

const UNIT_RE = /[\p{L}\p{N}]+|[,;:()[\]"!?]|\.(?=\s|$)/gu;

/** Units of `text[from, to)`, offsets relative to the whole text. */
export function units(text: string, from = 0, to = text.length): Unit[] {
  const out: Unit[] = [];
  UNIT_RE.lastIndex = from;
  const slice = from === 0 && to === text.length ? text : text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = UNIT_RE.exec(slice)) !== null) {
    const s = m[0];
    const isWord = s.length > 1 || /[\p{L}\p{N}]/u.test(s);
    out.push({ u: isWord ? s.toLowerCase() : BARRIER, start: m.index, end: m.index + s.length });
  }
  return out;
}

/** The unit keys of a dictionary phrase ("Democratic People's Republic of Korea" → democratic people s republic of korea). */
export function phraseKeys(phrase: string): string[] {
  const out: string[] = [];
  for (const m of phrase.matchAll(/[\p{L}\p{N}]+/gu)) out.push(m[0].toLowerCase());
  return out;
}
