/**
 * The dashboard in a real browser (Debian's chromium through playwright-core) over the demo store: every
 * view loads without errors at 1280 px and 390 px, dyad → event → document click-through, charts drawn,
 * a CSV download, keyboard entry. Screenshots go to test-output/screenshots/; the dyad page and the ritual
 * calendar are also copied to docs/screenshots/ for the README (refresh them with UPDATE_DOCS_SCREENSHOTS=1).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contentHash, simhash } from '../src/store/fingerprint.js';
import { listen } from '../src/server/listen.js';
import { ROOT, SCREENSHOTS, skipWithoutChromium, startHarness, type Harness } from './browser-harness.js';

const skip = skipWithoutChromium();
let h: Harness;

beforeAll(async () => {
  if (!skip) h = await startHarness();
}, 180_000);
afterAll(async () => h?.close());

/** Open a page, fail on any script error or console error, wait for the view's heading and data. */
async function open(path: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await h.browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(h.url + path);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'));
  return { page, errors };
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

const VIEWS: [string, string, string][] = [
  ['overview', '', 'Diplomatic signals observatory'],
  ['search', 'search?q=Victory', 'Search'],
  ['events', 'events?dyad=PRK-RUS', 'Events'],
  ['dyads', 'dyads', 'Dyads'],
  ['dyad', 'dyads/PRK-RUS?by=quarter', 'Dyad PRK – RUS'],
  ['rituals', 'rituals?year=2025', 'Ritual calendar 2025'],
  ['framing', 'framing?pair=PRK-RUS', 'Framing PRK-RUS'],
  ['follow', 'follow?pair=PRK-RUS', 'Follow-through PRK-RUS'],
  ['network', 'network', 'Actor network'],
  ['sources', 'sources', 'Source health'],
  ['alerts', 'alerts', 'Alerts'],
  ['document', 'documents/1', ''],
];

describe.skipIf(skip)('dashboard in chromium', () => {
  it('loads every view without errors at 1280 px and at 390 px', async () => {
    for (const width of [1280, 390]) {
      for (const [name, path, heading] of VIEWS) {
        const { page, errors } = await open(path, width);
        if (heading) expect(await page.locator('main h1').first().textContent(), path).toBe(heading);
        expect(await page.locator('.error').count(), `${path}: ${await page.locator('.error').allTextContents()}`).toBe(0);
        expect(errors, path).toEqual([]);
        // Nothing but the scroll regions may be wider than the window.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} at ${width} px overflows by ${overflow} px`).toBeLessThanOrEqual(0);
        await shot(page, `${name}-${width}`);
        await page.close();
      }
    }
  });

  it('opens a dyad typed into the overview form', async () => {
    const { page } = await open('');
    await page.getByLabel('Countries (A-B)').fill('prk-chn');
    await page.getByLabel('Countries (A-B)').press('Enter');
    await page.waitForURL(/\/dyads\/PRK-CHN\?by=month$/);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Dyad PRK – CHN');
    await page.close();
  });

  it('goes from a dyad to an event to its report', async () => {
    const { page } = await open('dyads/PRK-RUS?by=quarter');
    const first = page.locator('.top-events li').first();
    const evidence = (await first.locator('.evidence q').textContent())!;
    await first.locator('a.event-link').click();
    await page.waitForURL(/\/events\?/);
    const row = page.locator('tbody tr', { hasText: evidence.replace(/^“|”$/g, '') }).first();
    await row.waitFor();
    const title = (await row.locator('a.doc-link').textContent())!;
    await row.locator('a.doc-link').click();
    await page.waitForURL(/\/documents\/\d+$/);
    await expect.poll(() => page.locator('main h1').textContent()).toBe(title);
    expect(await page.locator('.doc-text mark.event').count()).toBeGreaterThan(0);
    expect(await page.locator('.doc-text').first().textContent()).toContain(evidence.replace(/^“|”$/g, ''));
    await page.goBack();
    await page.waitForURL(/\/events\?/);
    await page.close();
  });

  it('shows a document\'s versions and the diff between them', async () => {
    const doc = (await h.store.getDocument(1))!;
    const added = ' The report was amended to mention comradeship-in-arms.';
    const text = doc.text + added;
    await h.store.saveDocument(
      {
        url: doc.url, source: doc.source, externalId: doc.externalId, title: doc.title, date: doc.date, language: doc.language,
        text, raw: text, rawType: 'text/plain', contentHash: contentHash(text), simhash: simhash(text),
      },
      doc.coded,
    );
    const { page } = await open('documents/1');
    expect(await page.locator('table tbody tr', { hasText: 'changes from v1' }).count()).toBe(1);
    expect((await page.locator('.diff ins').allTextContents()).join('')).toBe(added);
    expect(await page.locator('.diff del').count()).toBe(0);
    await shot(page, 'document-versions');
    await page.close();
  });

  it('draws the dyad chart, the ritual heat map with missing rituals, and the network', async () => {
    const dyad = await open('dyads/PRK-RUS?by=quarter');
    await dyad.page.locator('.chart canvas').first().waitFor();
    const painted = await dyad.page.evaluate(() => {
      const c = document.querySelector('.chart canvas') as HTMLCanvasElement;
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(1000);
    copyToDocs(await shotPath(dyad.page, 'dyad-demo'), 'dyad-PRK-RUS.png');
    await dyad.page.close();

    const res = await fetch(`${h.url}api/rituals?year=2025`);
    const report = (await res.json()) as { summary: { expected: number; missing: number } };
    const rituals = await open('rituals?year=2025');
    expect(await rituals.page.locator('.heatmap g.ritual').count()).toBe(report.summary.expected);
    expect(await rituals.page.locator('.heatmap .missing-mark').count()).toBe(report.summary.missing);
    expect(report.summary.missing).toBeGreaterThan(0);
    copyToDocs(await shotPath(rituals.page, 'rituals-demo'), 'ritual-calendar-2025.png');
    await rituals.page.close();

    const net = await open('network');
    expect(await net.page.locator('svg.network path.edge').count()).toBeGreaterThan(0);
    await net.page.close();
  });

  it('downloads the event table as CSV with every matching row', async () => {
    const { page } = await open('events?dyad=PRK-RUS');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.download').first().click()]);
    const path = join(SCREENSHOTS, '..', 'events-PRK-RUS.csv');
    await download.saveAs(path);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^event_id,date,document_id,/);
    let total = 0;
    for await (const _ of h.store.events({ dyad: { a: 'PRK', b: 'RUS' } })) total++;
    expect(total).toBeGreaterThan(0);
    expect(lines.length - 1).toBe(total);
    await page.close();
  });

  it('keeps every text at WCAG AA contrast against its background', async () => {
    for (const [, path] of VIEWS) {
      const { page } = await open(path);
      const low = await page.evaluate(lowContrast);
      expect(low, path).toEqual([]);
      await page.close();
    }
  });

  it('asks for the token of a guarded server, then shows data and downloads with it', async () => {
    const token = 'browser-test-token-0123456789';
    const guarded = await listen({ store: h.store, host: '127.0.0.1', port: 0, token, webDir: h.webDir });
    const page = await h.browser.newPage();
    try {
      await page.goto(`${guarded.url}events?dyad=PRK-RUS`);
      await page.getByText('This server needs its access token').waitFor();
      await page.getByLabel('Token').fill(token);
      await page.getByRole('button', { name: 'Use token' }).click();
      await page.locator('tbody tr').first().waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.download').first().click()]);
      const path = join(SCREENSHOTS, '..', 'events-guarded.csv');
      await download.saveAs(path);
      expect(readFileSync(path, 'utf8')).toMatch(/^event_id,date,document_id,/);
    } finally {
      await page.close();
      await guarded.close();
    }
  });

  it('can be entered from the keyboard: skip link, then the view', async () => {
    const { page } = await open('events');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('aria-label'))).toBe('Filter events');
    await page.close();
  });
});

