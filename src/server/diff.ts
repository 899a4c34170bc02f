/**
 * The diff between two versions of a document as the dashboard shows it: sentence by sentence with the
 * store's Myers diff (src/store/diff.ts, the one `attache history` uses), then, inside each run of changed
 * sentences, word by word, so an edited word stands out. Runs too long to refine cheaply stay whole
 * (a rewritten document is one deletion and one insertion). Joining the parts of either side gives back
 * that version's text exactly.
 */
import { diffLines } from '../store/diff.js';

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Sentences and lines, each keeping the spaces or line break after it. */
const sentences = (s: string) => s.match(/[^\n.!?]*(?:[.!?]+["”’)]?|\n|$)\s*/g)?.filter(Boolean) ?? [];

/** Words and the whitespace between them. */
const words = (s: string) => s.match(/\s+|[^\s]+/g) ?? [];

const OP = { ' ': 'equal', '-': 'delete', '+': 'insert' } as const;

export function diffWords(before: string, after: string, maxRefineWords = 4000): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let del = '';
  let ins = '';
  const flush = () => {
    const [a, b] = [words(del), words(ins)];
    if (del && ins && a.length + b.length <= maxRefineWords) for (const e of diffLines(a, b)) push(OP[e.op], e.line);
    else {
      push('delete', del);
      push('insert', ins);
    }
    del = ins = '';
  };
  for (const e of diffLines(sentences(before), sentences(after))) {
    if (e.op === '-') del += e.line;
    else if (e.op === '+') ins += e.line;
    else {
      flush();
      push('equal', e.line);
    }
  }
  flush();
  return parts;
}
