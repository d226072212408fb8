import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../test-support/spans.js';
import { reportFromDocs, ReportError } from './model.js';
import { scenario } from './scenario.test-support.js';

const report = (opts = {}) => reportFromDocs(scenario(), opts);

describe('the report data', () => {
  it('has the documented top-level shape', async () => {
    const r = (await report());
    expect(Object.keys(r)).toEqual(['schema', 'period', 'near', 'documents', 'events', 'figures', 'places', 'latest']);
    const ev = r.events[0]!;
    for (const k of ['id', 'type', 'subType', 'date', 'location', 'actors', 'fatalities', 'sources', 'corroboration', 'certainty']) expect(ev).toHaveProperty(k);
    for (const k of ['documentId', 'outlet', 'start', 'end', 'text']) expect(ev.sources[0]).toHaveProperty(k);
    const f = r.figures[0]!;
    for (const k of ['what', 'where', 'when', 'claims', 'contested']) expect(f).toHaveProperty(k);
    for (const k of ['value', 'low', 'high', 'approx', 'source', 'documentId', 'start', 'end', 'text']) expect(f.claims[0]).toHaveProperty(k);
    const p = r.places[0]!;
    for (const k of ['name', 'lat', 'lon', 'country', 'mentions', 'documents', 'control']) expect(p).toHaveProperty(k);
  });

  it('merges the battle told by two outlets and keeps the two contested figures with their sources', async () => {
    const r = (await report());
    const battle = r.events.find((e) => e.subType === 'Government regains territory')!;
    expect(battle.sources.map((s) => s.outlet)).toEqual(['Wire One', 'Daily Paper']);
    expect(battle.corroboration).toBe(2);
    expect(battle.fatalities).toEqual({ low: 60, best: 60, high: 60 });
    const contested = r.figures.filter((f) => f.contested);
    expect(contested.map((f) => f.claims.map((c) => c.value).sort((a, b) => a - b))).toEqual([[5000, 7000], [48000, 50000]]);
    expect(contested.flatMap((f) => f.claims.map((c) => c.source))).toEqual([
      'an American commander', 'Backers of the group', 'the World Health Organization', 'Aid groups',
    ]);
  });

  it('points every source at the exact words of its document', async () => {
    const docs = scenario();
    const r = (await report());
    const text = (id: string) => docs.find((d) => d.record.id === id)!.text;
    for (const e of r.events) for (const s of e.sources) expectSpansMatch(text(s.documentId), [s, s.sentence]);
    for (const f of r.figures) for (const c of f.claims) expectSpansMatch(text(c.documentId), [c, c.sentence]);
    for (const p of r.places) for (const m of p.mentions) expectSpansMatch(text(m.documentId), [m]);
  });

  it('keeps one place per real place with its mentions from every document, and its control history', async () => {
    const r = (await report());
    const mosul = r.places.filter((p) => p.name === 'Mosul');
    expect(mosul).toHaveLength(1);
    expect(mosul[0]!.documents).toEqual(['wire-oct23', 'radio-nov12']);
    const q = r.places.find((p) => p.name === 'Qaraqosh')!;
    expect(q.control.map((c) => c.how)).toEqual(['retook']);
    expect(q.control[0]!.sources.length).toBeGreaterThanOrEqual(2);
  });

  it('cuts the picture to a period', async () => {
    const r = (await report({ since: '2016-11-01' }));
    expect(r.events.map((e) => e.date?.start)).toEqual(['2016-11-12']);
    expect(r.documents.map((d) => d.id)).toEqual(['radio-nov12']);
    expect(r.figures.every((f) => f.when!.end >= '2016-11-01')).toBe(true);
    expect(r.latest.map((l) => l.eventId)).toEqual([r.events[0]!.id]);
    const none = (await report({ until: '2016-01-01' }));
    expect(none.events).toEqual([]);
    expect(none.latest).toEqual([]);
  });

  it('cuts the picture to an area around a named place or a point, and refuses unknown places', async () => {
    const r = (await report({ near: 'Qaraqosh', radiusKm: 5 }));
    expect(r.events.map((e) => e.location?.name)).toEqual(['Qaraqosh']);
    expect(r.near?.name).toBe('Qaraqosh');
    expect((await report({ near: '36.3, 43.1', radiusKm: 10 })).events.map((e) => e.location?.name)).toEqual(['Mosul']);
    await expect(report({ near: 'Atlantis' })).rejects.toThrow(ReportError);
    await expect(report({ near: '95,10' })).rejects.toThrow(ReportError);
  });

  it('lists the latest developments of the last day of reporting', async () => {
    const r = (await report());
    expect(r.period.latest).toEqual({ start: '2016-11-12', end: '2016-11-12' });
    expect(r.latest).toHaveLength(1);
    expect(r.latest[0]!.text).toBe('The UN reports that the group is killing civilians in Mosul.');
  });

  it('lists the documents with their dates, outlets and layer counts', async () => {
    const r = (await report());
    expect(r.documents.map((d) => [d.id, d.published, d.outlet])).toEqual([
      ['wire-oct23', '2016-10-23', 'Wire One'],
      ['paper-oct24', '2016-10-24', 'Daily Paper'],
      ['radio-nov12', '2016-11-12', 'Radio Two'],
    ]);
    expect(r.documents[0]!.layers.events).toBe(2);
  });
});
