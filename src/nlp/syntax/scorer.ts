/** What decoding needs of a model: class scores for a set of active features (LinearModel, Perceptron). */
export interface Scorer {
  readonly nClasses: number;
  score(feats: Uint32Array, n: number, out: Float64Array): void;
}
