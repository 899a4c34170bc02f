import type { ActorMention, SignalParty, Token } from '../types.js';

/** A party of a signal, with the key that identifies it within one document. */
export interface Party extends SignalParty {
  key: string;
  /** Character offsets of the words that name it. */
  start: number;
  end: number;
  /** A person named by a bare title ("the King"), who may be a recipient already named. */
  titleOnly: boolean;
}

/** What the party finder reads of one sentence. */
export interface SentenceParts {
  tokens: Token[];
  mentions: ActorMention[];
  /** Lower-cased title words that are not part of a name. */
  titles: Set<string>;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'him', 'her', 'them', 'his', 'their', 'its', 'we', 'i', 'you', 'us', 'me']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their']);
/** Word classes that cannot open a party's name ("Seen standing before them", "Also placed"). */
const NOT_OPENING = new Set(['VERB', 'AUX', 'ADV', 'ADP', 'SCONJ', 'PRON', 'PART']);
const PERSON_KINDS = new Set(['person', 'title']);
// A 'group' is a country's sector ("the Russian people", RUSCVL), not an organisation.
const ORG_KINDS = new Set(['org', 'igo', 'agency']);
const CAP = /^\p{Lu}/u;
const isWord = (t: Token) => t.pos !== 'PUNCT' && t.pos !== 'SYM';

/** The text of an item's words run together, punctuation left out. */
function wordsOf(item: Token[]): string {
  let s = '';
  for (const t of item) if (isWord(t)) s += t.text;
  return s;
}

/**
 * Split the tokens of a region into list items: at semicolons when there are any, else at commas and
 * "and" that open a new determiner phrase or a named person ("the C.C., the WPK, the Cabinet and the
 * Presidium"); a bare "the C.C." joins the next item, as KCNA writes "the C.C., the Workers' Party of X".
 */
export function splitItems(tokens: Token[], mentions: ActorMention[], titles: Set<string>): Token[][] {
  if (tokens.some((t) => t.text.includes(';'))) return tokens.reduce<Token[][]>(splitAt((t) => t.text.includes(';')), [[]]).map(trimItem).filter((x) => x.length);
  // A new item opens at a named person, or at a country word before a title ("and Chinese Ambassador Liu").
  const personStarts = new Set(
    mentions
      .filter((m) => PERSON_KINDS.has(m.kind) || (m.form === 'demonym' && titles.has(tokens.find((t) => t.start > m.end)?.lower ?? '')))
      .map((m) => m.start),
  );
  const items: Token[][] = [[]];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.text === ',' || t.pos === 'CCONJ') {
      let j = i + 1;
      while (j < tokens.length && (tokens[j].pos === 'CCONJ' || tokens[j].text === ',')) j++;
      const next = tokens[j];
      // An apposition is a singular title ("Kim Yong Nam, president of ..."); a plural opens a new item
      // ("soldier-builders of X, employees of Y").
      const opens =
        next &&
        ((DETERMINERS.has(next.lower) && !apposition(tokens, j, mentions)) ||
          (personStarts.has(next.start) && CAP.test(next.text)) ||
          (t.text === ',' && isPlural(next)) ||
          (t.pos === 'CCONJ' && ORG_WORDS.has(i > 0 ? tokens[i - 1].lower : '') && opensOrgName(tokens, j)) ||
          opensTitledName(tokens, j, titles) ||
          opensApposedName(tokens, j, titles));
      if (opens) {
        items.push([]);
        i = j - 1;
        continue;
      }
    }
    items[items.length - 1].push(t);
  }
  const out: Token[][] = [];
  for (const item of items) {
    const it = trimItem(item);
    if (it.length === 0) continue;
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    if (prev && /^c\.c\.?$/i.test(wordsOf(prev).replace(/^the/i, ''))) prev.push(...it);
    else out.push(it);
  }
  return out;
}

/** A run of capitalised words from `j` that ends in an organisation word ("Toksong Fruit Farm"). */
function opensOrgName(tokens: Token[], j: number): boolean {
  let k = j;
  while (k < tokens.length && CAP.test(tokens[k].text)) k++;
  return k > j && ORG_WORDS.has(tokens[k - 1].lower);
}

