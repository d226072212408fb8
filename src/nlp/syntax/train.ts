/**
 * `npm run train` (scripts/train.ts): every model rebuilt from the treebanks with a fixed seed.
 *
 *  1. the tagger, on the training sentences;
 *  2. the training sentences' tags predicted by taggers trained on the other folds (jackknifing), so the
 *     parser and the recogniser learn from tags as imperfect as those they will be given;
 *  3. the parser, on those tags, with the dynamic oracle;
 *  4. the entity recogniser, on those tags and the name lists.
 *
 * Settings (epochs, folds, exploration) were chosen on the development set; the test set is only scored.
 */
import type { UDSentence, IobSentence } from './conllu.js';
import { SyntaxModels } from './annotate.js';
import { documentsOf, predictConllu } from './documents.js';
import { countEntities, countSyntax, f1, type EntityCounts, type SyntaxCounts } from './evaluate.js';
import { LinearModel } from './linear.js';
import { FEATURE_VERSION, type LoadedModel } from './models.js';
import { documentCasing, nameLists } from './name-lists.js';
import { ENTITY_TYPES, fromIob2, isHeadline, NER_CLASSES, partOf, typeOf } from './ner.js';
import { lexicon } from './tagger.js';
import { parseInput, parseWords } from './parser.js';
import { prng } from './random.js';
import { tagWords, UPOS } from './tagger.js';
import { trainNer, type NerExample } from './train-ner.js';
import { trainParser, type ParserExample } from './train-parser.js';
import { trainTagger } from './train-tagger.js';
import { modelForm } from './words.js';

export interface TrainConfig {
  seed: number;
  taggerEpochs: number;
  /** Taggers trained in different orders whose weights are averaged into the one shipped (1: a single one). */
  taggerRuns: number;
  /** Folds and epochs of the jackknifed taggers. */
  folds: number;
  foldEpochs: number;
  parserEpochs: number;
  /** Probability of following the parser's own wrong move while training (dynamic oracle exploration). */
  explore: number;
  /** Parser weights smaller than this are dropped from the file (most are features seen once or twice). */
  parserMinWeight: number;
  nerEpochs: number;
  /**
   * Recognisers trained in different orders (seeds) whose weights are averaged into the one shipped: on
   * dev, three gave F1 +0.002 to +0.005 over one, for 1.35 times the features.
   */
  nerRuns: number;
  /**
   * Parsers trained in different orders (seeds), each pruned, whose weights are averaged into the one
   * shipped. Run 0 is the single parser of parserRuns 1.
   */
  parserRuns: number;
  /**
   * The mean of several runs is pruned at this weight instead: a feature the runs disagree on is
   * averaged down, so the single run's threshold would drop too much.
   */
  parserMeanMinWeight: number;
  /** Train only this run of the parsers (an experiment run in parallel; the result is that run alone). */
  parserRunOnly?: number;
}

export const DEFAULT_CONFIG: TrainConfig = {
  seed: 20261207,
  taggerEpochs: 6,
  taggerRuns: 1,
  folds: 3,
  foldEpochs: 4,
  parserEpochs: 8,
  explore: 0.9,
  parserMinWeight: 0.8,
  nerEpochs: 5,
  nerRuns: 3,
  parserRuns: 1,
  parserMeanMinWeight: 0.4,
};

export interface Treebank {
  /** Where the data came from (recorded in the model headers). */
  name: string;
  train: UDSentence[];
  dev: UDSentence[];
  test: UDSentence[];
  /** Universal NER tags by sentence id, per split. */
  nerTrain: Map<string, IobSentence>;
  nerDev: Map<string, IobSentence>;
  nerTest: Map<string, IobSentence>;
}

export interface SplitScores {
  upos: number;
  uas: number;
  las: number;
  nerP: number;
  nerR: number;
  nerF1: number;
  words: number;
  entities: number;
}

