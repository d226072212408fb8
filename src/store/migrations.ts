/**
 * Numbered schema migrations: `src/store/migrations/<dialect>/NNN_name.sql`, applied in order, each in
 * its own transaction together with the row that records it in `schema_migrations`. A store opened on an
 * older database brings it up to date; one newer than this code is refused rather than misread.
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

/** Check names (`NNN_name.sql`) and numbering (1, 2, 3 … without gaps or repeats). */
export function parseMigrationFiles(files: { file: string; sql: string }[]): Migration[] {
  const list = files.map(({ file, sql }) => {
    const m = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`store: migration file name ${file} is not NNN_name.sql`);
    return { version: Number(m[1]), name: m[2]!, sql };
  });
  list.sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`store: migrations must be numbered 1, 2, 3 … without gaps; found ${m.version} at position ${i + 1}`);
  });
  return list;
}

/** The migrations a database at `current` still needs; refuses a database newer than the code. */
export function pending(all: Migration[], current: number, where: string): Migration[] {
  const latest = all.length === 0 ? 0 : all[all.length - 1]!.version;
  if (current > latest) {
    throw new Error(`${where}: the database schema is version ${current}, newer than this sitrep (${latest}); upgrade sitrep`);
  }
  return all.filter((m) => m.version > current);
}