/**
 * ", a Chinese anti-Japanese revolutionary martyr", ", a non-governmental organization of the United States":
 * an indefinite description after a comma says more about the item before it, unless it names an
 * organisation of its own ("a delegation of the Bangladesh Institute of the Juche Idea").
 */
function apposition(tokens: Token[], j: number, mentions: ActorMention[]): boolean {
  if (tokens[j - 1]?.text !== ',' || (tokens[j].lower !== 'a' && tokens[j].lower !== 'an')) return false;
  let k = j + 1;
  while (k < tokens.length && tokens[k].text !== ',' && tokens[k].pos !== 'CCONJ') {
    const t = tokens[k];
    if (CAP.test(t.text) && !mentions.some((m) => t.start >= m.start && t.end <= m.end)) return false;
    k++;
  }
  return true;
}

/** A title and a name: "and Secretary General Tjahjo Kumolo", ", General Secretary Kim Jong Il". */
function opensTitledName(tokens: Token[], j: number, titles: Set<string>): boolean {
  let k = j;
  while (k < tokens.length && titles.has(tokens[k].lower) && CAP.test(tokens[k].text)) k++;
  return k > j && k < tokens.length && CAP.test(tokens[k].text) && !ORG_WORDS.has(tokens[k].lower);
}

/** A name with its title after it: "and Marimantia Diara, secretary general of ...". */
function opensApposedName(tokens: Token[], j: number, titles: Set<string>): boolean {
  let k = j;
  while (k < tokens.length && CAP.test(tokens[k].text) && tokens[k].pos === 'PROPN' && !titles.has(tokens[k].lower)) k++;
  return k - j >= 2 && tokens[k]?.text === ',' && /^\p{Ll}/u.test(tokens[k + 1]?.text ?? '');
}

function splitAt(is: (t: Token) => boolean) {
  return (acc: Token[][], t: Token) => {
    if (is(t)) acc.push([]);
    else acc[acc.length - 1].push(t);
    return acc;
  };
}

/** Punctuation other than a closing bracket or quote, or a conjunction: what an item does not begin or end with. */
function edge(t: Token): boolean {
  return !isWord(t) && t.text !== ')' && t.text !== '"' ? true : t.pos === 'CCONJ';
}

/** Drop leading and trailing punctuation and conjunctions, and a trailing "and a"/"here". */
function trimItem(item: Token[]): Token[] {
  let a = 0;
  let b = item.length;
  while (a < b && (edge(item[a]) || item[a].pos === 'CCONJ')) a++;
  while (b > a && (edge(item[b - 1]) || item[b - 1].pos === 'AUX' || ['and', 'a', 'an', 'the', 'here', 'there'].includes(item[b - 1].lower))) b--;
  return item.slice(a, b);
}

/**
 * The actor mentions inside [start, end), less the coreference to a person that is not the whole item. A loop, not
 * filter(): filter() makes arrays of another kind once V8 has optimised it, which deoptimised partyOf.
 */
function mentionsIn(mentions: ActorMention[], words: Token[], start: number, end: number): ActorMention[] {
  const out: ActorMention[] = [];
  for (const m of mentions) {
    if (m.start >= start && m.end <= end && (m.form !== 'coref' || !PERSON_KINDS.has(m.kind) || whole(words, m))) out.push(m);
  }
  return out;
}

/**
 * The party an item names, or null for generic words ("ministries", "political parties of Bangladesh")
 * and 'pronoun' for a pronoun the caller resolves. A named person wins over an organisation; an
 * organisation the dictionaries do not know is kept as written, with the country of its adjective.
 */
