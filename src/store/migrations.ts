/**
 * Numbered schema migrations: `src/store/migrations/<dialect>/NNN_name.sql`, applied in order, each in
 * its own transaction together with the row that records it in `schema_migrations`. A store opened on an
 * older database brings it up to date; one newer than this code is refused rather than misread.
 *
 * Numbers may leave gaps: each concern owns a range (001 the documents, 010-019 syntax, 020-029 the stored
 * picture, 030-039 the desk, 040-049 hardening), so work landing in any order never renumbers another's
 * files. What is pending is every migration whose version is not recorded yet — not only those above the
 * highest applied — so a 020 that lands after a database already has 030 is still applied.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Where the .sql files are. Running from source they sit next to this module. A build (tsc) does not copy
 * them into dist/, so from dist/store/ we fall back to the source tree (the package ships src/).
 */
function migrationsDir(dialect: Dialect): string {
  const candidates = [
    new URL(`./migrations/${dialect}/`, import.meta.url),
    new URL(`../../src/store/migrations/${dialect}/`, import.meta.url),
  ];
  for (const c of candidates) {
    const dir = fileURLToPath(c);
    if (existsSync(dir)) return dir;
  }
  throw new Error(`store: the ${dialect} migrations are missing (looked in ${candidates.map((c) => fileURLToPath(c)).join(', ')})`);
}

const cache = new Map<Dialect, Migration[]>();

export function loadMigrations(dialect: Dialect): Migration[] {
  const cached = cache.get(dialect);
  if (cached) return cached;
  const dir = migrationsDir(dialect);
  const list = parseMigrationFiles(
    readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => ({ file: f, sql: readFileSync(dir + f, 'utf8') })),
  );
  cache.set(dialect, list);
  return list;
}

/** Check names (`NNN_name.sql`) and numbering (increasing from 1, no number used twice; gaps allowed). */
export function parseMigrationFiles(files: { file: string; sql: string }[]): Migration[] {
  const list = files.map(({ file, sql }) => {
    const m = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`store: migration file name ${file} is not NNN_name.sql`);
    return { version: Number(m[1]), name: m[2]!, sql };
  });
  list.sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version < 1 || (i > 0 && list[i - 1]!.version === m.version)) {
      throw new Error(`store: migration numbers must be unique and start from 001; ${String(m.version).padStart(3, '0')} is ${m.version < 1 ? 'below 001' : 'used twice'}`);
    }
  });
  return list;
}

/**
 * The migrations a database that recorded `applied` still needs, in order. A database that recorded a
 * migration this code does not know was written by a newer sitrep: refused rather than misread.
 */
export function pending(all: Migration[], applied: readonly number[], where: string): Migration[] {
  const known = new Set(all.map((m) => m.version));
  const unknown = applied.filter((v) => !known.has(v));
  if (unknown.length) {
    const latest = all.length === 0 ? 0 : all[all.length - 1]!.version;
    throw new Error(`${where}: the database schema is version ${Math.max(...unknown)}, newer than this sitrep (${latest}); upgrade sitrep`);
  }
  const done = new Set(applied);
  return all.filter((m) => !done.has(m.version));
}

/** The newest migration this code knows. */
export function latestVersion(all: Migration[]): number {
  return all.length === 0 ? 0 : all[all.length - 1]!.version;
}
