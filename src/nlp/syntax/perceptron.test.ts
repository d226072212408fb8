import { describe, expect, it } from 'vitest';
import { key1 } from './hash.js';
import { argmax, LinearModel } from './linear.js';
import { decodeModel, encodeModel, ModelFileError } from './model-file.js';
import { Perceptron } from './perceptron.js';
import { prng, shuffle } from './random.js';

/** A toy problem: class = which of three "words" is present; one noisy feature. */
function toy(): { feats: Uint32Array; gold: number }[] {
  const out: { feats: Uint32Array; gold: number }[] = [];
  const rand = prng(3);
  for (let i = 0; i < 300; i++) {
    const gold = i % 3;
    out.push({ feats: Uint32Array.from([key1(1, gold), key1(2, Math.floor(rand() * 5)), key1(0, 0)]), gold });
  }
  return out;
}

describe('averaged perceptron', () => {
  it('learns a separable problem and freezes to a model that scores the same way', () => {
    const p = new Perceptron(3);
    const data = toy();
    const scores = new Float64Array(3);
    const rand = prng(1);
    for (let epoch = 0; epoch < 3; epoch++) {
      for (const ex of shuffle([...data], rand)) {
        p.score(ex.feats, ex.feats.length, scores);
        p.tick();
        p.update(ex.feats, ex.feats.length, ex.gold, argmax(scores, 3));
      }
    }
    const m = p.freeze();
    for (const ex of data) {
      m.score(ex.feats, ex.feats.length, scores);
      expect(argmax(scores, 3)).toBe(ex.gold);
    }
    expect(m.features).toBeGreaterThanOrEqual(3);
  });

  it('averages: a weight that was right for most of training keeps most of its value', () => {
    const p = new Perceptron(2);
    const f = Uint32Array.from([key1(1, 1)]);
    p.tick();
    p.update(f, 1, 0, 1); // class 0 up, class 1 down, early
    for (let i = 0; i < 98; i++) p.tick();
    p.update(f, 1, 1, 0); // reversed at the very end
    p.tick();
    const s = new Float64Array(2);
    p.freeze().score(f, 1, s);
    expect(s[0]!).toBeGreaterThan(s[1]!);
  });

  it('averages several models into one whose scores are the mean of theirs', () => {
    const models = [11, 12, 13].map((seed) => {
      const p = new Perceptron(3);
      const rand = prng(seed);
      for (let i = 0; i < 400; i++) {
        const feats = Uint32Array.from([key1(1, Math.floor(rand() * 20)), key1(2, Math.floor(rand() * 20))]);
        p.tick();
        p.update(feats, 2, Math.floor(rand() * 3), Math.floor(rand() * 3));
      }
      return p.freeze();
    });
    const mean = LinearModel.mean(models);
    const s = new Float64Array(3);
    const t = new Float64Array(3);
    let max = 0;
    for (let v = 0; v < 20; v++) {
      const feats = Uint32Array.from([key1(1, v), key1(2, 19 - v), key1(9, v)]);
      const want = [0, 0, 0];
      for (const m of models) {
        m.score(feats, 3, t);
        for (let c = 0; c < 3; c++) want[c]! += t[c]! / models.length;
      }
      mean.score(feats, 3, s);
      for (let c = 0; c < 3; c++) {
        expect(s[c]!).toBeCloseTo(want[c]!, 2);
        max = Math.max(max, Math.abs(want[c]!));
      }
    }
    expect(max).toBeGreaterThan(0.1);
    expect(() => LinearModel.mean([])).toThrow();
  });

  it('round-trips through the weight file format byte for byte', () => {
    const p = new Perceptron(4);
    const rand = prng(7);
    for (let i = 0; i < 500; i++) {
      const feats = Uint32Array.from([key1(1, Math.floor(rand() * 50)), key1(2, Math.floor(rand() * 50))]);
      p.tick();
      p.update(feats, 2, Math.floor(rand() * 4), Math.floor(rand() * 4));
    }
    const m = p.freeze();
    const buf = encodeModel({ kind: 'tagger', nClasses: 4, note: 'ünïcode' }, m);
    const { header, model } = decodeModel<{ note: string }>(buf);
    expect(header.note).toBe('ünïcode');
    expect(Array.from(model.keys)).toEqual(Array.from(m.keys));
    expect(Array.from(model.weights)).toEqual(Array.from(m.weights));
    expect(encodeModel({ kind: 'tagger', nClasses: 4, note: 'ünïcode' }, model).equals(buf)).toBe(true);
    // An unaligned copy still reads.
    const odd = Buffer.alloc(buf.length + 1);
    buf.copy(odd, 1);
    expect(decodeModel(odd.subarray(1)).model.entries).toBe(m.entries);
  });

  it('refuses what is not a model file, and truncated files, with a clear error', () => {
    expect(() => decodeModel(Buffer.from('hello world, not a model'))).toThrow(ModelFileError);
    const p = new Perceptron(2);
    p.tick();
    p.update(Uint32Array.from([5]), 1, 0, 1);
    const buf = encodeModel({ nClasses: 2 }, p.freeze());
    expect(() => decodeModel(buf.subarray(0, buf.length - 8))).toThrow(/truncated|corrupt/);
  });
});
