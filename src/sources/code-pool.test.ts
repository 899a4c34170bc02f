import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCodePool } from './code-pool.js';

const DOCS = [
  { id: 'a', date: '2011-12-01', text: 'Kim Jong Il sent a congratulatory message to the President of Laos on the national day.' },
  { id: 'b', date: '2011-12-20', text: 'El Presidente de Cuba envió un mensaje de condolencia al pueblo coreano.' },
  { id: 'c', date: '2012-04-13', text: 'A spokesman for the Foreign Ministry rejected the statement of the UN Security Council.' },
];

describe('createCodePool', () => {
  it('codes in worker threads exactly as in the main thread, detecting undeclared languages', async () => {
    const inline = await createCodePool({ dictDirs: [], workers: 0 });
    const threaded = await createCodePool({ dictDirs: [], workers: 2 });
    try {
      const a = await Promise.all(DOCS.map((d) => inline.code(d)));
      const b = await Promise.all(DOCS.map((d) => threaded.code(d)));
      expect(b).toEqual(a);
      expect(a.map((r) => r.language)).toEqual(['en', 'es', 'en']);
      expect(a[0].coded.signals.map((s) => s.kind)).toContain('congratulations');
      expect(a[1].coded.events).toEqual([]); // Spanish is labelled, not coded with English dictionaries
      expect(a[0].simhash).toMatch(/^[0-9a-f]{16}$/);
    } finally {
      await inline.close();
      await threaded.close();
    }
  });

  it('fails to start, naming file:line, when a user dictionary is malformed', async () => {
    const d = mkdtempSync(join(tmpdir(), 'attache-pool-dict-'));
    mkdirSync(join(d, 'calendar'));
    writeFileSync(join(d, 'calendar', 'named-days.txt'), '# mine\nHarvest Day | 13-45 | holiday | - |\n');
    await expect(createCodePool({ dictDirs: [d], workers: 1 })).rejects.toThrow(/calendar\/named-days\.txt:2: bad date "13-45"/);
    await expect(createCodePool({ dictDirs: [d], workers: 0 })).rejects.toThrow(/calendar\/named-days\.txt:2: bad date "13-45"/);
  });
});