export function partyOf(item: Token[], text: string, parts: SentenceParts): Party | 'pronoun' | null {
  const words = item.filter(isWord);
  if (words.length === 0) return null;
  if (words.length <= 2 && PRONOUNS.has(words[words.length - 1].lower)) return 'pronoun';
  const start = item[0].start;
  const end = item[item.length - 1].end;
  // Only a name names a person for sure. A title or a coreference ("chairman of the Russian ...", "his")
  // names one only when it is the whole item ("the Russian President"); inside a longer item it may be
  // the head of an association, so it gives at most a country.
  const ms = mentionsIn(parts.mentions, words, start, end);
  // The item's own person comes before any preposition: not "Kim Jong Un" in "Nigerian ambassador to Kim Jong Un".
  const firstAdp = words.find((t) => t.pos === 'ADP')?.start ?? Infinity;
  const person = ms.find((m) => PERSON_KINDS.has(m.kind) && m.actor.name && m.start < firstAdp && (m.form === 'name' || whole(words, m)));
  const orgM = ms.find((m) => ORG_KINDS.has(m.kind));
  const countryM = (person?.actor.country ? person : null) ?? (orgM?.actor.country ? orgM : null) ?? ms.find((m) => m.actor.country);
  const country = abroad(words, ms) ?? (orgM && countryAfter(orgM, ms, text)) ?? countryM?.actor.country ?? null;
  const first = words[0];
  const head = headOf(words);
  const name = person?.actor.name ?? nameRun(words, text, parts.titles, ms);
  const opensName =
    DETERMINERS.has(first.lower) || (CAP.test(first.text) && !NOT_OPENING.has(first.pos)) || ms.some((m) => m.start === first.start) || name !== null;
  const generic = !person && !orgM && !opensName;
  // "creators and employees of the April 15 Literary Production Company" names the company.
  if (generic) {
    const org = orgAfterOf(words, text, ms);
    if (!org) return null;
    const c = ms.find((m) => m.actor.country)?.actor.country ?? null;
    return { name: null, role: null, country: c, org, sector: null, text: text.slice(start, end), key: `o:${org.toLowerCase()}`, start, end, titleOnly: false };
  }
  const plural = isPlural(head);
  const titleOnly = !name && ms.some((m) => m.kind === 'title');
  let org = orgM?.actor.name ?? null;
  if (!person && !name && !org) {
    // "the Bangladesh Institute of the Juche Idea" is one name; "staff members of the Office of X" names X.
    const ofOrg = head && !CAP.test(head.text) ? orgAfterOf(words, text, ms) : null;
    if (plural && !ofOrg) return null;
    org = ofOrg ?? orgText(words, text, ms) ?? (head && ORG_WORDS.has(head.lower) ? written(words, text) : null);
  }
  if (!person && !name && !org && !countryM) return null;
  const sector = person?.actor.sector ?? orgM?.actor.sector ?? ms.find((m) => m.actor.sector)?.actor.sector ?? null;
  const role = person?.role ?? null;
  const asWritten = text.slice(start, end);
  const key = name ? `n:${name.toLowerCase()}` : org ? `o:${org.toLowerCase()}` : `c:${country}:${sector}:${asWritten.toLowerCase()}`;
  return { name, role, country, org: person ? (orgM?.actor.name ?? null) : org, sector, text: asWritten, key, start, end, titleOnly };
}

/** Whether the item's words are all inside mention `m`, but for determiners: the item is that mention. */
function whole(words: Token[], m: ActorMention): boolean {
  for (const t of words) if (!DETERMINERS.has(t.lower) && (t.start < m.start || t.end > m.end)) return false;
  return true;
}

/** Whether a country or a country's sector among `ms` covers token `t`: such a word is no name's. */
function covered(ms: ActorMention[], t: Token): boolean {
  for (const m of ms) if (t.start >= m.start && t.end <= m.end && (m.kind === 'country' || m.kind === 'group')) return true;
  return false;
}

/** "the Liberal Democratic Party of Russia": the country named right after an organisation is its own. */
function countryAfter(org: ActorMention, ms: ActorMention[], text: string): string | null {
  const m = /^\s+of\s+(the\s+)?/i.exec(text.slice(org.end, org.end + 12));
  if (!m) return null;
  return ms.find((c) => c.kind === 'country' && c.start === org.end + m[0].length)?.actor.country ?? null;
}

/**
 * Koreans abroad belong to the country they live in: "the General Association of Korean Residents in
 * Japan", "the group of Korean residents in Japan" are Japanese organisations.
 */
