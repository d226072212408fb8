import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './feed.js';
import type { SourceSegment } from './source-map.js';

const testdata = (name: string) => readFileSync(new URL(`../../testdata/ingest/${name}`, import.meta.url), 'utf8');
const examples = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');

function expectMapHolds(text: string, source: string, segments: readonly SourceSegment[]): void {
  for (const s of segments) {
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.sourceEnd).toBeLessThanOrEqual(source.length);
    if (s.exact) expect(source.slice(s.sourceStart, s.sourceEnd)).toBe(text.slice(s.start, s.end));
  }
}

describe('RSS 2.0', () => {
  const source = examples('levant-radio-feed.xml');
  const feed = parseFeed(source);

  it('makes one document per item, with title, link, guid, author and the channel as outlet', () => {
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Levant Radio');
    expect(feed.items.map((i) => [i.id, i.title, i.url, i.source, i.author])).toEqual([
      ['https://levant-radio.example/news/2016/10/23/qaraqosh', 'Army says Qaraqosh retaken; toxic smoke spreads near Qayyara', 'https://levant-radio.example/news/2016/10/23/qaraqosh', 'Levant Radio', 'Levant Radio newsroom'],
      ['https://levant-radio.example/news/2016/11/02/eastern-mosul', 'Special forces fight inside eastern Mosul', 'https://levant-radio.example/news/2016/11/02/eastern-mosul', 'Levant Radio', null],
    ]);
  });

  it('takes pubDate as the publication date, keeping the local day; never the channel date', () => {
    expect(feed.items.map((i) => i.published)).toEqual(['2016-10-23T14:10:00+03:00', '2016-11-02T09:05:00+03:00']);
  });

  it('turns CDATA and escaped HTML descriptions into blocks under the title', () => {
    const [a, b] = feed.items;
    expect(a!.text.startsWith('Army says Qaraqosh retaken; toxic smoke spreads near Qayyara\n\nIraqi army units said on Sunday')).toBe(true);
    expect(a!.text).toContain('east of Mosul. Officers said small groups of militants were still hiding in the town.\n\nSouth of the city');
    expect(b!.text).toContain('\n\nIraqi counter-terrorism troops entered the eastern edge of Mosul on Tuesday');
    expect(b!.text).not.toContain('<p>');
  });

  it('maps every item text back into the feed file', () => {
    for (const it of feed.items) {
      expectMapHolds(it.text, source, it.segments);
      const w = it.text.indexOf('Mosul');
      const seg = it.segments.find((s) => s.start <= w && w + 5 <= s.end && s.exact)!;
      expect(source.slice(seg.sourceStart + (w - seg.start), seg.sourceStart + (w - seg.start) + 5)).toBe('Mosul');
      expect(source.slice(it.start, it.start + 6)).toBe('<item>');
    }
  });
});

describe('Atom and RDF', () => {
  it('reads Atom entries: alternate link, published before updated, author name, html/xhtml/text content', () => {
    const source = testdata('atom-feed.xml');
    const feed = parseFeed(source);
    expect(feed.kind).toBe('atom');
    const [a, b, c] = feed.items;
    expect(a).toMatchObject({ title: 'Kurds say Bashiqa taken & cleared', url: 'https://nineveh-notes.example/2016/11/07/bashiqa', published: '2016-11-07T09:00:00+03:00', author: 'Sara Mahmoud', source: 'Nineveh Notes' });
    expect(a!.text).toBe('Kurds say Bashiqa taken & cleared\n\nKurdish Peshmerga forces said on Monday they had driven Islamic State fighters out of Bashiqa after surrounding the town for two weeks.');
    expect(b).toMatchObject({ published: '2016-11-06T18:00:00+00:00', url: 'https://nineveh-notes.example/2016/11/06/xhtml' });
    expect(b!.text).toBe('Inline XHTML entry\n\nShelling was heard overnight near Tal Kayf, residents said.\n\nSecond paragraph.');
    expect(c!.text).toBe('Plain text entry\n\nA plain summary with a <tag> that is only text.\n\nA second paragraph of the summary.');
    expect(c!.published).toBeNull();
    for (const it of feed.items) expectMapHolds(it.text, source, it.segments);
  });

  it('reads RSS 1.0 (RDF) items with dc:date', () => {
    const feed = parseFeed(testdata('rdf-feed.rdf'));
    expect(feed.kind).toBe('rdf');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ title: 'Fighting reported near Qayyara airbase', published: '2016-10-18T08:00:00+00:00', source: 'RDF Wire' });
  });
});

describe('hostile feeds', () => {
  const source = testdata('hostile-feed.xml');
  const feed = parseFeed(source);

  it('never expands declared entities (billion laughs, external entities)', () => {
    expect(feed.title).toBe('Hostile &g; Feed');
    expect(feed.items[0]!.title).toBe('Laughs &g; and &xxe;');
    expect(Math.max(...feed.items.map((i) => i.text.length))).toBeLessThan(200);
    expect(feed.items.some((i) => i.text.includes('root:'))).toBe(false);
  });

  it('drops scripts, styles, frames and javascript: links, keeping the visible text', () => {
    const hostile = feed.items[0]!;
    expect(hostile.text).toBe('Laughs &g; and &xxe;\n\nVisible text of the hostile item.\n\na link');
    expect(hostile.url).toBeNull();
    expect(hostile.published).toBeNull();
    expect(hostile.badDate).toBe('not a date at all');
  });

  it('reads the good item after the hostile one, and reports the empty one as empty', () => {
    expect(feed.items[1]).toMatchObject({ url: 'https://ok.example/2016/10/24/item', published: '2016-10-24T08:00:00+00:00' });
    expect(feed.items[1]!.text).toBe('A normal item after the hostile one\n\nTroops advanced near Qayyara on Monday.');
    expect(feed.items[2]!.text).toBe('');
  });

  it('stops at the item limit and counts the rest', () => {
    const many = '<rss><channel><title>M</title>' + '<item><title>Item</title></item>'.repeat(30) + '</channel></rss>';
    const f = parseFeed(many, { maxItems: 10 });
    expect(f.items).toHaveLength(10);
    expect(f.skipped).toBe(20);
  });

  it('survives deep nesting and unclosed elements', () => {
    const deep = '<rss><channel><item><title>Deep</title><description><![CDATA[' + '<div>'.repeat(20_000) + 'inside' + ']]></description></item><item><title>Unclosed';
    const f = parseFeed(deep);
    expect(f.items[0]!.text).toBe('Deep\n\ninside');
    expect(f.items).toHaveLength(2);
  });
});
