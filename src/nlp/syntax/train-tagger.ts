/**
 * Training the tagger (called by scripts/train.ts): epochs over the sentences in a seeded random order,
 * one perceptron update per wrong tag; the tags to the left are the tagger's own choices, as when it runs.
 */
import { Perceptron } from './perceptron.js';
import { shuffle } from './random.js';
import { lexicon, MAX_TAG_FEATURES, tagFeatures, UPOS, UPOS_INDEX } from './tagger.js';
import { argmax, type LinearModel } from './linear.js';
import type { Lex } from './lexical.js';

export interface TaggedSentence {
  forms: string[];
  tags: string[];
}

export interface TrainTaggerOptions {
  epochs: number;
  rand: () => number;
  /** Called after each epoch with the averaged model so far (for choosing the epoch count on dev). */
  onEpoch?: (epoch: number, model: () => LinearModel) => void;
}

export function trainTagger(data: readonly TaggedSentence[], opts: TrainTaggerOptions): LinearModel {
  const p = new Perceptron(UPOS.length);
  const prepared = data.map((s) => ({ lex: lexicon(s.forms), gold: s.tags.map((t) => UPOS_INDEX.get(t) ?? UPOS_INDEX.get('X')!) }));
  const order = prepared.map((_, i) => i);
  const feats = new Uint32Array(MAX_TAG_FEATURES);
  const scores = new Float64Array(UPOS.length);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, opts.rand);
    for (const si of order) {
      const { lex, gold } = prepared[si]!;
      trainSentence(p, lex, gold, feats, scores);
    }
    opts.onEpoch?.(epoch, () => p.freeze());
  }
  return p.freeze();
}

function trainSentence(p: Perceptron, lex: Lex[], gold: number[], feats: Uint32Array, scores: Float64Array): void {
  const tags = new Array<number>(lex.length).fill(0);
  for (let i = 0; i < lex.length; i++) {
    const n = tagFeatures(lex, i, tags, feats);
    p.score(feats, n, scores);
    const guess = argmax(scores, UPOS.length);
    p.tick();
    p.update(feats, n, gold[i]!, guess);
    tags[i] = guess;
  }
}
