import { describe, expect, it } from 'vitest';
import { entitySpans, fromIob2, iob2, isHeadline, MAX_STATIC, NER_CLASSES, nerAllowed, nerStatic, START, viterbi } from './ner.js';
import { countEntities, f1, iobSpans } from './evaluate.js';
import { documentCasing, DOC_CAPITALISED, DOC_LOWER, nameLists, RUN_LOC_CUE, RUN_ORG_CUE } from './name-lists.js';
import { lexicon } from './tagger.js';

describe('BILOU', () => {
  const tags = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'I-LOC'];

  it('converts IOB2 to BILOU and back', () => {
    const bilou = fromIob2(tags);
    expect(iob2(bilou)).toEqual(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-LOC']);
    expect(entitySpans(bilou)).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 7, type: 'ORG' },
      { start: 8, end: 9, type: 'LOC' },
    ]);
  });

  it('allows only well-formed sequences', () => {
    const [bPer, iPer, lPer, uPer] = [1, 2, 3, 4];
    const bOrg = 5;
    expect(nerAllowed(START, bPer, false)).toBe(true);
    expect(nerAllowed(START, iPer, false)).toBe(false);
    expect(nerAllowed(bPer, lPer, true)).toBe(true);
    expect(nerAllowed(bPer, bOrg, false)).toBe(false);
    expect(nerAllowed(bPer, 0, false)).toBe(false);
    expect(nerAllowed(uPer, bOrg, true)).toBe(false); // an entity cannot open on the last word
    expect(nerAllowed(0, uPer, true)).toBe(true);
  });

  it('decodes the best well-formed sequence even when the best single tags are not', () => {
    const n = 3;
    const C = NER_CLASSES;
    const stat = new Float64Array(n * C);
    const dyn = new Float64Array(n * (C + 1) * C);
    // Word 0 looks like B-PER, word 1 like I-PER (but an entity must close), word 2 like O.
    stat[0 * C + 1] = 5;
    stat[1 * C + 2] = 5;
    stat[1 * C + 3] = 4;
    stat[2 * C + 0] = 5;
    const best = viterbi(n, stat, dyn);
    expect(iob2(best)).toEqual(['B-PER', 'I-PER', 'O']);
    expect(entitySpans(best)).toEqual([{ start: 0, end: 2, type: 'PER' }]);
  });
});

describe('entity scoring', () => {
  it('counts exact spans and types as the shared scorer does', () => {
    expect([...iobSpans(['I-LOC', 'I-LOC', 'O', 'B-PER'])]).toEqual(['0:2:LOC', '3:4:PER']);
    const c = countEntities(['B-PER', 'I-PER', 'O', 'B-LOC'], ['B-PER', 'O', 'O', 'B-LOC']);
    expect(c).toEqual({ gold: 2, system: 2, correct: 1 });
    expect(f1(c).f1).toBeCloseTo(0.5);
  });
});

describe('document casing and headlines', () => {
  it('records how a word is written elsewhere, ignoring sentence-initial capitals', () => {
    const [a, b] = documentCasing([
      ['Rain', 'fell', 'on', 'Hope', '.'],
      ['Hope', 'rain', 'stops', '.'],
    ]);
    expect(a![3]).toBe(DOC_CAPITALISED);
    expect(a![0]).toBe(DOC_LOWER);
    expect(b![0]).toBe(DOC_CAPITALISED);
  });

  it('tells a title-cased headline', () => {
    expect(isHeadline(['Rebels', 'Seize', 'Border', 'Town', 'After', 'Clashes'])).toBe(true);
    expect(isHeadline(['Rebels', 'seized', 'a', 'border', 'town', 'on', 'Monday'])).toBe(false);
  });
});

describe('word clusters in the recogniser', () => {
  const forms = ['Fighting', 'reached', 'Kunduz', 'on', 'Friday', '.'];
  const names = nameLists().annotate(forms);
  const input = (n: typeof names) => ({ lex: lexicon(forms), tags: forms.map(() => 0), names: n, headline: false, casing: new Int32Array(forms.length), forms });

  it('gives each known word its clusters at three levels, and an unknown word none', () => {
    expect(names.cluster1[2]).toBeGreaterThan(0);
    expect(names.cluster2[2]).toBeGreaterThan(0);
    expect(names.cluster3[2]).toBeGreaterThan(0);
    const unknown = nameLists().annotate(['Qxzvbrtl']);
    expect(unknown.clusterRow[0]).toBe(-1);
    expect(unknown.cluster3[0]).toBe(0);
  });

  it('adds the clusters and, for a capitalised word, its binarised vector to the features', () => {
    const out = new Uint32Array(MAX_STATIC);
    const withClusters = [...out.subarray(0, nerStatic(input(names), 2, out))];
    const none = { ...names, clusterRow: names.clusterRow.map(() => -1), cluster1: names.cluster1.map(() => 0), cluster2: names.cluster2.map(() => 0), cluster3: names.cluster3.map(() => 0) };
    const without = [...out.subarray(0, nerStatic(input(none), 2, out))];
    // The same six cluster templates either way, with other values; the vector's dimensions only with it.
    expect(withClusters.length).toBeGreaterThan(without.length + 10);
    expect(withClusters.length).toBeLessThanOrEqual(MAX_STATIC);
    // A lower-case word gets the cluster templates but not the vector.
    const lower = nerStatic(input(names), 1, out);
    const lowerNone = nerStatic(input(none), 1, out);
    expect(lower).toBe(lowerNone);
  });
});

describe('what the lists say of a capitalised run and of lower-case places', () => {
  it('marks a lower-case country as a well-known place (a country has no population, so its code needs a bit of its own)', () => {
    const ev = nameLists().annotate(['cheap', 'flights', 'to', 'portugal', 'and', 'texas']);
    expect(ev.gazLower[3]).not.toBe(0);
    expect(ev.gazLower[5]).not.toBe(0);
    expect(ev.gazLower[0]).toBe(0);
  });

  it('tells a run holding an organisation word or a place word, wherever the word stands, and a designator after a comma', () => {
    const cue = (forms: string[]) => Array.from(nameLists().annotate(forms).runCue);
    expect(cue(['the', 'Ministry', 'of', 'Water', 'Resources', 'said'])).toEqual([0, RUN_ORG_CUE, RUN_ORG_CUE, RUN_ORG_CUE, RUN_ORG_CUE, 0]);
    expect(cue(['on', 'Quillan', 'Street'])).toEqual([0, RUN_LOC_CUE, RUN_LOC_CUE]);
    expect(cue(['Brantwell', 'Widgets', ',', 'Inc.', 'hired'])).toEqual([RUN_ORG_CUE, RUN_ORG_CUE, 0, RUN_ORG_CUE, 0]);
    expect(cue(['Marta', 'Quillan', 'left'])).toEqual([0, 0, 0]);
  });
});
