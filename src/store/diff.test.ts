import { describe, expect, it } from 'vitest';
import { diffLines, diffUnits, unifiedDiff } from './diff.js';
import { KCNA_SKIP_REASON, kcnaStories, skipWithoutKcna } from '../../test/store-corpus.js';

/** Apply an edit script's kept and added lines: must give b back. */
const applied = (a: string[], b: string[]) => diffLines(a, b).filter((e) => e.op !== '-').map((e) => e.line);
const original = (a: string[], b: string[]) => diffLines(a, b).filter((e) => e.op !== '+').map((e) => e.line);

describe('diffLines', () => {
  it('finds the shortest script and reproduces both sides', () => {
    const a = 'a b c a b b a'.split(' ');
    const b = 'c b a b a c'.split(' ');
    const edits = diffLines(a, b);
    expect(edits.filter((e) => e.op !== ' ').length).toBe(5); // Myers' paper example: D = 5
    expect(applied(a, b)).toEqual(b);
    expect(original(a, b)).toEqual(a);
    expect(diffLines([], ['x'])).toEqual([{ op: '+', line: 'x' }]);
    expect(diffLines(['x'], [])).toEqual([{ op: '-', line: 'x' }]);
    expect(diffLines(['x'], ['x'])).toEqual([{ op: ' ', line: 'x' }]);
  });
});

describe('unifiedDiff', () => {
  it('cuts one-paragraph text into sentences and prints hunks with line numbers', () => {
    expect(diffUnits('One. Two!\nThree? Four')).toEqual(['One. ', 'Two!', 'Three? ', 'Four']);
    expect(diffUnits('the Republic., ,  The message said. Ties')).toEqual(['the Republic., ,  ', 'The message said. ', 'Ties']);
    const from = 'S1. S2. S3. S4. S5. S6. S7. S8. S9. S10.';
    const to = 'S1. S2. S3. S4. S5 changed. S6. S7. S8. S9. S10. S11.';
    expect(unifiedDiff(from, to, { from: 'v1', to: 'v2' })).toBe(
      ['--- v1', '+++ v2', '@@ -2,9 +2,10 @@', ' S2.', ' S3.', ' S4.', '-S5.', '+S5 changed.', ' S6.', ' S7.', ' S8.', ' S9.', ' S10.', '+S11.', ''].join('\n'),
    );
    expect(unifiedDiff(from, from, { from: 'a', to: 'b' })).toBe('');
  });

  it.skipIf(skipWithoutKcna)(`shows an edited KCNA story's changed sentence only (skips when ${KCNA_SKIP_REASON})`, () => {
    const s = kcnaStories(50).find((x) => diffUnits(x.text).length > 12)!;
    const units = diffUnits(s.text);
    const edited = units.map((u, i) => (i === 6 ? 'This sentence was rewritten by the editors. ' : u)).join('');
    const d = unifiedDiff(s.text, edited, { from: 'v1', to: 'v2' });
    const changes = d.split('\n').filter((l) => /^[-+][^-+]/.test(l));
    expect(changes).toEqual([`-${units[6].trimEnd()}`, '+This sentence was rewritten by the editors.']);
    expect(d).toContain('@@ -4,7 +4,7 @@');
  });
});
