/**
 * The PostgreSQL store (node-postgres), for a desk where several workers ingest into one database at once.
 *
 * Concurrency: documents.hash is UNIQUE and a new document is inserted with ON CONFLICT DO NOTHING, so when
 * two workers put the same document at the same moment the database lets exactly one of them in and the
 * other sees `inserted: false`. Each document and its layers go in one transaction. Migrations run under a
 * session advisory lock (one per schema), so workers starting together do not race to create tables.
 */
import type pg from 'pg';
import type { AnalysisRecord } from '../analyze/output.js';
import { candidateIds, DEFAULT_MARK, emptyAnalysis, searchLimit, storableText, toStoredDocument, type Row } from './common.js';
import { pageSnippets } from './snippet.js';
import { contentHash, outletKey, outletOf, textHash } from './hash.js';
import { extraOf, itemFromRow, LAYER_SPECS, publishedDay, recordRows } from './layers.js';
import { loadMigrations, pending } from './migrations.js';
import { parseQuery, toTsquerySql } from './query.js';
import type { PictureReader } from '../merge/reader.js';
import { addDocument, removeDocument } from './picture/engine.js';
import { storedItems } from './picture/items.js';
import { NeedLocks } from './picture/ops.js';
import { StorePictureReader } from './picture/reader.js';
import { CellLocks, runPostgres, takeLocks } from './picture/run.js';
import { PictureSql } from './picture/sql.js';
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

export interface PostgresOptions {
  /** Schema to use (created if missing); default: the server's search_path (normally `public`). */
  schema?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Pool size (default 4). */
  max?: number;
  /** Every transaction read-only (reading commands, `serve --read-only`): nothing migrated, any write refused by the server. */
  readOnly?: boolean;
}

/** PostgreSQL caps a statement at 65 535 parameters; stay well under it. */
const MAX_PARAMS = 30_000;

const DOC_COLUMNS = `d.pk, d.id, d.hash, d.text_hash, d.text, d.title, d.source, o.name AS outlet, d.url, d.author, d.published,
  d.published_from, d.format, d.origin, d.length, d.ingested_at, d.extra`;

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Split `?schema=NAME` off a connection string (node-postgres does not know it). */
export function splitSchema(connectionString: string): { connectionString: string; schema?: string } {
  const m = /([?&])schema=([^&]*)(&?)/.exec(connectionString);
  if (!m) return { connectionString };
  const rest = connectionString.slice(0, m.index) + (m[3] ? m[1] : '') + connectionString.slice(m.index + m[0].length);
  return { connectionString: rest.replace(/[?&]$/, ''), schema: decodeURIComponent(m[2]!) };
}

