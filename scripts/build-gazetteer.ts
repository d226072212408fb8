/**
 * Builds the gazetteer index into .cache/ (run at install by `npm run gazetteer`; sitrep also builds it on
 * first use when missing). Prints where it went, its size and how long the build took. (Load time is
 * best measured in a fresh process: see docs/places.md.)
 */
import { readFileSync, statSync } from 'node:fs';
import { readBlob } from '../src/gazetteer/format.js';
import { Gazetteer } from '../src/gazetteer/gazetteer.js';
import { buildHash, buildToCache } from '../src/gazetteer/load.js';

const { path, ms } = buildToCache(buildHash());
const s = new Gazetteer(readBlob(readFileSync(path))).stats();
console.log(
  `gazetteer: ${path} (${(statSync(path).size / 1e6).toFixed(1)} MB; ${s.entries} places, ${s.exactKeys} names, ` +
    `${s.looseKeys} loose keys) built in ${(ms / 1000).toFixed(1)} s`,
);
