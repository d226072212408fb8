/**
 * Where sitrep keeps what it builds once and reuses in every process (the gazetteer's index, the syntax
 * models' scoring tables): the first of these folders that can be written.
 */
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Candidate cache folders: $SITREP_CACHE_DIR, the package's .cache/, the user's cache, the temp dir. */
export function cacheDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.SITREP_CACHE_DIR) dirs.push(process.env.SITREP_CACHE_DIR);
  dirs.push(fileURLToPath(new URL('../../.cache/', import.meta.url)));
  dirs.push(join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'sitrep'));
  dirs.push(join(tmpdir(), 'sitrep-cache'));
  return dirs;
}