export interface TrainResult {
  models: SyntaxModels;
  scores: { dev: SplitScores; test: SplitScores };
  seconds: { tagger: number; jackknife: number; parser: number; ner: number; total: number };
}

const formsOf = (s: UDSentence) => s.words.map((w) => modelForm(w.form));

export const BILOU_NAMES = Array.from({ length: NER_CLASSES }, (_, c) =>
  c === 0 ? 'O' : `${'BILU'[partOf(c) - 1]}-${ENTITY_TYPES[typeOf(c)]}`,
);

export type ModelKind = 'tagger' | 'parser' | 'ner';

/**
 * The training sentences' tags as a tagger that never saw them predicts them (jackknifing: each fold tagged
 * by a tagger trained on the other folds), so the parser and the recogniser learn on tags as noisy as at run
 * time. Exported for scripts/ner-dev.ts, which must train on exactly what `npm run train` does.
 */
export function jackknifeTags(train: readonly UDSentence[], cfg: TrainConfig, log: (s: string) => void = () => {}): number[][] {
  const tagData = train.map((s) => ({ forms: formsOf(s), tags: s.words.map((w) => w.upos) }));
  const predicted: number[][] = new Array(train.length);
  for (let f = 0; f < cfg.folds; f++) {
    const held = (i: number) => i % cfg.folds === f;
    const m = trainTagger(tagData.filter((_, i) => !held(i)), { epochs: cfg.foldEpochs, rand: prng(cfg.seed + 100 + f) });
    train.forEach((s, i) => {
      if (held(i)) predicted[i] = tagWords(m, formsOf(s));
    });
    log(`jackknife fold ${f + 1}/${cfg.folds}`);
  }
  return predicted;
}

/** The recogniser's training examples: sentences with gold entities, read document by document (casing). */
export function nerExamples(train: readonly UDSentence[], gold: ReadonlyMap<string, IobSentence>, predicted: readonly number[][]): NerExample[] {
  const lists = nameLists();
  const out: NerExample[] = [];
  const index = new Map(train.map((s, i) => [s, i]));
  for (const doc of documentsOf(train)) {
    const casing = documentCasing(doc.map(formsOf));
    doc.forEach((s, k) => {
      const g = gold.get(s.id);
      if (!g || g.tags.length !== s.words.length) return;
      const forms = formsOf(s);
      out.push({
        input: { lex: lexicon(forms), tags: predicted[index.get(s)!]!, names: lists.annotate(forms), headline: isHeadline(forms), casing: casing[k]!, forms },
        gold: fromIob2(g.tags),
      });
    });
  }
  return out;
}

/**
 * Trains the models (all, or those in `only`, taking the others from `existing`) and scores them on dev
 * and test.
 */
