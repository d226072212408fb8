/**
 * The HTML report in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by
 * playwright-core. Skips with a message when Chromium is not installed, unless SITREP_TEST_BROWSER=required.
 * Screenshots go to test-results/report-browser/ (git-ignored).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderHtml } from './html.js';
import { reportFromDocs } from './model.js';
import { hostileDoc, scenario } from './scenario.test-support.js';

const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.SITREP_TEST_BROWSER === 'required';
const present = existsSync(CHROMIUM);
const OUT = path.resolve('test-results', 'report-browser');

if (!present && !required) {
  console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (install Debian's chromium, or set SITREP_CHROMIUM; SITREP_TEST_BROWSER=required makes this a failure)`);
}

interface Visit {
  page: Page;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

describe.skipIf(!present && !required)('the HTML report in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!present) throw new Error(`SITREP_TEST_BROWSER=required but there is no Chromium at ${CHROMIUM}`);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(OUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a report file with every request but the page itself refused and recorded. */
  async function visit(name: string, html: string): Promise<Visit> {
    const file = path.join(OUT, `${name}.html`);
    writeFileSync(file, html);
    const url = 'file://' + file;
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    const v: Visit = { page, requests: [], errors: [], dialogs: [] };
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u === url) return route.continue();
      v.requests.push(u);
      return route.abort();
    });
    page.on('request', (r) => {
      if (r.url() !== url && !v.requests.includes(r.url())) v.requests.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') v.errors.push(m.text());
    });
    page.on('pageerror', (e) => v.errors.push(String(e)));
    page.on('dialog', (d) => {
      v.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url);
    await page.waitForSelector('html[data-ready]', { timeout: 10_000 });
    return v;
  }

  it('draws the map and the timeline, shows a fact\'s source on click, and requests nothing', async () => {
    const v = await visit('report', renderHtml((await reportFromDocs(scenario())), { documentHref: (id, s, e) => `#doc-${id}-${s}-${e}` }));
    const { page } = v;
    const countries = await page.locator('#map-svg path.country').count();
    expect(countries).toBeGreaterThan(0);
    const mapBox = await page.locator('#map-svg').boundingBox();
    expect(mapBox!.width).toBeGreaterThan(300);
    expect(mapBox!.height).toBeGreaterThan(100);
    const markers = page.locator('#map-svg circle.ev');
    expect(await markers.count()).toBe(3);
    const markerBox = await markers.first().boundingBox();
    expect(markerBox!.width).toBeGreaterThan(4);
    const bars = page.locator('#timeline-svg rect.ev');
    expect(await bars.count()).toBe(3);
    expect((await bars.first().boundingBox())!.width).toBeGreaterThan(3);

    await page.locator('#figures .fact').first().click();
    await expect.poll(() => page.locator('#source-body blockquote').count()).toBe(1);
    expect(await page.locator('#source-body mark').textContent()).toBe('Up to 5,000 jihadist fighters');
    expect(await page.locator('#source-body').textContent()).toContain('Wire One');
    expect(await page.locator('#source-body a.src-doc').getAttribute('href')).toMatch(/^#doc-wire-oct23-\d+-\d+$/);

    await page.locator('#map-svg circle.ev').first().click();
    expect(await page.locator('[data-ev].sel').count()).toBeGreaterThan(1);

    await page.screenshot({ path: path.join(OUT, 'report.png'), fullPage: true });
    expect(v.errors).toEqual([]);
    expect(v.requests).toEqual([]);
    await page.close();
  });

  it('runs nothing from a hostile article, even when every fact is clicked', async () => {
    const v = await visit('hostile', renderHtml((await reportFromDocs([...scenario(), hostileDoc()]))));
    const { page } = v;
    const facts = page.locator('[data-src]');
    const n = await facts.count();
    for (let i = 0; i < n; i++) {
      const f = facts.nth(i);
      if (await f.isVisible()) await f.click({ force: true });
    }
    expect(await page.locator('#source-body').textContent()).not.toBe('');
    await page.hover('#documents');
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('#documents').textContent()).toContain('</title><script>window.__pwned=8</script>');
    await page.screenshot({ path: path.join(OUT, 'hostile.png'), fullPage: true });
    expect(v.dialogs).toEqual([]);
    expect(v.errors).toEqual([]);
    expect(v.requests).toEqual([]);
    await page.close();
  });
});
