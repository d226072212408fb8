import { describe, expect, it } from 'vitest';
import { Pipeline, type Component } from '../core/pipeline.js';
import { generateCorpus } from './corpus.js';
import { countTokens, measureAnalyze, measureComponents, measureScaling, measureStore, measureTokenise } from './measure.js';
import { renderReport, type BenchReport } from './report.js';

// Shapes only: tests never assert on how long anything took.
describe('bench measurements', () => {
  const corpus = generateCorpus({ articles: 4, seed: 5, minWords: 60, maxWords: 120 });
  const tokens = countTokens(corpus);

  it('counts tokens and reports rates for each pass', () => {
    expect(tokens).toBeGreaterThan(corpus.reduce((n, a) => n + a.words, 0) * 0.9);
    const t = measureTokenise(corpus, tokens, 2);
    expect(t.passes).toHaveLength(2);
    expect(t.articlesPerSec).toBeGreaterThan(0);
  });

  it('counts documents a component fails on instead of stopping', () => {
    const failing: Component = { name: 'failing', needs: [], adds: ['boilerplate'], run: () => { throw new Error('no'); } };
    const r = measureAnalyze(corpus, tokens, 1, new Pipeline([failing]));
    expect(r.failures).toBe(corpus.length);
    expect(r.records).toEqual([]);
    expect(measureComponents(corpus, 1, new Pipeline([failing])).components.map((c) => c.name)).toEqual(['failing']);
  });

  it('times every pipeline component and stores the analysed records', async () => {
    // The extractors' own tests judge them; here every article is either analysed or counted as failed.
    const a = measureAnalyze(corpus, tokens, 1);
    expect(a.records.length + a.failures).toBe(corpus.length);
    expect(a.firstError === null).toBe(a.failures === 0);
    const { components: comps, baseline } = measureComponents(corpus, 1);
    expect(baseline.cpu).toBeGreaterThanOrEqual(0);
    expect(comps.map((c) => c.name)).toContain('times');
    expect(comps.reduce((n, c) => n + c.share, 0)).toBeCloseTo(1, 5);
    expect(a.serialisation.bytesPerArticle).toBeGreaterThan(100);
    const scaling = await measureScaling(corpus, tokens, 1, 2);
    expect(scaling.map((x) => x.workers)).toEqual([1, 2]);
    expect(scaling[1]!.heapMbPerWorker).toHaveLength(2);
    expect(scaling[0]!.speedup).toBe(1);
    const s = await measureStore(corpus, a.records, tokens, 1);
    expect(s.kind).toBe('sqlite');
    expect(s.put.passes).toHaveLength(1);
    expect(s.bytes).toBeGreaterThan(0);

    const report: BenchReport = {
      machine: { node: 'v20', cpu: 'cpu', cores: 2, loadAverage: [0, 0, 0], gcBetweenPasses: false },
      corpus: { articles: corpus.length, seed: 5, input: null, words: 1, characters: 1, tokens },
      reps: 1,
      load: { winkModelMs: 1, gazetteerMs: 1, firstRunMs: { times: 1 }, startupMs: 1 },
      tokenise: a.rate,
      analyze: a.rate,
      serialisation: a.serialisation,
      analyzeFailures: 0,
      analyzeFirstError: null,
      ratio: 1,
      cpuRatio: 1,
      components: comps,
      interleavedTokenise: baseline,
      scaling,
      stores: [s],
    };
    const text = renderReport(report);
    for (const want of ['(a) wink-nlp tokenisation', '(b) full analyze', 'ratio (b)/(a)', 'serialisation: the analysis-v1 record', 'worker threads', 'heap MB per worker', 'times layer vs the bare tokenisation pass', 'sqlite: store new', 'gazetteer']) {
      expect(text).toContain(want);
    }
  });
});
