/**
 * The SQLite store (better-sqlite3): one file, WAL mode, everything a laptop needs offline.
 * Work is synchronous inside; the Store interface wraps it in promises.
 */
import Database from 'better-sqlite3';
import type { AnalysisRecord } from '../analyze/output.js';
import { contentHash, outletKey, outletOf, textHash } from './hash.js';
import { extraOf, itemFromRow, LAYER_SPECS, publishedDay, recordRows, type LayerSpec } from './layers.js';
import { loadMigrations, pending, type Migration } from './migrations.js';
import { parseQuery, toFts5 } from './query.js';
import { candidateIds, DEFAULT_MARK, emptyAnalysis, searchLimit, storableText, toStoredDocument, type Row } from './common.js';
import { pageSnippets } from './snippet.js';
import { addDocument, removeDocument } from './picture/engine.js';
import { storedItems } from './picture/items.js';
import { StorePictureReader } from './picture/reader.js';
import { runSqlite } from './picture/run.js';
import { PictureSql } from './picture/sql.js';
import type { PictureReader } from '../merge/reader.js';
import type {
  AnalysisFilter,
  PutMeta,
  PutResult,
  SearchHit,
  SearchOptions,
  Store,
  StoredAnalysis,
  StoredDocument,
  StoreStats,
} from './types.js';

/** The page cache of a connection that writes, in KiB (see the constructor). */
const WRITER_CACHE_KB = 65_536;

/** better-sqlite3 binds numbers, strings, bigints, buffers and null only. */
const bindable = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);

const DOC_COLUMNS = `d.pk, d.id, d.hash, d.text_hash, d.text, d.title, d.source, o.name AS outlet, d.url, d.author, d.published,
  d.published_from, d.format, d.origin, d.length, d.ingested_at, d.extra`;

const FIXED_COLUMNS = {
  event_sources: ['doc', 'event_ord', 'ord', 'span_start', 'span_end', 'text'],
  layer_items: ['doc', 'layer', 'ord', 'span_start', 'span_end', 'data'],
};

const extraJson = (record: AnalysisRecord): string | null => {
  const e = extraOf(record);
  return e ? JSON.stringify(e) : null;
};

export interface SqliteOptions {
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Milliseconds to wait for another process's write lock before failing (default 10 000). */
  busyTimeout?: number;
  /**
   * Open the file read-only (reading commands, `serve --read-only`): nothing is migrated, created or
   * switched to WAL, and any write fails. Ignored for `:memory:`.
   */
  readOnly?: boolean;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  readonly pictureSql = new PictureSql('sqlite');
  readonly readOnly: boolean;
  migrationsApplied: readonly number[] = [];
  private readonly insertRow = new Map<string, Database.Statement>();
  private readonly statements = new Map<string, Database.Statement>();
  private put: (record: AnalysisRecord, text: string, meta: PutMeta) => PutResult;

  constructor(
    readonly path: string,
    opts: SqliteOptions = {},
  ) {
    const file = path !== ':memory:' && path !== '';
    this.readOnly = opts.readOnly === true && file;
    try {
      // Read-only: SQLite itself refuses every write, and no journal mode is changed or file created.
      this.db = new Database(path, this.readOnly ? { readonly: true, fileMustExist: true } : {});
    } catch (e) {
      throw new Error(`cannot open SQLite database ${path}: ${(e as Error).message}`, { cause: e });
    }
    try {
      this.db.pragma(`busy_timeout = ${opts.busyTimeout ?? 10_000}`);
      refuseForeign(this.db);
      if (this.readOnly) {
        if (!hasVersionTable(this.db)) throw new Error('not a sitrep database (no schema_migrations table); create one with `sitrep ingest` or `sitrep db migrate`');
        if (pending(loadMigrations('sqlite'), appliedVersions(this.db), path).length > 0) {
          throw new Error(`the database schema is version ${this.version()}; run \`sitrep db migrate\``);
        }
        this.db.pragma('foreign_keys = ON');
        this.put = () => {
          throw new Error(`${path} is open read-only`);
        };
        return;
      }
      if (file) this.db.pragma('journal_mode = WAL');
      // WAL makes NORMAL durable across application crashes; only a power cut can lose the last commits.
      this.db.pragma('synchronous = NORMAL');
      // A writer keeps 64 MB of pages (SQLite's default is 2 MB): storing a document reads the picture around
      // its places, times and kinds, pages of indexes and rows all over a large file, and with 2 MB each
      // statement read most of them from the operating system again. Read-only connections (report, stats,
      // search) keep the default, so their memory stays what it was.
      this.db.pragma(`cache_size = -${WRITER_CACHE_KB}`);
      this.db.pragma('foreign_keys = ON');
      this.ensureVersionTable();
      if (opts.migrate !== false) this.migrationsApplied = this.migrate();
      else if (pending(loadMigrations('sqlite'), appliedVersions(this.db), path).length > 0) {
        throw new Error(`the database schema is version ${this.version()}; run \`sitrep db migrate\``);
      }
    } catch (e) {
      this.db.close();
      throw new Error(`${path}: ${(e as Error).message}`, { cause: e });
    }
    const tx = this.db.transaction((record: AnalysisRecord, text: string, meta: PutMeta) => this.putNow(record, text, meta));
    // IMMEDIATE: take the write lock before looking for the hash, so two processes cannot both decide to insert.
    this.put = (record, text, meta) => tx.immediate(record, text, meta);
  }

