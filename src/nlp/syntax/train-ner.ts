/**
 * Training the entity recogniser as a structured perceptron (Collins 2002): each sentence is decoded with
 * Viterbi under the current weights, and where the best sequence differs from the gold one the features
 * along the gold path gain and those along the predicted path lose. Sentences come in a seeded random
 * order; weights are averaged.
 */
import type { LinearModel } from './linear.js';
import { MAX_DYNAMIC, MAX_STATIC, NER_CLASSES, nerDynamic, nerScores, nerStatic, START, viterbi, type NerInput } from './ner.js';
import { Perceptron } from './perceptron.js';
import { shuffle } from './random.js';

export interface NerExample {
  input: NerInput;
  /** Gold BILOU class ids. */
  gold: number[];
}

export interface TrainNerOptions {
  epochs: number;
  rand: () => number;
  onEpoch?: (epoch: number, model: () => LinearModel) => void;
}

export function trainNer(data: readonly NerExample[], opts: TrainNerOptions): LinearModel {
  const p = new Perceptron(NER_CLASSES);
  const order = data.map((_, i) => i);
  const feats = new Uint32Array(Math.max(MAX_STATIC, MAX_DYNAMIC));
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, opts.rand);
    for (const si of order) {
      const { input, gold } = data[si]!;
      const n = gold.length;
      const { stat, dyn } = nerScores(p, input);
      const pred = viterbi(n, stat, dyn);
      p.tick();
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const q = pred[i]!;
        if (g !== q) {
          const k = nerStatic(input, i, feats);
          p.addTo(feats, k, g, 1);
          p.addTo(feats, k, q, -1);
        }
        const gp = i > 0 ? gold[i - 1]! : START;
        const qp = i > 0 ? pred[i - 1]! : START;
        if (g !== q || gp !== qp) {
          let k = nerDynamic(input, i, gp, feats);
          p.addTo(feats, k, g, 1);
          k = nerDynamic(input, i, qp, feats);
          p.addTo(feats, k, q, -1);
        }
      }
    }
    opts.onEpoch?.(epoch, () => p.freeze());
  }
  return p.freeze();
}
