/**
 * A unified line diff between two versions of a document (no diff package is installed; this is
 * Myers' O(ND) algorithm). Texts are cut into lines at line breaks and after sentence ends, so a
 * one-paragraph news story still diffs sentence by sentence.
 */
export interface Edit {
  op: ' ' | '-' | '+';
  line: string;
}

/**
 * Lines for diffing: line breaks, and a break after a sentence end (". ", "! ", "? ", also followed by
 * scrape artefacts like "., , ") before the next word; the spaces stay on the left.
 */
export function diffUnits(text: string): string[] {
  return text.split(/\r?\n|(?<=[.!?]["”’)]?[\s,]*\s)(?=[^\s,])/).filter((l) => l.length > 0);
}

/** The shortest edit script from a to b (Myers 1986), as kept/removed/added lines in order. */
export function diffLines(a: string[], b: string[]): Edit[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const mid = myers(A, B);
  return [
    ...a.slice(0, pre).map((line) => ({ op: ' ' as const, line })),
    ...mid,
    ...a.slice(a.length - suf).map((line) => ({ op: ' ' as const, line })),
  ];
}

function myers(a: string[], b: string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m).
  const out: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[off + k - 1] < vd[off + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[off + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      out.push({ op: ' ', line: a[x] });
    }
    if (d > 0) {
      if (x === prevX) out.push({ op: '+', line: b[--y] });
      else out.push({ op: '-', line: a[--x] });
    }
  }
  return out.reverse();
}

/** A unified diff ("--- from", "+++ to", "@@ -l,n +l,n @@" hunks with `context` lines around changes); '' when equal. */
export function unifiedDiff(from: string, to: string, labels: { from: string; to: string }, context = 3): string {
  const lines = (t: string) => diffUnits(t).map((u) => u.trimEnd());
  const edits = diffLines(lines(from), lines(to));
  if (edits.every((e) => e.op === ' ')) return '';
  const out = [`--- ${labels.from}`, `+++ ${labels.to}`];
  const changed = edits.map((e, i) => (e.op !== ' ' ? i : -1)).filter((i) => i >= 0);
  // Line numbers (1-based) in a and b at which each edit starts.
  const aAt = new Int32Array(edits.length + 1);
  const bAt = new Int32Array(edits.length + 1);
  aAt[0] = bAt[0] = 1;
  edits.forEach((e, k) => {
    aAt[k + 1] = aAt[k] + (e.op !== '+' ? 1 : 0);
    bAt[k + 1] = bAt[k] + (e.op !== '-' ? 1 : 0);
  });
  // Group changes whose context windows touch into hunks.
  let i = 0;
  while (i < changed.length) {
    let j = i;
    while (j + 1 < changed.length && changed[j + 1] - changed[j] <= 2 * context + 1) j++;
    const start = Math.max(0, changed[i] - context);
    const end = Math.min(edits.length, changed[j] + context + 1);
    const aLine = aAt[start];
    const bLine = bAt[start];
    const hunk = edits.slice(start, end);
    const aCount = hunk.filter((e) => e.op !== '+').length;
    const bCount = hunk.filter((e) => e.op !== '-').length;
    out.push(`@@ -${aCount ? aLine : aLine - 1},${aCount} +${bCount ? bLine : bLine - 1},${bCount} @@`);
    for (const e of hunk) out.push(e.op + e.line);
    i = j + 1;
  }
  return out.join('\n') + '\n';
}
