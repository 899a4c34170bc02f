import { describe, expect, it } from 'vitest';
import { diffWords, type DiffPart } from './diff.js';

const side = (parts: DiffPart[], keep: 'insert' | 'delete') => parts.filter((p) => p.op !== keep).map((p) => p.text).join('');

describe('diffWords', () => {
  it('marks a changed word and keeps the rest equal', () => {
    const d = diffWords('the two sides agreed to expand cooperation', 'the two sides agreed to deepen cooperation');
    expect(d).toEqual([
      { op: 'equal', text: 'the two sides agreed to ' },
      { op: 'delete', text: 'expand' },
      { op: 'insert', text: 'deepen' },
      { op: 'equal', text: ' cooperation' },
    ]);
  });

  it('rebuilds both versions exactly from the parts', () => {
    const a = 'Kim Jong Un sent a message.\nIt stressed friendship, tradition and memory.\nThe end.';
    const b = 'Kim Jong Un sent a warm message.\nIt stressed comradeship-in-arms and a multipolar world.\nThe end.\nA new line.';
    const d = diffWords(a, b);
    expect(side(d, 'insert')).toBe(a);
    expect(side(d, 'delete')).toBe(b);
    expect(d.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toContain('warm');
  });

  it('handles empty sides', () => {
    expect(diffWords('', 'new text')).toEqual([{ op: 'insert', text: 'new text' }]);
    expect(diffWords('old', '')).toEqual([{ op: 'delete', text: 'old' }]);
    expect(diffWords('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
  });

  it('keeps unchanged sentences whole and refines only the changed one', () => {
    const a = 'First sentence stays. The second one changes here. Third stays too.';
    const b = 'First sentence stays. The second one changed here. Third stays too.';
    expect(diffWords(a, b)).toEqual([
      { op: 'equal', text: 'First sentence stays. The second one ' },
      { op: 'delete', text: 'changes' },
      { op: 'insert', text: 'changed' },
      { op: 'equal', text: ' here. Third stays too.' },
    ]);
  });

  it('leaves a run too long to refine as one deletion and one insertion, still exact', () => {
    const a = Array.from({ length: 300 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 300 }, (_, i) => `b${i}`).join(' ');
    const d = diffWords(a, b, 50);
    expect(d.map((p) => p.op)).toEqual(['delete', 'insert']);
    expect(side(d, 'insert')).toBe(a);
    expect(side(d, 'delete')).toBe(b);
  });
});