  private ensureVersionTable(): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  }

  private version(): number {
    return currentVersion(this.db);
  }

  /** Apply pending migrations, each in its own transaction; returns the versions applied. */
  migrate(): number[] {
    return applyMigrations(this.db, loadMigrations('sqlite'), this.path);
  }

  private rowInsert(spec: LayerSpec | 'event_sources' | 'layer_items'): Database.Statement {
    const key = typeof spec === 'string' ? spec : spec.table;
    let st = this.insertRow.get(key);
    if (!st) {
      const cols = typeof spec === 'string' ? FIXED_COLUMNS[spec] : ['doc', 'ord', 'span_start', 'span_end', ...spec.columns, 'data'];
      st = this.db.prepare(`INSERT INTO ${key} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      this.insertRow.set(key, st);
    }
    return st;
  }

  /** A prepared statement, prepared once per store. */
  private st(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private putNow(record: AnalysisRecord, text: string, meta: PutMeta): PutResult {
    const outlet = outletOf(record.source, record.url);
    const hash = contentHash(text, outlet);
    const existing = this.st('SELECT id FROM documents WHERE hash = ?').get(hash) as { id: string } | undefined;
    if (existing) return { inserted: false, id: existing.id, hash };

    let outletId: number | bigint | null = null;
    if (outlet !== null) {
      const key = outletKey(outlet);
      this.st('INSERT INTO outlets (key, name) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, outlet);
      outletId = (this.st('SELECT id FROM outlets WHERE key = ?').get(key) as { id: number }).id;
    }
    const taken = this.st('SELECT 1 FROM documents WHERE id = ?');
    const id = candidateIds(record.id, hash).find((c) => !taken.get(c));
    if (id === undefined) throw new Error(`no free id for document ${record.id}`);
    const info = this
      .st(
        `INSERT INTO documents (id, hash, text_hash, outlet_id, source, url, title, author, published, published_day, published_from,
           format, origin, length, text, ingested_at, extra, analysis_version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id, hash, textHash(text), outletId, record.source, record.url, record.title, meta.author ?? null,
        record.published, publishedDay(record.published), record.publishedFrom,
        record.format, meta.origin ?? null, text.length, storableText(text), new Date().toISOString(), extraJson(record),
        meta.analysisVersion ?? null,
      );
    const pk = info.lastInsertRowid;
    this.writeLayers(pk, record, text);
    if (this.pictureKept()) {
      this.pictureSql.reset();
      runSqlite(this.db, addDocument(this.pictureSql, Number(pk), storedItems(record, text, { id, hash, textHash: textHash(text), outlet })));
    }
    return { inserted: true, id, hash };
  }

  /** Is the picture kept up to date (not waiting for `sitrep rebuild`)? */
  private pictureKept(): boolean {
    return runSqlite(this.db, this.pictureSql.state()) === 'ok';
  }

  private writeLayers(pk: number | bigint, record: AnalysisRecord, text: string): void {
    for (const part of recordRows(record, text)) {
      if ('eventSources' in part) {
        const st = this.rowInsert('event_sources');
        for (const r of part.eventSources) st.run(pk, ...r);
      } else if ('generic' in part) {
        const st = this.rowInsert('layer_items');
        for (const r of part.generic) st.run(pk, ...r);
      } else {
        const st = this.rowInsert(part.spec);
        for (const r of part.rows) st.run(pk, ...r.map(bindable));
      }
    }
  }

  async putAnalysis(record: AnalysisRecord, text: string, meta: PutMeta = {}): Promise<PutResult> {
    return this.put(record, text, meta);
  }

  async replaceAnalysis(id: string, record: AnalysisRecord, meta: PutMeta = {}): Promise<boolean> {
    const tx = this.db.transaction(() => {
      const d = this.st(`SELECT d.pk, d.hash, d.text, d.text_hash, o.name AS outlet FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id = ?`).get(id) as
        | { pk: number; hash: string; text: string; text_hash: string; outlet: string | null }
        | undefined;
      if (!d) return false;
      const kept = this.pictureKept();
      this.pictureSql.reset();
      if (kept) runSqlite(this.db, removeDocument(this.pictureSql, d.hash));
      for (const t of ['event_sources', 'layer_items', ...LAYER_SPECS.map((x) => x.table)]) this.db.prepare(`DELETE FROM ${t} WHERE doc = ?`).run(d.pk);
      this.st(
        `UPDATE documents SET title = ?, published = ?, published_day = ?, published_from = ?, extra = ?, analysis_version = ? WHERE pk = ?`,
      ).run(record.title, record.published, publishedDay(record.published), record.publishedFrom, extraJson(record), meta.analysisVersion ?? null, d.pk);
      // The stored text is the text analysed (offsets index it).
      this.writeLayers(d.pk, record, d.text);
      if (kept) runSqlite(this.db, addDocument(this.pictureSql, d.pk, storedItems(record, d.text, { id, hash: d.hash, textHash: d.text_hash, outlet: d.outlet })));
      return true;
    });
    return tx.immediate();
  }

  async deleteDocument(id: string): Promise<boolean> {
    const tx = this.db.transaction(() => {
      const d = this.st('SELECT pk, hash FROM documents WHERE id = ?').get(id) as { pk: number; hash: string } | undefined;
      if (!d) return false;
      // Out of the stored picture first (the engine decides its groups again without it), then the rows:
      // every layer, the search index (trigger) and the picture's own rows go with the document (cascade).
      this.pictureSql.reset();
      if (this.pictureKept()) runSqlite(this.db, removeDocument(this.pictureSql, d.hash));
      this.st('DELETE FROM documents WHERE pk = ?').run(d.pk);
      return true;
    });
    return tx.immediate();
  }

  async staleAnalyses(version: string, after: number, limit: number): Promise<{ pos: number; id: string }[]> {
    return (this.st(`SELECT pk AS pos, id FROM documents WHERE pk > ? AND (analysis_version IS NULL OR analysis_version <> ?) ORDER BY pk LIMIT ?`).all(after, version, limit) as { pos: number; id: string }[]);
  }

  async countStaleAnalyses(version: string): Promise<number> {
    return (this.st(`SELECT count(*) AS n FROM documents WHERE analysis_version IS NULL OR analysis_version <> ?`).get(version) as { n: number }).n;
  }

  /**
   * Rebuild the picture in batches, each its own transaction (other writers wait only for one batch).
   * While it runs the picture is 'stale': documents stored meanwhile are not added by their writers, and
   * the rebuild adds them. Documents go in by publication day (then storage order), undated ones last, and
   * those stored during the rebuild after them: the picture does not depend on the order, but in this one
   * most items come after everything already placed, so few decisions are taken twice.
   */
  async rebuildPicture(opts: { batch?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<{ documents: number }> {
    const batch = opts.batch ?? 200;
    const maxPk = this.db.transaction(() => {
      runSqlite(this.db, this.pictureSql.setState('stale'));
      runSqlite(this.db, this.pictureSql.clear());
      return (this.st('SELECT coalesce(max(pk), 0) AS m FROM documents').get() as { m: number }).m;
    }).immediate();
    let done = 0;
    const total = () => (this.st('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    // Where each phase stands: (day, pk) through the dated documents, then pk through the undated, then pk after maxPk.
    let phase = 0;
    let day = '';
    let last = 0;
    const next = (): { pk: number; id: string; day?: string }[] => {
      for (;;) {
        const rows =
          phase === 0
            ? (this.st(
                `SELECT pk, id, published_day AS day FROM documents WHERE published_day IS NOT NULL AND pk <= ? AND (published_day > ? OR (published_day = ? AND pk > ?))
                 ORDER BY published_day, pk LIMIT ?`,
              ).all(maxPk, day, day, last, batch) as { pk: number; id: string; day: string }[])
            : phase === 1
              ? (this.st('SELECT pk, id FROM documents WHERE published_day IS NULL AND pk <= ? AND pk > ? ORDER BY pk LIMIT ?').all(maxPk, last, batch) as { pk: number; id: string }[])
              : (this.st('SELECT pk, id FROM documents WHERE pk > ? ORDER BY pk LIMIT ?').all(Math.max(last, maxPk), batch) as { pk: number; id: string }[]);
        if (rows.length || phase === 2) return rows;
        phase++;
        last = 0;
      }
    };
    for (;;) {
      const finished = this.db.transaction(() => {
        const rows = next();
        if (rows.length === 0) {
          runSqlite(this.db, this.pictureSql.setState('ok'));
          return true;
        }
        this.pictureSql.reset();
        const byId = new Map(rows.map((r) => [r.id, r.pk]));
        const analyses = new Map(this.analysesSync({ ids: rows.map((r) => r.id) }).map((a) => [a.id, a]));
        for (const r of rows) {
          const a = analyses.get(r.id)!;
          runSqlite(this.db, addDocument(this.pictureSql, byId.get(a.id)!, storedItems(a, a.text, { id: a.id, hash: a.hash, textHash: a.textHash, outlet: a.outlet })));
        }
        const end = rows[rows.length - 1]!;
        last = end.pk;
        if (end.day !== undefined) day = end.day;
        done += rows.length;
        return false;
      }).immediate();
      if (finished) break;
      opts.onProgress?.(done, total());
      // Let other work on this event loop (a server) run between batches.
      await new Promise((r) => setImmediate(r));
    }
    return { documents: done };
  }

  async idForHash(hash: string): Promise<string | null> {
    const r = this.st('SELECT id FROM documents WHERE hash = ?').get(hash) as { id: string } | undefined;
    return r?.id ?? null;
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const r = this.db
      .prepare(`SELECT ${DOC_COLUMNS} FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id = ?`)
      .get(id) as Row | undefined;
    return r ? toStoredDocument(r) : null;
  }

  async analyses(filter: AnalysisFilter = {}): Promise<StoredAnalysis[]> {
    return this.analysesSync(filter);
  }

  private analysesSync(filter: AnalysisFilter = {}): StoredAnalysis[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.since) {
      where.push('d.published_day >= ?');
      params.push(filter.since.slice(0, 10));
    }
    if (filter.until) {
      where.push('d.published_day <= ?');
      params.push(filter.until.slice(0, 10));
    }
    if (filter.ids) {
      where.push('d.id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.ids));
    }
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const docs = this.db
      .prepare(
        `SELECT ${DOC_COLUMNS} FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id ${cond}
         ORDER BY d.published_day IS NULL, d.published_day, d.pk`,
      )
      .all(...params) as Row[];
    if (docs.length === 0) return [];
    const byPk = new Map<number, StoredAnalysis>();
    const out = docs.map((r) => {
      const a = emptyAnalysis(r);
      byPk.set(Number(r.pk), a);
      return a;
    });
    const docFilter = where.length ? `WHERE doc IN (SELECT d.pk FROM documents d ${cond})` : '';
    for (const spec of LAYER_SPECS) {
      const rows = this.db
        .prepare(`SELECT doc, span_start, span_end, data FROM ${spec.table} ${docFilter} ORDER BY doc, ord`)
        .iterate(...params) as IterableIterator<{ doc: number; span_start: number; span_end: number; data: string }>;
      for (const r of rows) {
        const a = byPk.get(r.doc);
        if (a) (a[spec.layer] as unknown[]).push(itemFromRow(a.text, r.span_start, r.span_end, r.data));
      }
    }
    const generic = this.db
      .prepare(`SELECT doc, layer, span_start, span_end, data FROM layer_items ${docFilter} ORDER BY doc, layer, ord`)
      .iterate(...params) as IterableIterator<{ doc: number; layer: string; span_start: number; span_end: number; data: string }>;
    for (const r of generic) {
      const a = byPk.get(r.doc) as unknown as Record<string, unknown[]> & { text: string };
      a?.[r.layer]?.push(itemFromRow(a.text, r.span_start, r.span_end, r.data));
    }
    return out;
  }

  async stats(): Promise<StoreStats> {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      documents: count('SELECT count(*) AS n FROM documents'),
      outlets: count('SELECT count(DISTINCT outlet_id) AS n FROM documents'),
      sentences: count('SELECT count(*) AS n FROM sentences'),
      boilerplate: count('SELECT count(*) AS n FROM boilerplate'),
      times: count('SELECT count(*) AS n FROM times'),
      places: count('SELECT count(*) AS n FROM places'),
      quantities: count('SELECT count(*) AS n FROM quantities'),
      events: count('SELECT count(*) AS n FROM events'),
    };
  }

  async search(query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
    const q = parseQuery(query);
    const match = toFts5(q);
    if (match === null) return [];
    const mark = opts.mark ?? DEFAULT_MARK;
    // Rank and cut first; snippets are made for the page of hits only (./snippet.ts: FTS5's snippet() is
    // computed for every match and far worse than linear in long documents). Title matches weigh twice as
    // much as text matches. bm25 is lower-is-better; the score is its negation.
    const rows = this.db
      .prepare(
        `SELECT d.pk, d.id, d.title, o.name AS outlet, d.published, bm25(documents_fts, 2.0, 1.0) AS rank
         FROM documents_fts
         JOIN documents d ON d.pk = documents_fts.rowid
         LEFT JOIN outlets o ON o.id = d.outlet_id
         WHERE documents_fts MATCH ?
         ORDER BY rank, d.pk
         LIMIT ?`,
      )
      .all(match, searchLimit(opts.limit)) as Row[];
    const text = this.db.prepare('SELECT text FROM documents WHERE pk = ?').pluck();
    const snippets = await pageSnippets(rows, (r) => String(text.get(r.pk)), q, mark, opts.snippetBudgetMs);
    return rows.map((r, i) => ({
      id: r.id as string,
      title: (r.title as string | null) ?? null,
      outlet: (r.outlet as string | null) ?? null,
      published: (r.published as string | null) ?? null,
      snippet: snippets[i]!,
      score: -(r.rank as number),
    }));
  }

  async schemaVersion(): Promise<number> {
    return this.version();
  }

  picture(): PictureReader {
    return new StorePictureReader(this.pictureSql, async (step) => runSqlite(this.db, step));
  }

  async pictureState(): Promise<string> {
    return runSqlite(this.db, this.pictureSql.state());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function hasVersionTable(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
}

/**
 * Refuse a database another application made: tables, but not sitrep's schema_migrations. Opening it
 * would add sitrep's tables beside the other application's (or, read-only, misread them).
 */
export function refuseForeign(db: Database.Database): void {
  if (hasVersionTable(db)) return;
  const other = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name LIMIT 3").pluck().all() as string[];
  if (other.length) throw new Error(`not a sitrep database: it holds other tables (${other.join(', ')}) and no schema_migrations table; sitrep will not add its tables to it`);
}

function appliedVersions(db: Database.Database): number[] {
  return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
}

function currentVersion(db: Database.Database): number {
  const r = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return r.v ?? 0;
}

/**
 * Apply the migrations a database still needs, each with its schema_migrations row in one IMMEDIATE
 * transaction: a migration that fails leaves nothing behind, and a second process opening the same file
 * waits for the lock and then finds the work done. Returns the versions applied.
 */
export function applyMigrations(db: Database.Database, all: Migration[], where: string): number[] {
  const applied: number[] = [];
  for (const m of pending(all, appliedVersions(db), where)) {
    const step = db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      applied.push(m.version);
    });
    try {
      step.immediate();
    } catch (e) {
      throw new Error(`migration ${m.version} (${m.name}) failed: ${(e as Error).message}`, { cause: e });
    }
  }
  return applied;
}
