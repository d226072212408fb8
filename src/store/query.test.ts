import { describe, expect, it } from 'vitest';
import { parseQuery, toFts5, toWebsearch } from './query.js';

const fts = (q: string) => toFts5(parseQuery(q));
const web = (q: string) => toWebsearch(parseQuery(q));

describe('search queries', () => {
  it('quotes every word so FTS5 operators are searched for as words', () => {
    expect(fts('mosul offensive')).toBe('"mosul" AND "offensive"');
    expect(fts('NEAR AND NOT')).toBe('"NEAR" AND "AND" AND "NOT"');
    expect(fts('title:mosul')).toBe('"title:mosul"');
    expect(fts('^market')).toBe('"^market"');
  });

  it('reads phrases, including one left open', () => {
    expect(fts('"air strike" market')).toBe('"air strike" AND "market"');
    expect(fts('"air strike')).toBe('"air strike"');
    expect(fts('say "he said ""no"""')).toBe('"say" AND "he said " AND "no"');
  });

  it('reads or between alternatives, and not at the start', () => {
    expect(fts('families or militants said')).toBe('("families" OR "militants") AND "said"');
    expect(fts('or militants')).toBe('"or" AND "militants"');
    expect(fts('families OR')).toBe('"families"');
  });

  it('reads -word as an exclusion, never alone', () => {
    expect(fts('said -market')).toBe('"said" NOT "market"');
    expect(fts('said -"air strike"')).toBe('"said" NOT "air strike"');
    expect(fts('-market')).toBeNull();
    expect(fts('a - b')).toBe('"a" AND "b"');
    expect(fts('well-known')).toBe('"well-known"');
  });

  it('keeps a trailing star as a prefix search only after a letter or digit', () => {
    expect(fts('milit*')).toBe('"milit" *');
    expect(fts('*')).toBeNull();
    expect(fts('a*b')).toBe('"a*b"');
  });

  it('drops terms with nothing searchable in them', () => {
    expect(fts('')).toBeNull();
    expect(fts('  !! ?? ""  ')).toBeNull();
    expect(fts('🚩 market')).toBe('"market"');
    expect(fts('émigré')).toBe('"émigré"');
  });

  it('writes the same query for websearch_to_tsquery', () => {
    expect(web('families or militants said -market')).toBe('"families" or "militants" "said" -"market"');
    expect(web('"air strike')).toBe('"air strike"');
    expect(web('-market')).toBeNull();
  });
});
