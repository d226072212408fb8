/**
 * The map: Leaflet over an offline vector basemap (Natural Earth countries from world-atlas, served by this
 * server as TopoJSON: 1:110m at world scale, 1:50m once zoomed in), events as markers coloured by type and
 * sized by deaths, grouped into clusters when they would overlap, and places whose control changed marked.
 * Markers are focusable elements: Tab reaches them, Enter opens them.
 */
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { h, TYPE_COLOR } from './dom.js';
import type { ControlPlace, Point } from './types.js';

const basemaps = new Map<string, Promise<GeoJSON.FeatureCollection>>();

function basemap(res: '110m' | '50m'): Promise<GeoJSON.FeatureCollection> {
  let p = basemaps.get(res);
  if (!p) {
    p = fetch(`/app/countries-${res}.json`).then(async (r) => {
      const topo = (await r.json()) as Topology;
      return feature(topo, topo.objects.countries as GeometryCollection) as unknown as GeoJSON.FeatureCollection;
    });
    basemaps.set(res, p);
  }
  return p;
}

export interface MapHandlers {
  select(id: string): void;
  open(id: string): void;
}

const CELL = 48;

function radius(deaths: number | null): number {
  return Math.round(Math.min(40, 14 + 3.2 * Math.sqrt(deaths ?? 0)));
}

export class EventMap {
  readonly map: L.Map;
  private points: Point[] = [];
  private control: ControlPlace[] = [];
  private readonly layer = L.layerGroup();
  private readonly controlLayer = L.layerGroup();
  private land: L.GeoJSON | null = null;
  private res: '110m' | '50m' | null = null;
  private markers = new Map<string, L.Marker>();
  private selected: string | null = null;
  private readonly canvas = L.canvas({ padding: 0.5 });

  constructor(
    el: HTMLElement,
    private readonly on: MapHandlers,
  ) {
    this.map = L.map(el, { zoomSnap: 0.25, worldCopyJump: false, minZoom: 1, maxZoom: 12, maxBounds: [[-85, -220], [85, 220]], keyboard: true });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('Boundaries: Natural Earth (world-atlas)');
    this.map.setView([20, 20], 2);
    this.layer.addTo(this.map);
    this.controlLayer.addTo(this.map);
    this.map.on('zoomend', () => {
      void this.loadBasemap();
      this.draw();
    });
    void this.loadBasemap();
  }

  private async loadBasemap(): Promise<void> {
    const want = this.map.getZoom() >= 4 ? '50m' : '110m';
    if (this.res === want) return;
    this.res = want;
    const fc = await basemap(want);
    if (this.res !== want) return;
    const next = L.geoJSON(fc, { interactive: false, ...({ renderer: this.canvas } as object), style: { color: '#9aa5ad', weight: 0.8, fillColor: '#eef0ea', fillOpacity: 1 } });
    next.addTo(this.map);
    next.bringToBack();
    this.land?.remove();
    this.land = next;
  }

  /** New data: draw it and frame every located event (all of them: no region is left off the first screen). */
  setData(points: Point[], control: ControlPlace[], fit: boolean): void {
    this.points = points.filter((p) => p.lat !== null && p.lon !== null);
    this.control = control;
    if (fit) this.fit();
    this.draw();
  }

  fit(): void {
    const ll = [...this.points.map((p) => [p.lat!, p.lon!] as [number, number]), ...this.control.map((c) => [c.lat, c.lon] as [number, number])];
    if (ll.length === 0) this.map.setView([20, 20], 2);
    else if (ll.length === 1) this.map.setView(ll[0]!, 6);
    else this.map.fitBounds(L.latLngBounds(ll), { padding: [28, 28], maxZoom: 7 });
  }

