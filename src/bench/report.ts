/** The bench's readable table (and the shape of its --json output). */
import type { LengthStep } from './length.js';
import type { ComponentCost, LoadTimes, Rate, ScalingStep, Serialisation, Span2, StoreRates } from './measure.js';

export interface BenchReport {
  machine: { node: string; cpu: string; cores: number; loadAverage: number[]; gcBetweenPasses: boolean };
  /** `input`: the JSON Lines file measured instead of the generated corpus (and its repeat), or null. */
  corpus: { articles: number; seed: number; input: string | null; words: number; characters: number; tokens: number };
  reps: number;
  /** startupMs: from process start to the bench's first line (Node start-up and module loading). */
  load: LoadTimes & { startupMs: number };
  tokenise: Rate;
  analyze: Rate;
  /** Of (b): building the analysis-v1 record and its JSON. */
  serialisation: Serialisation;
  analyzeFailures: number;
  /** The first failure's article and message, when there were failures. */
  analyzeFirstError: string | null;
  /** Full analysis time over bare tokenisation time: wall clock, and CPU. */
  ratio: number;
  cpuRatio: number;
  components: ComponentCost[];
  /** The bare tokenisation pass timed interleaved with the components (what `vsTokenise` divides by). */
  interleavedTokenise: Span2;
  /** The analysis in 1 to N worker threads (`sitrep analyze --workers N`). */
  scaling: ScalingStep[];
  stores: StoreRates[];
  /** One long document at each length (./length.ts). */
  length?: LengthStep[];
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const n1 = (x: number) => x.toFixed(1);
const n2 = (x: number) => x.toFixed(2);

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderReport(r: BenchReport): string {
  const c = r.corpus;
  const out: string[] = [];
  out.push(
    `sitrep bench — ${c.articles} articles, ${n0(c.words)} words, ${n0(c.tokens)} tokens, ${n0(c.characters)} characters (${c.input ?? `seed ${c.seed}`})`,
    `${r.machine.node} on ${r.machine.cores} × ${r.machine.cpu}; load average ${r.machine.loadAverage.join(' ')} at the end; median of ${r.reps} passes${r.machine.gcBetweenPasses ? '' : ' (run with --expose-gc for a collected heap before each pass)'}`,
    r.machine.loadAverage[0]! > r.machine.cores ? 'the machine was busy: wall times include waiting for a core; compare CPU times' : '',
    '',
  );
  const rateRow = (name: string, x: Rate) => [name, n0(x.ms), n0(x.cpuMs), n1(x.articlesPerSec), n0(x.tokensPerSec), n2(x.ms / c.articles)];
  out.push(
    table(
      ['throughput', 'wall ms', 'cpu ms', 'articles/s', 'tokens/s', 'ms/article'],
      [rateRow('(a) wink-nlp tokenisation (readDoc + tokens out)', r.tokenise), rateRow('(b) full analyze (pipeline + analysis-v1 record)', r.analyze)],
    ),
    '',
    `ratio (b)/(a): ${n2(r.ratio)} wall, ${n2(r.cpuRatio)} CPU — full analysis costs that many bare tokenisation passes` +
      ` (throughput ${n2(1 / r.ratio)} × the bare pass's)` +
      (r.analyzeFailures ? `; ${r.analyzeFailures} article(s) failed analysis, first: ${r.analyzeFirstError}` : ''),
    `of (b), serialisation: the analysis-v1 record ${n0(r.serialisation.recordMs)} ms, its JSON ${n0(r.serialisation.jsonMs)} ms (wall; ${n1((100 * (r.serialisation.recordMs + r.serialisation.jsonMs)) / Math.max(r.analyze.ms, 1e-6))}% of (b); ${n1(r.serialisation.bytesPerArticle / 1000)} kB of JSON per article)`,
    '',
  );
  out.push(
    table(
      ['component (each run timed alone)', 'wall ms', 'cpu ms', 'cpu ms/article', 'share', 'cpu vs (a)'],
      [
        ...r.components.map((x) => [x.name, n0(x.ms), n0(x.cpuMs), n2(x.msPerArticle), `${n1(x.share * 100)}%`, n2(x.vsTokenise)]),
        ['(a) again, interleaved', n0(r.interleavedTokenise.wall), n0(r.interleavedTokenise.cpu), n2(r.interleavedTokenise.cpu / c.articles), '', '1.00'],
      ],
    ),
    '',
  );
  const times = r.components.find((x) => x.name === 'times');
  if (times) {
    out.push(
      `times layer vs the bare tokenisation pass (CPU, interleaved article by article): ${n2(times.vsTokenise)} — ${times.vsTokenise < 1 ? 'cheaper' : 'NOT cheaper'} than tokenising` +
        ` (vs the separate pass (a): ${n2(times.cpuMs / Math.max(r.tokenise.cpuMs, 1e-6))})`,
      '',
    );
  }
  if (r.scaling.length) {
    out.push(
      table(
        ['worker threads (analyze --workers N)', 'wall ms', 'cpu ms', 'articles/s', 'speed-up', 'heap MB per worker', 'RSS growth MB', 'load ms'],
        r.scaling.map((s) => [
          `${s.workers}`,
          n0(s.rate.ms),
          n0(s.rate.cpuMs),
          n1(s.rate.articlesPerSec),
          `${n2(s.speedup)}×`,
          s.heapMbPerWorker.map((m) => n0(m)).join(' / '),
          n0(s.rssGrowthMb),
          n0(s.loadMs),
        ]),
      ),
      `(each pool started and warmed up first; CPU counts every thread; the machine has ${r.machine.cores} cores, shared with whatever else runs)`,
      '',
    );
  }
  if (r.length?.length) {
    const names = Object.keys(r.length[0]!.components);
    out.push(
      table(
        ['one document, characters', 'wall s', 'cpu s', 's per 100k chars', ...names.map((n) => `${n} s`)],
        r.length.map((s) => [n0(s.chars), n1(s.wallMs / 1000), n1(s.cpuMs / 1000), n2(s.secondsPer100k), ...names.map((n) => (s.components[n] === undefined ? '-' : n1(s.components[n]! / 1000)))]),
      ),
      '(generated reports joined into one document; linear extraction keeps s per 100k chars flat)' + r.length.filter((s) => s.error).map((s) => `\n  ${n0(s.chars)}: failed in ${s.error}`).join(''),
      '',
    );
  }
  if (r.stores.length) {
    const rows: string[][] = [];
    for (const s of r.stores) {
      rows.push([`${s.kind}: store new analysed documents`, n0(s.put.ms), n0(s.put.cpuMs), n1(s.put.articlesPerSec), n2(s.put.ms / c.articles)]);
      rows.push([`${s.kind}: same documents again (idempotent)`, n0(s.reput.ms), n0(s.reput.cpuMs), n1(s.reput.articlesPerSec), n2(s.reput.ms / c.articles)]);
    }
    out.push(table(['store', 'wall ms', 'cpu ms', 'articles/s', 'ms/article'], rows));
    for (const s of r.stores) if (s.bytes !== null) out.push(`${s.kind} file after ${c.articles} articles: ${n1(s.bytes / 1e6)} MB`);
    out.push('');
  }
  const first = Object.entries(r.load.firstRunMs).map(([k, v]) => `${k} ${n0(v)}`).join(', ');
  out.push(
    table(
      ['load', 'ms'],
      [
        ['process start-up and module loading', n0(r.load.startupMs)],
        ['wink-nlp English model', n0(r.load.winkModelMs)],
        ['gazetteer', n0(r.load.gazetteerMs)],
        ...(r.load.syntaxModelsMs === undefined
          ? []
          : [[`syntax models (tagger, parser, entities; +${n0(r.load.syntaxModelsMB ?? 0)} MB resident)`, n0(r.load.syntaxModelsMs)]]),
      ],
    ),
    `first run of each component on one article (lazy loading included), ms: ${first}`,
  );
  return out.join('\n');
}
