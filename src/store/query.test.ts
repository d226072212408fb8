import { describe, expect, it } from 'vitest';
import { MAX_PREFIX_TERMS, MAX_TERMS, parseQuery, QueryError, STOP_WORDS, toFts5, toWebsearch } from './query.js';

const fts = (q: string) => toFts5(parseQuery(q));
const web = (q: string) => toWebsearch(parseQuery(q));

describe('search queries', () => {
  it('quotes every word so FTS5 operators are searched for as words', () => {
    expect(fts('mosul offensive')).toBe('"mosul" AND "offensive"');
    expect(fts('NEAR AND NOT')).toBe('"NEAR"');
    expect(fts('title:mosul')).toBe('"title:mosul"');
    expect(fts('^market')).toBe('"^market"');
  });

  it('reads phrases, including one left open', () => {
    expect(fts('"air strike" market')).toBe('"air strike" AND "market"');
    expect(fts('"air strike')).toBe('"air strike"');
    expect(fts('say "he said ""yes"""')).toBe('"say" AND "he said " AND "yes"');
  });

  it('reads or between alternatives, and not at the start', () => {
    expect(fts('families or militants said')).toBe('("families" OR "militants") AND "said"');
    expect(fts('or militants')).toBe('"militants"');
    expect(fts('families OR')).toBe('"families"');
  });

  it('reads -word as an exclusion, never alone', () => {
    expect(fts('said -market')).toBe('"said" NOT "market"');
    expect(fts('said -"air strike"')).toBe('"said" NOT "air strike"');
    expect(fts('-market')).toBeNull();
    expect(fts('x - y')).toBe('"x" AND "y"');
    expect(fts('well-known')).toBe('"well-known"');
  });

  it('keeps a trailing star as a prefix search only after a letter or digit', () => {
    expect(fts('milit*')).toBe('"milit" *');
    expect(fts('*')).toBeNull();
    expect(fts('x*y')).toBe('"x*y"');
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

  it('drops stop words (as words and as prefixes, not inside phrases) so both stores search the same terms', () => {
    expect(fts('AND OR NOT *')).toBeNull();
    expect(web('AND OR NOT *')).toBeNull();
    expect(fts('the a* mosul')).toBe('"mosul"');
    expect(fts('"the war"')).toBe('"the war"');
    expect(fts('"the of"')).toBeNull();
    expect(STOP_WORDS.has('the')).toBe(true);
  });

  it('searches a repeated term once', () => {
    expect(fts('mosul Mosul mosul* mosul*')).toBe('"mosul" AND "mosul" *');
    expect(fts('x or x or y')).toBe('("x" OR "y")');
  });

  it('refuses more terms or prefixes than it can answer quickly', () => {
    const words = (n: number, suffix = '') => Array.from({ length: n }, (_, i) => `w${i}${suffix}`).join(' or ');
    expect(() => parseQuery(words(MAX_TERMS))).not.toThrow();
    expect(() => parseQuery(words(MAX_TERMS + 1))).toThrow(QueryError);
    expect(() => parseQuery(words(MAX_PREFIX_TERMS, '*'))).not.toThrow();
    expect(() => parseQuery(words(MAX_PREFIX_TERMS + 1, '*'))).toThrow(/prefix/);
    // Forty copies of one prefix are one term.
    expect(fts(Array(40).fill('ab*').join(' or '))).toBe('"ab" *');
  });
});