function abroad(words: Token[], ms: ActorMention[]): string | null {
  const korean = words.findIndex((t) => /^koreans?$/.test(t.lower));
  if (korean < 0) return null;
  const inAt = words.findIndex((t, i) => i > korean && t.lower === 'in');
  if (inAt < 0) return null;
  const place = ms.find((m) => m.kind === 'country' && m.start >= words[inAt].end && m.actor.country && m.actor.country !== 'PRK');
  return place?.actor.country ?? null;
}

/** A plural common noun ("parties", "employees"); "corps" is an organisation. */
function isPlural(t: Token | null | undefined): boolean {
  return !!t && t.pos === 'NOUN' && t.lower !== t.lemma.toLowerCase() && t.lower.endsWith('s') && !ORG_WORDS.has(t.lower);
}

/** The head noun of an item: the last noun before its first preposition. */
function headOf(words: Token[]): Token | null {
  let head: Token | null = null;
  for (const t of words) {
    if (t.pos === 'ADP') break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') head = t;
  }
  return head;
}

/** A leading run of capitalised words that are neither titles nor a country: an unknown person's name. */
function nameRun(words: Token[], text: string, titles: Set<string>, ms: ActorMention[]): string | null {
  let i = 0;
  while (i < words.length && (DETERMINERS.has(words[i].lower) || covered(ms, words[i]) || titles.has(words[i].lower) || !CAP.test(words[i].text))) {
    if (words[i].pos === 'ADP') return null;
    i++;
  }
  const run: Token[] = [];
  for (; i < words.length; i++) {
    const t = words[i];
    if (!CAP.test(t.text) || covered(ms, t) || titles.has(t.lower) || t.pos === 'ADP') break;
    run.push(t);
  }
  // A person's name has two or more words and no organisation word after it ("Nguyen Sy Thiet", not "Gazprom").
  if (run.length < 2 || run.some((t) => ORG_WORDS.has(t.lower))) return null;
  const next = words[i];
  if (next && (next.pos === 'ADP' || ORG_WORDS.has(next.lower))) return null;
  return written(run, text);
}

/** Words that make a capitalised run an organisation rather than a person. */
const ORG_WORDS = new Set([
  'party', 'committee', 'association', 'federation', 'league', 'institute', 'group', 'society', 'union', 'company',
  'council', 'front', 'assembly', 'cabinet', 'ministry', 'embassy', 'presidium', 'organization', 'organisation',
  'corps', 'delegation', 'administration', 'alliance', 'forum', 'club', 'centre', 'center', 'office', 'fund',
  'foundation', 'university', 'academy', 'agency', 'bureau', 'branch', 'movement', 'farm', 'factory', 'c.c.',
  'complex', 'works', 'mill', 'mine', 'plant', 'enterprise', 'brigade', 'division', 'troupe', 'ensemble', 'school', 'hospital',
]);

/** "staff members of the Office of the World Food Programme" → "Office of the World Food Programme". */
function orgAfterOf(words: Token[], text: string, ms: ActorMention[]): string | null {
  const of = words.findIndex((t) => t.lower === 'of');
  if (of < 0) return null;
  const rest = words.slice(of + 1).filter((t) => !DETERMINERS.has(t.lower));
  if (!rest.some((t) => CAP.test(t.text) && !covered(ms, t)) || !rest.some((t) => ORG_WORDS.has(t.lower))) return null;
  return written(words.slice(of + 1), text);
}

/** An organisation as written, without its article ("the Bangladesh People's League" → "Bangladesh People's League"). */
function orgText(words: Token[], text: string, ms: ActorMention[]): string | null {
  if (!words.some((t) => CAP.test(t.text) && !covered(ms, t) && !DETERMINERS.has(t.lower))) return null;
  return written(words, text);
}

/** The words as the text writes them, without a leading article, spaces collapsed. */
function written(words: Token[], text: string): string {
  return text
    .slice(words[0].start, words[words.length - 1].end)
    .replace(/\s+/g, ' ')
    .replace(/^(the|a|an) /i, '');
}
