import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatConllu, parseConllu, parseIob2, type IobSentence } from './conllu.js';
import { annotateConllu } from './documents.js';
import { encodeModel } from './model-file.js';
import { DEFAULT_CONFIG, trainAll, type ModelKind, type Treebank } from './train.js';

const dir = new URL('../../../testdata/syntax/', import.meta.url);
const sentences = parseConllu(readFileSync(new URL('mini.conllu', dir), 'utf8'));
const ner = new Map<string, IobSentence>(parseIob2(readFileSync(new URL('mini.iob2', dir), 'utf8')).map((s) => [s.id, s]));
// The project's own six sentences stand for train, dev and test: this checks the pipeline, not accuracy.
const tb: Treebank = { name: 'testdata/syntax/mini', train: sentences, dev: sentences, test: sentences, nerTrain: ner, nerDev: ner, nerTest: ner };
const cfg = { ...DEFAULT_CONFIG, taggerEpochs: 8, folds: 2, foldEpochs: 3, parserEpochs: 8, nerEpochs: 8 };

describe('training (npm run train) end to end', () => {
  const a = trainAll(tb, cfg);

  it('learns its training sentences and scores them as score_syntax.py would', () => {
    expect(a.scores.dev.words).toBe(49);
    expect(a.scores.dev.entities).toBe(4);
    expect(a.scores.dev.upos).toBeGreaterThan(0.9);
    expect(a.scores.dev.uas).toBeGreaterThan(0.6);
    expect(a.scores.dev.las).toBeLessThanOrEqual(a.scores.dev.uas);
    expect(a.scores.dev.nerF1).toBeGreaterThan(0.3);
  });

  it('is reproducible: the same data and seed give the same weight files, byte for byte', () => {
    const b = trainAll(tb, cfg);
    for (const kind of ['tagger', 'parser', 'ner'] as const) {
      expect(encodeModel(b.models[kind].header, b.models[kind].model).equals(encodeModel(a.models[kind].header, a.models[kind].model)), kind).toBe(true);
    }
    const c = trainAll(tb, { ...cfg, seed: cfg.seed + 1 });
    expect(encodeModel(c.models.parser.header, c.models.parser.model).equals(encodeModel(a.models.parser.header, a.models.parser.model))).toBe(false);
  });

  it('averages parsers trained in different orders (parserRuns), reproducibly; run 0 alone is the single parser', () => {
    const bytes = (r: ReturnType<typeof trainAll>) => encodeModel(r.models.parser.header, r.models.parser.model);
    const keep = { tagger: a.models.tagger, ner: a.models.ner };
    const kinds = new Set<ModelKind>(['parser']);
    const run0 = trainAll(tb, { ...cfg, parserRunOnly: 0 }, undefined, kinds, keep);
    expect(bytes(run0).equals(bytes(a))).toBe(true);
    const two = trainAll(tb, { ...cfg, parserRuns: 2 }, undefined, kinds, keep);
    const again = trainAll(tb, { ...cfg, parserRuns: 2 }, undefined, kinds, keep);
    expect(bytes(two).equals(bytes(again))).toBe(true);
    expect(bytes(two).equals(bytes(a))).toBe(false);
    expect(two.scores.dev.uas).toBeGreaterThan(0.6);
  });

  it('averages taggers trained in different orders (taggerRuns), reproducibly', () => {
    const bytes = (r: ReturnType<typeof trainAll>) => encodeModel(r.models.tagger.header, r.models.tagger.model);
    const keep = { parser: a.models.parser, ner: a.models.ner };
    const kinds = new Set<ModelKind>(['tagger']);
    const two = trainAll(tb, { ...cfg, taggerRuns: 2 }, undefined, kinds, keep);
    expect(bytes(two).equals(bytes(trainAll(tb, { ...cfg, taggerRuns: 2 }, undefined, kinds, keep)))).toBe(true);
    expect(bytes(two).equals(bytes(a))).toBe(false);
    expect(bytes(trainAll(tb, cfg, undefined, kinds, keep)).equals(bytes(a))).toBe(true);
    expect(two.scores.dev.upos).toBeGreaterThan(0.9);
  });

  it('writes CoNLL-U with the input words as given and the predictions in columns 4, 7, 8 and 10', () => {
    const out = parseConllu(formatConllu(annotateConllu(a.models, sentences)));
    expect(out.map((s) => s.id)).toEqual(sentences.map((s) => s.id));
    out.forEach((s, i) => {
      expect(s.words.map((w) => w.form)).toEqual(sentences[i]!.words.map((w) => w.form));
      expect(s.words.filter((w) => w.head === 0)).toHaveLength(1);
      for (const w of s.words) {
        expect(w.misc).toMatch(/(^|\|)NER=(O|[BI]-(PER|ORG|LOC))$/);
        expect(w.lemma).toBe('_');
      }
    });
    // SpaceAfter=No survives; gold lemmas and features do not.
    expect(out[0]!.words[3]!.misc).toMatch(/^SpaceAfter=No\|NER=/);
  });
});
