/**
 * `npm run train`: rebuilds the tagger, parser and entity recogniser from UD English-EWT and Universal NER
 * English-EWT (../shared/data/train by default) with a fixed seed, writes data/models/{tagger,parser,ner}.bin
 * and data/models/scores.json, refreshes the scores table in data/models/README.md, and prints the dev and
 * test figures. Never part of set-up: the weights are committed.
 *
 *   npm run train -- [--data DIR] [--out DIR] [--seed N] [--parser-epochs N] [--parser-runs N] [--ner-epochs N] [--ner-runs N] [--tagger-epochs N]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConllu, parseIob2, type IobSentence } from '../src/nlp/syntax/conllu.js';
import { encodeModel } from '../src/nlp/syntax/model-file.js';
import { loadModel, MODELS_DIR } from '../src/nlp/syntax/models.js';
import { DEFAULT_CONFIG, trainAll, type ModelKind, type SplitScores, type Treebank } from '../src/nlp/syntax/train.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve('..', 'shared', 'data', 'train') },
    out: { type: 'string', default: MODELS_DIR },
    seed: { type: 'string' },
    'tagger-epochs': { type: 'string' },
    'parser-epochs': { type: 'string' },
    'ner-epochs': { type: 'string' },
    // Recognisers trained in different orders and averaged into one (1: a single one).
    'ner-runs': { type: 'string' },
    // Taggers trained in different orders and averaged into one (1: a single one).
    'tagger-runs': { type: 'string' },
    // Parsers trained in different orders and averaged into one (1: a single one).
    'parser-runs': { type: 'string' },
    // Parser weights below this are dropped (each run's), and below the second from the mean of runs.
    'parser-min-weight': { type: 'string' },
    'parser-mean-min-weight': { type: 'string' },
    // Train only run K of the parsers (experiments run in parallel; the parser written is that run alone).
    'parser-run': { type: 'string' },
    folds: { type: 'string' },
    // Only the first N training sentences (a quick check of the whole run; the models are not worth shipping).
    limit: { type: 'string' },
    // Retrain only these models (comma-separated: tagger,parser,ner); the others are read from --out.
    only: { type: 'string' },
    // Score the parser on dev after every epoch and write each epoch's parser to DIR/parser-eN.bin (choosing the epochs).
    'epoch-snapshots': { type: 'string' },
  },
});
const int = (v: string | undefined, d: number) => (v === undefined ? d : Number.parseInt(v, 10));
const cfg = {
  ...DEFAULT_CONFIG,
  seed: int(values.seed, DEFAULT_CONFIG.seed),
  taggerEpochs: int(values['tagger-epochs'], DEFAULT_CONFIG.taggerEpochs),
  parserEpochs: int(values['parser-epochs'], DEFAULT_CONFIG.parserEpochs),
  nerEpochs: int(values['ner-epochs'], DEFAULT_CONFIG.nerEpochs),
  nerRuns: int(values['ner-runs'], DEFAULT_CONFIG.nerRuns),
  taggerRuns: int(values['tagger-runs'], DEFAULT_CONFIG.taggerRuns),
  parserRuns: int(values['parser-runs'], DEFAULT_CONFIG.parserRuns),
  parserMinWeight: values['parser-min-weight'] === undefined ? DEFAULT_CONFIG.parserMinWeight : Number(values['parser-min-weight']),
  parserMeanMinWeight: values['parser-mean-min-weight'] === undefined ? DEFAULT_CONFIG.parserMeanMinWeight : Number(values['parser-mean-min-weight']),
  ...(values['parser-run'] !== undefined ? { parserRunOnly: int(values['parser-run'], 0) } : {}),
  folds: int(values.folds, DEFAULT_CONFIG.folds),
};

const data = values.data!;
const ud = (split: string) => join(data, 'ud-english-ewt', `en_ewt-ud-${split}.conllu`);
const uner = (split: string) => join(data, 'uner-english-ewt', `en_ewt-ud-${split}.iob2`);
for (const f of ['train', 'dev', 'test'].flatMap((s) => [ud(s), uner(s)])) {
  if (!existsSync(f)) {
    console.error(`train: ${f} is missing (--data DIR names the folder holding ud-english-ewt/ and uner-english-ewt/)`);
    process.exit(2);
  }
}
const byId = (path: string) => new Map<string, IobSentence>(parseIob2(readFileSync(path, 'utf8')).map((s) => [s.id, s]));
const tb: Treebank = {
  name: 'UD English-EWT + Universal NER English-EWT (train)',
  train: parseConllu(readFileSync(ud('train'), 'utf8')).slice(0, values.limit ? int(values.limit, 0) : undefined),
  dev: parseConllu(readFileSync(ud('dev'), 'utf8')),
  test: parseConllu(readFileSync(ud('test'), 'utf8')),
  nerTrain: byId(uner('train')),
  nerDev: byId(uner('dev')),
  nerTest: byId(uner('test')),
};
console.log(`train: ${tb.train.length} training sentences, ${tb.dev.length} dev, ${tb.test.length} test; seed ${cfg.seed}`);
const out = values.out!.endsWith('/') ? values.out! : values.out! + '/';
const kinds: ModelKind[] = ['tagger', 'parser', 'ner'];
// --only none re-scores and rewrites the current models (after a change of pruning, say) without training.
const only = new Set<ModelKind>(values.only === 'none' ? [] : values.only ? (values.only.split(',') as ModelKind[]) : kinds);
for (const k of only) {
  if (!kinds.includes(k)) {
    console.error(`train: --only takes ${kinds.join(', ')}; got ${k}`);
    process.exit(2);
  }
}
const existing = Object.fromEntries(kinds.filter((k) => !only.has(k)).map((k) => [k, loadModel(k, out)]));
const start = Date.now();
const snapshots = values['epoch-snapshots'];
if (snapshots) mkdirSync(snapshots, { recursive: true });
const result = trainAll(
  tb,
  cfg,
  (s) => console.log(`train: ${s} [${Math.round((Date.now() - start) / 1000)} s]`),
  only,
  existing,
  snapshots
    ? (e, p, dev) => writeFileSync(join(snapshots, `parser-e${e}.bin`), encodeModel({ ...p.header, scores: round({ devUas: dev.uas, devLas: dev.las }) }, p.model))
    : undefined,
);

mkdirSync(out, { recursive: true });
const { dev, test } = result.scores;
const files: Record<string, { bytes: number; sha256: string; features: number; weights: number }> = {};
for (const kind of kinds) {
  const m = result.models[kind];
  const scores: Record<string, number> =
    kind === 'tagger' ? { devUpos: dev.upos, testUpos: test.upos } :
    kind === 'parser' ? { devUas: dev.uas, devLas: dev.las, testUas: test.uas, testLas: test.las } :
    { devF1: dev.nerF1, testF1: test.nerF1 };
  // The header records the seed and epochs, not the wall-clock time: the same data and seed give the same file.
  const buf = encodeModel({ ...m.header, scores: round(scores) }, m.model);
  writeFileSync(`${out}${kind}.bin`, buf);
  files[kind] = { bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex'), features: m.model.features, weights: m.model.entries };
}
// Without training, the times are the last training run's.
const previous = existsSync(`${out}scores.json`) ? (JSON.parse(readFileSync(`${out}scores.json`, 'utf8')) as { seconds?: typeof result.seconds }) : {};
// A partial run keeps the kept models' times from the last run, so the total stays a full training's.
const seconds = only.size === 0 && previous.seconds ? previous.seconds : partialSeconds(result.seconds, previous.seconds);
const report = { config: cfg, data: tb.name, dev: round(dev), test: round(test), seconds, files };
writeFileSync(`${out}scores.json`, JSON.stringify(report, null, 2) + '\n');
updateReadme(`${out}README.md`, dev, test, files, seconds.total);

const line = (name: string, s: SplitScores) =>
  `${name}: UPOS ${s.upos.toFixed(3)}  UAS ${s.uas.toFixed(3)}  LAS ${s.las.toFixed(3)}  NER P ${s.nerP.toFixed(3)} R ${s.nerR.toFixed(3)} F1 ${s.nerF1.toFixed(3)}`;
console.log(line('dev ', dev));
console.log(line('test', test));
for (const [k, f] of Object.entries(files)) console.log(`${k}.bin: ${(f.bytes / 1e6).toFixed(1)} MB, ${f.features} features, ${f.weights} weights`);
console.log(`training took ${seconds.total} s`);

function partialSeconds(now: typeof result.seconds, before: typeof result.seconds | undefined): typeof result.seconds {
  if (only.size === kinds.length || !before) return now;
  const pick = (k: ModelKind) => (only.has(k) ? now[k] : before[k]);
  const s = { tagger: pick('tagger'), jackknife: only.has('parser') || only.has('ner') ? now.jackknife : before.jackknife, parser: pick('parser'), ner: pick('ner'), total: 0 };
  s.total = Math.round((before.total - before.tagger - before.jackknife - before.parser - before.ner + s.tagger + s.jackknife + s.parser + s.ner) * 10) / 10;
  return s;
}

function round<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10000) / 10000 : v])) as T;
}

/** Rewrites the block between the score markers of the models' README, if it has them. */
function updateReadme(path: string, dev: SplitScores, test: SplitScores, files: typeof report.files, seconds: number): void {
  if (!existsSync(path)) return;
  const text = readFileSync(path, 'utf8');
  const begin = '<!-- scores:begin -->';
  const end = '<!-- scores:end -->';
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return;
  const f = (x: number) => x.toFixed(3);
  const mb = (k: string) => `${(files[k]!.bytes / 1e6).toFixed(1)} MB`;
  const table = [
    '| model | file | size | dev | test |',
    '|---|---|---|---|---|',
    `| part-of-speech tagger | \`tagger.bin\` | ${mb('tagger')} | UPOS ${f(dev.upos)} | UPOS ${f(test.upos)} |`,
    `| dependency parser | \`parser.bin\` | ${mb('parser')} | UAS ${f(dev.uas)}, LAS ${f(dev.las)} | UAS ${f(test.uas)}, LAS ${f(test.las)} |`,
    `| entity recogniser | \`ner.bin\` | ${mb('ner')} | F1 ${f(dev.nerF1)} (P ${f(dev.nerP)}, R ${f(dev.nerR)}) | F1 ${f(test.nerF1)} (P ${f(test.nerP)}, R ${f(test.nerR)}) |`,
    '',
    `Predicted tags throughout (the parser and the recogniser are given the tagger's tags, never gold ones); gold words.`,
    `Dev ${dev.words} words, ${dev.entities} entities; test ${test.words} words, ${test.entities} entities. Training took ${Math.round(seconds)} s.`,
  ].join('\n');
  writeFileSync(path, text.slice(0, a + begin.length) + '\n' + table + '\n' + text.slice(b));
}
