import { km } from '../merge/geo.js';
import { basemapPaths, projectionFor, viewFor } from './basemap.js';
import { escapeHtml as h } from './escape.js';
import { fmtDays, oneLine, TYPE_CLASS } from './format.js';
import type { SourceTable } from './html-sources.js';
import type { Report } from './model.js';

const WIDTH = 760;

/**
 * The points the map is framed on: every located event — a report on crises on three continents shows all
 * three, never a frame that leaves some events outside with no notice. Without events, the places below
 * country level, leaving out far outliers (a passing mention of Washington in a report on Mosul).
 */
export function focusPoints(r: Report): { lat: number; lon: number }[] {
  const evs = r.events.filter((e) => e.location).map((e) => ({ lat: e.location!.lat, lon: e.location!.lon }));
  if (evs.length > 0) return evs;
  const pts = r.places.filter((p) => p.kind !== 'country').map((p) => ({ lat: p.lat, lon: p.lon }));
  if (pts.length < 3) return pts.length ? pts : r.places.map((p) => ({ lat: p.lat, lon: p.lon }));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const c = { lat: med(pts.map((p) => p.lat)), lon: med(pts.map((p) => p.lon)) };
  const near = pts.filter((p) => km(c.lat, c.lon, p.lat, p.lon) <= 1500);
  return near.length >= pts.length * 0.6 ? near : pts;
}

/** Does a label box overlap one already placed? (Labels are estimated at 6 px a character.) */
function collides(box: { x: number; y: number; w: number; h: number }, placed: { x: number; y: number; w: number; h: number }[]): boolean {
  return placed.some((b) => box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h);
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
  // A name the gazetteer lacks has no point of its own: no dot at its area's point (its events say where it is).
  for (const p of r.places) {
    if (p.unresolved) continue;
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
  // The busiest first; a label that would print over another is left out (its dot keeps its tooltip).
  const placed: { x: number; y: number; w: number; h: number }[] = [];
  const candidates = r.places
    .filter((p) => p.kind !== 'country' && !p.unresolved && inFrame(p))
    .sort((a, b) => b.events.length - a.events.length || b.mentions.length - a.mentions.length);
  for (const p of candidates) {
    if (placed.length >= 14) break;
    const box = { x: proj.x(p.lon) + 5, y: proj.y(p.lat) - 15, w: p.name.length * 6 + 4, h: 13 };
    if (box.x + box.w > proj.width || collides(box, placed)) continue;
    placed.push(box);
    parts.push(`<text class="label" x="${box.x.toFixed(1)}" y="${(box.y + 10).toFixed(1)}">${h(p.name)}</text>`);
  }
  parts.push('</g><g class="events">');
  for (const e of [...located].sort((a, b) => (b.fatalities.best ?? 0) - (a.fatalities.best ?? 0))) {
    const l = e.location!;
    const dead = e.fatalities.best ?? 0;
    const rad = Math.min(22, 5 + Math.sqrt(dead) * 0.8 + (e.corroboration - 1) * 2);
    // An unresolved place is drawn as a dashed ring around its area's point, not as a point of its own.
    const where = l.unresolved ? `${l.name} (not in the gazetteer; shown at ${l.area ?? 'its area'})` : l.name;
    const tip = `${e.type} / ${e.subType}, ${where}, ${fmtDays(e.date)} — ${oneLine(e.sources[0]!.sentence.text, 200)}`;
    const ring = l.unresolved ? ' area' : '';
    const r = l.unresolved ? Math.max(rad, 12) : rad;
    parts.push(
      `<circle class="ev${ring} ${TYPE_CLASS[e.type] ?? ''}" cx="${proj.x(l.lon).toFixed(1)}" cy="${proj.y(l.lat).toFixed(1)}" r="${r.toFixed(1)}" tabindex="0" data-ev="${h(e.id)}" data-src="${sources.ids(e.sources)}"><title>${h(tip)}</title></circle>`,
    );
  }
  parts.push('</g></svg>');
  return parts.join('');
}
