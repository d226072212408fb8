/**
 * Training the parser with the dynamic oracle of Goldberg & Nivre (2013) for arc-hybrid: at every state
 * each move has a cost — how many gold arcs it makes unreachable, plus one for a wrong label on a gold
 * arc — and the perceptron is updated towards the best-scoring move of least cost whenever its own choice
 * costs more. After the first epoch the parser mostly follows its own (possibly wrong) choices, so it
 * learns to recover from its mistakes as it must when it runs.
 */
import { argmax, type LinearModel } from './linear.js';
import { MAX_PARSE_FEATURES, parseFeatures, type ParseInput } from './parser.js';
import { Perceptron } from './perceptron.js';
import { projectivize } from './projectivize.js';
import { shuffle } from './random.js';
import { isValid, ParseState, SHIFT } from './transitions.js';

export interface ParserExample {
  input: ParseInput;
  /** Gold heads, 0-based, -1 for the root. */
  heads: number[];
  /** Gold label ids. */
  labels: number[];
}

export interface TrainParserOptions {
  nLabels: number;
  rootLabel: number;
  epochs: number;
  rand: () => number;
  /** Probability of following the model's own wrong move after the first epoch (0.9 in the paper). */
  explore: number;
  onEpoch?: (epoch: number, model: () => LinearModel) => void;
}

export function trainParser(data: readonly ParserExample[], opts: TrainParserOptions): LinearModel {
  const nMoves = 1 + 2 * opts.nLabels;
  const p = new Perceptron(nMoves);
  const prepared = data.map((ex) => {
    const n = ex.heads.length;
    const gh = projectivize(ex.heads.map((h) => (h < 0 ? n : h)));
    const kids: number[][] = Array.from({ length: n + 1 }, () => []);
    gh.forEach((h, d) => kids[h]!.push(d));
    return { input: ex.input, gh, gl: ex.labels, kids };
  });
  const order = prepared.map((_, i) => i);
  const feats = new Uint32Array(MAX_PARSE_FEATURES);
  const scores = new Float64Array(nMoves);
  const costs = new Int32Array(nMoves);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, opts.rand);
    const explore = epoch > 1 ? opts.explore : 0;
    for (const i of order) {
      const ex = prepared[i]!;
      const n = ex.gh.length;
      const st = new ParseState(n);
      while (!st.done) {
        const k = parseFeatures(st, ex.input, feats);
        p.score(feats, k, scores);
        moveCosts(st, ex.gh, ex.gl, ex.kids, opts.nLabels, opts.rootLabel, costs);
        let min = Infinity;
        for (let m = 0; m < nMoves; m++) if (costs[m]! >= 0 && costs[m]! < min) min = costs[m]!;
        const pred = argmax(scores, nMoves, (m) => costs[m]! >= 0);
        const gold = argmax(scores, nMoves, (m) => costs[m] === min);
        p.tick();
        if (costs[pred]! > min) p.update(feats, k, gold, pred);
        const follow = costs[pred] === min || (explore > 0 && opts.rand() < explore) ? pred : gold;
        st.apply(follow, opts.nLabels);
      }
    }
    opts.onEpoch?.(epoch, () => p.freeze());
  }
  return p.freeze();
}

/** Sets costs[m] to the cost of move m, or -1 if m is not allowed. */
export function moveCosts(
  st: ParseState,
  gh: readonly number[],
  gl: readonly number[],
  kids: readonly number[][],
  nLabels: number,
  rootLabel: number,
  costs: Int32Array,
): void {
  const n = st.n;
  const b = st.b;
  const s0 = st.s(0);
  const s1 = st.s(1);
  // Gold dependents of s0 still in the buffer are lost when s0 is popped.
  let s0KidsInBuffer = 0;
  if (s0 >= 0) for (const d of kids[s0]!) if (d >= b && d < n) s0KidsInBuffer++;
  let costLeft = -1;
  let costRight = -1;
  if (s0 >= 0) {
    const h = gh[s0]!;
    costLeft = (h !== b && (h === s1 || h >= b) ? 1 : 0) + s0KidsInBuffer;
    costRight = (h >= b ? 1 : 0) + s0KidsInBuffer;
  }
  let costShift = -1;
  if (b < n) {
    const h = gh[b]!;
    costShift = h < b && h !== s0 && st.heads[h] === -1 ? 1 : 0;
    for (const d of kids[b]!) if (d < b && st.heads[d] === -1) costShift++;
  }
  const nMoves = 1 + 2 * nLabels;
  for (let m = 0; m < nMoves; m++) {
    if (!isValid(st, m, nLabels, rootLabel)) {
      costs[m] = -1;
      continue;
    }
    if (m === SHIFT) costs[m] = costShift;
    else if (m <= nLabels) costs[m] = costLeft + (gh[s0]! === b && gl[s0] !== m - 1 ? 1 : 0);
    else costs[m] = costRight + (gh[s0]! === s1 && gl[s0] !== m - 1 - nLabels ? 1 : 0);
  }
}
