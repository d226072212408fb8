#!/usr/bin/env node
// Two builds of the analysis compared on a busy machine: both pipelines loaded in one process and run on the
// same articles alternately (A then B, B then A on the next), each call's CPU time summed, so both meet the
// same load; a bare wink-nlp pass over each article is timed the same way as the unit. Also counts articles
// whose JSON differs between the builds (the speed work must keep it byte-identical).
//
// Setup, once per baseline (wink-nlp must be a copy, not a link: src/nlp/wink.ts wraps its cache at load,
// once per module instance):
//   mkdir -p /tmp/ab && git archive BASE_COMMIT | tar -x -C /tmp/ab && cd /tmp/ab
//   mkdir node_modules && for x in "$REPO"/node_modules/* "$REPO"/node_modules/.bin; do ln -s "$x" node_modules/; done
//   for w in wink-nlp wink-eng-lite-web-model; do rm node_modules/$w; cp -r "$REPO"/node_modules/$w node_modules/; done
//   ln -s "$REPO"/.cache .cache && npx tsc -p tsconfig.json && node scripts/postbuild.mjs
// Then, from the repository, after npm run build:
//   node scripts/ab-analysis.mjs /tmp/ab/dist dist ../shared/data/dev/places-lgl.jsonl [--passes 2]
/* global process, console, performance, URL */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { passes: { type: 'string' } } });
if (positionals.length !== 3) {
  console.error('usage: node scripts/ab-analysis.mjs DIST_A DIST_B FILE.jsonl [--passes N]');
  process.exit(2);
}
const [distA, distB, file] = positionals;
const passes = Number(values.passes ?? 1);

async function load(dir) {
  const base = pathToFileURL(resolve(dir) + '/');
  const at = (p) => new URL(p, base).href;
  const { defaultPipeline } = await import(at('analyze/pipeline.js'));
  const { Doc } = await import(at('core/document.js'));
  const { toAnalysis } = await import(at('analyze/output.js'));
  const { wink } = await import(at('nlp/wink.js'));
  const pipeline = defaultPipeline();
  return { run: (d, i) => JSON.stringify(toAnalysis(pipeline.run(new Doc(d.text, { id: String(d.id ?? i) })))), wink };
}

const A = await load(distA);
const B = await load(distB);
const docs = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const nlp = A.wink();
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
// Warm-up: every article once through each build (JIT, lazy tables, per-word memos).
docs.forEach((d, i) => {
  A.run(d, i);
  B.run(d, i);
});
let a = 0;
let b = 0;
let w = 0;
let differing = 0;
const t0 = performance.now();
for (let p = 0; p < passes; p++) {
  docs.forEach((d, i) => {
    let t = cpu();
    nlp.readDoc(d.text).tokens().out();
    w += cpu() - t;
    let outA;
    let outB;
    if ((i + p) % 2 === 0) {
      t = cpu();
      outA = A.run(d, i);
      const m = cpu();
      a += m - t;
      outB = B.run(d, i);
      b += cpu() - m;
    } else {
      t = cpu();
      outB = B.run(d, i);
      const m = cpu();
      b += m - t;
      outA = A.run(d, i);
      a += cpu() - m;
    }
    if (outA !== outB) differing++;
  });
}
const f = (x) => x.toFixed(0);
console.log(`${docs.length} articles × ${passes} pass(es), ${f((performance.now() - t0) / 1000)} s wall`);
console.log(`CPU ms: A ${f(a)}  B ${f(b)}  B/A ${(b / a).toFixed(3)}  bare wink pass ${f(w)}  (A ${(a / w).toFixed(2)}, B ${(b / w).toFixed(2)} bare passes)`);
console.log(`articles whose JSON differs: ${differing}`);