export function trainAll(
  tb: Treebank,
  cfg: TrainConfig,
  log: (s: string) => void = () => {},
  only: ReadonlySet<ModelKind> = new Set(['tagger', 'parser', 'ner']),
  existing: Partial<Record<ModelKind, LoadedModel>> = {},
  /** Called after each parser epoch with the parser as it would ship then and its dev scores (settings are chosen on them). */
  onParserEpoch?: (epoch: number, parser: LoadedModel, dev: { uas: number; las: number }) => void,
): TrainResult {
  const t0 = Date.now();
  const secs = (from: number) => Math.round((Date.now() - from) / 100) / 10;
  const train = tb.train;
  const keep = (kind: ModelKind): LoadedModel => {
    const m = existing[kind];
    if (!m) throw new Error(`training without the ${kind} needs an existing ${kind} model`);
    return m;
  };

  // 1. tagger
  let t = Date.now();
  const tagData = train.map((s) => ({ forms: formsOf(s), tags: s.words.map((w) => w.upos) }));
  // Run 0 is the single tagger of taggerRuns 1; the jackknife's fold taggers below are single runs either way.
  const taggers = only.has('tagger')
    ? Array.from({ length: Math.max(1, cfg.taggerRuns) }, (_, k) => trainTagger(tagData, { epochs: cfg.taggerEpochs, rand: prng(cfg.seed + 7000 * k) }))
    : [keep('tagger').model];
  const tagger = taggers.length === 1 ? taggers[0]! : LinearModel.mean(taggers);
  const taggerSecs = secs(t);
  log(`tagger: ${tagger.features} features, ${tagger.entries} weights, ${taggerSecs} s`);
  if (!only.has('parser') && !only.has('ner')) {
    const models = new SyntaxModels(only.has('tagger') ? loaded('tagger', tagger, [...UPOS], cfg.taggerEpochs) : keep('tagger'), shippedParser(keep('parser')), keep('ner'));
    return finish(models, { tagger: taggerSecs, jackknife: 0, parser: 0, ner: 0, total: secs(t0) });
  }

  // 2. jackknifed tags for the training sentences
  t = Date.now();
  const predicted = jackknifeTags(train, cfg, log);
  const jackSecs = secs(t);

  // 3. parser
  t = Date.now();
  let parser: LinearModel;
  let labels: string[];
  if (only.has('parser')) {
  labels = [...new Set(train.flatMap((s) => s.words.map((w) => w.deprel)))].sort();
  if (labels.length > 64) throw new Error(`${labels.length} dependency labels; the parser's label sets hold 64`);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const parserData: ParserExample[] = train.map((s, i) => ({
    input: parseInput(formsOf(s), predicted[i]!),
    heads: s.words.map((w) => w.head - 1),
    labels: s.words.map((w) => labelIndex.get(w.deprel)!),
  }));
  const runs = cfg.parserRunOnly !== undefined ? [cfg.parserRunOnly] : Array.from({ length: Math.max(1, cfg.parserRuns) }, (_, k) => k);
  const trained = runs.map((run) => {
    const tag = runs.length > 1 || run > 0 ? ` run ${run}` : '';
    const model = trainParser(parserData, {
      nLabels: labels.length,
      rootLabel: labelIndex.get('root')!,
      epochs: cfg.parserEpochs,
      rand: prng(cfg.seed + 1 + 1000 * run),
      explore: cfg.explore,
      onEpoch: (e, model) => {
        if (!onParserEpoch) return log(`parser${tag} epoch ${e}/${cfg.parserEpochs} (${secs(t)} s)`);
        const p = prunedParser(loaded('parser', model(), labels, e));
        const dev = parseScores(tagger, p, tb.dev);
        log(`parser${tag} epoch ${e}/${cfg.parserEpochs} (${secs(t)} s): dev UAS ${dev.uas.toFixed(4)} LAS ${dev.las.toFixed(4)}`);
        onParserEpoch(e, p, dev);
      },
    });
    // Each run is pruned before the mean, so run 0 alone is the parser of parserRuns 1.
    return prunedParser(loaded('parser', model, labels, cfg.parserEpochs)).model;
  });
  parser = trained.length === 1 ? trained[0]! : LinearModel.mean(trained);
  } else {
    parser = keep('parser').model;
    labels = keep('parser').header.classes;
  }
  const parserSecs = secs(t);
  log(`parser: ${parser.features} features, ${parser.entries} weights, ${parserSecs} s`);

  // 4. entity recogniser
  t = Date.now();
  const nerData = nerExamples(train, tb.nerTrain, predicted);
  const ner = only.has('ner')
    ? LinearModel.mean(Array.from({ length: Math.max(1, cfg.nerRuns) }, (_, k) => trainNer(nerData, { epochs: cfg.nerEpochs, rand: prng(cfg.seed + 2 + 1000 * k) })))
    : keep('ner').model;
  const nerSecs = secs(t);
  log(`ner: ${nerData.length} sentences, ${ner.features} features, ${ner.entries} weights, ${nerSecs} s`);

  const models = new SyntaxModels(
    only.has('tagger') ? loaded('tagger', tagger, [...UPOS], cfg.taggerEpochs) : keep('tagger'),
    shippedParser(only.has('parser') ? loaded('parser', parser, labels, cfg.parserEpochs) : keep('parser')),
    only.has('ner') ? loaded('ner', ner, BILOU_NAMES, cfg.nerEpochs) : keep('ner'),
  );
  return finish(models, { tagger: taggerSecs, jackknife: jackSecs, parser: parserSecs, ner: nerSecs, total: secs(t0) });

  function loaded(kind: ModelKind, model: LinearModel, classes: string[], epochs: number): LoadedModel {
    const trained = { seed: cfg.seed, epochs, data: tb.name, seconds: 0 };
    return { model, header: { kind, features: FEATURE_VERSION[kind], nClasses: model.nClasses, classes, trained, scores: {} } };
  }

  // Pruning is idempotent, so a kept parser goes through it too and a re-run writes the same file.
  function prunedParser(p: LoadedModel, minWeight = cfg.parserMinWeight): LoadedModel {
    return { header: p.header, model: p.model.pruned(Math.ceil(minWeight / p.model.scale)) };
  }

  // The parser as written: one run pruned as above, a mean of runs at its own threshold.
  function shippedParser(p: LoadedModel): LoadedModel {
    return prunedParser(p, cfg.parserRunOnly === undefined && cfg.parserRuns > 1 ? cfg.parserMeanMinWeight : cfg.parserMinWeight);
  }

  function finish(models: SyntaxModels, seconds: TrainResult['seconds']): TrainResult {
    return { models, scores: { dev: score(models, tb.dev, tb.nerDev), test: score(models, tb.test, tb.nerTest) }, seconds };
  }
}

