#!/usr/bin/env node
// Summarises a V8 CPU profile (`node --cpu-prof`) as text: the flame graph folded into the functions and
// the source files that cost the most, self time (spent in the function itself) and total time (the
// function and everything it calls, counted once per stack even under recursion).
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/cli/main.js analyze --input FILE > /dev/null
//   node scripts/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [--top 30] [--under FUNCTION]
//
// --under NAME restricts the tallies to samples whose stack passes through a function of that name, or
// whose label contains it (e.g. --under extract/events/index.js to see one component), and prints the
// share of the whole profile those samples are.
/* global process, console -- a Node script */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string' }, under: { type: 'string' }, files: { type: 'boolean' } },
});
if (positionals.length !== 1) {
  process.stderr.write('usage: node scripts/profile-summary.mjs PROFILE.cpuprofile [--top N] [--under FUNCTION]\n');
  process.exit(2);
}
const top = Number(values.top ?? 30);
const prof = JSON.parse(readFileSync(positionals[0], 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const root = process.cwd();
const short = (url) => {
  if (!url) return '';
  let p = url.replace(/^file:\/\//, '');
  const nm = p.lastIndexOf('node_modules/');
  if (nm >= 0) return p.slice(nm + 'node_modules/'.length);
  p = path.relative(root, p);
  return p;
};
const label = (n) => {
  const cf = n.callFrame;
  const name = cf.functionName || '(anonymous)';
  const file = short(cf.url);
  return file ? `${name} ${file}:${cf.lineNumber + 1}` : name;
};

// Time per sample: the gap to the next timestamp.
const dt = new Map();
const deltas = prof.timeDeltas;
const counts = new Map();
for (let i = 0; i < prof.samples.length; i++) {
  const d = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
  const id = prof.samples[i];
  counts.set(id, (counts.get(id) ?? 0) + d);
}
void dt;

const stackOf = (id) => {
  const s = [];
  for (let x = id; x !== undefined; x = parent.get(x)) s.push(byId.get(x));
  return s;
};

const self = new Map();
const total = new Map();
const fileSelf = new Map();
let all = 0;
let kept = 0;
for (const [id, ms] of counts) {
  all += ms;
  const stack = stackOf(id);
  if (values.under && !stack.some((n) => n.callFrame.functionName === values.under || label(n).includes(values.under))) continue;
  kept += ms;
  const leaf = label(stack[0]);
  self.set(leaf, (self.get(leaf) ?? 0) + ms);
  const f = short(stack[0].callFrame.url) || stack[0].callFrame.functionName;
  fileSelf.set(f, (fileSelf.get(f) ?? 0) + ms);
  const seen = new Set();
  for (const n of stack) {
    const l = label(n);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + ms);
  }
}

const pct = (x) => `${((100 * x) / kept).toFixed(1).padStart(5)}%`;
const ms = (x) => `${Math.round(x).toLocaleString('en-US').padStart(7)} ms`;
const list = (title, m) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)} ${pct(v)}  ${k}`);
};
console.log(`profile: ${Math.round(all).toLocaleString('en-US')} ms sampled` + (values.under ? `; under ${values.under}: ${Math.round(kept)} ms (${((100 * kept) / all).toFixed(1)}%)` : ''));
list('self time by source file', fileSelf);
list('self time by function', self);
list('total time by function (inclusive)', total);