  private draw(): void {
    this.layer.clearLayers();
    this.controlLayer.clearLayers();
    this.markers.clear();
    const zoom = this.map.getZoom();
    const cells = new Map<string, Point[]>();
    for (const p of this.points) {
      const xy = this.map.project([p.lat!, p.lon!], zoom);
      const key = `${Math.floor(xy.x / CELL)}:${Math.floor(xy.y / CELL)}`;
      const c = cells.get(key);
      if (c) c.push(p);
      else cells.set(key, [p]);
    }
    for (const members of cells.values()) {
      if (members.length === 1 || zoom >= this.map.getMaxZoom()) {
        for (const p of members) this.addEvent(p);
      } else this.addCluster(members);
    }
    for (const c of this.control) {
      const last = c.changes[c.changes.length - 1]!;
      const title = `Control changed: ${c.name}${last.holder ? ` — held by ${last.holder}` : ''} (${last.how}${last.date ? `, ${last.date.start}` : ''})`;
      const icon = L.divIcon({ className: 'control-marker', html: h('span', { 'aria-hidden': 'true' }, '⚑'), iconSize: [22, 22], iconAnchor: [11, 22] });
      const m = L.marker([c.lat, c.lon], { icon, title, alt: title, keyboard: true, zIndexOffset: 500 });
      if (last.eventId) m.on('click', () => this.on.open(last.eventId!));
      m.addTo(this.controlLayer);
      m.getElement()?.setAttribute('role', last.eventId ? 'button' : 'img');
      m.getElement()?.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && last.eventId) this.on.open(last.eventId);
      });
    }
  }

  private addEvent(p: Point): void {
    const r = radius(p.deaths);
    const dot = h('span', { class: `dot${p.review ? ' reviewed' : ''}` }, p.deaths ? String(p.deaths) : '');
    dot.style.background = TYPE_COLOR[p.type] ?? '#555';
    dot.style.width = dot.style.height = `${r}px`;
    const title = `${p.type} / ${p.subType} — ${p.place ?? ''}, ${p.start ?? 'undated'}${p.deaths !== null ? `, ${p.deaths} killed` : ''}${p.outlets > 1 ? `, ${p.outlets} outlets` : ''}`;
    const icon = L.divIcon({ className: `ev-marker${this.selected === p.id ? ' selected' : ''}`, html: dot, iconSize: [r, r], iconAnchor: [r / 2, r / 2] });
    const m = L.marker([p.lat!, p.lon!], { icon, title, alt: title, keyboard: true, riseOnHover: true });
    m.on('click', () => this.on.select(p.id));
    m.on('dblclick', () => this.on.open(p.id));
    m.addTo(this.layer);
    const el = m.getElement();
    el?.setAttribute('data-ev', p.id);
    el?.setAttribute('role', 'button');
    el?.setAttribute('aria-label', `${title}. Enter selects it in the list and the timeline; Enter again opens it.`);
    // Leaflet gives markers a tab stop but no key: Enter (or Space) selects, and on a selected marker opens.
    el?.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      if (this.selected === p.id) this.on.open(p.id);
      else this.on.select(p.id);
    });
    this.markers.set(p.id, m);
  }

  private addCluster(members: Point[]): void {
    const lat = members.reduce((a, p) => a + p.lat!, 0) / members.length;
    const lon = members.reduce((a, p) => a + p.lon!, 0) / members.length;
    const byType = new Map<string, number>();
    for (const p of members) byType.set(p.type, (byType.get(p.type) ?? 0) + 1);
    const main = [...byType].sort((a, b) => b[1] - a[1])[0]![0];
    const deaths = members.reduce((a, p) => a + (p.deaths ?? 0), 0);
    const r = Math.round(Math.min(52, 26 + 6 * Math.log2(members.length)));
    const dot = h('span', { class: 'cluster' }, String(members.length));
    dot.style.borderColor = TYPE_COLOR[main] ?? '#555';
    dot.style.width = dot.style.height = `${r}px`;
    const title = `${members.length} events here (${[...byType].map(([t, n]) => `${n} ${t}`).join(', ')})${deaths ? `, ${deaths} killed` : ''}: zoom in`;
    const icon = L.divIcon({ className: 'cluster-marker', html: dot, iconSize: [r, r], iconAnchor: [r / 2, r / 2] });
    const m = L.marker([lat, lon], { icon, title, alt: title, keyboard: true });
    const zoomIn = () => {
      const b = L.latLngBounds(members.map((p) => [p.lat!, p.lon!] as [number, number]));
      if (b.getNorthEast().equals(b.getSouthWest())) this.map.setView(b.getCenter(), Math.min(this.map.getMaxZoom(), this.map.getZoom() + 3));
      else this.map.fitBounds(b, { padding: [40, 40], maxZoom: this.map.getMaxZoom() });
    };
    m.on('click', zoomIn);
    m.addTo(this.layer);
    m.getElement()?.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      zoomIn();
      // Keep the keyboard user on the map: focus the first marker drawn after zooming.
      setTimeout(() => (this.map.getContainer().querySelector('.ev-marker, .cluster-marker') as HTMLElement | null)?.focus(), 400);
    });
    m.getElement()?.setAttribute('role', 'button');
    m.getElement()?.setAttribute('aria-label', title);
  }

  highlight(id: string | null): void {
    this.selected = id;
    for (const [k, m] of this.markers) m.getElement()?.classList.toggle('selected', k === id);
  }

  /** Center on an event, zooming in far enough to see it apart from its cluster. */
  reveal(id: string): void {
    const p = this.points.find((x) => x.id === id);
    if (p && !this.markers.has(id)) this.map.setView([p.lat!, p.lon!], Math.max(this.map.getZoom() + 2, 6));
    else if (p) this.map.panTo([p.lat!, p.lon!]);
    this.highlight(id);
  }

  bounds(): [number, number, number, number] {
    const b = this.map.getBounds();
    const c = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Number(x.toFixed(3))));
    return [c(b.getWest(), -180, 180), c(b.getSouth(), -90, 90), c(b.getEast(), -180, 180), c(b.getNorth(), -90, 90)];
  }
}

/** A small map for picking a place by clicking: calls back with the point clicked. */
export function pickerMap(el: HTMLElement, center: [number, number] | null, onPick: (lat: number, lon: number) => void): L.Map {
  const map = L.map(el, { zoomSnap: 0.5, minZoom: 1, maxZoom: 12 });
  map.attributionControl.setPrefix(false);
  map.setView(center ?? [20, 20], center ? 6 : 2);
  let marker: L.CircleMarker | null = center ? L.circleMarker(center, { radius: 7, color: '#1f5fa8' }).addTo(map) : null;
  void basemap(center ? '50m' : '110m').then((fc) => L.geoJSON(fc, { interactive: false, style: { color: '#9aa5ad', weight: 0.8, fillColor: '#eef0ea', fillOpacity: 1 } }).addTo(map).bringToBack());
  map.on('click', (e: L.LeafletMouseEvent) => {
    marker?.remove();
    marker = L.circleMarker(e.latlng, { radius: 7, color: '#c0392b' }).addTo(map);
    onPick(Number(e.latlng.lat.toFixed(4)), Number(e.latlng.lng.toFixed(4)));
  });
  return map;
}
