/**
 * The syntax layer's fast paths decide exactly as the plain ones: the packed feature table and its dense
 * rows (added with WebAssembly SIMD) score as the file's arrays say, the entity recogniser's cached votes give the scores of scoring each feature, and the
 * parser's skipped forced moves and inlined validity choose the moves the plain argmax chooses.
 */
import { describe, expect, it } from 'vitest';
import { key1, key2, key3 } from './hash.js';
import { lexicon, MAX_TAG_FEATURES, tagFeatures, tagWords } from './tagger.js';
import { argmax, LinearModel } from './linear.js';
import { MAX_DYNAMIC, MAX_STATIC, NER_CLASSES, nerAllowed, nerDynamic, nerScores, nerStatic, START, viterbi, type NerInput } from './ner.js';
import { MAX_PARSE_FEATURES, parseFeatures, parseInput, parseWords } from './parser.js';
import type { Scorer } from './scorer.js';
import { isValid, ParseState, SHIFT } from './transitions.js';
import { prng } from './random.js';
import { addRowsModule, simdRows } from './simd.js';

/** A model voting with random Int16 weights for a few random classes of each of `keys`. */
function randomModel(keys: Iterable<number>, nClasses: number, seed: number): LinearModel {
  const rnd = prng(seed);
  const sorted = [...new Set(keys)].sort((a, b) => a - b);
  const offsets = [0];
  const classes: number[] = [];
  const weights: number[] = [];
  for (const _ of sorted) {
    const picked = new Set<number>();
    const n = 1 + Math.floor(rnd() * Math.min(6, nClasses));
    while (picked.size < n) picked.add(Math.floor(rnd() * nClasses));
    for (const c of [...picked].sort((a, b) => a - b)) {
      classes.push(c);
      weights.push(Math.round((rnd() * 2 - 1) * 32767));
    }
    offsets.push(classes.length);
  }
  return new LinearModel(nClasses, Uint32Array.from(sorted), Uint32Array.from(offsets), Uint8Array.from(classes), Int16Array.from(weights), 0.0137);
}

/** The same model behind the plain Scorer interface (no cached votes). */
const plain = (m: LinearModel): Scorer => ({ nClasses: m.nClasses, score: (f, n, out) => m.score(f, n, out) });

// Written for this test.
const SENTENCES = [
  ['Gunmen', 'attacked', 'a', 'police', 'post', 'near', 'Kidal', 'on', 'Tuesday', ',', 'officials', 'said', '.'],
  ['The', 'United', 'Nations', 'mission', 'in', 'South', 'Sudan', 'sent', 'two', 'patrols', '.'],
  ['Residents', 'fled', '.'],
  ['Shelling', 'hit', 'the', 'market', 'of', 'the', 'old', 'town', 'of', 'Kharkiv', 'again', 'after', 'talks', 'in', 'Geneva', 'failed', '.'],
];

describe('packed linear model', () => {
  it('scores each feature with the entries the file arrays give it, unknown features ignored', () => {
    const keys = Array.from({ length: 500 }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) >>> 0) || 1);
    const m = randomModel(keys, 17, 7);
    const rnd = prng(3);
    const out = new Float64Array(17);
    for (let trial = 0; trial < 50; trial++) {
      const feats = Uint32Array.from({ length: 30 }, () => (rnd() < 0.7 ? keys[Math.floor(rnd() * keys.length)]! : (Math.floor(rnd() * 2 ** 32) | 1) >>> 0));
      m.score(feats, feats.length, out);
      const want = new Float64Array(17);
      for (const f of feats) {
        const r = [...m.keys].indexOf(f);
        if (r < 0) continue;
        for (let e = m.offsets[r]!; e < m.offsets[r + 1]!; e++) want[m.classes[e]!] += m.weights[e]!;
      }
      expect([...out]).toEqual([...want].map((x) => x * m.scale));
    }
  });
});

/** What the file's arrays say feature `key` adds to each class (unscaled), or null for an unknown key. */
function votesOf(m: LinearModel, key: number): number[] | null {
  const r = [...m.keys].indexOf(key);
  if (r < 0) return null;
  const v = new Array<number>(m.nClasses).fill(0);
  for (let e = m.offsets[r]!; e < m.offsets[r + 1]!; e++) v[m.classes[e]!] += m.weights[e]!;
  return v;
}

