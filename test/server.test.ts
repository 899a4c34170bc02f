/**
 * `attache serve` as a user runs it: a child process on a real store. Loopback needs no token; any other
 * address refuses to start without ATTACHE_TOKEN and, with it, answers 401 to requests without the bearer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureStore, type FixtureStore } from './server-fixture.js';

const BIN = resolve(import.meta.dirname, '../bin/attache.js');
let fx: FixtureStore;
let db: string;
beforeAll(async () => {
  fx = await fixtureStore();
  db = join(fx.dir, 'fixture.db');
});
afterAll(() => fx.close());

/** Start `attache serve …`; resolves with the URL it prints, or rejects with its stderr when it exits. */
function start(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', ...args], {
    env: { ...process.env, ATTACHE_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  return new Promise((ok, fail) => {
    child.stdout!.on('data', (b) => {
      out += b;
      const m = /at (http:\/\/\S+\/) /.exec(out);
      if (m) ok({ child, url: m[1] });
    });
    child.stderr!.on('data', (b) => (err += b));
    child.on('exit', (code) => fail(Object.assign(new Error(err.trim()), { code })));
  });
}

const stop = (child: ChildProcess) => new Promise((done) => (child.on('exit', done), child.kill('SIGTERM')));

describe('attache serve', () => {
  it('serves the API on loopback without a token', async () => {
    const { child, url } = await start([]);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(`${url}api/events?dyad=PRK-RUS&format=csv`);
      expect(res.status).toBe(200);
      expect((await res.text()).trim().split('\n').length).toBeGreaterThan(1);
    } finally {
      await stop(child);
    }
  });

  it('refuses a non-loopback address without ATTACHE_TOKEN', async () => {
    const e = (await start(['--host', '0.0.0.0']).catch((x) => x)) as Error & { code: number };
    expect(e.code).toBe(2);
    expect(e.message).toContain('refusing to listen on 0.0.0.0 without a token');
  });

  it('on a non-loopback address answers 401 without the bearer token', async () => {
    const token = 'a-long-enough-test-token';
    const { child, url } = await start(['--host', '0.0.0.0'], { ATTACHE_TOKEN: token });
    try {
      const port = new URL(url).port;
      const api = `http://127.0.0.1:${port}/api/stats`;
      expect((await fetch(api)).status).toBe(401);
      expect((await fetch(api, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
      const ok = await fetch(api, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect((await ok.json()).events).toBeGreaterThan(0);
    } finally {
      await stop(child);
    }
  });

  it('serves from several worker processes sharing one port, and stops them all', async () => {
    const { child, url } = await start(['--workers', '2']);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(`${url}api/stats`).then((r) => r.json())));
      for (const a of answers) expect(a.events).toBeGreaterThan(0);
    } finally {
      await stop(child);
    }
    await new Promise((r) => setTimeout(r, 500));
    await expect(fetch(`${url}api/stats`)).rejects.toThrow();
  });

  it('rejects a bad port with a clear error', async () => {
    const e = (await start(['--port', 'eighty']).catch((x) => x)) as Error & { code: number };
    expect(e.code).toBe(2);
    expect(e.message).toContain('--port "eighty"');
  });
});
