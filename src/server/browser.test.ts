/**
 * The served pages in a real browser (headless Chromium via playwright-core), to prove the server's
 * Content-Security-Policy header lets the report's own script and style run and nothing else: no console
 * errors (a CSP violation is one), clicking a fact works, a hostile article runs nothing, and a document
 * link `#s-START-END` lands on its words. Skips with a message without Chromium, unless
 * SITREP_TEST_BROWSER=required.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBytes, readPath } from '../ingest/read.js';
import { ingest } from '../store/ingest.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { startServer, type RunningServer } from './app.js';

/** The browser's getComputedStyle and document, typed for this Node-side file (no DOM lib here). */
interface BrowserGlobals {
  getComputedStyle(el: unknown): { margin: string; outlineStyle: string };
  document: { body: unknown };
}

const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.SITREP_TEST_BROWSER === 'required';
const present = existsSync(CHROMIUM);
if (!present && !required) console.warn(`server browser test skipped: no Chromium at ${CHROMIUM} (SITREP_TEST_BROWSER=required makes this a failure)`);

const ROOT = path.resolve(__dirname, '../..');

// Invented; every line tries to run something.
const HOSTILE = {
  id: 'trap',
  title: '<script>document.title="pwned"</script>Clashes in Hawija',
  source: 'Trap Wire',
  published: '2016-10-24',
  text: 'Militants clashed with police in Hawija on Sunday, killing two officers, a police source said. </script><script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> <a href="javascript:window.__pwned=3">link</a>',
};

describe.skipIf(!present && !required)('served pages in headless Chromium', () => {
  let browser: Browser;
  let store: Store;
  let srv: RunningServer;
  let tmp: string;

  beforeAll(async () => {
    if (!present) throw new Error(`SITREP_TEST_BROWSER=required but there is no Chromium at ${CHROMIUM}`);
    tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-server-browser-'));
    store = await openStore(path.join(tmp, 'desk.db'));
    async function* items() {
      yield* readPath(path.join(ROOT, 'examples'));
      yield* readBytes(Buffer.from(JSON.stringify(HOSTILE)), { name: 'trap.json', id: 'trap.json' });
    }
    await ingest(store, items());
    srv = await startServer(store, '127.0.0.1', 0);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });

  afterAll(async () => {
    await browser?.close();
    await srv?.close();
    await store?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function open(p: string): Promise<{ page: Page; errors: string[]; foreign: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(srv.url)) foreign.push(r.url());
    });
    await page.goto(srv.url + p);
    return { page, errors, foreign };
  }

  it('runs the report script under the header policy, and nothing from the articles', async () => {
    const { page, errors, foreign } = await open('/report');
    const before = await page.textContent('#source-body');
    await page.locator('.fact').first().click();
    // The page script filled the panel with a source sentence.
    await expect.poll(async () => await page.textContent('#source-body')).not.toBe(before);
    const facts = page.locator('.fact');
    const n = Math.min(await facts.count(), 40);
    for (let i = 0; i < n; i++) await facts.nth(i).click();
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.title()).not.toBe('pwned');
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    // The page's style applies (its hash is allowed): the layout is not the browser default.
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).getComputedStyle((globalThis as unknown as BrowserGlobals).document.body).margin)).not.toBe('8px');
    await page.close();
  });

  it('lands a document link on the exact words, styled, with nothing run', async () => {
    // A range given with ?hl= (what the extractors found here is their business, tested elsewhere).
    const start = HOSTILE.text.indexOf('Hawija');
    const end = start + 'Hawija'.length;
    const { page, errors } = await open(`/api/documents/trap.html?hl=${start}-${end}#s-${start}-${end}`);
    const target = page.locator(':target');
    expect(await target.count()).toBe(1);
    expect(await target.textContent()).toBe('Hawija');
    expect(await target.evaluate((el) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el).outlineStyle)).toBe('solid');
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