describe('dense rows (WebAssembly SIMD)', () => {
  it('the module is valid WebAssembly and Node runs it', () => {
    // simdRows is null when the module does not validate.
    expect(addRowsModule()[0]).toBe(0);
    const rows = simdRows(11, 3, 4)!;
    expect(rows).not.toBeNull();
    expect(rows.stride).toBe(16);
    for (let i = 0; i < rows.rows.length; i++) rows.rows[i] = i % 2 ? -32768 : 32767;
    rows.sums.fill(5);
    [0, 2, 2].forEach((r, i) => (rows.list[i] = rows.address(r)));
    rows.add(3);
    expect([...rows.sums]).toEqual(Array.from({ length: 16 }, (_, c) => 5 + 3 * (c % 2 ? -32768 : 32767)));
  });

  it('features voting for most classes score as their entries say, beside sparse ones, in score and addVotes', () => {
    const nClasses = 103;
    const rnd = prng(5);
    const keys = Array.from({ length: 400 }, (_, i) => (Math.imul(i + 7, 0x85ebca6b) >>> 0) || 1).sort((a, b) => a - b);
    const offsets = [0];
    const classes: number[] = [];
    const weights: number[] = [];
    keys.forEach((_, r) => {
      // Every third feature votes for nearly every class (a dense row); the others for a few.
      const n = r % 3 === 0 ? 60 + Math.floor(rnd() * 43) : 1 + Math.floor(rnd() * 5);
      const picked = new Set<number>();
      while (picked.size < n) picked.add(Math.floor(rnd() * nClasses));
      for (const c of [...picked].sort((a, b) => a - b)) {
        classes.push(c);
        weights.push(Math.round((rnd() * 2 - 1) * 32767));
      }
      // One feature repeats a class whose two weights sum past Int16: it must stay sparse, and still count.
      if (r === 9) {
        classes.push(classes[classes.length - 1]!);
        weights.push(32767);
        weights[weights.length - 2] = 32767;
      }
      offsets.push(classes.length);
    });
    const m = new LinearModel(nClasses, Uint32Array.from(keys), Uint32Array.from(offsets), Uint8Array.from(classes), Int16Array.from(weights), 0.0021);
    const out = new Float64Array(nClasses);
    // Up to 300 features a call: more than the SIMD list holds at once.
    for (const n of [1, 40, 300]) {
      for (let trial = 0; trial < 10; trial++) {
        const feats = Uint32Array.from({ length: n }, () => (rnd() < 0.8 ? keys[Math.floor(rnd() * keys.length)]! : (Math.floor(rnd() * 2 ** 32) | 1) >>> 0));
        if (trial === 0) feats[0] = keys[9]!;
        m.score(feats, n, out);
        const want = new Array<number>(nClasses).fill(0);
        for (const f of feats) votesOf(m, f)?.forEach((w, c) => (want[c] += w));
        expect([...out]).toEqual(want.map((x) => x * m.scale));
      }
    }
    for (const key of [keys[0]!, keys[1]!, keys[9]!, 12345]) {
      const acc = new Int32Array(nClasses + 10).fill(1);
      m.addVotes(key, acc, 10);
      const want = [...new Array<number>(10).fill(1), ...(votesOf(m, key) ?? new Array<number>(nClasses).fill(0)).map((w) => w + 1)];
      expect([...acc]).toEqual(want);
    }
  });
});

