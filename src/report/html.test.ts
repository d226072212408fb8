import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderHtml, reportCsp } from './html.js';
import { safeHref } from './html-sources.js';
import { reportFromDocs } from './model.js';
import { hostileDoc, scenario } from './scenario.test-support.js';

async function page(docs = scenario()) {
  const r = (await reportFromDocs(docs));
  const html = renderHtml(r);
  const { document } = parseHTML(html);
  return { r, html, document };
}

describe('the HTML report', () => {
  it('draws the map with country outlines and one marker per located event, and the timeline', async () => {
    const { r, document } = (await page());
    expect(document.querySelectorAll('#map-svg path.country').length).toBeGreaterThan(0);
    expect(document.querySelectorAll('#map-svg circle.ev').length).toBe(r.events.filter((e) => e.location).length);
    expect(document.querySelectorAll('#timeline-svg rect.ev').length).toBe(r.events.filter((e) => e.date).length);
    for (const id of ['latest', 'figures', 'unverified', 'events', 'control', 'places', 'documents']) expect(document.getElementById(id)).not.toBeNull();
  });

  it('links every fact to source sentences the page carries', async () => {
    const { document } = (await page());
    const data = JSON.parse(document.getElementById('sitrep-data')!.textContent!) as { sources: { sentence: string; mark: [number, number] }[] };
    const facts = [...document.querySelectorAll('[data-src]')];
    expect(facts.length).toBeGreaterThan(10);
    for (const f of facts) {
      for (const n of f.getAttribute('data-src')!.split(' ').map(Number)) {
        const s = data.sources[n]!;
        expect(s).toBeDefined();
        expect(s.mark[0]).toBeLessThanOrEqual(s.mark[1]);
        expect(s.mark[1]).toBeLessThanOrEqual(s.sentence.length);
      }
    }
    // The contested claims show their own words.
    const unverified = document.getElementById('unverified')!.textContent!;
    expect(unverified).toMatch(/could not verify/);
  });

  it('loads nothing: no external resources, and a policy that forbids any', async () => {
    const { html, document } = (await page());
    expect(document.querySelectorAll('link, img, iframe, object, embed, video, audio, source').length).toBe(0);
    expect(html).not.toMatch(/@import|url\(/i);
    for (const s of document.querySelectorAll('script')) expect(s.getAttribute('src')).toBeNull();
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/connect-src 'none'/);
    expect(csp).toMatch(/script-src 'nonce-/);
  });

  it('shows a hostile article as text: no script, handler, frame or javascript: link gets into the page', async () => {
    const docs = [...scenario(), hostileDoc()];
    const { html, document, r } = (await page(docs));
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.map((s) => s.getAttribute('type') ?? 'js')).toEqual(['application/json', 'js']);
    const nonce = scripts[1]!.getAttribute('nonce');
    expect(html.split(`nonce-${nonce}`).length).toBe(2);
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) expect(a.name.startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
    }
    expect(document.querySelectorAll('iframe, img, link, svg[onload], a[href^="javascript"]').length).toBe(0);
    for (const a of document.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(#|https?:)/);
    // The data block holds the hostile text intact (as data) and ends where it should.
    const data = document.getElementById('sitrep-data')!.textContent!;
    expect(data).not.toMatch(/<\/script/i);
    expect(JSON.stringify(JSON.parse(data))).toMatch(/<script>window.__pwned = 1/);
    // And the reader sees the words as written.
    expect(document.getElementById('documents')!.textContent).toContain('</title><script>window.__pwned=8</script>');
    expect(r.events.some((e) => e.actor1?.name.includes('onmouseover'))).toBe(true);
  });
});

describe('HTML options for a server', () => {
  it('uses the nonce it is given, with the same policy as reportCsp', async () => {
    const r = (await reportFromDocs(scenario()));
    const html = renderHtml(r, { nonce: 'AbC123xyz987' });
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script')[1]!.getAttribute('nonce')).toBe('AbC123xyz987');
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(reportCsp('AbC123xyz987'));
    // A nonce that could break out of the attribute is not used.
    expect(renderHtml(r, { nonce: '"><script>' })).not.toContain('"><script>"');
    expect(parseHTML(renderHtml(r, { nonce: '"><script>' })).document.querySelectorAll('script').length).toBe(2);
  });

  it('gives each source the document link the host makes, and only safe ones', async () => {
    const r = (await reportFromDocs(scenario()));
    const html = renderHtml(r, { documentHref: (id, s, e) => `/api/documents/${encodeURIComponent(id)}.html#s-${s}-${e}` });
    const data = JSON.parse(parseHTML(html).document.getElementById('sitrep-data')!.textContent!) as { sources: { href: string | null }[] };
    expect(data.sources.every((s) => s.href?.startsWith('/api/documents/'))).toBe(true);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('//evil.example/x')).toBeNull();
    expect(safeHref('/a"b')).toBeNull();
    expect(safeHref('#s-1-2')).toBe('#s-1-2');
    expect(safeHref('https://example.org/d')).toBe('https://example.org/d');
  });
});
