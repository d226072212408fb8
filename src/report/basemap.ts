import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

/**
 * The basemap: Natural Earth country boundaries from the world-atlas package (TopoJSON), projected and
 * clipped at report time into SVG path data that goes inline in the page, so the map needs no network.
 */
export interface View {
  west: number;
  east: number;
  south: number;
  north: number;
}

export interface Projection {
  width: number;
  height: number;
  x(lon: number): number;
  y(lat: number): number;
}

export interface CountryPath {
  /** ISO 3166-1 numeric code as world-atlas gives it. */
  id: string;
  name: string;
  d: string;
}

type Ring = [number, number][];
interface Country {
  id: string;
  name: string;
  polygons: Ring[][];
  bbox: View;
}

const require = createRequire(import.meta.url);
const cache = new Map<string, Country[]>();

function load(resolution: '110m' | '50m'): Country[] {
  const hit = cache.get(resolution);
  if (hit) return hit;
  const topo = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), 'utf8')) as Topology;
  const fc = feature(topo, topo.objects.countries as GeometryCollection<{ name: string }>);
  const out: Country[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    const polygons = g.type === 'Polygon' ? [g.coordinates as Ring[]] : g.type === 'MultiPolygon' ? (g.coordinates as Ring[][]) : [];
    let west = 180;
    let east = -180;
    let south = 90;
    let north = -90;
    for (const poly of polygons)
      for (const [lon, lat] of poly[0] ?? []) {
        if (lon < west) west = lon;
        if (lon > east) east = lon;
        if (lat < south) south = lat;
        if (lat > north) north = lat;
      }
    out.push({ id: String(f.id ?? ''), name: (f.properties as { name?: string } | null)?.name ?? '', polygons, bbox: { west, east, south, north } });
  }
  cache.set(resolution, out);
  return out;
}

/** The area to show: every point with a margin, at least a few degrees across; the world when there are none. */
export function viewFor(points: readonly { lat: number; lon: number }[]): View {
  if (points.length === 0) return { west: -180, east: 180, south: -60, north: 80 };
  let west = Math.min(...points.map((p) => p.lon));
  let east = Math.max(...points.map((p) => p.lon));
  let south = Math.min(...points.map((p) => p.lat));
  let north = Math.max(...points.map((p) => p.lat));
  const minSpan = 3;
  const padLon = Math.max((east - west) * 0.15, (minSpan - (east - west)) / 2, 0.5);
  const padLat = Math.max((north - south) * 0.15, (minSpan - (north - south)) / 2, 0.5);
  west = Math.max(-180, west - padLon);
  east = Math.min(180, east + padLon);
  south = Math.max(-85, south - padLat);
  north = Math.min(85, north + padLat);
  return { west, east, south, north };
}

/**
 * Equirectangular with the parallel at the view's middle latitude (shapes look right at regional scale).
 * The view is widened to fill the frame, so the returned projection's `view` may be larger than asked.
 */
export function projectionFor(view: View, width: number, maxHeight = 520): Projection & { view: View } {
  const mid = ((view.north + view.south) / 2) * (Math.PI / 180);
  const k0 = Math.cos(mid);
  let v = { ...view };
  const spanY = v.north - v.south;
  let scale = width / ((v.east - v.west) * k0);
  let height = spanY * scale;
  if (height > maxHeight) {
    scale = maxHeight / spanY;
    height = maxHeight;
    const extra = width / scale / k0 - (v.east - v.west);
    v = { ...v, west: v.west - extra / 2, east: v.east + extra / 2 };
  }
  return {
    width,
    height: Math.max(120, Math.round(height)),
    view: v,
    x: (lon) => (lon - v.west) * k0 * scale,
    y: (lat) => (v.north - lat) * scale,
  };
}

/** Sutherland–Hodgman clipping of a ring to the rectangle [x0,x1]×[y0,y1] (enough for filled shapes). */
function clipRing(ring: [number, number][], x0: number, y0: number, x1: number, y1: number): [number, number][] {
  const edges: ((p: [number, number]) => boolean)[] = [(p) => p[0] >= x0, (p) => p[0] <= x1, (p) => p[1] >= y0, (p) => p[1] <= y1];
  const cut = (a: [number, number], b: [number, number], e: number): [number, number] => {
    const [ax, ay] = a;
    const [bx, by] = b;
    if (e < 2) {
      const x = e === 0 ? x0 : x1;
      return [x, ay + ((by - ay) * (x - ax)) / (bx - ax)];
    }
    const y = e === 2 ? y0 : y1;
    return [ax + ((bx - ax) * (y - ay)) / (by - ay), y];
  };
  let out = ring;
  for (let e = 0; e < 4 && out.length > 0; e++) {
    const inside = edges[e]!;
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur, e));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur, e));
    }
  }
  return out;
}

function intersects(a: View, b: View): boolean {
  return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
}

/** Country outlines in the view as SVG path data, clipped just outside the frame and thinned to the pixel. */
export function basemapPaths(view: View, proj: Projection): CountryPath[] {
  const span = Math.max(view.east - view.west, view.north - view.south);
  const countries = load(span > 60 ? '110m' : '50m');
  const m = 8;
  const out: CountryPath[] = [];
  for (const c of countries) {
    if (!intersects(c.bbox, { west: view.west - 1, east: view.east + 1, south: view.south - 1, north: view.north + 1 })) continue;
    const parts: string[] = [];
    for (const poly of c.polygons) {
      for (const ring of poly) {
        const px: [number, number][] = [];
        for (const [lon, lat] of ring) {
          const p: [number, number] = [proj.x(lon), proj.y(lat)];
          const last = px[px.length - 1];
          if (!last || Math.abs(last[0] - p[0]) + Math.abs(last[1] - p[1]) >= 0.6) px.push(p);
        }
        const clipped = clipRing(px, -m, -m, proj.width + m, proj.height + m);
        if (clipped.length < 3) continue;
        parts.push('M' + clipped.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L') + 'Z');
      }
    }
    if (parts.length) out.push({ id: c.id, name: c.name, d: parts.join('') });
  }
  return out;
}
