import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHtml, MAX_READABILITY_DEPTH } from './html.js';
import { extractFromHtml } from './html-text.js';
import { scanHtml } from './html-scan.js';
import { pageMeta, safeUrl } from './html-meta.js';
import { articleFromJsonLd } from './json-ld.js';
import { toSource, type SourceSegment } from './source-map.js';

const testdata = (name: string) => readFileSync(new URL(`../../testdata/ingest/${name}`, import.meta.url), 'utf8');

/** Every exact segment holds the same characters in text and source; all segments are in bounds and ordered. */
function expectMapHolds(text: string, source: string, segments: readonly SourceSegment[]): void {
  let last = 0;
  for (const s of segments) {
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.sourceStart).toBeGreaterThanOrEqual(0);
    expect(s.sourceEnd).toBeLessThanOrEqual(source.length);
    if (s.exact) expect(source.slice(s.sourceStart, s.sourceEnd)).toBe(text.slice(s.start, s.end));
    last = s.end;
  }
}

const ARTICLE = (body: string) => `<!doctype html><html><head><title>T</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>${body}</article><footer>© 2016 Site</footer></body></html>`;
const FILLER = '<p>' + 'Iraqi forces pressed their advance across the plain east of the city on Thursday, officers said. '.repeat(4) + '</p>';

describe('extractFromHtml: serialising blocks', () => {
  it('puts each block on its own, separated by a blank line, and marks list items', () => {
    const html = '<h2>Latest</h2><p>First   paragraph\n spans lines.</p><ul><li>One</li><li>Two <b>bold</b></li></ul><p>a<br>b<br><br>c</p>';
    const { text } = extractFromHtml(html);
    expect(text).toBe('Latest\n\nFirst paragraph spans lines.\n\n- One\n\n- Two bold\n\na\nb\n\nc');
  });

  it('decodes entities and maps them back to the whole entity', () => {
    const html = '<p>Troops &amp; tanks reached Qaraqosh&nbsp;(Bakhdida) &#x1F600;</p>';
    const { text, segments } = extractFromHtml(html);
    expect(text).toBe('Troops & tanks reached Qaraqosh\u00a0(Bakhdida) 😀');
    expectMapHolds(text, html, segments);
    const amp = text.indexOf('&');
    expect(toSource({ segments }, { start: amp, end: amp + 1 })).toEqual({ start: html.indexOf('&amp;'), end: html.indexOf('&amp;') + 5 });
    const q = text.indexOf('Qaraqosh');
    expect(html.slice(...Object.values(toSource({ segments }, { start: q, end: q + 8 })!) as [number, number])).toBe('Qaraqosh');
  });

  it('keeps whitespace inside <pre>', () => {
    expect(extractFromHtml('<p>x</p><pre>a\n  b</pre>').text).toBe('x\n\na\n  b');
  });

  it('drops scripts, styles, templates and form controls', () => {
    const html = '<p>Seen</p><script>alert("never")</script><style>p{}</style><noscript>No</noscript><template><p>T</p></template><textarea>x</textarea><select><option>o</option></select>';
    expect(extractFromHtml(html).text).toBe('Seen');
  });

  it('drops page chrome only when asked', () => {
    const html = '<nav>Home World</nav><p>Body text.</p><footer>Footer</footer><div role="navigation">Menu</div><div hidden>Hidden</div>';
    expect(extractFromHtml(html, { dropChrome: true }).text).toBe('Body text.');
    expect(extractFromHtml(html).text).toContain('Footer');
  });

  it('treats table rows and cells as blocks', () => {
    expect(extractFromHtml('<table><tr><td>Mosul</td><td>3,000</td></tr></table>').text).toBe('Mosul\n\n3,000');
  });

  it('copes with broken markup without throwing', () => {
    for (const html of ['<p>unclosed <b>bold <i>it</p> after', '</div></span>stray closes', '<p <p>>', '<!-- never closed', '<a href=x>link</a', '&', '<', '']) {
      const { text, segments } = extractFromHtml(html);
      expectMapHolds(text, html, segments);
    }
  });
});

