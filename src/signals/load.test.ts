import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DictError, DictSources } from '../dict/files.js';
import { lemmaPhrase } from '../text/lemmas.js';
import { CHANNELS, KINDS, OCCASION_PRECEDENCE, loadSignals } from './load.js';

function userDir(file: string, body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'signals-'));
  mkdirSync(join(dir, 'signals'));
  writeFileSync(join(dir, 'signals', file), body);
  return dir;
}

describe('data/signals', () => {
  const d = loadSignals(new DictSources());

  it('loads every shipped file with valid kinds, channels, roles and occasion types and no repeated phrase', () => {
    expect(d.triggers.size).toBeGreaterThan(25);
    expect(d.cues.size).toBeGreaterThan(25);
    expect(d.occasions.size).toBeGreaterThan(50);
    expect(d.titles.has('chairman')).toBe(true);
  });

  it('knows a trigger for every kind and an occasion phrase for every occasion type', () => {
    const kinds = new Set(
      ['congratulatory message', 'message of greeting', 'condolence message', 'message of sympathy', 'message of thanks', 'letter', 'reply message', 'gift', 'wreath', 'message']
        .flatMap((p) => d.triggers.get(lemmaPhrase(p)).map((t) => t.kind)),
    );
    expect([...kinds].sort()).toEqual([...KINDS].sort());
    const channels = new Set(['message', 'telegram', 'letter', 'gift', 'wreath'].flatMap((p) => d.triggers.get(lemmaPhrase(p)).map((t) => t.channel)));
    for (const c of channels) expect(CHANNELS).toContain(c);
    const types = new Set(
      ['demise', 'earthquake', 'national day', 'birthday', 'election', 'appointment', 'New Year', 'Victory Day', 'anniversary', 'successful visit']
        .flatMap((p) => d.occasions.get(lemmaPhrase(p)).map((o) => o.type)),
    );
    expect([...types].sort()).toEqual([...OCCASION_PRECEDENCE].sort());
  });

  it('reports a malformed user line as file:line and accepts a good one', () => {
    expect(() => loadSignals(new DictSources([userDir('triggers.txt', '# phrase | kind | channel\nfruit basket | fruit | gift\n')]))).toThrow(
      /signals\/triggers\.txt:2: column 2: .*fruit/,
    );
    expect(() => loadSignals(new DictSources([userDir('cues.txt', 'from | from\nfrom | by\n')]))).toThrow(DictError);
    const user = loadSignals(new DictSources([userDir('triggers.txt', 'fruit basket | gift | gift\n')]));
    expect(user.triggers.get(lemmaPhrase('fruit basket'))[0].rule).toMatch(/signals\/triggers\.txt:1$/);
  });
});