/** A parser's UAS and LAS on a split, given the tagger's tags. */
function parseScores(tagger: LinearModel, parser: LoadedModel, sentences: readonly UDSentence[]): { uas: number; las: number } {
  const labels = parser.header.classes;
  const root = labels.indexOf('root');
  const syn: SyntaxCounts = { words: 0, upos: 0, uas: 0, las: 0 };
  for (const s of sentences) {
    const forms = formsOf(s);
    const tags = tagWords(tagger, forms);
    const p = parseWords(parser.model, parseInput(forms, tags), labels.length, root);
    countSyntax(
      s.words.map((w) => ({ upos: w.upos, head: w.head, deprel: w.deprel })),
      s.words.map((w, i) => ({ upos: w.upos, head: p.heads[i]! + 1, deprel: labels[p.labels[i]!] ?? 'dep' })),
      syn,
    );
  }
  return { uas: syn.uas / syn.words, las: syn.las / syn.words };
}

/** The models' scores on a split, computed as score_syntax.py computes them. */
export function score(models: SyntaxModels, sentences: readonly UDSentence[], ner: Map<string, IobSentence>): SplitScores {
  const pred = predictConllu(models, sentences);
  const syn: SyntaxCounts = { words: 0, upos: 0, uas: 0, las: 0 };
  const ent: EntityCounts = { gold: 0, system: 0, correct: 0 };
  for (const s of sentences) {
    const p = pred.get(s)!;
    countSyntax(
      s.words.map((w) => ({ upos: w.upos, head: w.head, deprel: w.deprel })),
      s.words.map((_, i) => ({ upos: p.upos[i]!, head: p.heads[i]! + 1, deprel: p.deps[i]! })),
      syn,
    );
    const g = ner.get(s.id);
    if (g) {
      if (g.tags.length === s.words.length) countEntities(g.tags, p.ner, ent);
      else countEntities(g.tags, [], ent);
    }
  }
  const r = f1(ent);
  return {
    upos: syn.upos / syn.words,
    uas: syn.uas / syn.words,
    las: syn.las / syn.words,
    nerP: r.p,
    nerR: r.r,
    nerF1: r.f1,
    words: syn.words,
    entities: ent.gold,
  };
}
