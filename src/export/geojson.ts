import type { ReportEvent } from '../report/model.js';

export interface GeoJsonFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

export interface GeoJsonCollection {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
}

function inRange(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

/**
 * Merged events as a GeoJSON FeatureCollection (RFC 7946): one Point per located event, [longitude,
 * latitude] in WGS 84. Events without a place, or with coordinates out of range, are left out.
 */
export function geojson(events: readonly ReportEvent[]): GeoJsonCollection {
  const features: GeoJsonFeature[] = [];
  for (const e of events) {
    const l = e.location;
    if (!l || !inRange(l.lat, l.lon)) continue;
    features.push({
      type: 'Feature',
      id: e.id,
      geometry: { type: 'Point', coordinates: [Number(l.lon.toFixed(5)), Number(l.lat.toFixed(5))] },
      properties: {
        id: e.id,
        type: e.type,
        subType: e.subType,
        dateStart: e.date?.start ?? null,
        dateEnd: e.date?.end ?? null,
        timePrecision: e.date?.precision ?? null,
        location: l.name,
        country: l.country,
        admin1: l.admin1,
        geoPrecision: l.precision,
        // A name the gazetteer lacks: the point is that of `area` (geo precision 3), not the place's own.
        unresolved: l.unresolved ?? false,
        area: l.unresolved ? (l.area ?? null) : null,
        actor1: e.actor1?.name ?? null,
        inter1: e.actor1?.inter ?? null,
        actor2: e.actor2?.name ?? null,
        inter2: e.actor2?.inter ?? null,
        fatalities: e.fatalities.best,
        fatalitiesLow: e.fatalities.low,
        fatalitiesHigh: e.fatalities.high,
        corroboration: e.corroboration,
        certainty: e.certainty,
        outlets: e.outlets,
        reviewed: e.review?.status ?? null,
        sources: e.sources.map((s) => ({ documentId: s.documentId, outlet: s.outlet, start: s.start, end: s.end, text: s.text })),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
