import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGold } from './gold.js';

function file(name: string, text: string): string {
  const p = join(mkdtempSync(join(tmpdir(), 'attache-gold-')), name);
  writeFileSync(p, text);
  return p;
}

describe('readGold', () => {
  it('reads a TSV pentaclass file into documents and gold lines', () => {
    const p = file('p.tsv', 'Russia attacked Ukraine.\t4\n\nChina praised Laos.\t1\n');
    const g = readGold('cameo-pentaclass', p);
    expect(g.docs.map((d) => d.text)).toEqual(['Russia attacked Ukraine.', 'China praised Laos.']);
    expect(g.lines).toEqual([{ id: 'line-1', text: 'Russia attacked Ukraine.', class: 4 }, { id: 'line-3', text: 'China praised Laos.', class: 1 }]);
  });
  it('names file and line of a bad line', () => {
    expect(() => readGold('cameo-pentaclass', file('p.tsv', 'ok\t1\nno class here\n'))).toThrow(/p\.tsv:2: expected "sentence<TAB>class 0-4"/);
    expect(() => readGold('petr2-gsr', file('g.jsonl', '{"id":"a","text":"x","events":[]}\n{oops\n'))).toThrow(/g\.jsonl:2: not JSON/);
    expect(() => readGold('petr2-gsr', file('g.jsonl', '{"id":"a","text":"x","events":[{"source":"USA","target":"ISR","cameo":"x1"}]}\n'))).toThrow(
      /g\.jsonl:1: not a petr2-gsr gold line \(events\.0\.cameo/,
    );
    expect(() => readGold('plover-gsr', file('e.jsonl', ''))).toThrow(/e\.jsonl: gold file is empty/);
    expect(() => readGold('plover-gsr', '/nonexistent/x.jsonl')).toThrow(/\/nonexistent\/x\.jsonl: cannot read gold file/);
  });
});
