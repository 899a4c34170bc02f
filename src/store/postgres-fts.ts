/**
 * A user's search words as a PostgreSQL tsquery string (for to_tsquery('attache', …)), accepting what the
 * SQLite store accepts (sqlite-query.ts toFtsQuery):
 *  - plain words are ANDed; a hyphenated or dotted term is a phrase ("Jong-un" finds "Jong Un");
 *  - FTS5 syntax: "quoted phrases", AND / OR / NOT (NOT binds tightest, then AND, then OR; words side by
 *    side are ANDed), parentheses and prefix* terms. NEAR has no tsquery equivalent and is refused.
 * Query words and indexed text are folded by one function, foldWords.
 */
import { StoreError } from './store.js';

const WORDS = /[\p{L}\p{N}]+/gu;
const SYNTAX = /["*()]|\b(AND|OR|NOT|NEAR)\b/;

/** Words as FTS5's unicode61 tokenizer sees them: lower case, diacritics removed, split on all but letters and digits. */
export function foldWords(s: string): string[] {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(WORDS) ?? [];
}

/** A phrase of the words in `s` ('a' <-> 'b'), the last one a prefix when `prefix`; null when it has no words. */
function phrase(s: string, prefix = false): string | null {
  const words = foldWords(s).map((w) => `'${w}'`);
  if (!words.length) return null;
  if (prefix) words[words.length - 1] += ':*';
  return words.length === 1 ? words[0] : `(${words.join(' <-> ')})`;
}

type Token = { t: 'word'; v: string; prefix: boolean } | { t: 'phrase'; v: string } | { t: 'op'; v: 'AND' | 'OR' | 'NOT' | '(' | ')' };

function tokenise(q: string, fail: (why: string) => never): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      const end = q.indexOf('"', i + 1);
      if (end < 0) fail('unterminated string');
      out.push({ t: 'phrase', v: q.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '(' || c === ')') {
      out.push({ t: 'op', v: c });
      i++;
    } else {
      const m = /^[^\s"()]+/.exec(q.slice(i))![0];
      i += m.length;
      if (m === 'NEAR') fail('NEAR is not supported by the PostgreSQL store (use a "phrase" or AND)');
      if (m === 'AND' || m === 'OR' || m === 'NOT') out.push({ t: 'op', v: m });
      else out.push({ t: 'word', v: m.replace(/\*$/, ''), prefix: m.endsWith('*') });
    }
  }
  return out;
}

/** Recursive descent over the tokens: or := and (OR and)*; and := not (AND? not)*; not := atom (NOT atom)*. */
function parse(tokens: Token[], fail: (why: string) => never): string {
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (v: string) => peek()?.t === 'op' && peek().v === v;
  const atom = (): string => {
    const tok = tokens[i++];
    if (!tok) fail('a term is missing at the end');
    if (tok.t === 'op') {
      if (tok.v !== '(') fail(`unexpected ${tok.v}`);
      const inner = or();
      if (!isOp(')')) fail('unbalanced parenthesis');
      i++;
      return `(${inner})`;
    }
    return phrase(tok.v, tok.t === 'word' && tok.prefix) ?? fail(`"${tok.v}" has no words`);
  };
  const not = (): string => {
    let left = atom();
    while (isOp('NOT')) {
      i++;
      left = `${left} & !${atom()}`;
    }
    return left;
  };
  const and = (): string => {
    let left = not();
    while (peek() && !isOp('OR') && !isOp(')')) {
      if (isOp('AND')) i++;
      left = `${left} & ${not()}`;
    }
    return left;
  };
  const or = (): string => {
    let left = and();
    while (isOp('OR')) {
      i++;
      left = `(${left} | ${and()})`;
    }
    return left;
  };
  const out = or();
  if (i < tokens.length) fail(`unexpected ${tokens[i].v}`);
  return out;
}

export function toTsQuery(q: string): string {
  const trimmed = q.trim();
  if (!trimmed) throw new StoreError('search query is empty');
  const fail = (why: string): never => {
    throw new StoreError(`search query "${q}": ${why}`);
  };
  if (SYNTAX.test(trimmed)) return parse(tokenise(trimmed, fail), fail);
  const terms = trimmed.split(/\s+/).map((t) => phrase(t)).filter((t): t is string => t !== null);
  if (!terms.length) throw new StoreError(`search query "${q}" has no words`);
  return terms.join(' & ');
}
