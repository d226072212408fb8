import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { syntax } from './component.js';
import { Tree } from './tree.js';

// Every sentence here was written for these tests.

/** The tree of a one-sentence text, and a way to name its tokens by their words. */
function treeOf(text: string): { tree: Tree; at: (word: string, nth?: number) => number; words: (ts: number[]) => string[] } {
  const doc = prepared(text, null, syntax);
  const tree = Tree.of(doc, 0)!;
  const tokens = doc.get('tokens');
  const word = (t: number) => text.slice(tokens[t]!.start, tokens[t]!.end);
  return {
    tree,
    at: (w, nth = 0) => {
      const hits = tokens.map((_, i) => i).filter((i) => word(i) === w);
      if (hits[nth] === undefined) throw new Error(`no token ${w}`);
      return hits[nth]!;
    },
    words: (ts) => ts.map(word),
  };
}

describe('roles from the parse', () => {
  it('passive: the subject is the patient, and nobody is the agent', () => {
    const { tree, at, words } = treeOf('Three soldiers were killed in the attack on Monday.');
    const killed = at('killed');
    expect(tree.isPassive(killed)).toBe(true);
    expect(words(tree.patients(killed))).toEqual(['soldiers']);
    expect(tree.agents(killed)).toEqual([]);
  });

  it('by-phrase: the agent of a passive is the noun after "by"', () => {
    const { tree, at, words } = treeOf('The aid convoy was ambushed by rebels near the border.');
    const ambushed = at('ambushed');
    expect(words(tree.agents(ambushed))).toEqual(['rebels']);
    expect(words(tree.patients(ambushed))).toEqual(['convoy']);
  });

  it('conjoined agents share the role: allies are not enemies', () => {
    const { tree, at, words } = treeOf('Dozens of civilians were killed by the army and mercenaries from a private company.');
    expect(words(tree.agents(at('killed')))).toEqual(['army', 'mercenaries']);
    expect(words(tree.patients(at('killed')))).toEqual(['Dozens']);
    const active = treeOf('Police and soldiers stormed the compound at dawn.');
    expect(active.words(active.tree.agents(active.at('stormed')))).toEqual(['Police', 'soldiers']);
    expect(active.words(active.tree.patients(active.at('stormed')))).toEqual(['compound']);
  });

  it('an adverbial "killing" clause takes the agent of the clause it hangs on', () => {
    const { tree, at, words } = treeOf('Gunmen attacked a crowded market on Tuesday, killing twelve people.');
    const killing = at('killing');
    expect(tree.head(killing)).toBe(at('attacked'));
    expect(tree.governor(killing)).toBe(at('attacked'));
    expect(words(tree.agents(killing))).toEqual(['Gunmen']);
    expect(words(tree.patients(killing))).toEqual(['people']);
  });

  it('a participle after a passive main clause has no agent of its own', () => {
    const { tree, at } = treeOf('Four police officers were wounded in the blast, prompting a curfew.');
    expect(tree.agents(at('prompting'))).toEqual([]);
  });

  it('a participle modifying a noun takes the noun as patient and its by-phrase as agent', () => {
    const { tree, at, words } = treeOf('Villagers killed by the militia were buried on Sunday.');
    const killed = at('killed');
    expect(words(tree.patients(killed))).toEqual(['Villagers']);
    expect(words(tree.agents(killed))).toEqual(['militia']);
  });

  it('an apposition names the same actor again', () => {
    const { tree, at, words } = treeOf('The Northern Front, a coalition of armed groups, seized the airport.');
    const front = at('Front');
    expect(words(tree.agents(at('seized')))).toEqual(['Front']);
    expect(words(tree.appositions(front))).toEqual(['coalition']);
    expect(words(tree.appositions(at('coalition')))).toEqual(['Front']);
  });

  it('reported speech: the speaker is the source, the reported subject is the agent', () => {
    const a = treeOf('Local officials said militants burned the school overnight.');
    expect(a.words(a.tree.agents(a.at('burned')))).toEqual(['militants']);
    expect(a.words(a.tree.speakers(a.at('burned')))).toEqual(['officials']);
    const b = treeOf('Militants burned the school overnight, local officials said.');
    expect(b.words(b.tree.agents(b.at('burned')))).toEqual(['Militants']);
    expect(b.words(b.tree.speakers(b.at('burned')))).toEqual(['officials']);
  });

  it('clause scope: a place belongs to the clause that holds it', () => {
    const { tree, at } = treeOf('Troops retook the town after the rebels fled to the hills.');
    expect(tree.clauseOf(at('hills'))).toBe(at('fled'));
    expect(tree.clauseOf(at('town'))).toBe(at('retook'));
    expect(tree.sameClause(at('town'), at('hills'))).toBe(false);
    expect(tree.clauseTokens(at('fled'))).toContain(at('hills'));
    expect(tree.clauseTokens(at('retook'))).not.toContain(at('hills'));
  });

  it('a verb conjoined to an active one shares its subject', () => {
    const { tree, at, words } = treeOf('Fighters looted the shops and burned the houses.');
    expect(words(tree.agents(at('burned')))).toEqual(['Fighters']);
    expect(words(tree.patients(at('burned')))).toEqual(['houses']);
  });
});
