/**
 * `npm run bench -- --synthetic 100000,1000000`: report latency over a store of a million documents'
 * pictures (issue 12), without analysing a million documents. A few generated articles are analysed and
 * stored for real (the template store); then, for each size, a fresh SQLite store is filled with rows made
 * from the template's by SQL alone, in batches: document n copies template document n mod T, dated
 * `perDay` documents a day from 1990-01-01, with its place mentions, up to 8 place mentions, one event of one
 * report and one figure of one claim, on that day (templateTables: a generated article holds ~9 events and ~16
 * figures; a million of those would take hours to write and tens of gigabytes, so each document keeps a few; document
 * keys are `s<n>` instead of content hashes, and the text prints of wire copies are left out).
 * Keys and ids get the document's number, so every row is distinct. Rows only: the engine's candidate
 * indexes (pic_reports_box, pic_claims_box) are left empty and control histories are the template's, so
 * the store serves reads, not ingest. Then `sitrep report` runs in a fresh process for one week in the
 * middle of the store (JSON and Markdown) and for that week near one place, with its wall time, CPU and
 * peak memory. The same week density at every size: a read whose cost is bounded shows the same numbers.
 */
import { rmSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { analysisVersion } from '../analyze/version.js';
import { openStore } from '../store/open.js';
import { generateCorpus } from './corpus.js';
import { analyses, CACHE, timeReport, type ReportRun } from './scale.js';

export interface SyntheticOptions {
  sizes: number[];
  seed: number;
  /** Documents per day (default 100). */
  perDay?: number;
  /** Template documents (default 40). */
  templates?: number;
  keep?: boolean;
  note: (s: string) => void;
}

export interface SyntheticResult {
  documents: number;
  events: number;
  figures: number;
  buildMs: number;
  fileMb: number;
  reports: ReportRun[];
}

/** Rows inserted per statement batch (one transaction each). */
const BATCH = 25_000;
const FIRST_DAY = '1990-01-01';
/** Reports and claims of one document at most (their row ids are n × this + ord). */
const PER_DOC = 256;

async function templateStore(seed: number, n: number, note: (s: string) => void): Promise<string> {
  const file = path.join(CACHE, `synthetic-template-${n}-${seed}-${analysisVersion().replace(/[^\w.-]/g, '_')}.db`);
  if (existsSync(file)) return file;
  const corpus = generateCorpus({ articles: n, seed });
  const records = await analyses(corpus, seed, note);
  const tmp = `${file}.tmp`;
  for (const s of ['', '-wal', '-shm']) rmSync(tmp + s, { force: true });
  const store = await openStore(tmp);
  try {
    for (const [i, r] of records.entries()) await store.putAnalysis(r, corpus[i]!.text, { origin: corpus[i]!.id, analysisVersion: analysisVersion() });
  } finally {
    await store.close();
  }
  // One file, no WAL beside it.
  const db = new Database(tmp);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
  rmSync(file, { force: true });
  const { renameSync } = await import('node:fs');
  renameSync(tmp, file);
  return file;
}

/**
 * The template's events and figures each synthetic document copies: of each template document, the event
 * of its first report that heads one and the figures of its first claims that head one (at most
 * `FIGURES_PER_DOC`), with their index boxes. Temporary tables, read once per batch.
 */
const FIGURES_PER_DOC = 1;
/** Place mentions copied per document at most. */
const MENTIONS_PER_DOC = 8;

function templateTables(db: Database.Database): void {
  db.exec(`CREATE TEMP TABLE tdoc AS SELECT row_number() OVER (ORDER BY d.doc) - 1 AS rn, d.doc AS doc, d.key AS key FROM t.pic_docs d WHERE d.day IS NOT NULL`);
  db.exec('CREATE UNIQUE INDEX temp.tdoc_rn ON tdoc(rn)');
  db.exec(`CREATE TEMP TABLE tev AS
    SELECT td.rn AS rn, json_extract(r.data, '$.ord') AS ord, r.key AS rkey, r.lat AS rlat, r.lon AS rlon, r.data AS rdata,
           e.id AS eid_text, e.date_start AS ds, e.date_end AS de, e.type AS type, e.sub_type AS sub_type, e.certainty AS certainty,
           e.country AS country, e.lat AS lat, e.lon AS lon, e.place_key AS place_key, e.territory AS territory, e.data AS edata, e.eid AS old_eid,
           x.d0 AS d0, x.d1 AS d1, x.lat0 AS lat0, x.lat1 AS lat1, x.lon0 AS lon0, x.lon1 AS lon1
    FROM temp.tdoc td JOIN t.pic_reports r ON r.doc = td.doc AND r.seed = r.key
    JOIN t.pic_events e ON e.seed = r.key JOIN t.pic_events_box x ON x.eid = e.eid
    WHERE r.rid = (SELECT min(r2.rid) FROM t.pic_reports r2 JOIN t.pic_events e2 ON e2.seed = r2.key WHERE r2.doc = td.doc AND r2.seed = r2.key)`);
  db.exec('CREATE INDEX temp.tev_rn ON tev(rn)');
  db.exec(`CREATE TEMP TABLE tfig AS
    SELECT td.rn AS rn, json_extract(c.data, '$.ord') AS ord, c.key AS ckey, c.thing AS thing, c.lat AS clat, c.lon AS clon, c.data AS cdata,
           f.id AS fid_text, f.when_start AS ws, f.when_end AS we, f.lat AS lat, f.lon AS lon, f.data AS fdata,
           x.d0 AS d0, x.d1 AS d1, x.lat0 AS lat0, x.lat1 AS lat1, x.lon0 AS lon0, x.lon1 AS lon1
    FROM temp.tdoc td JOIN t.pic_claims c ON c.doc = td.doc AND c.seed = c.key
    JOIN t.pic_figures f ON f.seed = c.key JOIN t.pic_figures_box x ON x.fid = f.fid
    WHERE c.cid IN (SELECT c2.cid FROM t.pic_claims c2 JOIN t.pic_figures f2 ON f2.seed = c2.key WHERE c2.doc = td.doc AND c2.seed = c2.key ORDER BY c2.cid LIMIT ${FIGURES_PER_DOC})`);
  db.exec('CREATE INDEX temp.tfig_rn ON tfig(rn)');
}

/** The statements that make documents [lo, hi) from the template (attached as `t`; see templateTables). */
function batchStatements(perDay: number): string[] {
  // n: the synthetic document; rn: its template document (n mod T); day: its publication day.
  const seq = `WITH RECURSIVE s(n) AS (SELECT @lo UNION ALL SELECT n + 1 FROM s WHERE n + 1 < @hi),
    d AS (SELECT s.n AS n, s.n % @T AS rn, td.doc AS tdoc, date('${FIRST_DAY}', '+' || (s.n / ${perDay}) || ' days') AS day,
                 'syn' || s.n AS id, 's' || s.n AS key
          FROM s JOIN temp.tdoc td ON td.rn = s.n % @T)`;
  // Keys as the store makes them from the document's key, which is short here (the index entries with it).
  const rk = `d.key || ':e' || v.ord`;
  const ck = `d.key || ':f' || g.ord`;
  // Day numbers in the index move with the day (undated items keep their all-time box).
  const shift = (start: string) => `CASE WHEN ${start} IS NULL THEN 0 ELSE julianday(d.day) - julianday(${start}) END`;
  const dayOr = (start: string, dflt: string) => `CASE WHEN ${start} IS NULL THEN ${dflt} ELSE d.day END`;
  return [
    `${seq} INSERT INTO main.documents (pk, id, hash, text_hash, source, published, published_day, format, length, text, ingested_at)
       SELECT d.n + 1, d.id, 'h' || d.n, 'th' || d.n, o.source, d.day, d.day, 'jsonl', o.length, '', '2026-01-01T00:00:00Z'
       FROM d JOIN t.documents o ON o.pk = d.tdoc`,
    `${seq} INSERT INTO main.pic_docs (doc, key, id, outlet, day, sort_key, ref, data)
       SELECT d.n + 1, d.key, d.id, p.outlet, d.day, d.day || '|' || d.id,
              json_set(json_remove(p.ref, '$.print'), '$.key', d.key, '$.id', d.id, '$.day', d.day, '$.published', d.day),
              json_set(json_remove(p.data, '$.doc.print'), '$.doc.key', d.key, '$.doc.id', d.id, '$.doc.day', d.day, '$.doc.published', d.day, '$.publishedFrom', 'input')
       FROM d JOIN t.pic_docs p ON p.doc = d.tdoc`,
    `${seq} INSERT INTO main.pic_mentions (doc, ord, place_key, span_start, span_end, text)
       SELECT d.n + 1, m.ord, m.place_key, m.span_start, m.span_end, m.text FROM d JOIN t.pic_mentions m ON m.doc = d.tdoc AND m.ord < ${MENTIONS_PER_DOC}`,
    `${seq} INSERT INTO main.pic_place_refs (place_key, doc) SELECT r.place_key, d.n + 1 FROM d JOIN t.pic_place_refs r ON r.doc = d.tdoc`,
    // One report, one event.
    `${seq} INSERT INTO main.pic_reports (rid, key, doc, ord_key, seed, reason, lat, lon, data)
       SELECT d.n * ${PER_DOC} + v.ord, ${rk}, d.n + 1, '00|' || d.day || '|' || ${rk}, ${rk}, NULL, v.rlat, v.rlon,
              json_set(v.rdata, '$.key', ${rk}, '$.doc', d.key,
                       '$.days', CASE WHEN json_extract(v.rdata, '$.days') IS NULL THEN NULL ELSE json_object('start', d.day, 'end', d.day) END,
                       '$.date', CASE WHEN json_extract(v.rdata, '$.date') IS NULL THEN NULL ELSE json_object('start', d.day, 'end', d.day, 'precision', 1) END)
       FROM d JOIN temp.tev v ON v.rn = d.rn`,
    `${seq} INSERT INTO main.pic_events (eid, seed, id, sort_key, date_start, date_end, type, sub_type, certainty, country, lat, lon, place_key, territory, data)
       SELECT d.n * ${PER_DOC} + v.ord, ${rk}, 'ev-s' || d.n, ${dayOr('v.ds', "'9999-99-99'")} || '|' || 'ev-s' || d.n,
              ${dayOr('v.ds', 'NULL')}, ${dayOr('v.ds', 'NULL')}, v.type, v.sub_type, v.certainty, v.country, v.lat, v.lon, v.place_key, v.territory,
              json_set(v.edata, '$.id', 'ev-s' || d.n, '$.members', json_array(${rk}), '$.reasons', json_array(),
                       '$.date', CASE WHEN v.ds IS NULL THEN NULL ELSE json_object('start', d.day, 'end', d.day, 'precision', 1) END)
       FROM d JOIN temp.tev v ON v.rn = d.rn`,
    `${seq} INSERT INTO main.pic_events_box (eid, d0, d1, lat0, lat1, lon0, lon1)
       SELECT d.n * ${PER_DOC} + v.ord, v.d0 + ${shift('v.ds')}, v.d1 + ${shift('v.de')}, v.lat0, v.lat1, v.lon0, v.lon1 FROM d JOIN temp.tev v ON v.rn = d.rn`,
    `${seq} INSERT INTO main.pic_event_actors (eid, name, alias)
       SELECT d.n * ${PER_DOC} + v.ord, a.name, a.alias FROM d JOIN temp.tev v ON v.rn = d.rn JOIN t.pic_event_actors a ON a.eid = v.old_eid`,
    `${seq} INSERT INTO main.pic_event_outlets (eid, outlet)
       SELECT d.n * ${PER_DOC} + v.ord, o.outlet FROM d JOIN temp.tev v ON v.rn = d.rn JOIN t.pic_event_outlets o ON o.eid = v.old_eid`,
    // One claim, one figure.
    `${seq} INSERT INTO main.pic_claims (cid, key, doc, ord_key, seed, thing, report, lat, lon, data)
       SELECT d.n * ${PER_DOC} + g.ord, ${ck}, d.n + 1, d.day || '|' || ${ck}, ${ck}, g.thing, NULL, g.clat, g.clon,
              json_set(g.cdata, '$.key', ${ck}, '$.doc', d.key, '$.report', NULL,
                       '$.period', CASE WHEN json_extract(g.cdata, '$.period') IS NULL THEN NULL ELSE json_object('start', d.day, 'end', d.day) END)
       FROM d JOIN temp.tfig g ON g.rn = d.rn`,
    `${seq} INSERT INTO main.pic_figures (fid, seed, id, sort_key, when_start, when_end, lat, lon, data)
       SELECT d.n * ${PER_DOC} + g.ord, ${ck}, 'fig-s' || d.n, '1|1|' || ${dayOr('g.ws', "'9999'")} || '|' || 'fig-s' || d.n,
              ${dayOr('g.ws', 'NULL')}, ${dayOr('g.ws', 'NULL')}, g.lat, g.lon,
              json_set(g.fdata, '$.id', 'fig-s' || d.n, '$.members', json_array(${ck}), '$.contested', json('false'),
                       '$.when', CASE WHEN g.ws IS NULL THEN NULL ELSE json_object('start', d.day, 'end', d.day) END)
       FROM d JOIN temp.tfig g ON g.rn = d.rn`,
    `${seq} INSERT INTO main.pic_figures_box (fid, d0, d1, lat0, lat1, lon0, lon1)
       SELECT d.n * ${PER_DOC} + g.ord, g.d0 + ${shift('g.ws')}, g.d1 + ${shift('g.we')}, g.lat0, g.lat1, g.lon0, g.lon1 FROM d JOIN temp.tfig g ON g.rn = d.rn`,
  ];
}

async function buildStore(file: string, template: string, documents: number, perDay: number, note: (s: string) => void): Promise<void> {
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
  await (await openStore(file)).close();
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.prepare('ATTACH DATABASE ? AS t').run(template);
    templateTables(db);
    const T = Number((db.prepare('SELECT count(*) AS n FROM temp.tdoc').get() as { n: number }).n);
    // The template's places and control histories, as they are (they do not grow with the store here).
    db.exec(`INSERT INTO main.pic_places SELECT * FROM t.pic_places; INSERT INTO main.pic_place_names SELECT * FROM t.pic_place_names; INSERT INTO main.pic_control SELECT * FROM t.pic_control;
             INSERT INTO main.outlets SELECT * FROM t.outlets; UPDATE main.pic_meta SET value = (SELECT value FROM t.pic_meta m WHERE m.key = pic_meta.key)`);
    const statements = batchStatements(perDay).map((s) => db.prepare(s));
    const batch = db.transaction((lo: number, hi: number) => {
      for (const st of statements) st.run({ lo, hi, T });
    });
    for (let lo = 0; lo < documents; lo += BATCH) {
      if (lo % (BATCH * 8) === 0) note(`synthetic: ${lo.toLocaleString('en-US')}/${documents.toLocaleString('en-US')} documents`);
      batch(lo, Math.min(documents, lo + BATCH));
    }
    db.exec('DETACH DATABASE t');
  } finally {
    db.close();
  }
  // As the store opens it (WAL).
  const w = new Database(file);
  w.pragma('journal_mode = WAL');
  w.close();
}