async function shotPath(page: Page, name: string): Promise<string> {
  await shot(page, name);
  return join(SCREENSHOTS, `${name}.png`);
}

/**
 * Copy a screenshot to docs/screenshots/ for the README: when it is not there yet, or when
 * UPDATE_DOCS_SCREENSHOTS=1 asks for fresh ones (so ordinary test runs leave the committed images alone).
 */
function copyToDocs(from: string, name: string): void {
  const docs = join(ROOT, 'docs/screenshots');
  if (existsSync(join(docs, name)) && process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  mkdirSync(docs, { recursive: true });
  copyFileSync(from, join(docs, name));
}

/**
 * Runs in the page: HTML elements holding text whose colour against the first opaque background behind them
 * is below WCAG AA (4.5:1, or 3:1 for large text). SVG text is left out (its colour is its fill).
 */
function lowContrast(): string[] {
  const parse = (c: string) => {
    const p = (/rgba?\(([^)]+)\)/.exec(c)?.[1] ?? '0,0,0,0').split(',').map(Number);
    return { rgb: p.slice(0, 3), a: p[3] ?? 1 };
  };
  const lum = (rgb: number[]) => {
    const [r, g, b] = rgb.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (el: Element | null): number[] => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.a > 0.5) return c.rgb;
    }
    return [255, 255, 255];
  };
  const out: string[] = [];
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    if (el.closest('svg') || el.tagName === 'OPTION' || !el.getClientRects().length) continue;
    const text = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()).map((n) => n.textContent!.trim()).join(' ');
    if (!text) continue;
    const style = getComputedStyle(el);
    const [l1, l2] = [lum(parse(style.color).rgb), lum(background(el))].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) out.push(`${el.tagName.toLowerCase()}.${el.className} "${text.slice(0, 40)}": ${ratio.toFixed(2)}`);
  }
  return out;
}
