/**
 * The evidence of an event: the sentence slice with its source and target actors marked and the trigger's
 * words marked (the rule names the trigger by lemmas, so a word is marked when it shares the lemma's stem),
 * and the rule that coded it underneath.
 */
interface Mark {
  start: number;
  end: number;
  cls: 'src' | 'tgt' | 'trig';
  title: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words of a pattern that carry no meaning of their own: not worth marking. */
const FUNCTION_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'about', 'over', 'upon']);

/** Lemmas of the trigger pattern in a rule "trigger 'send ... message' (data/triggers/x.txt:4)". */
const triggerLemmas = (rule: string) =>
  (/^trigger '([^']+)'/.exec(rule)?.[1] ?? '').split(/\s+/).filter((w) => /^[a-z-]{3,}$/i.test(w) && !FUNCTION_WORDS.has(w.toLowerCase()));


function marks(text: string, actors: { text: string; cls: 'src' | 'tgt' }[], rule: string): Mark[] {
  const out: Mark[] = [];
  const lower = text.toLowerCase();
  for (const a of actors) {
    const at = a.text ? lower.indexOf(a.text.toLowerCase()) : -1;
    if (at >= 0) out.push({ start: at, end: at + a.text.length, cls: a.cls, title: a.cls === 'src' ? 'source actor' : 'target actor' });
  }
  for (const lemma of triggerLemmas(rule)) {
    const stem = lemma.length > 4 ? lemma.slice(0, -1) : lemma.slice(0, 3);
    const re = new RegExp(`\\b${escape(stem)}[a-z]*`, 'gi');
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, cls: 'trig', title: `trigger word (${lemma})` });
  }
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: Mark[] = [];
  for (const m of out) if (!kept.length || m.start >= kept[kept.length - 1].end) kept.push(m);
  return kept;
}

export function Evidence({ text, source, target, rule }: { text: string; source?: string | null; target?: string | null; rule: string }) {
  const actors = [
    ...(source ? [{ text: source, cls: 'src' as const }] : []),
    ...(target ? [{ text: target, cls: 'tgt' as const }] : []),
  ];
  const parts = [];
  let at = 0;
  for (const m of marks(text, actors, rule)) {
    parts.push(text.slice(at, m.start));
    parts.push(
      <mark class={m.cls} title={m.title}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  parts.push(text.slice(at));
  return (
    <div class="evidence">
      <q>{parts}</q>
      <div class="rule">
        <span class="visually-hidden">rule: </span>
        {rule}
      </div>
    </div>
  );
}