export async function measureSynthetic(o: SyntheticOptions): Promise<SyntheticResult[]> {
  const perDay = o.perDay ?? 100;
  const template = await templateStore(o.seed, o.templates ?? 40, o.note);
  const out: SyntheticResult[] = [];
  for (const n of [...o.sizes].sort((a, b) => a - b)) {
    const file = path.join(CACHE, `synthetic-${n}.db`);
    const t = performance.now();
    await buildStore(file, template, n, perDay, o.note);
    const buildMs = performance.now() - t;
    const db = new Database(file, { readonly: true });
    const count = (table: string) => Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
    const events = count('pic_events');
    const figures = count('pic_figures');
    const near = (db.prepare(`SELECT p.name AS name FROM pic_events e JOIN pic_places p ON p.key = e.place_key GROUP BY p.name ORDER BY count(*) DESC, p.name LIMIT 1`).get() as { name: string } | undefined)?.name;
    db.close();
    // A week in the middle of the store: the same number of documents at every size.
    const mid = new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + Math.floor(n / perDay / 2) * 86_400_000);
    const since = mid.toISOString().slice(0, 10);
    const until = new Date(mid.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
    o.note(`synthetic: reports over ${n.toLocaleString('en-US')} documents`);
    const week = ['--since', since, '--until', until];
    const reports = [
      timeReport(file, `one week (${since} – ${until}), json`, ['--format', 'json', ...week]),
      timeReport(file, `one week, md`, ['--format', 'md', ...week]),
      ...(near ? [timeReport(file, `one week near ${near}, json`, ['--format', 'json', '--near', near, ...week])] : []),
    ];
    const fileMb = ['', '-wal'].reduce((s, x) => s + (existsSync(file + x) ? statSync(file + x).size : 0), 0) / 1e6;
    if (!o.keep) for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
    out.push({ documents: n, events, figures, buildMs, fileMb, reports });
  }
  return out;
}

export function renderSynthetic(rs: readonly SyntheticResult[], load: number[]): string {
  const f = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  return [
    `sitrep bench --synthetic · load average ${load.map((x) => x.toFixed(2)).join(' ')}`,
    '',
    '| documents | events | figures | built in | file |',
    '|---|---|---|---|---|',
    ...rs.map((r) => `| ${f(r.documents)} | ${f(r.events)} | ${f(r.figures)} | ${f(r.buildMs / 1000, 1)} s | ${f(r.fileMb)} MB |`),
    '',
    '| documents | report | wall | CPU | peak RSS | output |',
    '|---|---|---|---|---|---|',
    ...rs.flatMap((r) => r.reports.map((x) => `| ${f(r.documents)} | ${x.what} | ${f(x.ms)} ms | ${f(x.cpuMs)} ms | ${f(x.maxRssMb)} MB | ${f(x.bytes / 1e6, 2)} MB |`)),
  ].join('\n');
}
