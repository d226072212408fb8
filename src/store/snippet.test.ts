import { describe, expect, it } from 'vitest';
import { parseQuery } from './query.js';
import { makeSnippet, pageSnippets } from './snippet.js';

const mark = { open: '«', close: '»' };
const snip = (text: string, q: string) => makeSnippet(text, parseQuery(q), mark);

describe('search snippets', () => {
  it('marks stemmed words and prefixes, case and accents folded', () => {
    expect(snip('Gunmen killed four people near the Émigré bridge.', 'kill emigre')).toBe('Gunmen «killed» four people near the «Émigré» bridge');
    expect(snip('Militants and militias clashed.', 'milit*')).toBe('«Militants» and «militias» clashed');
  });

  it('shows the window holding the most distinct terms, cut with …', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ');
    const text = `market ${filler} the market was hit by shelling ${filler}`;
    const s = snip(text, 'market shelling');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('«market» was hit by «shelling»');
  });

  it('gives the first words when only the title matched', () => {
    expect(snip('Nothing here matches.', 'mosul')).toBe('Nothing here matches');
  });

  it('keeps to its budget: past it, hits get their first words', async () => {
    const texts = ['alpha beta gamma', 'beta gamma alpha'];
    const fast = await pageSnippets(texts, (t) => t, parseQuery('gamma'), mark, 10_000);
    expect(fast).toEqual(['alpha beta «gamma»', 'beta «gamma» alpha']);
    const none = await pageSnippets(texts, (t) => t, parseQuery('gamma'), mark, -1);
    expect(none).toEqual(['alpha beta gamma', 'beta gamma alpha']);
  });
});