/** Redact the password in a connection string for messages. */
export function redact(connectionString: string): string {
  return connectionString.replace(/(:\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly schema: string | undefined;
  migrationsApplied: readonly number[] = [];
  readonly where: string;
  readonly readOnly: boolean;

  private constructor(connectionString: string, opts: PostgresOptions, Pool: typeof pg.Pool) {
    const split = splitSchema(connectionString);
    this.schema = opts.schema ?? split.schema;
    if (this.schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(this.schema)) {
      throw new Error(`schema name ${JSON.stringify(this.schema)}: use letters, digits and underscores`);
    }
    this.where = redact(split.connectionString) + (this.schema ? ` (schema ${this.schema})` : '');
    this.readOnly = opts.readOnly === true;
    const settings = [...(this.schema ? [`-c search_path=${this.schema}`] : []), ...(this.readOnly ? ['-c default_transaction_read_only=on'] : [])];
    this.pool = new Pool({
      connectionString: split.connectionString,
      max: opts.max ?? 4,
      ...(settings.length ? { options: settings.join(' ') } : {}),
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    this.pool.on('error', () => {});
  }

  static async open(connectionString: string, opts: PostgresOptions = {}): Promise<PostgresStore> {
    // The driver is loaded when a PostgreSQL store is opened: SQLite commands do not pay for it.
    const { default: driver } = await import('pg');
    const store = new PostgresStore(connectionString, opts, driver.Pool);
    try {
      // Migrating checks under the migration lock (in migrate()): checked here, a schema another worker is
      // creating at this moment can look foreign, its tables listed before its schema_migrations is.
      if (opts.migrate !== false && !store.readOnly) store.migrationsApplied = await store.migrate();
      else {
        await store.refuseForeign();
        const v = await store.version();
        if (pending(loadMigrations('postgres'), await store.appliedVersions(), store.where).length > 0) {
          throw new Error(`the database schema is version ${v}; run \`sitrep db migrate\``);
        }
      }
    } catch (e) {
      await store.pool.end();
      throw new Error(`${store.where}: ${(e as Error).message}`, { cause: e });
    }
    return store;
  }

  /**
   * Refuse a schema another application made: tables, but not sitrep's schema_migrations (sitrep would add
   * its tables beside them). A read-only open also refuses an empty one: there is nothing to read.
   */
  private async refuseForeign(client?: pg.PoolClient): Promise<void> {
    const r = await (client ?? this.pool).query(
      `SELECT to_regclass('schema_migrations') IS NOT NULL AS ours,
              array(SELECT table_name::text FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name LIMIT 3) AS other`,
    );
    const { ours, other } = r.rows[0] as { ours: boolean; other: string[] };
    // to_regclass reads the catalogue as of now, the listing as of the statement's snapshot: either naming
    // schema_migrations means the schema is sitrep's.
    if (ours || other.includes('schema_migrations')) return;
    if (other.length) throw new Error(`not a sitrep database: the schema holds other tables (${other.join(', ')}) and no schema_migrations table; sitrep will not add its tables to it`);
    if (this.readOnly) throw new Error('not a sitrep database (no schema_migrations table); create one with `sitrep ingest` or `sitrep db migrate`');
  }

  private async version(client?: pg.PoolClient): Promise<number> {
    const q = client ?? this.pool;
    const exists = await q.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS ok`);
    if (!exists.rows[0].ok) return 0;
    const r = await q.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations');
    return Number(r.rows[0].v);
  }

  private async appliedVersions(client?: pg.PoolClient): Promise<number[]> {
    const q = client ?? this.pool;
    const exists = await q.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS ok`);
    if (!exists.rows[0].ok) return [];
    return (await q.query('SELECT version FROM schema_migrations')).rows.map((r: { version: number }) => Number(r.version));
  }

  /** Apply pending migrations under an advisory lock, each in its own transaction; returns the versions applied. */
  async migrate(): Promise<number[]> {
    const client = await this.pool.connect();
    const lockKey = `sitrep:migrate:${this.schema ?? ''}`;
    const applied: number[] = [];
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
      try {
        await this.refuseForeign(client);
        if (this.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.schema)}`);
        await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
        for (const m of pending(loadMigrations('postgres'), await this.appliedVersions(client), this.where)) {
          await client.query('BEGIN');
          try {
            await client.query(m.sql);
            await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
            await client.query('COMMIT');
            applied.push(m.version);
          } catch (e) {
            await client.query('ROLLBACK');
            throw new Error(`migration ${m.version} (${m.name}) failed: ${(e as Error).message}`, { cause: e });
          }
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
      }
    } finally {
      client.release();
    }
    return applied;
  }

  async putAnalysis(record: AnalysisRecord, text: string, meta: PutMeta = {}): Promise<PutResult> {
    const outlet = outletOf(record.source, record.url);
    const hash = contentHash(text, outlet);
    // Cheap check outside any transaction: most re-ingested documents stop here.
    const known = await this.idForHash(hash);
    if (known !== null) return { inserted: false, id: known, hash };
    return this.inPictureTransaction((client, sql, locks) => this.putIn(client, record, text, meta, hash, outlet, sql, locks), (r) => r.inserted);
  }

  /**
   * Store a document taken from the queue (./queue.ts) and delete its queue row, in one transaction: a
   * worker killed before the commit leaves the row (its lease expires, another worker redoes it), one
   * killed after leaves nothing to redo. A document another worker stored meanwhile is found by its hash.
   */
  async putQueued(qid: string, record: AnalysisRecord, text: string, meta: PutMeta = {}): Promise<PutResult> {
    const outlet = outletOf(record.source, record.url);
    const hash = contentHash(text, outlet);
    return this.inPictureTransaction(async (client, sql, locks) => {
      const r = await this.putIn(client, record, text, meta, hash, outlet, sql, locks);
      await client.query('DELETE FROM doc_queue WHERE qid = $1', [qid]);
      return r;
    });
  }

  /**
   * Run `work` in a transaction that may update the picture. The picture is locked by grid cell
   * (./picture/cells.ts): when another worker holds a cell this one needs, the transaction is rolled back
   * and run again with every cell it needed taken first (waiting for them, in one order, so workers never
   * wait for each other in a circle). `commit` says whether to commit the result or roll it back.
   */
  async inPictureTransaction<T>(work: (client: pg.PoolClient, sql: PictureSql, locks: CellLocks) => Promise<T>, commit: (r: T) => boolean = () => true): Promise<T> {
    const client = await this.pool.connect();
    let prelock: readonly number[] = [];
    try {
      for (let attempt = 0; ; attempt++) {
        const sql = new PictureSql('postgres');
        const locks = new CellLocks(await this.lockNamespace());
        await client.query('BEGIN');
        try {
          // A rebuild holds this exclusively while it runs; everyone else shares it.
          await client.query('SELECT pg_advisory_xact_lock_shared($1, -1)', [locks.namespace]);
          await takeLocks(client, locks, prelock);
          const result = await work(client, sql, locks);
          await client.query(commit(result) ? 'COMMIT' : 'ROLLBACK');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {});
          if (e instanceof NeedLocks && attempt < 50) {
            prelock = e.cells;
            continue;
          }
          throw e;
        }
      }
    } finally {
      client.release();
    }
  }

  private namespace: number | null = null;

  /** The advisory lock namespace of this store's picture (one per schema). */
  async lockNamespace(): Promise<number> {
    if (this.namespace === null) {
      const r = await this.pool.query(`SELECT hashtext('sitrep:picture:' || current_schema()) AS h`);
      this.namespace = Number(r.rows[0].h);
    }
    return this.namespace;
  }

  picture(): PictureReader {
    const sql = new PictureSql('postgres');
    return new StorePictureReader(sql, async (step) => {
      const client = await this.pool.connect();
      try {
        return await runPostgres(client, step, new CellLocks(0));
      } finally {
        client.release();
      }
    });
  }

  async pictureState(): Promise<string> {
    return (await this.withClient((c) => runPostgres(c, new PictureSql('postgres').state(), new CellLocks(0))));
  }

  private async withClient<T>(f: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await f(client);
    } finally {
      client.release();
    }
  }

  private async putIn(
    client: pg.PoolClient,
    record: AnalysisRecord,
    text: string,
    meta: PutMeta,
    hash: string,
    outlet: string | null,
    sql: PictureSql,
    locks: CellLocks,
  ): Promise<PutResult> {
    let outletId: string | null = null;
    if (outlet !== null) {
      const key = outletKey(outlet);
      // DO NOTHING (not DO UPDATE): workers from the same outlet must not queue on one row lock.
      await client.query('INSERT INTO outlets (key, name) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, outlet]);
      outletId = (await client.query('SELECT id FROM outlets WHERE key = $1', [key])).rows[0].id as string;
    }
    const extra = extraOf(record);
    let pk: string | null = null;
    let id = '';
    for (const candidate of candidateIds(record.id, hash)) {
      const r = await client.query(
        `INSERT INTO documents (id, hash, outlet_id, source, url, title, author, published, published_day, published_from,
           format, origin, length, text, ingested_at, extra, text_hash, analysis_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now(), $15, $16, $17)
         ON CONFLICT DO NOTHING RETURNING pk`,
        [
          candidate, hash, outletId, record.source, record.url, record.title, meta.author ?? null,
          record.published, publishedDay(record.published), record.publishedFrom,
          record.format, meta.origin ?? null, text.length, pgText(text), extra === null ? null : JSON.stringify(extra), textHash(text),
          meta.analysisVersion ?? null,
        ],
      );
      if (r.rowCount === 1) {
        pk = r.rows[0].pk as string;
        id = candidate;
        break;
      }
      // Either the same document went in meanwhile (another worker won), or the id is someone else's.
      const same = await client.query('SELECT id FROM documents WHERE hash = $1', [hash]);
      if (same.rowCount) return { inserted: false, id: same.rows[0].id as string, hash };
    }
    if (pk === null) throw new Error(`no free id for document ${record.id}`);

    await this.writeLayers(client, pk, record, text);
    if ((await runPostgres(client, sql.state(), locks)) === 'ok') {
      await runPostgres(client, addDocument(sql, pk, storedItems(record, text, { id, hash, textHash: textHash(text), outlet })), locks);
    }
    return { inserted: true, id, hash };
  }

  private async writeLayers(client: pg.PoolClient, pk: string, record: AnalysisRecord, text: string): Promise<void> {
    for (const part of recordRows(record, text)) {
      if ('eventSources' in part) {
        await insertRows(client, 'event_sources', ['doc', 'event_ord', 'ord', 'span_start', 'span_end', 'text'], part.eventSources, pk);
      } else if ('generic' in part) {
        await insertRows(client, 'layer_items', ['doc', 'layer', 'ord', 'span_start', 'span_end', 'data'], part.generic, pk);
      } else {
        const cols = ['doc', 'ord', 'span_start', 'span_end', ...part.spec.columns, 'data'];
        await insertRows(client, part.spec.table, cols, part.rows, pk);
      }
    }
  }

  async idForHash(hash: string): Promise<string | null> {
    const r = await this.pool.query('SELECT id FROM documents WHERE hash = $1', [hash]);
    return r.rowCount ? (r.rows[0].id as string) : null;
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const r = await this.pool.query(
      `SELECT ${DOC_COLUMNS} FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id = $1`,
      [id],
    );
    return r.rowCount ? toStoredDocument(r.rows[0] as Row) : null;
  }

  async analyses(filter: AnalysisFilter = {}): Promise<StoredAnalysis[]> {
    // One snapshot for the documents and their layers, so a concurrent ingest cannot show half a document.
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const out = await this.analysesWith(client, filter);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  /** The analyses, read with a client already in a transaction. */
  private async analysesWith(client: pg.PoolClient, filter: AnalysisFilter): Promise<StoredAnalysis[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.since) {
      params.push(filter.since.slice(0, 10));
      where.push(`d.published_day >= $${params.length}`);
    }
    if (filter.until) {
      params.push(filter.until.slice(0, 10));
      where.push(`d.published_day <= $${params.length}`);
    }
    if (filter.ids) {
      params.push(filter.ids);
      where.push(`d.id = ANY($${params.length}::text[])`);
    }
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const docs = await client.query(
      `SELECT ${DOC_COLUMNS} FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id ${cond}
       ORDER BY d.published_day IS NULL, d.published_day, d.pk`,
      params,
    );
    const byPk = new Map<string, StoredAnalysis>();
    const out = (docs.rows as Row[]).map((r) => {
      const a = emptyAnalysis(r);
      byPk.set(String(r.pk), a);
      return a;
    });
    if (out.length > 0) {
      const pks = [...byPk.keys()];
      for (const spec of LAYER_SPECS) {
        const rows = await client.query(
          `SELECT doc, span_start, span_end, data FROM ${spec.table} WHERE doc = ANY($1::bigint[]) ORDER BY doc, ord`,
          [pks],
        );
        for (const r of rows.rows as { doc: string; span_start: number; span_end: number; data: object }[]) {
          const a = byPk.get(String(r.doc));
          if (a) (a[spec.layer] as unknown[]).push(itemFromRow(a.text, r.span_start, r.span_end, r.data));
        }
      }
      const generic = await client.query(
        'SELECT doc, layer, span_start, span_end, data FROM layer_items WHERE doc = ANY($1::bigint[]) ORDER BY doc, layer, ord',
        [pks],
      );
      for (const r of generic.rows as { doc: string; layer: string; span_start: number; span_end: number; data: object }[]) {
        const a = byPk.get(String(r.doc)) as unknown as (Record<string, unknown[]> & { text: string }) | undefined;
        a?.[r.layer]?.push(itemFromRow(a.text, r.span_start, r.span_end, r.data));
      }
    }
    return out;
  }

  async replaceAnalysis(id: string, record: AnalysisRecord, meta: PutMeta = {}): Promise<boolean> {
    return this.inPictureTransaction(async (client, sql, locks) => {
      const r = await client.query(
        `SELECT d.pk, d.hash, d.text, d.text_hash, o.name AS outlet FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id WHERE d.id = $1 FOR UPDATE OF d`,
        [id],
      );
      if (!r.rowCount) return false;
      const d = r.rows[0] as { pk: string; hash: string; text: string; text_hash: string; outlet: string | null };
      const kept = (await runPostgres(client, sql.state(), locks)) === 'ok';
      if (kept) await runPostgres(client, removeDocument(sql, d.hash), locks);
      for (const t of ['event_sources', 'layer_items', ...LAYER_SPECS.map((x) => x.table)]) await client.query(`DELETE FROM ${t} WHERE doc = $1`, [d.pk]);
      const extra = extraOf(record);
      await client.query(
        `UPDATE documents SET title = $1, published = $2, published_day = $3, published_from = $4, extra = $5, analysis_version = $6 WHERE pk = $7`,
        [record.title, record.published, publishedDay(record.published), record.publishedFrom, extra === null ? null : JSON.stringify(extra), meta.analysisVersion ?? null, d.pk],
      );
      await this.writeLayers(client, d.pk, record, d.text);
      if (kept) await runPostgres(client, addDocument(sql, d.pk, storedItems(record, d.text, { id, hash: d.hash, textHash: d.text_hash, outlet: d.outlet })), locks);
      return true;
    });
  }

  async deleteDocument(id: string): Promise<boolean> {
    return this.inPictureTransaction(async (client, sql, locks) => {
      const r = await client.query('SELECT pk, hash FROM documents WHERE id = $1 FOR UPDATE', [id]);
      if (!r.rowCount) return false;
      const d = r.rows[0] as { pk: string; hash: string };
      // Out of the stored picture first, then the rows (layers and picture rows cascade).
      if ((await runPostgres(client, sql.state(), locks)) === 'ok') await runPostgres(client, removeDocument(sql, d.hash), locks);
      await client.query('DELETE FROM documents WHERE pk = $1', [d.pk]);
      return true;
    });
  }

  async staleAnalyses(version: string, after: number, limit: number): Promise<{ pos: number; id: string }[]> {
    const r = await this.pool.query(
      `SELECT pk, id FROM documents WHERE pk > $1 AND (analysis_version IS NULL OR analysis_version <> $2) ORDER BY pk LIMIT $3`,
      [after, version, limit],
    );
    return (r.rows as { pk: string; id: string }[]).map((x) => ({ pos: Number(x.pk), id: x.id }));
  }

  async countStaleAnalyses(version: string): Promise<number> {
    const r = await this.pool.query(`SELECT count(*) AS n FROM documents WHERE analysis_version IS NULL OR analysis_version <> $1`, [version]);
    return Number(r.rows[0].n);
  }

  /**
   * Rebuild the picture in batches. While it runs the picture is 'stale': workers store documents without
   * adding them to it, and the rebuild adds them. Documents go in by publication day (then storage order),
   * undated ones last, then those stored during the rebuild: the picture does not depend on the order, but
   * in this one most items come after everything already placed, so few decisions are taken twice. Its
   * last step waits for every transaction that may still be storing a document (they share a lock it
   * takes alone), so no document is missed.
   */
  async rebuildPicture(opts: { batch?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<{ documents: number }> {
    const batch = opts.batch ?? 200;
    const ns = await this.lockNamespace();
    const maxPk = await this.withClient(async (client) => {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, -1)', [ns]);
      const sql = new PictureSql('postgres');
      await runPostgres(client, sql.setState('stale'), new CellLocks(ns));
      await runPostgres(client, sql.clear(), new CellLocks(ns));
      const m = Number((await client.query('SELECT coalesce(max(pk), 0) AS m FROM documents')).rows[0].m);
      await client.query('COMMIT');
      return m;
    });
    let done = 0;
    let phase = 0;
    let day = '';
    let last = 0;
    type Doc = { pk: string; id: string; day?: string };
    const next = async (client: pg.PoolClient): Promise<Doc[]> => {
      for (;;) {
        const rows = (
          phase === 0
            ? await client.query(
                `SELECT pk, id, published_day AS day FROM documents WHERE published_day IS NOT NULL AND pk <= $1 AND (published_day > $2 OR (published_day = $2 AND pk > $3))
                 ORDER BY published_day, pk LIMIT $4`,
                [maxPk, day, last, batch],
              )
            : phase === 1
              ? await client.query('SELECT pk, id FROM documents WHERE published_day IS NULL AND pk <= $1 AND pk > $2 ORDER BY pk LIMIT $3', [maxPk, last, batch])
              : await client.query('SELECT pk, id FROM documents WHERE pk > $1 ORDER BY pk LIMIT $2', [Math.max(last, maxPk), batch])
        ).rows as Doc[];
        if (rows.length || phase === 2) return rows;
        phase++;
        last = 0;
      }
    };
    for (;;) {
      const finished = await this.withClient(async (client) => {
        await client.query('BEGIN');
        try {
          let rows = await next(client);
          if (rows.length === 0) {
            // Wait for writers in flight, then look once more.
            await client.query('SELECT pg_advisory_xact_lock($1, -1)', [ns]);
            rows = await next(client);
          }
          if (rows.length === 0) {
            await runPostgres(client, new PictureSql('postgres').setState('ok'), new CellLocks(ns));
            await client.query('COMMIT');
            return true;
          }
          const sql = new PictureSql('postgres');
          const locks = new CellLocks(ns);
          const byId = new Map(rows.map((r) => [r.id, r.pk]));
          const analyses = new Map((await this.analysesWith(client, { ids: rows.map((r) => r.id) })).map((a) => [a.id, a]));
          for (const r of rows) {
            const a = analyses.get(r.id)!;
            await runPostgres(client, addDocument(sql, byId.get(a.id)!, storedItems(a, a.text, { id: a.id, hash: a.hash, textHash: a.textHash, outlet: a.outlet })), locks);
          }
          await client.query('COMMIT');
          const end = rows[rows.length - 1]!;
          last = Number(end.pk);
          if (end.day !== undefined && end.day !== null) day = end.day;
          done += rows.length;
          return false;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {});
          throw e;
        }
      });
      if (finished) break;
      const total = Number((await this.pool.query('SELECT count(*) AS n FROM documents')).rows[0].n);
      opts.onProgress?.(done, total);
    }
    return { documents: done };
  }

  async stats(): Promise<StoreStats> {
    const r = await this.pool.query(`SELECT
      (SELECT count(*) FROM documents) AS documents,
      (SELECT count(DISTINCT outlet_id) FROM documents) AS outlets,
      (SELECT count(*) FROM sentences) AS sentences,
      (SELECT count(*) FROM boilerplate) AS boilerplate,
      (SELECT count(*) FROM times) AS times,
      (SELECT count(*) FROM places) AS places,
      (SELECT count(*) FROM quantities) AS quantities,
      (SELECT count(*) FROM events) AS events`);
    const row = r.rows[0] as Record<keyof StoreStats, string>;
    return {
      documents: Number(row.documents),
      outlets: Number(row.outlets),
      sentences: Number(row.sentences),
      boilerplate: Number(row.boilerplate),
      times: Number(row.times),
      places: Number(row.places),
      quantities: Number(row.quantities),
      events: Number(row.events),
    };
  }

  async search(query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
    const parsed = parseQuery(query);
    const q = toTsquerySql(parsed, 2);
    if (q === null) return [];
    const mark = opts.mark ?? DEFAULT_MARK;
    // Rank and cut first; snippets are made for the page of hits only, the same way as SQLite's
    // (./snippet.ts: ts_headline re-parses every hit's whole text).
    const r = await this.pool.query(
      `WITH q AS (SELECT ${q.sql} AS q)
       SELECT d.pk, d.id, d.title, o.name AS outlet, d.published, ts_rank_cd(d.tsv, q.q) AS score
       FROM documents d CROSS JOIN q LEFT JOIN outlets o ON o.id = d.outlet_id
       WHERE d.tsv @@ q.q
       ORDER BY score DESC, d.pk
       LIMIT $1`,
      [searchLimit(opts.limit), ...q.params],
    );
    const rows = r.rows as Row[];
    const textOf = async (x: Row) => String((await this.pool.query('SELECT text FROM documents WHERE pk = $1', [x.pk])).rows[0]?.text ?? '');
    const snippets = await pageSnippets(rows, textOf, parsed, mark, opts.snippetBudgetMs);
    return rows.map((x, i) => ({
      id: String(x.id),
      title: (x.title as string | null) ?? null,
      outlet: (x.outlet as string | null) ?? null,
      published: (x.published as string | null) ?? null,
      snippet: snippets[i]!,
      score: Number(x.score),
    }));
  }

  async schemaVersion(): Promise<number> {
    return this.version();
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * PostgreSQL text cannot hold U+0000. It is stored as U+FFFD, one UTF-16 unit for one, so every offset
 * still holds (the hash, taken before, is the same as in SQLite).
 */
function pgText(text: string): string {
  const t = storableText(text);
  return t.includes('\u0000') ? t.split('\u0000').join('\ufffd') : t;
}

async function insertRows(client: pg.PoolClient, table: string, cols: string[], rows: unknown[][], pk: string): Promise<void> {
  if (rows.length === 0) return;
  const width = cols.length;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / width));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((r) => {
      const base = params.length;
      params.push(pk, ...r);
      return `(${cols.map((_, k) => `$${base + k + 1}`).join(', ')})`;
    });
    await client.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}
