/**
 * What the browser tests run on: the dashboard built with Vite (into a temporary directory), the demo store built from the shipped
 * corpus by the real coder, `listen` on a free loopback port, and Debian's chromium driven by
 * playwright-core (never a downloaded browser) with a fresh profile.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { buildDemoStore } from '../src/server/demo.js';
import { listen, type Running } from '../src/server/listen.js';
import type { Store } from '../src/store/store.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(import.meta.dirname, '..');
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

/** Skip (saying why) only when chromium is absent outside CI; in CI its absence fails the tests. */
export function skipWithoutChromium(): boolean {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return false;
  console.warn(`skipped: ${CHROMIUM} is absent (apt-get install chromium to run the browser tests)`);
  return true;
}

export interface Harness {
  url: string;
  /** The dashboard build the server serves. */
  webDir: string;
  store: Store;
  browser: BrowserContext;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'attache-browser-'));
  // A build of its own (not web/dist), so other tests building the dashboard at the same time cannot interfere.
  const webDir = join(dir, 'web');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: webDir } });
  const { store } = await buildDemoStore(join(dir, 'demo.db'));
  let running: Running | null = null;
  try {
    running = await listen({ store, host: '127.0.0.1', port: 0, webDir });
    const browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const r = running;
    return {
      url: r.url,
      webDir,
      store,
      browser,
      async close() {
        await browser.close();
        await r.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await running?.close();
    await store.close();
    throw e;
  }
}
