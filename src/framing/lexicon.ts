import { DictError, type DictLine } from '../dict/files.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import { lemmaPhrase } from '../text/lemmas.js';

/** One phrase of a two-column lexicon (label | phrase), with the line that defined it. */
export interface LexEntry {
  label: string;
  phrase: string;
  rule: string;
}

/**
 * Compile `label | phrase` dictionary lines into a lemma phrase matcher. Malformed lines (wrong
 * number of fields, an empty field, a label `check` refuses, a label|phrase pair repeated in one file) throw
 * a DictError naming file:line.
 */
export function compileLexicon(lines: DictLine[], check: (label: string) => string | null): PhraseMatcher<LexEntry> {
  const matcher = new PhraseMatcher<LexEntry>();
  const seen = new Map<string, string>();
  for (const l of lines) {
    if (l.fields.length !== 2 || !l.fields[0] || !l.fields[1]) {
      throw new DictError(l.rule, `expected "label | phrase", got ${JSON.stringify(l.fields.join(' | '))}`);
    }
    const [label, phrase] = l.fields;
    const problem = check(label);
    if (problem) throw new DictError(l.rule, problem);
    const lemmas = lemmaPhrase(phrase);
    // A repeat inside one file is a mistake; a user directory may repeat a shipped entry harmlessly.
    const key = `${l.rule.slice(0, l.rule.lastIndexOf(':'))}|${label}|${lemmas}`;
    const prev = seen.get(key);
    if (prev) throw new DictError(l.rule, `duplicate of ${prev} ("${label} | ${phrase}")`);
    seen.set(key, l.rule);
    if (matcher.get(lemmas).some((e) => e.label === label)) continue;
    if (!matcher.add(lemmas, { label, phrase, rule: l.rule })) throw new DictError(l.rule, `phrase "${phrase}" has no words`);
  }
  return matcher;
}
