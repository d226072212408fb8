import { km } from '../merge/geo.js';
import { basemapPaths, projectionFor, viewFor } from './basemap.js';
import { escapeHtml as h } from './escape.js';
import { fmtDays, oneLine, TYPE_CLASS } from './format.js';
import type { SourceTable } from './html-sources.js';
import type { Report } from './model.js';

const WIDTH = 760;

/**
 * The points the map is framed on: the events, else the places below country level; far outliers (a
 * passing mention of Washington in a report on Mosul) are left out of the frame so the area of interest
 * fills it.
 */
export function focusPoints(r: Report): { lat: number; lon: number }[] {
  // Events placed only in a region (precision 3) are drawn but do not frame the map: their point is a centroid.
  const located = r.events.filter((e) => e.location);
  const precise = located.filter((e) => e.location!.precision < 3);
  const evs = (precise.length > 0 ? precise : located).map((e) => ({ lat: e.location!.lat, lon: e.location!.lon }));
  const pts = evs.length > 0 ? evs : r.places.filter((p) => p.kind !== 'country').map((p) => ({ lat: p.lat, lon: p.lon }));
  if (pts.length < 3) return pts.length ? pts : r.places.map((p) => ({ lat: p.lat, lon: p.lon }));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const c = { lat: med(pts.map((p) => p.lat)), lon: med(pts.map((p) => p.lon)) };
  const near = pts.filter((p) => km(c.lat, c.lon, p.lat, p.lon) <= 1500);
  return near.length >= pts.length * 0.6 ? near : pts;
}

/** The map: country outlines, every located event as a circle (size by deaths and outlets), places as dots. */
export function renderMap(r: Report, sources: SourceTable): string {
  const located = r.events.filter((e) => e.location);
  const proj = projectionFor(viewFor(focusPoints(r)), WIDTH);
  const countries = basemapPaths(proj.view, proj);
  const parts: string[] = [];
  parts.push(`<svg id="map-svg" class="map" viewBox="0 0 ${proj.width} ${proj.height}" role="img" aria-label="Map of events">`);
  parts.push(`<rect class="sea" x="0" y="0" width="${proj.width}" height="${proj.height}"/>`);
  parts.push('<g class="countries">');
  for (const c of countries) parts.push(`<path class="country" d="${c.d}"><title>${h(c.name)}</title></path>`);
  parts.push('</g><g class="places">');
  for (const p of r.places) {
    const x = proj.x(p.lon).toFixed(1);
    const y = proj.y(p.lat).toFixed(1);
    parts.push(`<circle class="place" cx="${x}" cy="${y}" r="2.5"><title>${h(p.name)} — ${p.mentions.length} mentions in ${p.documents.length} documents</title></circle>`);
  }
  // Label the busiest places (events first, then mentions) that fall inside the frame.
  const inFrame = (p: { lat: number; lon: number }) => {
    const x = proj.x(p.lon);
    const y = proj.y(p.lat);
    return x >= 0 && x <= proj.width && y >= 0 && y <= proj.height;
  };
  const labelled = r.places
    .filter((p) => p.kind !== 'country' && inFrame(p))
    .sort((a, b) => b.events.length - a.events.length || b.mentions.length - a.mentions.length)
    .slice(0, 14);
  for (const p of labelled) {
    parts.push(`<text class="label" x="${(proj.x(p.lon) + 5).toFixed(1)}" y="${(proj.y(p.lat) - 5).toFixed(1)}">${h(p.name)}</text>`);
  }
  parts.push('</g><g class="events">');
  for (const e of [...located].sort((a, b) => (b.fatalities.best ?? 0) - (a.fatalities.best ?? 0))) {
    const l = e.location!;
    const dead = e.fatalities.best ?? 0;
    const rad = Math.min(22, 5 + Math.sqrt(dead) * 0.8 + (e.corroboration - 1) * 2);
    const tip = `${e.type} / ${e.subType}, ${l.name}, ${fmtDays(e.date)} — ${oneLine(e.sources[0]!.sentence.text, 200)}`;
    parts.push(
      `<circle class="ev ${TYPE_CLASS[e.type] ?? ''}" cx="${proj.x(l.lon).toFixed(1)}" cy="${proj.y(l.lat).toFixed(1)}" r="${rad.toFixed(1)}" tabindex="0" data-ev="${h(e.id)}" data-src="${sources.ids(e.sources)}"><title>${h(tip)}</title></circle>`,
    );
  }
  parts.push('</g></svg>');
  return parts.join('');
}
