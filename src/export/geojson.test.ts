import { describe, expect, it } from 'vitest';
import { reportFromDocs, type ReportEvent } from '../report/model.js';
import { scenario } from '../report/scenario.test-support.js';
import { geojson } from './geojson.js';

describe('GeoJSON export', () => {
  it('is a FeatureCollection of points, [lon, lat] in range, with the event and its sources', async () => {
    const events = (await reportFromDocs(scenario())).events;
    const fc = JSON.parse(JSON.stringify(geojson(events)));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(3);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThanOrEqual(-180);
      expect(lon).toBeLessThanOrEqual(180);
      expect(lat).toBeGreaterThanOrEqual(-90);
      expect(lat).toBeLessThanOrEqual(90);
      expect(f.properties.sources.length).toBeGreaterThan(0);
    }
    const q = fc.features.find((f: { properties: { location: string } }) => f.properties.location === 'Qaraqosh');
    expect(q.geometry.coordinates).toEqual([43.378, 36.271]);
    expect(q.properties.corroboration).toBe(2);
  });

  it('leaves out events without a place or with impossible coordinates', async () => {
    const events = (await reportFromDocs(scenario())).events;
    const broken: ReportEvent[] = [
      { ...events[0]!, id: 'nowhere', location: null },
      { ...events[0]!, id: 'bad', location: { ...events[0]!.location!, lat: 123 } },
    ];
    expect(geojson(broken).features).toEqual([]);
  });
});
