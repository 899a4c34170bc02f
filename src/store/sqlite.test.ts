import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './open.js';
import { collect, makeDoc } from '../../test/store-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'attache-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const doc = (i: number) =>
  makeDoc({ key: `s${i}`, date: '2012-01-01', events: [{ sentence: `The DPRK thanked China ${i} times.`, src: 'PRK', tgt: 'CHN', plover: 'SUPPORT', cameo: '051', quad: 1, goldstein: 3.4 }] });

describe('SQLite store streams', () => {
  it('reads a page in one go: the in-memory store writes on its one connection while the page is being used', async () => {
    const s = await openStore(':memory:');
    for (let i = 0; i < 5; i++) await s.saveDocument(doc(i).input, doc(i).coded);
    const seen: string[] = [];
    for await (const e of s.events({ limit: 3 })) {
      if (!seen.length) expect((await s.saveDocument(doc(9).input, doc(9).coded)).status).toBe('new');
      seen.push(e.evidence);
    }
    expect(seen).toEqual(['The DPRK thanked China 0 times.', 'The DPRK thanked China 1 times.', 'The DPRK thanked China 2 times.']);
    expect(await collect(s.events())).toHaveLength(6);
    await s.close();
  });

  it('reads a long export in batches on one snapshot: every row once, in order, a write midway unseen', async () => {
    const s = await openStore(join(dir, 'long.db'));
    await s.saveDocuments(Array.from({ length: 700 }, (_, i) => doc(i)));
    const ids: number[] = [];
    for await (const e of s.events()) {
      if (ids.length === 300) expect((await s.saveDocument(doc(1000).input, doc(1000).coded)).status).toBe('new');
      ids.push(e.id);
    }
    expect(ids).toHaveLength(700);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    expect(await collect(s.events())).toHaveLength(701);
    await s.close();
  });
});
