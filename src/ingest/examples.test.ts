import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../test-support/spans.js';
import { prepared } from '../test-support/doc.js';
import { readPath, type InputItem } from './read.js';

const EXAMPLES = path.resolve(__dirname, '../../examples');

async function all(): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const it of readPath(EXAMPLES)) out.push(it);
  return out;
}

describe('the bundled sample articles (examples/)', () => {
  it('all read, README excluded, each with the date, origin of the date, outlet and format documented', async () => {
    const items = await all();
    expect(items.filter((i) => i.error).map((i) => i.error!.message)).toEqual([]);
    const rows = items.map((i) => [i.doc!.meta.id, i.doc!.meta.format, i.doc!.publishedDay, i.doc!.meta.publishedFrom, i.doc!.meta.source]);
    expect(rows).toEqual([
      ['aid-worker-transcript.txt', 'text', null, null, null],
      ['crisis-desk-2016-10-23-bakhdida', 'jsonl', '2016-10-23', 'input', 'Crisis Desk'],
      ['crisis-desk-2016-11-08-hammam-al-alil', 'jsonl', '2016-11-08', 'input', 'Crisis Desk'],
      ['gulf-wire-bartella.txt', 'text', '2016-10-20', 'text-date-line', 'Gulf Wire'],
      ['https://levant-radio.example/news/2016/10/23/qaraqosh', 'feed', '2016-10-23', 'feed', 'Levant Radio'],
      ['https://levant-radio.example/news/2016/11/02/eastern-mosul', 'feed', '2016-11-02', 'feed', 'Levant Radio'],
      ['meridian-eastern-mosul.txt', 'text', '2016-11-03', 'text-date-line', 'Meridian News'],
      ['northern-monitor-bartella.html', 'html', '2016-10-21', 'html-meta', 'Northern Iraq Monitor'],
      ['tigris-post-kirkuk.txt', 'text', '2016-10-22', 'dateline', 'Tigris Post'],
    ]);
  });

  it('carry the contested figures and the alternative spellings the README promises', async () => {
    const text = (await all()).map((i) => i.doc!.text).join('\n');
    for (const s of ['between 3,000 and 5,000', 'as many as 7,000', 'about 48,000', 'more than 50,000', 'Erbil', 'Irbil', 'Qaraqosh', 'Bakhdida', 'Hamdaniya', 'could not independently verify']) {
      expect(text).toContain(s);
    }
  });

  it('have their page furniture marked as boilerplate, and nothing else', async () => {
    for (const it of await all()) {
      const doc = prepared(it.doc!.text, it.doc!.meta.published);
      const bp = doc.get('boilerplate').map((b) => ({ ...b, text: doc.slice(b) }));
      expectSpansMatch(doc.text, bp);
      for (const b of bp) expect(b.text.length).toBeLessThan(120);
      const prose = doc.get('sentences').filter((s) => s.kind === 'boilerplate').map((s) => doc.slice(s));
      for (const s of prose) expect(s).not.toMatch(/\b(?:killed|retook|recaptured|fled|said on)\b/);
    }
  });
});
