import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { StoreError } from '../src/store/store.js';
import { storeSuite } from './store-suite.js';
import { collect, makeDoc } from './store-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'attache-store-'));
let n = 0;
const freshPath = () => join(dir, `t${n++}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('SQLite', () => openStore(freshPath()));

describe('SQLite store specifics', () => {
  it('opens from --db or ATTACHE_DB, and refuses a bad distance or an unopenable path', async () => {
    const p = freshPath();
    process.env.ATTACHE_DB = p;
    try {
      const s = await openStore();
      expect(s.location).toBe(`sqlite:${p}`);
      await s.close();
    } finally {
      delete process.env.ATTACHE_DB;
    }
    expect(() => new SqliteStore(freshPath(), { nearDuplicateDistance: 5 })).toThrow(StoreError);
    await expect(openStore(join(dir, 'no/such/dir/x.db'))).rejects.toThrow(/cannot open SQLite database/);
  });

  it('keeps the data across reopening, and migrating a second time changes nothing', async () => {
    const p = freshPath();
    const a = await openStore(p);
    const { input, coded } = makeDoc({ key: 'k', events: [{ sentence: 'The DPRK thanked China.', src: 'PRK', tgt: 'CHN', plover: 'SUPPORT', cameo: '051', quad: 1, goldstein: 3.4 }] });
    await a.saveDocument(input, coded);
    await a.close();
    const b = await openStore(p);
    expect(await b.stats()).toMatchObject({ documents: 1, events: 1, schemaVersion: 1 });
    expect((await b.saveDocument(input, coded)).status).toBe('duplicate');
    await b.close();
  });

  it('streams on its own connection: writing while an export is half read works', async () => {
    const s = await openStore(freshPath());
    const spec = (i: number) =>
      makeDoc({ key: `w${i}`, date: '2012-01-01', events: [{ sentence: `The DPRK thanked China ${i} times.`, src: 'PRK', tgt: 'CHN', plover: 'SUPPORT', cameo: '051', quad: 1, goldstein: 3.4 }] });
    for (let i = 0; i < 50; i++) await s.saveDocument(spec(i).input, spec(i).coded);
    let seen = 0;
    for await (const _ of s.events()) {
      if (seen++ === 10) {
        const r = await s.saveDocument(spec(100).input, spec(100).coded);
        expect(r.status).toBe('new');
      }
    }
    expect(seen).toBe(50); // the export reads the snapshot it started with
    expect((await collect(s.events())).length).toBe(51);
    // breaking out of a stream releases its connection
    for await (const _ of s.events()) break;
    await s.close();
  });
});
