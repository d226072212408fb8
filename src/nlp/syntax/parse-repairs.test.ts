import { describe, expect, it } from 'vitest';
import { repairSpeechComplements } from './speech-complement.js';
import { repairPassiveAgents } from './passive-agent.js';

// Sentences written for this test, with the misparse the greedy parser makes on reported clauses.
describe('reported clauses without "that"', () => {
  it('makes the noun after "said" the subject of the verb that follows it', () => {
    const forms = ['Officials', 'said', 'rebels', 'attacked', 'the', 'town', '.'];
    const upos = ['NOUN', 'VERB', 'NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT'];
    const heads = [1, -1, 1, 2, 5, 3, 1];
    const deps = ['nsubj', 'root', 'obj', 'acl', 'det', 'obj', 'punct'];
    expect(repairSpeechComplements(forms, upos, heads, deps)).toBe(1);
    expect(heads).toEqual([1, -1, 3, 1, 5, 3, 1]);
    expect(deps).toEqual(['nsubj', 'root', 'nsubj', 'ccomp', 'det', 'obj', 'punct']);
  });

  it('keeps a participle without an object modifying the noun', () => {
    const forms = ['Officials', 'said', 'militants', 'killed', 'in', 'raids', 'were', 'foreign'];
    const upos = ['NOUN', 'VERB', 'NOUN', 'VERB', 'ADP', 'NOUN', 'AUX', 'ADJ'];
    const heads = [1, -1, 7, 2, 5, 3, 7, 1];
    const deps = ['nsubj', 'root', 'nsubj', 'acl', 'case', 'obl', 'cop', 'ccomp'];
    const before = [[...heads], [...deps]];
    expect(repairSpeechComplements(forms, upos, heads, deps)).toBe(0);
    expect([heads, deps]).toEqual(before);
  });

  it('leaves verbs that take a person as object ("told reporters gathered outside")', () => {
    const forms = ['He', 'told', 'reporters', 'gathered', 'crowds', 'outside'];
    const upos = ['PRON', 'VERB', 'NOUN', 'VERB', 'NOUN', 'ADV'];
    const heads = [1, -1, 1, 2, 3, 3];
    const deps = ['nsubj', 'root', 'obj', 'acl', 'obj', 'advmod'];
    expect(repairSpeechComplements(forms, upos, heads, deps)).toBe(0);
  });

  it('leaves a verb that already has its subject, or a "said" that already has its clause', () => {
    const forms = ['Police', 'said', 'gunmen', 'who', 'fled', 'shot', 'guards'];
    const upos = ['NOUN', 'VERB', 'NOUN', 'PRON', 'VERB', 'VERB', 'NOUN'];
    const heads = [1, -1, 1, 4, 2, 1, 5];
    const deps = ['nsubj', 'root', 'obj', 'nsubj', 'acl', 'ccomp', 'obj'];
    expect(repairSpeechComplements(forms, upos, heads, deps)).toBe(0);
  });
});

describe('a by-phrase far from its passive verb', () => {
  it('becomes the agent when it hangs on a noun of one of the verb obliques', () => {
    // "A convoy was ambushed near the bridge by gunmen ."
    const forms = ['A', 'convoy', 'was', 'ambushed', 'near', 'the', 'bridge', 'by', 'gunmen', '.'];
    const upos = ['DET', 'NOUN', 'AUX', 'VERB', 'ADP', 'DET', 'NOUN', 'ADP', 'NOUN', 'PUNCT'];
    const heads = [1, 3, 3, -1, 6, 6, 3, 8, 6, 3];
    const deps = ['det', 'nsubj:pass', 'aux:pass', 'root', 'case', 'det', 'obl', 'case', 'nmod', 'punct'];
    expect(repairPassiveAgents(forms, upos, heads, deps)).toBe(1);
    expect([heads[8], deps[8]]).toEqual([3, 'obl:agent']);
  });

  it('leaves an active verb, or a passive that has its agent', () => {
    const forms = ['Gunmen', 'ambushed', 'a', 'convoy', 'near', 'a', 'bridge', 'built', 'by', 'engineers'];
    const upos = ['NOUN', 'VERB', 'DET', 'NOUN', 'ADP', 'DET', 'NOUN', 'VERB', 'ADP', 'NOUN'];
    const heads = [1, -1, 3, 1, 6, 6, 1, 6, 9, 6];
    const deps = ['nsubj', 'root', 'det', 'obj', 'case', 'det', 'obl', 'acl', 'case', 'nmod'];
    expect(repairPassiveAgents(forms, upos, heads, deps)).toBe(0);
  });
});
