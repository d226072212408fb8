#!/usr/bin/env node
/**
 * Where storing a document into a big SQLite store spends its time (issue 12): a copy of the store is
 * made, its last N documents are taken out of it (`deleteDocument`) and stored again from their own
 * analyses, each timed (CPU); with SITREP_PROFILE_SQL=1 the picture engine also prints, at exit, the
 * time per statement and per step of the update (places, reports, events, claims, figures, control),
 * for the re-stored documents only. After `npm run build`:
 *
 *   SITREP_PROFILE_SQL=1 nice -n 10 node scripts/picture-profile.mjs --db .cache/bench-scale/scale-4000.db --last 100
 *
 * The picture after re-storing them is the one the store had (the picture is a function of the set of
 * documents); `--check` compares every pic_ table with the original's and says so.
 */
/* global process -- a Node script */
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openStore } from '../dist/store/open.js';
import * as run from '../dist/store/picture/run.js';
import { analysisVersion } from '../dist/analyze/version.js';

const { values } = parseArgs({ options: { db: { type: 'string' }, last: { type: 'string', default: '100' }, check: { type: 'boolean' } } });
if (!values.db) throw new Error('--db STORE is required');
const copy = `/tmp/picture-profile-${process.pid}.db`;
const w = new Database(values.db, { readonly: true });
w.prepare(`VACUUM INTO ?`).run(copy);
w.close();
const last = Number(values.last);
const store = await openStore(copy);
const ids = new Database(copy, { readonly: true }).prepare('SELECT id FROM documents ORDER BY pk DESC LIMIT ?').all(last).map((r) => r.id).reverse();
const docs = await store.analyses({ ids });
const byId = new Map(docs.map((d) => [d.id, d]));
for (const id of ids) await store.deleteDocument(id);
run.resetSqlProfile?.();
const cpu = [];
for (const id of ids) {
  const a = byId.get(id);
  if (!a) throw new Error(`no analysis for ${id}`);
  const c = process.cpuUsage();
  const { text, outlet: _o, hash: _h, textHash: _t, author, origin, ingestedAt: _i, ...record } = a;
  await store.putAnalysis(record, text, { origin, author, analysisVersion: analysisVersion() });
  const d = process.cpuUsage(c);
  cpu.push((d.user + d.system) / 1000);
}
await store.close();
const mean = cpu.reduce((s, x) => s + x, 0) / cpu.length;
process.stdout.write(`re-stored ${cpu.length} documents: ${mean.toFixed(1)} ms CPU per document (load ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')})\n`);
if (values.check) {
  const a = new Database(values.db, { readonly: true });
  const b = new Database(copy, { readonly: true });
  const tables = a.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'pic_%' AND name NOT LIKE '%_box%' AND name <> 'pic_meta'`).all().map((r) => r.name);
  let same = true;
  for (const t of tables) {
    const cols = a.prepare(`PRAGMA table_info(${t})`).all().map((c) => c.name).filter((c) => !['rid', 'cid', 'eid', 'fid', 'xid', 'doc'].includes(c));
    const q = `SELECT ${cols.join(', ')} FROM ${t} ORDER BY ${cols.join(', ')}`;
    const x = JSON.stringify(a.prepare(q).all());
    const y = JSON.stringify(b.prepare(q).all());
    if (x !== y) {
      same = false;
      process.stdout.write(`${t}: differs\n`);
    }
  }
  process.stdout.write(same ? 'picture: the same as the original store\n' : 'picture: DIFFERS\n');
}
if (!existsSync(copy)) throw new Error('copy vanished');
for (const s of ['', '-wal', '-shm']) rmSync(copy + s, { force: true });
