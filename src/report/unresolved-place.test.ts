import { describe, expect, it } from 'vitest';
import { acledCsv } from '../export/acled-csv.js';
import { geojson } from '../export/geojson.js';
import { CIVILIANS, day, FixtureDoc, ISIS, PLACES } from '../merge/fixtures.test-support.js';
import { fmtPlace } from './format.js';
import { renderMap } from './map-svg.js';
import { reportFromDocs } from './model.js';
import { SourceTable } from './html-sources.js';

// A made-up village the gazetteer lacks, coded (as the analysis codes it) at Mosul's point, Nineveh's seat;
// and an event in Mosul itself, at the same point.
const KELMOYA = { name: 'Kelmoya', lat: PLACES.mosul.lat, lon: PLACES.mosul.lon, country: 'IQ', admin1: 'Nineveh', geonameId: null, kind: 'city' as const, unresolved: true as const, area: 'Nineveh' };

function docs() {
  const village = new FixtureDoc('v', 'Militants stormed the village of Kelmoya on Saturday, killing five villagers.', { published: '2016-10-23', outlet: 'Wire One' })
    .place('Kelmoya', KELMOYA)
    .event('Militants stormed the village of Kelmoya on Saturday', {
      type: 'Violence against civilians', subType: 'Attack', date: day('2016-10-22'), location: { ...KELMOYA, precision: 3 }, actor1: ISIS, actor2: CIVILIANS,
      fatalities: { low: 5, best: 5, high: 5 },
    });
  const city = new FixtureDoc('c', 'Militants shot two men in Mosul on Saturday.', { published: '2016-10-23', outlet: 'Daily Paper' })
    .place('Mosul', PLACES.mosul)
    .event('Militants shot two men in Mosul on Saturday', {
      type: 'Violence against civilians', subType: 'Attack', date: day('2016-10-22'), location: PLACES.mosul, actor1: ISIS, actor2: CIVILIANS,
      fatalities: { low: 2, best: 2, high: 2 },
    });
  return [village.build(), city.build()];
}

describe('an unresolved place in the report and the exports', () => {
  it('stays its own place and event, named as written, beside the town whose point it shares', async () => {
    const r = await reportFromDocs(docs());
    expect(r.events).toHaveLength(2);
    const ev = r.events.find((e) => e.location?.name === 'Kelmoya')!;
    expect(ev.location).toMatchObject({ precision: 3, unresolved: true, area: 'Nineveh' });
    expect(fmtPlace(ev)).toBe('Kelmoya (not in the gazetteer; shown at Nineveh)');
    const place = r.places.find((p) => p.name === 'Kelmoya')!;
    expect(place.unresolved).toBe(true);
    expect(r.places.find((p) => p.name === 'Mosul')!.unresolved).toBeUndefined();
  });

  it('is drawn on the map as a dashed ring around its area, with no dot or label of its own', async () => {
    const r = await reportFromDocs(docs());
    const svg = renderMap(r, new SourceTable(r));
    const rings = svg.match(/<circle class="ev area[^>]*>/g) ?? [];
    expect(rings).toHaveLength(1);
    expect(svg).toMatch(/Kelmoya \(not in the gazetteer; shown at Nineveh\)/);
    expect(svg).not.toMatch(/<circle class="place"[^>]*><title>Kelmoya/);
    expect(svg).not.toMatch(/<text class="label"[^>]*>Kelmoya</);
    // The town's own event is still a filled point.
    expect(svg.match(/<circle class="ev t-civilians"/g) ?? []).toHaveLength(1);
  });

  it('is precision 3 with the name as written in the CSV, and flagged with its area in GeoJSON', async () => {
    const r = await reportFromDocs(docs());
    const rows = acledCsv(r.events).trim().split('\n');
    const head = rows[0]!.split(',');
    const row = rows.find((l) => l.includes('Kelmoya'))!;
    expect(row).toMatch(/Kelmoya not in the gazetteer: coded at Nineveh, geo_precision 3/);
    const cells = row.split(',');
    expect(cells[head.indexOf('location')]).toBe('Kelmoya');
    expect(cells[head.indexOf('geo_precision')]).toBe('3');
    const f = geojson(r.events).features.find((x) => x.properties.location === 'Kelmoya')!;
    expect(f.properties).toMatchObject({ geoPrecision: 3, unresolved: true, area: 'Nineveh' });
    const m = geojson(r.events).features.find((x) => x.properties.location === 'Mosul')!;
    expect(m.properties).toMatchObject({ unresolved: false, area: null });
  });
});
