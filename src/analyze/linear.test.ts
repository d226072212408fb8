/**
 * Every component's work grows in proportion to the document: a document ten times longer may cost at most
 * about twelve times the work. Work is counted (characters scanned by patterns and string searches,
 * elements visited by array passes: src/test-support/work-counter.ts), never timed, so the test holds on a
 * busy machine. A rule that scans the whole text once per candidate makes its component's ratio near 100.
 * `npm run bench` prints the same in seconds per 100,000 characters at 100k, 500k and 2M.
 */
import { describe, expect, it } from 'vitest';
import { longDocument } from '../bench/length.js';
import { count } from '../test-support/work-counter.js';
import { defaultPipeline } from './pipeline.js';

const pipeline = defaultPipeline();

function workOf(chars: number): Record<string, number> {
  const doc = longDocument(chars);
  const out: Record<string, number> = {};
  for (const c of pipeline.components) out[c.name] = count(() => c.run(doc)).work;
  return out;
}

describe('analysis work grows linearly with document length', () => {
  it('50,000 → 500,000 characters: at most ~12× the work, component by component', () => {
    workOf(5_000); // models and tables loaded, outside the counts
    const small = workOf(50_000);
    const big = workOf(500_000);
    const ratios = Object.fromEntries(Object.keys(small).map((k) => [k, Math.round((big[k]! / Math.max(1, small[k]!)) * 10) / 10]));
    // Linear work gives 10; n log n about 12 (10 × log 500,000 / log 50,000 = 12.1); a scan of the whole
    // text per candidate about 100. Measured: every component at 9.5-11.3, events 10.5 (it was 12.2 while a certainty
    // cue with no act in its sentence looked through every earlier act: src/extract/events/claims.ts).
    for (const [name, ratio] of Object.entries(ratios)) expect(ratio, `${name}: ${JSON.stringify(ratios)}`).toBeLessThanOrEqual(12);
  }, 1_800_000);
});
