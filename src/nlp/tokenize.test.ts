import { describe, expect, it } from 'vitest';
import { prepared } from '../test-support/doc.js';
import { Doc } from '../core/document.js';
import { Pipeline, type Component } from '../core/pipeline.js';
import { tokenize, tokenizer } from './tokenize.js';
import { expectSpansMatch } from '../test-support/spans.js';

const text = (d: ReturnType<typeof prepared>) => d.get('sentences').map((s) => d.slice(s));

describe('tokenizer', () => {
  it('keeps token offsets on the input as given, including odd whitespace and astral characters', () => {
    const input = 'Forces\u2028advanced \u00a0 on   Tal Kayf 😀 — they can\'t stop.\r\n\r\nNext “quoted” line…';
    const d = prepared(input);
    const toks = d.get('tokens');
    expectSpansMatch(input, toks.map((t) => ({ ...t, text: input.slice(t.start, t.end) })));
    expect(toks.map((t) => d.slice(t))).toContain('Kayf');
    expect(toks.map((t) => d.slice(t))).toContain('😀');
    for (const t of toks) expect(d.slice(t).trim()).toBe(d.slice(t));
  });

  it('makes headings and bullets sentences of their own', () => {
    const d = prepared('Latest news\n- Troops entered the town on Monday\n- Aid arrived later\nThe end came quickly.');
    expect(text(d)).toEqual(['Latest news', '- Troops entered the town on Monday', '- Aid arrived later', 'The end came quickly.']);
    expect(d.get('sentences').map((s) => s.kind)).toEqual(['heading', 'bullet', 'bullet', 'text']);
  });

  it('joins a line that continues a sentence after a soft wrap', () => {
    const d = prepared('Militants shot dead 30 men\nas the army closed in, a source said.\nAnother paragraph starts here.');
    expect(text(d)).toEqual(['Militants shot dead 30 men\nas the army closed in, a source said.', 'Another paragraph starts here.']);
  });

  it('never lets a sentence cross a blank line', () => {
    const d = prepared('Read the Full Transcript\n\n\n    The government says forces advanced today.');
    expect(text(d)).toEqual(['Read the Full Transcript', 'The government says forces advanced today.']);
  });

  it('assigns every token to the sentence that contains it', () => {
    const d = prepared('One sentence here. Two sentences here.\n\nA third.');
    const sents = d.get('sentences');
    for (const t of d.get('tokens')) {
      const s = sents[t.sentence]!;
      expect(s.start <= t.start && t.end <= s.end).toBe(true);
    }
    expect(sents).toHaveLength(3);
  });

  it('makes a boilerplate span that shares a line with prose a sentence of its own', () => {
    // The boilerplate layer is given here, so this test is about the tokenizer's cut only.
    const d = new Doc('date 2020-05-01 Troops crossed the river at dawn.', { id: 't' });
    const marker: Component = { name: 'marker', needs: [], adds: ['boilerplate'], run: (x) => x.set('boilerplate', [{ start: 0, end: 15, kind: 'date-line' }]) };
    new Pipeline([marker, tokenizer]).run(d);
    const sents = d.get('sentences');
    expect(sents.map((s) => [d.slice(s), s.kind])).toEqual([
      ['date 2020-05-01', 'boilerplate'],
      ['Troops crossed the river at dawn.', 'text'],
    ]);
  });

  it('reads a megabyte of one word as one token, without handing it to wink', () => {
    const input = 'Before it. ' + 'a'.repeat(1_000_000) + ' After it.';
    const d = prepared(input);
    const toks = d.get('tokens');
    const long = toks.find((t) => t.type === 'long');
    expect(long).toMatchObject({ start: 11, end: 1_000_011 });
    expect(d.get('sentences').map((s) => d.slice(s).slice(0, 12))).toEqual(['Before it.', 'a'.repeat(12), 'After it.']);
  });

  it('keeps ordinary long URLs as single tokens with correct offsets', () => {
    const url = 'https://example.org/' + 'x'.repeat(400);
    const input = `Details at ${url} were posted on Monday.`;
    const d = prepared(input);
    expect(d.get('tokens').map((t) => d.slice(t))).toContain(url);
    expect(d.get('tokens').map((t) => d.slice(t))).toContain('Monday');
  });

  it('reads a document the same whatever was read before it', () => {
    // wink adds unknown words to its lexicon and then keeps them whole: after "at Wrzesniowski's." its
    // tokenizer no longer split "Wrzesniowski's team" (src/nlp/wink.ts).
    const words = (t: string) => tokenize(t).tokens.map((x) => t.slice(x.start, x.end));
    const story = "Wrzesniowski's team won the final.";
    const alone = words(story);
    expect(alone.slice(0, 2)).toEqual(['Wrzesniowski', "'s"]);
    words("The players celebrated at Wrzesniowski's.");
    expect(words(story)).toEqual(alone);
  });
});
