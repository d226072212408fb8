/**
 * Experiments on the entity recogniser (not part of `npm run train`): trains it on EWT train with the
 * jackknifed tags (cached in --cache) and prints dev F1 after every epoch, so features and epochs are
 * chosen on dev in one run.  npx tsx scripts/ner-dev.ts [--epochs N] [--runs N] [--data DIR]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConllu, parseIob2, type IobSentence, type UDSentence } from '../src/nlp/syntax/conllu.js';
import { documentsOf } from '../src/nlp/syntax/documents.js';
import { countEntities, f1, type EntityCounts } from '../src/nlp/syntax/evaluate.js';
import { LinearModel } from '../src/nlp/syntax/linear.js';
import { loadModel } from '../src/nlp/syntax/models.js';
import { documentCasing, nameLists } from '../src/nlp/syntax/name-lists.js';
import { iob2, isHeadline, nerWords } from '../src/nlp/syntax/ner.js';
import { prng } from '../src/nlp/syntax/random.js';
import { lexicon, tagWords } from '../src/nlp/syntax/tagger.js';
import { trainNer } from '../src/nlp/syntax/train-ner.js';
import { DEFAULT_CONFIG, jackknifeTags, nerExamples } from '../src/nlp/syntax/train.js';
import { modelForm } from '../src/nlp/syntax/words.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve('..', 'shared', 'data', 'train') },
    epochs: { type: 'string', default: '5' },
    runs: { type: 'string', default: '1' },
    cache: { type: 'string', default: '/tmp/synx/jackknife.json' },
  },
});
const cfg = DEFAULT_CONFIG;
const data = values.data!;
const ud = (split: string) => parseConllu(readFileSync(join(data, 'ud-english-ewt', `en_ewt-ud-${split}.conllu`), 'utf8'));
const uner = (split: string) =>
  new Map<string, IobSentence>(parseIob2(readFileSync(join(data, 'uner-english-ewt', `en_ewt-ud-${split}.iob2`), 'utf8')).map((s) => [s.id, s]));
const train = ud('train');
const dev = ud('dev');
const nerTrain = uner('train');
const nerDev = uner('dev');
const formsOf = (s: UDSentence) => s.words.map((w) => modelForm(w.form));

// The jackknife takes minutes and does not change between experiments on the recogniser: cached.
let predicted: number[][];
if (existsSync(values.cache!)) predicted = JSON.parse(readFileSync(values.cache!, 'utf8')) as number[][];
else {
  predicted = jackknifeTags(train, cfg);
  writeFileSync(values.cache!, JSON.stringify(predicted));
}
const lists = nameLists();
const nerData = nerExamples(train, nerTrain, predicted);
const tagger = loadModel('tagger').model;
const devDocs = documentsOf(dev).map((doc) => {
  const forms = doc.map(formsOf);
  const casing = documentCasing(forms);
  return doc.map((s, k) => ({
    s,
    input: { lex: lexicon(forms[k]!), tags: tagWords(tagger, forms[k]!), names: lists.annotate(forms[k]!), headline: isHeadline(forms[k]!), casing: casing[k]!, forms: forms[k]! },
  }));
});
function devF1(m: LinearModel): string {
  const ent: EntityCounts = { gold: 0, system: 0, correct: 0 };
  for (const doc of devDocs)
    for (const { s, input } of doc) {
      const g = nerDev.get(s.id);
      if (!g) continue;
      countEntities(g.tags, g.tags.length === s.words.length ? iob2(nerWords(m, input)) : [], ent);
    }
  const r = f1(ent);
  return `F1 ${r.f1.toFixed(4)} P ${r.p.toFixed(4)} R ${r.r.toFixed(4)}`;
}
const epochs = Number(values.epochs);
const runs = Number(values.runs);
const snaps: LinearModel[][] = [];
for (let k = 0; k < runs; k++) {
  const t = Date.now();
  snaps.push([]);
  trainNer(nerData, {
    epochs,
    rand: prng(cfg.seed + 2 + 1000 * k),
    onEpoch: (e, model) => {
      const m = model();
      snaps[k]!.push(m);
      const mean = k > 0 ? `  mean of ${k + 1}: ${devF1(LinearModel.mean(snaps.map((r) => r[e - 1]!)))}` : '';
      console.log(`run ${k} epoch ${e}: dev ${devF1(m)}${mean} (${Math.round((Date.now() - t) / 1000)} s)`);
    },
  });
}
