import { describe, expect, it } from 'vitest';
import { PooledAnalyzer } from '../analyze/analyzer.js';
import { generateCorpus } from '../bench/corpus.js';
import { DEFAULT_READ_OPTIONS, readJsonl } from '../ingest/read.js';
import { ingest } from './ingest.js';
import { openStore } from './open.js';
import { reanalyze } from './reanalyze.js';

async function* lines(list: string[]): AsyncGenerator<string> {
  yield* list;
}

describe('reanalyze in worker threads', () => {
  it('replaces every analysis with what one thread gives, in storage order', async () => {
    const input = generateCorpus({ articles: 6, seed: 21, minWords: 80, maxWords: 160 }).map((a) => JSON.stringify({ id: a.id, text: a.text, source: a.source, published: a.published }));
    const run = async (analyzer?: PooledAnalyzer) => {
      const store = await openStore(':memory:');
      await ingest(store, readJsonl(lines(input), 'test.jsonl', DEFAULT_READ_OPTIONS));
      const seen: string[] = [];
      const summary = await reanalyze(store, { all: true, batch: 4, ...(analyzer ? { analyzer } : {}), onItem: (o) => seen.push(o.id) });
      const stored = (await store.analyses()).map(({ ingestedAt: _ingestedAt, ...rest }) => rest);
      await store.close();
      return { summary, seen, stored };
    };
    const analyzer = new PooledAnalyzer({ workers: 2 });
    try {
      const pooled = await run(analyzer);
      expect(pooled.summary.done).toBe(6);
      expect(pooled).toEqual(await run());
    } finally {
      await analyzer.close();
    }
  }, 120_000);
});
