/**
 * How analysis time grows with one document's length: generated reports joined into single documents of
 * 100,000, 500,000 and 2,000,000 characters (the default --max-chars), each analysed once in this thread.
 * Linear extraction gives the same seconds per 100,000 characters at every length; a rule that scans the
 * whole text per candidate shows up as a figure that grows with the length.
 */
import { performance } from 'node:perf_hooks';
import type { Pipeline } from '../core/pipeline.js';
import type { Doc } from '../core/document.js';
import { generateCorpus } from './corpus.js';
import { makeDoc } from './measure.js';

export const DEFAULT_LENGTHS = [100_000, 500_000, 2_000_000];

export interface LengthStep {
  chars: number;
  wallMs: number;
  cpuMs: number;
  /** Seconds of wall time per 100,000 characters. */
  secondsPer100k: number;
  /** Wall milliseconds per component. */
  components: Record<string, number>;
  error: string | null;
}

/** One document of exactly `chars` characters: generated reports (fixed seed) joined by blank lines. */
export function longDocument(chars: number, seed = 7): Doc {
  const articles = generateCorpus({ articles: Math.max(20, Math.ceil(chars / 2500)), seed });
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const t = articles[i % articles.length]!.text + '\n\n';
    parts.push(t);
    n += t.length;
  }
  const text = parts.join('').slice(0, chars);
  return makeDoc({ id: `long-${chars}`, title: 'Long document', source: 'Bench Wire', published: '2016-10-20', text, words: 0 });
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function measureLength(pipeline: Pipeline, lengths: readonly number[] = DEFAULT_LENGTHS, onStep?: (chars: number) => void): LengthStep[] {
  const out: LengthStep[] = [];
  for (const chars of lengths) {
    onStep?.(chars);
    const doc = longDocument(chars);
    (globalThis as { gc?: () => void }).gc?.();
    const components: Record<string, number> = {};
    const w = performance.now();
    const c = cpuNow();
    let error: string | null = null;
    for (const comp of pipeline.components) {
      const t = performance.now();
      try {
        comp.run(doc);
      } catch (e) {
        error = `${comp.name}: ${(e as Error).message}`;
        break;
      }
      components[comp.name] = performance.now() - t;
    }
    const wallMs = performance.now() - w;
    out.push({ chars, wallMs, cpuMs: cpuNow() - c, secondsPer100k: wallMs / 1000 / (chars / 100_000), components, error });
  }
  return out;
}