describe('readHtml: main content', () => {
  it('keeps the article and drops navigation, cookie notice, comments and footer', () => {
    const source = testdata('page-with-chrome.html');
    const page = readHtml(source);
    expect(page.extractor).toBe('readability');
    expect(page.text).toContain('A convoy of eleven trucks carrying tents, blankets and drinking water reached the Hasansham camp');
    expect(page.text).toContain('- Hasansham lies about 30 km east of Mosul, on the road to Erbil');
    expect(page.text).toContain('\n\nWinter approaching\n\n');
    for (const gone of ['Skip to main content', 'We use cookies', 'Business', 'Comments are closed', 'First! Great reporting', 'Oil prices slide', 'Privacy', 'This text must never appear', 'nor this', 'trackPageView']) {
      expect(page.text).not.toContain(gone);
    }
    expectMapHolds(page.text, source, page.segments);
  });

  it('locates a fact of the extracted text in the page', () => {
    const source = testdata('page-with-chrome.html');
    const page = readHtml(source);
    const at = page.text.indexOf('About 1,500 people');
    const back = toSource({ segments: page.segments }, { start: at, end: at + 'About 1,500 people'.length })!;
    expect(source.slice(back.start, back.end)).toBe('About 1,500 people');
    const quote = page.text.indexOf('“We have room');
    const q = toSource({ segments: page.segments }, { start: quote, end: quote + 1 })!;
    expect(source.slice(q.start, q.end)).toBe('&ldquo;');
  });

  it('reads the metadata: JSON-LD date before dc.date, never the modified time', () => {
    const m = readHtml(testdata('page-with-chrome.html')).meta;
    expect(m).toEqual({
      title: 'Aid convoy reaches Hasansham camp as families keep arriving',
      author: 'Omar Haddad, Ruth Keller',
      source: 'Plains Herald',
      url: 'https://plains-herald.example/2016/11/04/aid-convoy-hasansham',
      published: '2016-11-04T16:30:00+03:00',
      publishedFrom: 'json-ld',
    });
  });

  it('reads malformed pages', () => {
    const source = testdata('broken.html');
    const page = readHtml(source);
    expect(page.text).toContain('Peshmerga units advanced toward Tal Kayf on Wednesday');
    expect(page.text).not.toContain('script text');
    expectMapHolds(page.text, source, page.segments);
  });

  it('maps text even where Readability rewrote a javascript: link into a new text node', () => {
    const source = ARTICLE(FILLER + '<p>Officials gave <a href="javascript:void(0)">a statement</a> on Friday about the advance near the town.</p>' + FILLER);
    const page = readHtml(source);
    const at = page.text.indexOf('a statement');
    expect(at).toBeGreaterThan(0);
    const back = toSource({ segments: page.segments }, { start: at, end: at + 11 })!;
    expect(source.slice(back.start, back.end)).toBe('a statement');
  });

  it('reads a page too deep for Readability with the streaming extractor instead', () => {
    const depth = MAX_READABILITY_DEPTH + 50;
    const source = '<html><body><nav>Menu items</nav>' + '<div>'.repeat(depth) + '<p>Deep text about Mosul.</p>' + '</div>'.repeat(depth) + '</body></html>';
    const page = readHtml(source);
    expect(page.extractor).toBe('streaming');
    expect(page.text).toBe('Deep text about Mosul.');
    expectMapHolds(page.text, source, page.segments);
  });

  it('reads a fragment with no <html> or <body>', () => {
    const page = readHtml('<p>Troops reached Gogjali on Tuesday.</p><p>Second.</p>');
    expect(page.text).toBe('Troops reached Gogjali on Tuesday.\n\nSecond.');
  });
});

describe('page metadata', () => {
  const meta = (head: string, body = '') => pageMeta(scanHtml(`<html><head>${head}</head><body>${body}</body></html>`));

  it('prefers article:published_time, then JSON-LD, then other meta tags, then <time>', () => {
    expect(meta('<meta property="article:published_time" content="2016-10-21T07:40:00+03:00"><meta name="date" content="2016-10-25">')).toMatchObject({ published: '2016-10-21T07:40:00+03:00', publishedFrom: 'html-meta' });
    expect(meta('<meta name="dc.date" content="2016-10-25"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2016-10-22"}</script>')).toMatchObject({ published: '2016-10-22', publishedFrom: 'json-ld' });
    expect(meta('<meta name="DC.date.issued" content="2016-10-25">')).toMatchObject({ published: '2016-10-25', publishedFrom: 'html-meta' });
    expect(meta('', '<header><time datetime="2016-10-26">26 Oct</time></header>')).toMatchObject({ published: '2016-10-26', publishedFrom: 'html-meta' });
  });

  it('does not take a <time> inside the prose, or a modification time, as the publication date', () => {
    expect(meta('<meta property="article:modified_time" content="2016-10-25">', '<p>Fighting began on <time datetime="2016-10-17">Monday</time>.</p>')).toMatchObject({ published: null, publishedFrom: null });
    expect(meta('', '<p>Posted <time datetime="2016-10-17" pubdate>Monday</time>.</p>')).toMatchObject({ published: '2016-10-17' });
  });

  it('skips unreadable dates and broken JSON-LD', () => {
    expect(meta('<meta property="article:published_time" content="last Tuesday"><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2016-10-22",}</script><meta name="date" content="2016-10-23">')).toMatchObject({ published: '2016-10-23', publishedFrom: 'html-meta' });
  });

  it('keeps only http(s) URLs', () => {
    expect(meta('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://ok.example/a">').url).toBe('https://ok.example/a');
    expect(safeUrl('data:text/html,x')).toBeNull();
    expect(safeUrl('/relative/path')).toBeNull();
    expect(safeUrl('HTTPS://Example.org/a b')).toBe('https://example.org/a%20b');
  });

  it('falls back to <title> for the title and reads the author from meta or a byline', () => {
    expect(meta('<title>Plain title</title>')).toMatchObject({ title: 'Plain title', author: null, source: null });
    expect(pageMeta(scanHtml('<title>x</title>'), null, 'By Jane Roe').author).toBe('Jane Roe');
    expect(meta('<meta property="article:author" content="https://facebook.com/someone">').author).toBeNull();
  });
});

describe('articleFromJsonLd', () => {
  it('finds the article in arrays and @graph, joining several authors', () => {
    const a = articleFromJsonLd(['[{"@type":"WebSite"},{"@graph":[{"@type":["ReportageNewsArticle"],"headline":"H","datePublished":"2016-10-20","author":[{"name":"A"},{"name":"B"}],"publisher":{"name":"P"},"mainEntityOfPage":{"@id":"https://x.example/a"}}]}]']);
    expect(a).toEqual({ headline: 'H', datePublished: '2016-10-20', author: 'A, B', publisher: 'P', url: 'https://x.example/a' });
  });
  it('ignores non-articles and survives hostile JSON', () => {
    expect(articleFromJsonLd(['{"@type":"Organization","name":"X","datePublished":"2016-01-01"}'])).toBeNull();
    expect(articleFromJsonLd(['not json', '{"@type":"NewsArticle","headline":' + '['.repeat(5000) + ']'.repeat(5000) + '}'])).toMatchObject({ headline: null });
    expect(articleFromJsonLd([])).toBeNull();
  });
});
