/**
 * The analysis's large read-only files, read once by the thread that starts a pool of analysis workers and
 * shared with them (src/core/shared-files.ts): the syntax models with their cached scoring tables, and the
 * gazetteer's cache. A file not built yet (a first run) is left out; a worker then reads or builds it itself.
 */
import { shareFiles, type SharedFiles } from '../core/shared-files.js';
import { cachedPath } from '../gazetteer/load.js';
import { shareModelFiles } from '../nlp/syntax/models.js';

export function shareAnalysisFiles(): SharedFiles {
  let gazetteer: string | null = null;
  try {
    gazetteer = cachedPath();
  } catch {
    // Its inputs cannot be hashed here: each worker finds (or fails to find) the gazetteer itself, as before.
  }
  return { ...shareModelFiles(), ...(gazetteer ? shareFiles([gazetteer]) : {}) };
}
