import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Doc } from '../../core/document.js';
import { Pipeline } from '../../core/pipeline.js';
import { tokenizer } from '../../nlp/tokenize.js';
import { prepared } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { findTimes, PARSERS, times } from './index.js';
import { fullScan } from './scan.js';
import { triggerInputs } from './triggers.js';

const testdata = (name: string) => readFileSync(new URL(`../../../testdata/times/${name}`, import.meta.url), 'utf8');
const negatives = testdata('negatives.txt')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));
const cases = testdata('cases.jsonl')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { published: string | null; text: string; times: [string, string][] });

describe('times component', () => {
  it('adds the times layer with offsets on the input as given', () => {
    const text = 'ERBIL, Iraq — Troops retook Bartella on Saturday 😀 after “two days” of clashes.\r\n\r\nThey said so on Sunday.';
    const doc = prepared(text, '2016-10-23', times);
    const layer = doc.get('times');
    expectSpansMatch(text, layer);
    expect(layer.map((t) => [t.text, t.value])).toEqual([
      ['Saturday', '2016-10-22'],
      ['two days', 'P2D'],
      ['Sunday', '2016-10-23'],
    ]);
  });

  it('finds what each hand-written case expects', () => {
    for (const c of cases) {
      const doc = prepared(c.text, c.published, times);
      const layer = doc.get('times');
      expectSpansMatch(c.text, layer);
      expect(layer.map((t) => [t.text, t.value]), c.text).toEqual(c.times);
    }
  });

  it('finds no time in any line of the negative-case file', () => {
    for (const line of negatives) expect(findTimes(line, '2016-10-23').map((t) => t.text), line).toEqual([]);
  });

  it('skips publication-date markers and page furniture', () => {
    const text = 'date 2016-10-23 Troops advanced on Saturday.';
    const doc = new Doc(text, { id: 't', published: '2016-10-23' });
    doc.set('boilerplate', [{ start: 0, end: 15, kind: 'date-line' }]);
    new Pipeline([{ name: 'given', needs: [], adds: ['boilerplate'], run: () => undefined }, tokenizer, times]).run(doc);
    expect(doc.get('times').map((t) => t.text)).toEqual(['Saturday']);
  });

  it('finds through its trigger words exactly what a full scan finds', () => {
    for (const text of [...negatives, ...cases.map((c) => c.text)]) {
      const inputs = triggerInputs(text, PARSERS);
      PARSERS.forEach((p, i) => {
        const key = (x: { start: number; end: number; rule: string }) => `${x.start}-${x.end}-${x.rule}`;
        expect(p.parse(inputs[i]!).map(key).sort(), `${p.name}: ${text}`).toEqual(p.parse(fullScan(text)).map(key).sort());
      });
    }
  });

  it('never throws on odd text', () => {
    const odd = ['', ' ', '😀😀😀', 'اجتمع الوزراء يوم الجمعة 2020', '"unbalanced « quotes', 'May'.repeat(1000), 'a'.repeat(1_000_000), '\u0000\uFFFF\uD800', '12:99 p.m. 31/02/2020 2020-02-30'];
    for (const text of odd) {
      const found = findTimes(text, '2016-10-23');
      expectSpansMatch(text, found);
    }
    expect(findTimes('Friday', 'not a date').map((t) => t.value)).toEqual(['XXXX-WXX-5']);
  });
});
