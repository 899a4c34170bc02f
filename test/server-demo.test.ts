/**
 * `attache demo` as a user runs it (after `npm run build:web`): a fresh store from the shipped corpus,
 * the dashboard served on loopback, the URL and the tour printed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CORPUS, DEMO_TOUR } from '../src/server/demo.js';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'attache-demo-test-'));
beforeAll(async () => {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attache demo', () => {
  it('codes the sample corpus into a fresh store and serves the dashboard with a tour', async () => {
    const db = join(dir, 'demo.db');
    const child = spawn(process.execPath, [join(ROOT, 'bin/attache.js'), 'demo', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const out = await new Promise<string>((ok, fail) => {
        let text = '';
        child.stdout.on('data', (b) => {
          text += b;
          if (text.includes('Ctrl-C stops')) ok(text);
        });
        child.on('exit', (code) => fail(new Error(`demo exited with ${code}`)));
      });
      const url = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)![1];
      for (const [path] of DEMO_TOUR) expect(out).toContain(url + path);

      const reports = readFileSync(DEMO_CORPUS, 'utf8').trim().split('\n').length;
      const stats = await (await fetch(`${url}api/stats`)).json();
      expect(stats.documents).toBe(reports);
      expect(stats.events).toBeGreaterThan(0);
      const page = await fetch(`${url}dyads/PRK-RUS?by=quarter`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app">');
    } finally {
      await new Promise((done) => (child.on('exit', done), child.kill('SIGTERM')));
    }
  });
});
