/**
 * Symbolic links inside a folder that sitrep reads (`sitrep ingest FOLDER`, `sitrep watch FOLDER`) are
 * followed only while they stay inside it: a link to /etc/passwd or to another user's files must not be
 * stored and then served. The test is on real paths (every link resolved), so a chain of links or `..`
 * inside one cannot get out either.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const OUTSIDE_MESSAGE = 'a symbolic link to outside the folder: not followed';

/** Is `real` (a resolved path) `root` or inside it? */
export function within(real: string, root: string): boolean {
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * Where `file` really is if that is inside `root` (a real path), else null. Only a link needs resolving;
 * a plain entry of a folder that is inside is inside.
 */
export async function realInside(file: string, root: string): Promise<string | null> {
  const real = await fs.realpath(file);
  return within(real, root) ? real : null;
}
