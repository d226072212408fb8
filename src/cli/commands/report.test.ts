import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../command.js';
import { parseCsv } from '../../export/csv.js';
import { ACLED_COLUMNS, SITREP_COLUMNS } from '../../export/acled-csv.js';
import type { Report } from '../../report/model.js';
import { exportCommand } from './export.js';
import { ingest } from './ingest.js';
import { report } from './report.js';

const OFFENSIVE = path.resolve('testdata/report/offensive.jsonl');
const HOSTILE = path.resolve('testdata/report/hostile.jsonl');
const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function run(cmd: typeof report, values: Record<string, string | boolean>, positionals: string[] = []): Promise<{ code: number; out: string; err: string }> {
  const out = path.join(dir, `out-${n++}`);
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const code = await cmd.run({ out, ...values }, positionals);
    let text = '';
    try {
      text = readFileSync(out, 'utf8');
    } catch {
      // nothing written
    }
    return { code, out: text, err };
  } finally {
    spy.mockRestore();
  }
}

describe('sitrep report', () => {
  it('writes the JSON report of documents analysed in memory', async () => {
    const { code, out } = await run(report, { input: OFFENSIVE, format: 'json' });
    expect(code).toBe(0);
    const r = JSON.parse(out) as Report;
    expect(r.schema).toBe('sitrep-report/1');
    expect(r.documents.map((d) => d.id)).toEqual(['desk-a-1021', 'desk-b-1022', 'desk-c-1022']);
  });

  it('refuses bad options with a usage error', async () => {
    await expect(run(report, { input: OFFENSIVE, format: 'xml' })).rejects.toThrow(UsageError);
    await expect(run(report, { input: OFFENSIVE, since: '2016-13-01' })).rejects.toThrow(/--since must be a date/);
    await expect(run(report, { input: OFFENSIVE, since: '2016-11-01', until: '2016-10-01' })).rejects.toThrow(/after --until/);
    await expect(run(report, { input: OFFENSIVE, radius: '-3' })).rejects.toThrow(/--radius/);
  });

  it('fails when no input document can be read', async () => {
    const r = await run(report, { input: path.join(dir, 'missing.jsonl') });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/missing\.jsonl: no such file/);
    expect(r.err).toMatch(/sitrep: report: no document could be read or analysed/);
  });

  it('fails clearly on a missing database and on an unknown --near place', async () => {
    const missing = await run(report, { db: path.join(dir, 'nope.db') });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^sitrep: report: no database at .*nope\.db/);
    const near = await run(report, { input: OFFENSIVE, near: 'Atlantis' });
    expect(near.code).toBe(1);
    expect(near.err).toMatch(/--near Atlantis: no place of that name/);
  });

  it('reports from the store, and recomputes the picture when documents arrive', async () => {
    const db = path.join(dir, 'store.db');
    const lines = readFileSync(OFFENSIVE, 'utf8').trim().split('\n');
    const first = path.join(dir, 'first.jsonl');
    const rest = path.join(dir, 'rest.jsonl');
    await import('node:fs').then((fs) => {
      fs.writeFileSync(first, lines[0] + '\n');
      fs.writeFileSync(rest, lines.slice(1).join('\n') + '\n');
    });
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const quietOut = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await ingest.run({ db, input: first }, [])).toBe(0);
    } finally {
      quiet.mockRestore();
      quietOut.mockRestore();
    }
    const before = JSON.parse((await run(report, { db, format: 'json' })).out) as Report;
    expect(before.documents).toHaveLength(1);
    const quiet2 = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const quietOut2 = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await ingest.run({ db, input: rest }, [])).toBe(0);
    } finally {
      quiet2.mockRestore();
      quietOut2.mockRestore();
    }
    const after = JSON.parse((await run(report, { db, format: 'json' })).out) as Report;
    expect(after.documents).toHaveLength(3);
    const inMemory = JSON.parse((await run(report, { input: OFFENSIVE, format: 'json' })).out) as Report;
    expect(after.events.map((e) => e.id).sort()).toEqual(inMemory.events.map((e) => e.id).sort());
    expect(after.figures.length).toBe(inMemory.figures.length);
  });

  it('writes Markdown by default and one HTML page on request', async () => {
    const md = await run(report, { input: OFFENSIVE });
    expect(md.out.startsWith('# Situation report\n')).toBe(true);
    const html = await run(report, { input: OFFENSIVE, format: 'html' });
    expect(html.out.startsWith('<!doctype html>')).toBe(true);
  });

  it('keeps a hostile article inert in the HTML page', async () => {
    const { out } = await run(report, { input: HOSTILE, format: 'html' });
    const { document } = parseHTML(out);
    for (const el of document.querySelectorAll('*')) for (const a of el.attributes) expect(a.name.startsWith('on')).toBe(false);
    expect(document.querySelectorAll('script').length).toBe(2);
    expect(document.querySelectorAll('img, iframe, svg[onload], a[href^="javascript"]').length).toBe(0);
    expect(document.getElementById('documents')!.textContent).toContain('</title><script>window.__pwned=2</script>');
  });
});

describe('sitrep export', () => {
  it('writes ACLED\'s columns, a GeoJSON collection and the events as JSON', async () => {
    const csv = await run(exportCommand, { input: OFFENSIVE, format: 'acled-csv' });
    expect(csv.code).toBe(0);
    const rows = parseCsv(csv.out);
    expect(rows[0]).toEqual([...ACLED_COLUMNS, ...SITREP_COLUMNS]);
    for (const r of rows.slice(1)) expect(r).toHaveLength(ACLED_COLUMNS.length + SITREP_COLUMNS.length);
    const geo = JSON.parse((await run(exportCommand, { input: OFFENSIVE, format: 'geojson' })).out);
    expect(geo.type).toBe('FeatureCollection');
    for (const f of geo.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(Math.abs(lon) <= 180 && Math.abs(lat) <= 90).toBe(true);
    }
    const json = JSON.parse((await run(exportCommand, { input: OFFENSIVE, format: 'json' })).out);
    expect(Array.isArray(json)).toBe(true);
    expect(json.length).toBe(rows.length - 1);
  });

  it('requires a known format', async () => {
    await expect(run(exportCommand, { input: OFFENSIVE })).rejects.toThrow(/--format is required/);
    await expect(run(exportCommand, { input: OFFENSIVE, format: 'shp' })).rejects.toThrow(/acled-csv, geojson or json/);
  });
});

describe('the sitrep command line', () => {
  it('lists report and export and prints their usage', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'help', 'report'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^sitrep report \[--format md\|html\|json\]/);
    const h = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--help'], { encoding: 'utf8' });
    expect(h.stdout).toMatch(/\n {2}report +the situation report/);
    expect(h.stdout).toMatch(/\n {2}export +export the merged events/);
  });
});
