#!/usr/bin/env node
// Bytes the analysis allocates, by function: V8's sampling heap profiler (objects already collected by
// either garbage collector included) around the default pipeline and the analysis-v1 JSON, over the first
// N articles of a JSON Lines file after a warm-up on 30 of them. Allocation drives garbage collection,
// which takes a core's helper threads from a second worker; unlike time, it does not depend on the load.
//
//   npm run build && node scripts/alloc-profile.mjs ../shared/data/dev/places-lgl.jsonl [--articles 150] [--top 30]
/* global process, console, URL -- a Node script */
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { articles: { type: 'string' }, top: { type: 'string' } } });
if (positionals.length !== 1) {
  console.error('usage: node scripts/alloc-profile.mjs FILE.jsonl [--articles N] [--top K]');
  process.exit(2);
}
const n = Number(values.articles ?? 150);
const top = Number(values.top ?? 30);
const dist = new URL('../dist/', import.meta.url);
const { defaultPipeline } = await import(new URL('analyze/pipeline.js', dist).href);
const { Doc } = await import(new URL('core/document.js', dist).href);
const { toAnalysis } = await import(new URL('analyze/output.js', dist).href);

const docs = readFileSync(positionals[0], 'utf8').split('\n').filter(Boolean).slice(0, n).map((l) => JSON.parse(l));
const pipeline = defaultPipeline();
const run = (d, i) => JSON.stringify(toAnalysis(pipeline.run(new Doc(d.text, { id: String(d.id ?? i) }))));
docs.slice(0, 30).forEach(run);

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
docs.forEach(run);
const { profile } = await session.post('HeapProfiler.stopSampling');

const self = new Map();
const inclusive = new Map();
let total = 0;
const label = (f) => `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').slice(-2).join('/') + ':' + (f.lineNumber + 1) : '(builtin)'}`;
const walk = (node, path) => {
  const name = label(node.callFrame);
  const onPath = path.includes(name) ? path : [...path, name];
  total += node.selfSize;
  self.set(name, (self.get(name) ?? 0) + node.selfSize);
  for (const k of onPath) inclusive.set(k, (inclusive.get(k) ?? 0) + node.selfSize);
  for (const c of node.children) walk(c, onPath);
};
walk(profile.head, []);
const mb = (x) => (x / 1e6).toFixed(1).padStart(7);
const pct = (x) => `${((100 * x) / total).toFixed(1).padStart(5)}%`;
console.log(`${(total / 1e6).toFixed(1)} MB allocated over ${docs.length} articles: ${(total / docs.length / 1e6).toFixed(3)} MB an article`);
for (const [title, m] of [['self', self], ['inclusive', inclusive]]) {
  console.log(`\n${title}`);
  [...m].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, v]) => console.log(`${mb(v)} MB ${pct(v)}  ${k}`));
}
