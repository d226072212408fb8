/**
 * Large read-only files that every analysing thread reads whole (the syntax models, their scoring tables,
 * the gazetteer's cache), read once into SharedArrayBuffers by the thread that starts a worker pool and
 * handed to its workers. Each worker then views the same memory instead of reading its own copy: about
 * 140 MB less per worker, no file reads at start-up, and one copy of the model tables in the cores' shared
 * cache instead of one per worker (scoring is bound by memory reads).
 *
 * Nothing writes into these bytes: the readers only make typed-array views and decode strings from them.
 * A path that was not shared (a single thread, a file missing when the pool started) is read as before.
 */
import { readFileSync } from 'node:fs';

/** Shared file contents by absolute path, as passed in a worker's workerData (structured clone keeps SABs shared). */
export type SharedFiles = Record<string, SharedArrayBuffer>;

const adopted = new Map<string, SharedArrayBuffer>();

/** Reads the files that exist into SharedArrayBuffers (a missing or unreadable one is left out). */
export function shareFiles(paths: readonly string[]): SharedFiles {
  const out: SharedFiles = {};
  for (const path of paths) {
    if (out[path]) continue;
    let data: Buffer;
    try {
      data = readFileSync(path);
    } catch {
      continue;
    }
    const sab = new SharedArrayBuffer(data.length);
    new Uint8Array(sab).set(data);
    out[path] = sab;
  }
  return out;
}

/** Makes this thread read the given files from the shared memory (a worker calls it before loading). */
export function adoptSharedFiles(files: SharedFiles | undefined): void {
  if (!files) return;
  for (const [path, sab] of Object.entries(files)) adopted.set(path, sab);
}

/** The file's bytes: a view of the shared copy when this thread was given one, else read from disk. */
export function readFileShared(path: string): Buffer {
  const sab = adopted.get(path);
  return sab ? Buffer.from(sab) : readFileSync(path);
}
