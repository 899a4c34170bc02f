import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { isoDate } from './params.js';
import { fixtureStore, type FixtureStore } from '../../test/server-fixture.js';

let fx: FixtureStore;
beforeAll(async () => {
  fx = await fixtureStore();
});
afterAll(() => fx.close());

describe('query parameters', () => {
  it('takes calendar dates only, with one reason for a bad one', () => {
    expect(isoDate.parse('2024-02-29')).toBe('2024-02-29');
    const reasons = (s: string) => isoDate.safeParse(s).error?.issues.map((i) => i.message);
    expect(reasons('2023-02-29')).toEqual(['not a calendar date']);
    expect(reasons('2020-13-45')).toEqual(['not a calendar date']);
    expect(reasons('9 May')).toEqual(['expected an ISO date YYYY-MM-DD']);
  });

  it('answers a date that is not one with 400 naming the parameter', async () => {
    const app = createApp({ store: fx.store, webDir: fx.dir });
    for (const [path, reason] of [
      ['/api/events?from=May', "bad query parameter 'from': expected an ISO date YYYY-MM-DD"],
      ['/api/documents?to=2023-13-01', "bad query parameter 'to': not a calendar date"],
    ]) {
      const res = await app.request(path);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: reason });
    }
  });
});
