import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCache } from './cache.js';
import { FIXTURE_DOCS, fixtureStore, saveFixture, type FixtureStore } from '../../test/server-fixture.js';

let fx: FixtureStore;
beforeAll(async () => {
  fx = await fixtureStore();
});
afterAll(() => fx.close());

describe('reportCache', () => {
  it('computes once per key while the store is unchanged, and again after a write', async () => {
    let clock = 0;
    const cache = reportCache(fx.store, { checkMs: 1000, now: () => clock });
    let runs = 0;
    const count = async () => {
      runs++;
      return (await fx.store.stats()).documents;
    };
    expect(await cache.get('docs', count)).toBe(FIXTURE_DOCS.length);
    expect(await cache.get('docs', count)).toBe(FIXTURE_DOCS.length);
    expect(runs).toBe(1);

    const extra = { ...FIXTURE_DOCS[2], id: 'fx-extra', text: `${FIXTURE_DOCS[2].text} Again.` };
    await saveFixture(fx.store, extra);
    clock += 500; // within the check interval: the write is not seen yet
    expect(await cache.get('docs', count)).toBe(FIXTURE_DOCS.length);
    clock += 500;
    expect(await cache.get('docs', count)).toBe(FIXTURE_DOCS.length + 1);
    expect(runs).toBe(2);
  });

  it('shares one computation between concurrent misses, forgets failures, and evicts the least recent', async () => {
    const cache = reportCache(fx.store, { maxEntries: 2 });
    let runs = 0;
    const slow = () => new Promise<number>((ok) => setTimeout(() => ok(++runs), 10));
    expect(await Promise.all([cache.get('a', slow), cache.get('a', slow)])).toEqual([1, 1]);

    await expect(cache.get('bad', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('bad', async () => 'ok')).toBe('ok');

    await cache.get('a', slow); // a is now the most recent
    await cache.get('c', async () => 'c'); // evicts bad
    expect(await cache.get('bad', async () => 'again')).toBe('again');
    expect(await cache.get('c', async () => 'new c')).toBe('c');
  });
});
