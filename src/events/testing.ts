import { givenDates, type StageContext } from '../pipeline/stages.js';
import { analyse } from '../text/analyse.js';
import type { ActorKind, ActorMention, MentionForm } from '../types.js';

/** A hand-written actor for tests: the phrase as it appears, its code and kind. */
export interface TestActor {
  phrase: string;
  code: string;
  country: string | null;
  kind?: ActorKind;
  /** How the text names it (default 'name'); 'place' for a city or region standing for its country. */
  form?: MentionForm;
  /** The canonical name (default: the phrase), e.g. the country of a demonym. */
  name?: string;
}

/**
 * A stage context for the event coder built from text and a hand-written list of actors (the actors stage is
 * another module; tests of the event coder give their mentions explicitly). Longest phrases win, no overlaps.
 */
export function contextFor(text: string, actors: TestActor[], pubDate: string | null = '2025-05-09'): StageContext {
  const analysed = analyse(text, pubDate);
  const sorted = [...actors].sort((a, b) => b.phrase.length - a.phrase.length);
  const mentions = analysed.sentences.map((s) => {
    const out: ActorMention[] = [];
    for (const a of sorted) {
      for (let i = text.indexOf(a.phrase, s.start); i >= 0 && i + a.phrase.length <= s.end; i = text.indexOf(a.phrase, i + 1)) {
        const end = i + a.phrase.length;
        if (/\w/.test(text[end] ?? '') || /\w/.test(text[i - 1] ?? '') || out.some((m) => i < m.end && end > m.start)) continue;
        out.push({
          sentence: s.index,
          start: i,
          end,
          text: a.phrase,
          form: a.form ?? 'name',
          kind: a.kind ?? 'country',
          role: null,
          rule: 'test',
          actor: { text: a.phrase, name: a.name ?? a.phrase, country: a.country, sector: a.code.slice(3) || null, code: a.code },
        });
      }
    }
    return out.sort((x, y) => x.start - y.start);
  });
  return { analysed, mentions, dates: givenDates([]), attribution: null, source: null };
}
