/**
 * Listing what a watched path holds, cheaply: names, sizes and modification times, no contents. A folder
 * is walked the way `sitrep ingest FOLDER` reads it (src/ingest/read.ts): recursively in name order,
 * skipping hidden entries, a folder's own documentation, and anything that is not a regular file, with
 * the same document ids (the path relative to the folder).
 */
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { OUTSIDE_MESSAGE, realInside } from '../ingest/inside.js';

// The same rule as `readEntry` in src/ingest/read.ts (asked of ingest to export; see /work/notes/ingest.md).
const MAX_FOLDER_DEPTH = 32;
const NOT_INPUT = /^(?:readme|license|licence|changelog|copying|notice|authors)(?:\.[a-z0-9]+)?$/i;

/**
 * Names of files still being downloaded or saved under a temporary name (browsers, editors, `sitrep report
 * --out`): they are renamed when complete, and read then.
 */
const IN_PROGRESS = /(?:\.(?:tmp|temp|part|partial|crdownload|download|swp)|~)$/i;

export function isWatchedName(name: string): boolean {
  return !name.startsWith('.') && !NOT_INPUT.test(name) && !IN_PROGRESS.test(name);
}

export interface FileEntry {
  /** The path as it will be read and reported (the watched path joined with the entry names). */
  file: string;
  /** Document id for a single-document file: its name, or inside a folder its path relative to it. */
  id: string;
  size: number;
  mtimeMs: number;
  /** The real path of the watched folder it was found in (null: the file was watched by name). */
  root: string | null;
}

export interface ScanResult {
  files: FileEntry[];
  /** Paths that could not be listed or looked at, with why. */
  errors: { where: string; message: string }[];
}

function statError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  return (e as Error).message;
}

/** Every file under `target` (or `target` itself), skipping the absolute paths in `exclude`. */
export async function scan(target: string, exclude: ReadonlySet<string> = new Set()): Promise<ScanResult> {
  const out: ScanResult = { files: [], errors: [] };
  const seen = new Set<string>();
  let root: string | null = null;
  const walk = async (file: string, id: string, depth: number): Promise<void> => {
    if (exclude.has(path.resolve(file))) return;
    let stat: Stats;
    try {
      // A symbolic link is followed only while it stays inside the watched folder (src/ingest/inside.ts).
      if (depth > 0 && root !== null && (await fs.lstat(file)).isSymbolicLink() && (await realInside(file, root)) === null) {
        out.errors.push({ where: file, message: OUTSIDE_MESSAGE });
        return;
      }
      stat = await fs.stat(file);
    } catch (e) {
      // An entry that vanished between listing and looking is not an error: it is gone.
      if (depth > 0 && (e as NodeJS.ErrnoException).code === 'ENOENT') return;
      out.errors.push({ where: file, message: statError(e) });
      return;
    }
    if (depth === 0 && stat.isDirectory()) root = await fs.realpath(file);
    if (stat.isDirectory()) {
      const key = `${stat.dev}:${stat.ino}`;
      if (seen.has(key) || depth > MAX_FOLDER_DEPTH) return;
      seen.add(key);
      let entries: string[];
      try {
        entries = (await fs.readdir(file)).sort();
      } catch (e) {
        out.errors.push({ where: file, message: statError(e) });
        return;
      }
      for (const entry of entries) {
        if (!isWatchedName(entry)) continue;
        await walk(path.join(file, entry), depth === 0 ? entry : `${id}/${entry}`, depth + 1);
      }
      return;
    }
    if (!stat.isFile()) {
      if (depth === 0) out.errors.push({ where: file, message: 'not a regular file (watch reads files, folders and http(s) feeds)' });
      return;
    }
    out.files.push({ file, id, size: stat.size, mtimeMs: stat.mtimeMs, root });
  };
  await walk(target, path.basename(target), 0);
  return out;
}
