import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';

interface Row {
  id: string;
  published: string;
  text: string;
  expect: { type: string; subType: string; inter: number[] | null; fatalities: number };
}

const rows: Row[] = ['acled-style.jsonl', 'acled-style-2.jsonl', 'acled-style-3.jsonl', 'acled-style-5.jsonl'].flatMap((f) =>
  readFileSync(new URL(`../../../testdata/events/${f}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row),
);

// Event notes written for sitrep (testdata/events/README.md), all six ACLED types, many countries.
describe('ACLED-style notes from many countries', () => {
  for (const r of rows) {
    it(`${r.id}: ${r.expect.type} / ${r.expect.subType}`, () => {
      const doc = analyzed(r.text, r.published, r.id);
      const evs = doc.get('events');
      expectSpansMatch(r.text, evs);
      const e = evs[0]!;
      expect(`${e.type} / ${e.subType}`).toBe(`${r.expect.type} / ${r.expect.subType}`);
      if (r.expect.inter) {
        const got = [...new Set([e.actor1?.inter, e.actor2?.inter].filter((x): x is number => !!x))].sort();
        expect(got).toEqual([...new Set(r.expect.inter)].sort());
      }
      expect(e.fatalities?.best ?? 0).toBe(r.expect.fatalities);
    });
  }
});
