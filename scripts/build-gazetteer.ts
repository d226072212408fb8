/**
 * Builds the gazetteer index into .cache/ (run at install by `npm run gazetteer`; sitrep also builds it on
 * first use when missing). Prints where it went, how long the build and a load took, and its size.
 */
import { statSync } from 'node:fs';
import { buildHash, buildToCache } from '../src/gazetteer/load.js';
import { readBlob } from '../src/gazetteer/format.js';
import { Gazetteer } from '../src/gazetteer/gazetteer.js';
import { readFileSync } from 'node:fs';

const { path, ms } = buildToCache(buildHash());
const t0 = performance.now();
const before = process.memoryUsage();
const g = new Gazetteer(readBlob(readFileSync(path)));
const loadMs = performance.now() - t0;
const after = process.memoryUsage();
const s = g.stats();
console.log(
  `gazetteer: ${path} (${(statSync(path).size / 1e6).toFixed(1)} MB; ${s.entries} places, ${s.exactKeys} names, ${s.looseKeys} loose keys)` +
    ` built in ${(ms / 1000).toFixed(1)} s, loads in ${loadMs.toFixed(0)} ms (+${((after.rss - before.rss) / 1e6).toFixed(0)} MB RSS)`,
);