describe('entity recogniser scores', () => {
  it('are the same from cached votes as from scoring each feature', () => {
    const inputs: NerInput[] = [...SENTENCES, SENTENCES[1]!].map((forms, s) => {
      const n = forms.length;
      const code = (i: number) => ((i * 7 + s) % 5 === 0 ? (((i % 4) + 1) << 8) | (i % 3) : 0);
      const names = {
        gaz: Int32Array.from(forms, (_, i) => code(i)),
        actor: Int32Array.from(forms, (_, i) => code(i + 1)),
        word: Int32Array.from(forms, (_, i) => i % 3),
        gazLower: new Int32Array(n),
        runPos: Int32Array.from(forms, (f) => (/^[A-Z]/.test(f) ? 4 : 0)),
        runFirst: new Int32Array(n),
        runLast: new Int32Array(n),
        runCue: new Int32Array(n),
        // Capitalised words get rows of the word clusters (their binarised vectors are features); a word
        // met again with another row must not take the votes kept for the first.
        clusterRow: Int32Array.from(forms, (f) => (/^[A-Z]/.test(f) ? (f.length * 131 + (s === SENTENCES.length ? 7 : 0)) % 4000 : -1)),
        cluster1: new Int32Array(n),
        cluster2: new Int32Array(n),
        cluster3: new Int32Array(n),
      };
      return { lex: lexicon(forms), tags: forms.map((_, i) => (i * 5) % 17), names, headline: false, casing: new Int32Array(n), forms };
    });
    const keys: number[] = [];
    const f = new Uint32Array(Math.max(MAX_STATIC, MAX_DYNAMIC));
    for (const inp of inputs) {
      for (let i = 0; i < inp.lex.length; i++) {
        keys.push(...f.subarray(0, nerStatic(inp, i, f)));
        for (let p = 0; p <= START; p++) keys.push(...f.subarray(0, nerDynamic(inp, i, p, f)));
      }
    }
    // The templates are those the shipped model was trained with (FEATURE_VERSION.ner).
    const inp0 = inputs[1]!;
    for (const [i, p] of [[0, START], [3, 4]] as const) {
      const w = inp0.lex[i]!;
      const n = inp0.names;
      const want = [key1(50, p), key2(51, p, w.shape), key2(52, p, w.lower), key2(53, p, n.gaz[i]!), key2(54, p, n.actor[i]!), key2(55, p, n.word[i]!), key2(59, p, n.runPos[i]!), key3(56, p, inp0.tags[i]!, w.shape)].map((k) => k >>> 0);
      expect([...f.subarray(0, nerDynamic(inp0, i, p, f))]).toEqual(want);
    }
    const m = randomModel(keys, NER_CLASSES, 11);
    for (const inp of inputs) {
      const fast = nerScores(m, inp);
      const slow = nerScores(plain(m), inp);
      expect([...fast.stat]).toEqual([...slow.stat]);
      // The transitions Viterbi reads (the first word's from START, then those BILOU allows) are equal.
      const C = NER_CLASSES;
      const read = (i: number, p: number, c: number) => (i === 0 ? p === START : p !== START) && nerAllowed(p, c, false);
      let compared = 0;
      for (let i = 0; i < inp.lex.length; i++) {
        for (let p = 0; p <= C; p++) {
          for (let c = 0; c < C; c++) {
            if (!read(i, p, c)) continue;
            const x = (i * (C + 1) + p) * C + c;
            expect(fast.dyn[x]).toBe(slow.dyn[x]);
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(inp.lex.length * 40);
      expect(fast.dyn.some((x) => x !== 0)).toBe(true);
      expect(viterbi(inp.lex.length, fast.stat, fast.dyn)).toEqual(viterbi(inp.lex.length, slow.stat, slow.dyn));
    }
  });
});

describe('tagger decoding', () => {
  it('chooses the tags scoring every feature chooses, with the per-word votes kept', () => {
    const inputs = SENTENCES.map((forms) => lexicon(forms));
    const keys: number[] = [];
    const f = new Uint32Array(MAX_TAG_FEATURES);
    for (const lex of inputs) for (let i = 0; i < lex.length; i++) keys.push(...f.subarray(0, tagFeatures(lex, i, lex.map((_, k) => (k * 3) % 17), f)));
    for (const seed of [4, 5]) {
      const m = randomModel(keys, 17, seed);
      for (const forms of [...SENTENCES, ...SENTENCES]) {
        const fast = tagWords(m, forms);
        expect(fast).toEqual(tagWords(plain(m), forms));
        expect(new Set(fast).size).toBeGreaterThan(1);
      }
    }
  });
});

describe('parser decoding', () => {
  it('chooses the moves the plain argmax over valid moves chooses', () => {
    const nLabels = 5;
    const root = 2;
    const nClasses = 1 + 2 * nLabels;
    const inputs = SENTENCES.map((forms) => parseInput(forms, forms.map((_, i) => (i * 3) % 17)));
    // Keys from every state of a shift-heavy walk, so the model votes in the states decoding meets.
    const keys: number[] = [];
    const f = new Uint32Array(MAX_PARSE_FEATURES);
    for (const inp of inputs) {
      const st = new ParseState(inp.words.length);
      while (!st.done) {
        keys.push(...f.subarray(0, parseFeatures(st, inp, f)));
        st.apply(st.canShift() && st.sp < 2 ? SHIFT : st.b === st.n && st.sp === 1 ? 1 + root : 1 + nLabels + 1, nLabels);
      }
    }
    for (const seed of [1, 2, 3]) {
      const m = randomModel(keys, nClasses, seed);
      for (const inp of inputs) {
        const st = new ParseState(inp.words.length);
        const scores = new Float64Array(nClasses);
        while (!st.done) {
          m.score(f, parseFeatures(st, inp, f), scores);
          const mv = argmax(scores, nClasses, (c) => isValid(st, c, nLabels, root));
          st.apply(mv < 0 ? SHIFT : mv, nLabels);
        }
        const want = { heads: Array.from(st.heads.slice(0, inp.words.length), (h) => (h === inp.words.length ? -1 : h)), labels: Array.from(st.labels.slice(0, inp.words.length)) };
        expect(parseWords(m, inp, nLabels, root)).toEqual(want);
      }
    }
  });
});
