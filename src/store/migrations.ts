/**
 * Numbered schema migrations: `src/store/migrations/<dialect>/NNN_name.sql`, applied in order, each in
 * its own transaction together with the row that records it in `schema_migrations`. A store opened on an
 * older database brings it up to date; one newer than this code is refused rather than misread.
 *
 * Numbers need not be consecutive: each concern has its own range (001–009 documents and layers, 010–019
 * syntax, 020–029 the situation picture, 030–039 the desk, 040–049 hardening), so work on two ranges can
 * land in either order. A database gets every migration it has not applied yet, even one numbered below
 * its newest.
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

/** Check names (`NNN_name.sql`, numbers from 001) and that no number is used twice. */
export function parseMigrationFiles(files: { file: string; sql: string }[]): Migration[] {
  const list = files.map(({ file, sql }) => {
    const m = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`store: migration file name ${file} is not NNN_name.sql`);
    return { version: Number(m[1]), name: m[2]!, sql };
  });
  list.sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version < 1) throw new Error(`store: migration numbers start at 001; found ${m.version}`);
    if (i > 0 && list[i - 1]!.version === m.version) throw new Error(`store: migration number ${m.version} is used twice`);
  });
  return list;
}

/** The newest migration this code knows. */
export function latestVersion(all: Migration[]): number {
  return all.length === 0 ? 0 : all[all.length - 1]!.version;
}

/**
 * The migrations a database that has applied `applied` still needs, in order; refuses a database that
 * applied a migration this code does not know (a newer sitrep wrote it).
 */
export function pending(all: Migration[], applied: Iterable<number>, where: string): Migration[] {
  const known = new Set(all.map((m) => m.version));
  const done = new Set(applied);
  const unknown = [...done].filter((v) => !known.has(v)).sort((a, b) => b - a)[0];
  if (unknown !== undefined) {
    throw new Error(`${where}: the database schema is version ${unknown}, newer than this sitrep (${latestVersion(all)}); upgrade sitrep`);
  }
  return all.filter((m) => !done.has(m.version));
}
