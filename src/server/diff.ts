/**
 * Word-level diff between two versions of a document (Myers' O((N+M)·D) algorithm). The common prefix and
 * suffix are cut first (edits to state media archives are usually small); past `maxEdits` differences the
 * middle is reported as one deletion and one insertion rather than spending quadratic time.
 */
export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Words and the whitespace between them, so joining the tokens gives back the text exactly. */
const tokens = (s: string) => s.match(/\s+|[^\s]+/g) ?? [];

export function diffWords(before: string, after: string, maxEdits = 2000): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('equal', a.slice(0, pre).join(''));
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  const script = myers(midA, midB, maxEdits);
  if (script) for (const [op, tok] of script) push(op, tok);
  else {
    push('delete', midA.join(''));
    push('insert', midB.join(''));
  }
  push('equal', a.slice(a.length - suf).join(''));
  return parts;
}

/** The edit script from a to b, or null when it needs more than maxEdits insertions and deletions. */
function myers(a: string[], b: string[], maxEdits: number): [DiffOp, string][] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;
  // Walk the trace back from (n, m); trace[d] holds v before step d, for k in [-d-1, d+1].
  const out: [DiffOp, string][] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d];
    const at = (k: number) => prev[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const pk = down ? k + 1 : k - 1;
    const px = at(pk);
    const py = px - pk;
    while (x > px && y > py) {
      out.push(['equal', a[x - 1]]);
      x--;
      y--;
    }
    if (down) out.push(['insert', b[y - 1]]);
    else out.push(['delete', a[x - 1]]);
    x = px;
    y = py;
  }
  while (x > 0 && y > 0) {
    out.push(['equal', a[x - 1]]);
    x--;
    y--;
  }
  return out.reverse();
}
