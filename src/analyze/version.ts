/**
 * The version of the analysis: the sitrep version and a hash of everything the extractors are made of
 * (their code and the curated data files). Every stored analysis records it, so `sitrep reanalyze` knows
 * which documents an upgrade has changed the extractors for.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHash } from '../gazetteer/load.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Source folders whose code decides what an analysis contains (tests excluded). */
const CODE = ['analyze', 'core', 'nlp', 'extract', 'ingest/boilerplate.ts', 'ingest/boilerplate-rules.ts'];

function files(path: string, ext: RegExp): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return ext.test(path) ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((f) => files(join(path, f), ext));
}

let cached: string | null = null;

export function analysisVersion(): string {
  if (cached) return cached;
  const h = createHash('sha1');
  // From the TypeScript sources when the package has them (whatever runs it: CLI, tsx, tests), else the build.
  const src = existsSync(join(ROOT, 'src', 'extract'));
  for (const c of CODE) {
    const base = join(ROOT, src ? 'src' : 'dist', src ? c : c.replace(/\.ts$/, '.js'));
    for (const f of files(base, src ? /(?<!\.test)(?<!\.test-support)\.ts$/ : /\.js$/)) h.update(f.slice(ROOT.length)).update(readFileSync(f));
  }
  for (const f of files(join(ROOT, 'data'), /./)) h.update(f.slice(ROOT.length)).update(readFileSync(f));
  // The gazetteer: its data packages' versions and how it is built.
  h.update(buildHash());
  let version = '0';
  try {
    version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // keep '0'
  }
  cached = `${version}+${h.digest('hex').slice(0, 12)}`;
  return cached;
}
