import { describe, expect, it } from 'vitest';
import { Doc } from '../../core/document.js';
import { Pipeline, type Component } from '../../core/pipeline.js';
import { boilerplate } from '../../ingest/boilerplate.js';
import { tokenizer } from '../tokenize.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { completeParses, deferredParser, parser, sentenceParse, syntax } from './component.js';

// Written for this test.
const TEXT = [
  'Maria Okafor, a nurse with the World Health Organization, said the clinic in Goma was shelled overnight.',
  '',
  'The weather was mild.',
  '',
  "Rebels didn't leave Bunia's market until Friday.",
].join('\n');

function run(...extra: Component[]): Doc {
  const doc = new Doc(TEXT, { id: 't' });
  return new Pipeline([boilerplate, tokenizer, syntax, ...extra]).run(doc);
}

describe('syntax component', () => {
  it('tags every token of the prose with a Universal POS tag', () => {
    const doc = run();
    const tokens = doc.get('tokens');
    for (const t of tokens) expect(t.upos, TEXT.slice(t.start, t.end)).toMatch(/^[A-Z]+$/);
    const tag = (w: string) => tokens.find((t) => TEXT.slice(t.start, t.end) === w)?.upos;
    expect(tag('nurse')).toBe('NOUN');
    expect(tag('shelled')).toBe('VERB');
    expect(tag('the')).toBe('DET');
  });

  it('finds people, organisations and places, on their exact characters', () => {
    const doc = run();
    const entities = doc.get('entities');
    const by = (label: string) => entities.filter((e) => e.label === label).map((e) => TEXT.slice(e.start, e.end));
    expect(by('PER')).toContain('Maria Okafor');
    expect(by('ORG')).toContain('World Health Organization');
    expect(by('LOC')).toContain('Goma');
    expectSpansMatch(TEXT, entities.map((e) => ({ ...e, text: TEXT.slice(e.start, e.end) })));
    for (const e of entities) {
      const tokens = doc.get('tokens');
      expect(tokens[e.tokenStart]!.start).toBeLessThanOrEqual(e.start);
      expect(tokens[e.tokenEnd - 1]!.end).toBeGreaterThanOrEqual(e.end);
      expect(doc.get('sentences')[e.sentence]!.start).toBeLessThanOrEqual(e.start);
    }
  });

  it('parses only the sentences it is asked to, and any other on request', () => {
    const doc = run(parser((_, s) => s.index === 0));
    const tokens = doc.get('tokens');
    const sentences = doc.get('sentences');
    const inSentence = (k: number) => tokens.slice(sentences[k]!.tokenStart, sentences[k]!.tokenEnd);
    expect(inSentence(0).every((t) => t.dep !== undefined)).toBe(true);
    expect(inSentence(0).filter((t) => t.head === null)).toHaveLength(1);
    expect(inSentence(1).every((t) => t.dep === undefined)).toBe(true);
    const p = sentenceParse(doc, 1)!;
    expect(p.heads.filter((h) => h === -1)).toHaveLength(1);
    expect(inSentence(1).every((t) => t.dep !== undefined)).toBe(true);
    expect(sentenceParse(doc, 1)).toBe(p);
  });

  it('parses on demand what a deferred parser chose, and the rest when the parses are completed, as the eager parser does', () => {
    const chosen = (_: Doc, s: { index: number }) => s.index !== 1;
    const eager = run(parser(chosen));
    const doc = run(deferredParser(chosen));
    const tokens = doc.get('tokens');
    expect(tokens.every((t) => t.dep === undefined)).toBe(true);
    const last = doc.get('sentences').length - 1;
    sentenceParse(doc, last);
    const parsed = (d: Doc) => d.get('tokens').map((t) => [t.upos, t.head, t.dep]);
    expect(parsed(doc).filter((x) => x[2] !== undefined).length).toBeGreaterThan(0);
    expect(parsed(doc)).not.toEqual(parsed(eager));
    completeParses(doc);
    expect(parsed(doc)).toEqual(parsed(eager));
  });

  it('attaches a token split into several words by the word that links it to the sentence', () => {
    const doc = run(parser());
    const tokens = doc.get('tokens');
    const s = doc.get('sentences')[2]!;
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      const tok = tokens[t]!;
      if (tok.head !== null) {
        expect(tok.head).not.toBe(t);
        expect(tok.head).toBeGreaterThanOrEqual(s.tokenStart);
        expect(tok.head).toBeLessThan(s.tokenEnd);
      }
    }
    const leave = tokens.findIndex((t) => TEXT.slice(t.start, t.end) === 'leave');
    const rebels = tokens.findIndex((t) => TEXT.slice(t.start, t.end) === 'Rebels');
    expect(tokens[rebels]!.head).toBe(leave);
    expect(tokens[rebels]!.dep).toBe('nsubj');
  });

  it('leaves page furniture alone', () => {
    const text = 'Share this story on Facebook\n\nGunmen attacked a police post in Kano.';
    const doc = new Pipeline([boilerplate, tokenizer, syntax, parser()]).run(new Doc(text, { id: 'b' }));
    const furniture = doc.get('sentences').filter((s) => s.kind === 'boilerplate');
    expect(furniture.length).toBeGreaterThan(0);
    for (const s of furniture) {
      for (const t of doc.get('tokens').slice(s.tokenStart, s.tokenEnd)) expect(t.upos).toBeUndefined();
      expect(sentenceParse(doc, s.index)).toBeNull();
      expect(doc.get('entities').some((e) => e.sentence === s.index)).toBe(false);
    }
  });
});
