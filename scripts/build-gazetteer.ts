/**
 * Builds the gazetteer index into .cache/ (run at install by `npm run gazetteer`; sitrep also builds it on
 * first use when missing). Prints where it went, its size and how long the build took. (Load time is
 * best measured in a fresh process: see docs/places.md.)
 */
import { readFileSync, statSync } from 'node:fs';
import { readBlob } from '../src/gazetteer/format.js';
import { Gazetteer } from '../src/gazetteer/gazetteer.js';
import { buildHash, buildToCache, cachedPath } from '../src/gazetteer/load.js';

// The cache file's name is a hash of everything it is built from: when it exists it is current, and the
// build (about 10 s) is skipped unless --force says otherwise. `npx sitrep` in the repository re-runs this
// through npm's `prepare` the first time, so skipping matters there.
const hash = buildHash();
const existing = process.argv.includes('--force') ? null : cachedPath(hash);
if (existing) {
  console.log(`gazetteer: ${existing} is current (sources unchanged; --force rebuilds it)`);
  process.exit(0);
}
const { path, ms } = buildToCache(hash);
const s = new Gazetteer(readBlob(readFileSync(path))).stats();
console.log(
  `gazetteer: ${path} (${(statSync(path).size / 1e6).toFixed(1)} MB; ${s.entries} places, ${s.exactKeys} names, ` +
    `${s.looseKeys} loose keys) built in ${(ms / 1000).toFixed(1)} s`,
);
