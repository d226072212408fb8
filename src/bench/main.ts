/**
 * `npm run bench`: how fast sitrep reads. Over one deterministic corpus of synthetic conflict reports
 * (./corpus.ts) it measures (a) a bare wink-nlp tokenisation pass and (b) the full analysis, their ratio,
 * each pipeline component on its own, the SQLite store's ingest rate, and the model and gazetteer load
 * times. Prints a table, or JSON with --json. Run with --expose-gc (the npm script does) so each pass
 * starts from a collected heap.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { defaultPipeline } from '../analyze/pipeline.js';
import { corpusFromJsonl, DEFAULT_CORPUS, generateCorpus } from './corpus.js';
import { defaultWorkers } from '../workers/pool.js';
import { countTokens, measureAnalyze, measureComponents, measureLoad, measureScaling, measureStore, measureTokenise, warmUp } from './measure.js';
import { renderReport, type BenchReport } from './report.js';
import { DEFAULT_LENGTHS, measureLength } from './length.js';
import { measureScale, renderScale } from './scale.js';
import { measureSynthetic, renderSynthetic } from './synthetic.js';

const USAGE = `npm run bench -- [--articles N] [--seed N] [--input FILE [--repeat N]] [--reps N] [--workers N] [--pg URL] [--no-store] [--json]
npm run bench -- --scale [--sizes 1000,4000,16000] [--seed N] [--pg URL [--pg-workers 1,2]] [--order corpus|time] [--keep-stores] [--json]
npm run bench -- --synthetic 100000,1000000 [--per-day 100] [--keep-stores] [--json]

  --articles N   corpus size (default ${DEFAULT_CORPUS.articles}; articles of ${DEFAULT_CORPUS.minWords}–${DEFAULT_CORPUS.maxWords} words)
  --seed N       corpus seed (default ${DEFAULT_CORPUS.seed}); the same seed gives the same corpus
  --input FILE   measure on the articles of a JSON Lines file instead (as \`sitrep analyze\` reads it)
  --repeat N     with --input: the file's articles N times over (default 1)
  --reps N       timed passes per measurement; the median is reported (default 3)
  --workers N    scaling: the analysis in pools of 1 to N worker threads (default: the cores; 0 skips it)
  --pg URL       also measure the PostgreSQL store (a temporary schema, dropped afterwards)
  --no-store     skip the store measurements
  --lengths L    one-document lengths to analyse, comma-separated characters (default 100000,500000,2000000;
                 0 skips it): seconds per 100,000 characters at each
  --json         one JSON object instead of the table
  --scale        the store as it grows (docs/bench.md "Scale"): cost per stored document, first and last 200,
                 and report latency and memory against store size; with --pg, 1 and 2 \`sitrep worker\`s
  --sizes LIST   --scale: corpus sizes (default 1000,4000,16000)
  --pg-workers L --scale --pg: numbers of workers to compare (default 1,2)
  --order O      --scale: store the documents as generated ('corpus', default: days at random over the
                 corpus's 8 years, so every place's weeks fill up as the store grows) or by day ('time')
  --keep-stores  --scale, --synthetic: leave the SQLite stores in .cache/bench-scale/ (for experiments)
  --synthetic L  stores of L documents' pictures made by SQL from a few analysed ones (rows only, no
                 analysis), and report latency over one week of each (docs/bench.md "Scale")
  --per-day N    --synthetic: documents a day (default 100; every week holds as many at every size)`;

function positive(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      seed: { type: 'string' },
      input: { type: 'string' },
      repeat: { type: 'string' },
      reps: { type: 'string' },
      workers: { type: 'string' },
      pg: { type: 'string' },
      'no-store': { type: 'boolean' },
      lengths: { type: 'string' },
      json: { type: 'boolean' },
      scale: { type: 'boolean' },
      sizes: { type: 'string' },
      'pg-workers': { type: 'string' },
      'keep-stores': { type: 'boolean' },
      synthetic: { type: 'string' },
      'per-day': { type: 'string' },
      order: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const startup = performance.now();
  if (values.synthetic) {
    const sizes = values.synthetic.split(',').map((x) => positive(x.trim(), 'synthetic', 0));
    const r = await measureSynthetic({
      sizes,
      seed: positive(values.seed, 'seed', DEFAULT_CORPUS.seed),
      perDay: positive(values['per-day'], 'per-day', 100),
      keep: values['keep-stores'] ?? false,
      note: (s) => {
        if (!values.json) process.stderr.write(`bench: ${s}\n`);
      },
    });
    const load = os.loadavg();
    process.stdout.write(values.json ? JSON.stringify({ loadAverage: load, synthetic: r }, null, 2) + '\n' : renderSynthetic(r, load) + '\n');
    return;
  }
  if (values.scale) {
    const list = (v: string | undefined, name: string, dflt: number[]) => (v === undefined ? dflt : v.split(',').map((x) => positive(x.trim(), name, 0)));
    const r = await measureScale({
      sizes: list(values.sizes, 'sizes', [1000, 4000, 16000]),
      seed: positive(values.seed, 'seed', DEFAULT_CORPUS.seed),
      pg: values.pg,
      pgWorkers: list(values['pg-workers'], 'pg-workers', [1, 2]),
      keepStores: values['keep-stores'] ?? false,
      order: values.order === 'time' ? 'time' : 'corpus',
      note: (s) => {
        if (values.json) return;
        // On a terminal, one line overwritten; in a log, one line per step.
        process.stderr.write(process.stderr.isTTY ? `\r\x1b[2Kbench: ${s}` : `bench: ${s}\n`);
      },
    });
    if (!values.json && process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
    process.stdout.write(values.json ? JSON.stringify(r, null, 2) + '\n' : renderScale(r) + '\n');
    return;
  }
  const articles = positive(values.articles, 'articles', DEFAULT_CORPUS.articles);
  const seed = positive(values.seed, 'seed', DEFAULT_CORPUS.seed);
  const reps = positive(values.reps, 'reps', 3);
  const repeat = positive(values.repeat, 'repeat', 1);
  const maxWorkers = values.workers === '0' ? 0 : positive(values.workers, 'workers', defaultWorkers());
  const note = (s: string) => {
    if (!values.json && process.stderr.isTTY) process.stderr.write(`\r\x1b[2Kbench: ${s}`);
  };

  note('generating the corpus');
  const corpus = values.input ? corpusFromJsonl(readFileSync(values.input, 'utf8'), repeat) : generateCorpus({ articles, seed });
  if (corpus.length === 0) throw new Error(`no articles in ${values.input}`);
  const pipeline = defaultPipeline();
  note('loading models');
  const load = measureLoad(pipeline, generateCorpus({ articles: 1, seed: seed + 1 })[0]!);
  const tokens = countTokens(corpus);
  note('warming up');
  warmUp(corpus, pipeline);
  note('tokenisation pass');
  const tokenise = measureTokenise(corpus, tokens, reps);
  note('full analysis');
  const analyze = measureAnalyze(corpus, tokens, reps, pipeline);
  note('components');
  const { components, baseline } = measureComponents(corpus, reps, pipeline);
  note('worker threads');
  const scaling = maxWorkers > 0 ? await measureScaling(corpus, tokens, reps, maxWorkers) : [];
  const stores = [];
  if (!values['no-store']) {
    note('SQLite store');
    stores.push(await measureStore(corpus, analyze.records, tokens, reps));
    if (values.pg) {
      note('PostgreSQL store');
      stores.push(await measureStore(corpus, analyze.records, tokens, reps, values.pg));
    }
  }
  const lengths = values.lengths === undefined ? DEFAULT_LENGTHS : values.lengths === '0' ? [] : values.lengths.split(',').map((x) => positive(x.trim(), 'lengths', 1));
  const length = measureLength(pipeline, lengths, (n) => note(`one document of ${n.toLocaleString('en-US')} characters`));
  note('');
  if (!values.json && process.stderr.isTTY) process.stderr.write('\r\x1b[2K');

  const report: BenchReport = {
    machine: {
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
      gcBetweenPasses: typeof (globalThis as { gc?: unknown }).gc === 'function',
    },
    corpus: {
      articles: corpus.length,
      seed,
      input: values.input ? `${values.input}${repeat > 1 ? ` × ${repeat}` : ''}` : null,
      words: corpus.reduce((n, a) => n + a.words, 0),
      characters: corpus.reduce((n, a) => n + a.text.length, 0),
      tokens,
    },
    reps,
    load: { ...load, startupMs: startup },
    tokenise,
    analyze: analyze.rate,
    serialisation: analyze.serialisation,
    analyzeFailures: analyze.failures,
    analyzeFirstError: analyze.firstError,
    ratio: analyze.rate.ms / tokenise.ms,
    cpuRatio: analyze.rate.cpuMs / tokenise.cpuMs,
    components,
    interleavedTokenise: baseline,
    scaling,
    stores,
    length,
  };
  process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : renderReport(report) + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).message}\n${USAGE}\n`);
  process.exitCode = 1;
});
