/**
 * The PictureReader over a picture computed in memory (./situation.ts): `sitrep report --input`, and the
 * reference the store's picture is compared with in tests.
 */
import { controlUpTo, eventMatches, eventSortKey, figureMatches, pageLimit, pointMatches, type DocumentSummary, type Page, type PageRequest, type PictureDocument, type PictureEvent, type PictureFilter, type PicturePlace, type PictureReader } from './reader.js';
import type { Figure } from './figures.js';
import { normName, type PlaceEntity } from './places.js';
import type { Situation } from './situation.js';
import type { DocItems } from './items.js';

/** Sort key of a figure: contested first, then several claims, then by date and id. */
export function figureSortKey(f: Pick<Figure, 'contested' | 'claims' | 'when' | 'id'>): string {
  return `${f.contested ? 0 : 1}|${f.claims.length > 1 ? 0 : 1}|${f.when?.start ?? '9999'}|${f.id}`;
}

/** Sort key of a document: publication day (undated last), then id. */
export function documentSortKey(d: { day: string | null; id: string }): string {
  return `${d.day ?? '9999-99-99'}|${d.id}`;
}

function paged<T>(all: readonly T[], key: (x: T) => string, p?: PageRequest): Page<T> {
  const limit = pageLimit(p);
  const sorted = all.map((x) => ({ x, k: key(x) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const from = p?.after ? sorted.findIndex((s) => s.k > p.after!) : Math.max(0, Math.floor(p?.offset ?? 0));
  const slice = from < 0 ? [] : sorted.slice(from, from + limit);
  const more = from >= 0 && from + limit < sorted.length;
  return { items: slice.map((s) => s.x), next: more ? slice[slice.length - 1]!.k : null };
}

function inDays(d: DocItems, f: Pick<PictureFilter, 'since' | 'until'>): boolean {
  if (!f.since && !f.until) return true;
  return !!d.doc.day && d.doc.day >= (f.since ?? '0000-01-01') && d.doc.day <= (f.until ?? '9999-12-31');
}

export class MemoryReader implements PictureReader {
  private readonly events_: PictureEvent[];

  constructor(readonly s: Situation) {
    this.events_ = s.events.map((e) => ({ ...e, place: this.entityOfKey(e.placeKey) }));
  }

  private entityOfKey(key: string | null): PlaceEntity | null {
    const id = key ? this.s.entityOf.get(key) : undefined;
    return id ? (this.s.entities.get(id) ?? null) : null;
  }

  async events(f: PictureFilter, p?: PageRequest): Promise<Page<PictureEvent>> {
    return paged(this.events_.filter((e) => eventMatches(e, f)), eventSortKey, p);
  }

  async event(id: string): Promise<PictureEvent | null> {
    return this.events_.find((e) => e.id === id) ?? null;
  }

  async eventOfReport(reportKey: string): Promise<PictureEvent | null> {
    return this.events_.find((e) => e.members.includes(reportKey)) ?? null;
  }

  async figures(f: PictureFilter, p?: PageRequest): Promise<Page<Figure>> {
    return paged(this.s.figures.filter((x) => figureMatches(x, f)), figureSortKey, p);
  }

  async documents(f: Pick<PictureFilter, 'since' | 'until'>, p?: PageRequest): Promise<Page<PictureDocument>> {
    const docs = this.s.docs.filter((d) => inDays(d, f));
    const page = paged(docs, (d) => documentSortKey(d.doc), p);
    return {
      next: page.next,
      items: page.items.map((d) => ({ id: d.doc.id, title: d.title, outlet: d.doc.outlet, url: d.url, published: d.doc.published, publishedFrom: d.publishedFrom, layers: d.layers })),
    };
  }

  async documentSummary(f: Pick<PictureFilter, 'since' | 'until'>): Promise<DocumentSummary> {
    const docs = this.s.docs.filter((d) => inDays(d, f));
    let lastDay: string | null = null;
    for (const d of docs) if (d.doc.day && (!lastDay || d.doc.day > lastDay)) lastDay = d.doc.day;
    return { documents: docs.length, outlets: new Set(docs.map((d) => d.doc.outlet ?? '\u0000')).size, lastDay };
  }

  async places(f: Pick<PictureFilter, 'since' | 'until' | 'near' | 'bbox'>, withEntities: readonly string[]): Promise<PicturePlace[]> {
    const byEntity = new Map<string, PicturePlace>();
    const get = (id: string): PicturePlace | null => {
      let p = byEntity.get(id);
      if (!p) {
        const e = this.s.entities.get(id);
        if (!e || !pointMatches(e.lat, e.lon, f)) return null;
        p = { ...e, mentions: [], documents: [], control: controlUpTo(this.s.control.get(id) ?? [], f.until, f.since) };
        byEntity.set(id, p);
      }
      return p;
    };
    const docs = this.s.docs.filter((d) => inDays(d, f)).sort((a, b) => (documentSortKey(a.doc) < documentSortKey(b.doc) ? -1 : 1));
    for (const d of docs) {
      for (const m of d.mentions) {
        const p = get(this.s.entityOf.get(m.placeKey)!);
        if (!p) continue;
        p.mentions.push({ documentId: m.documentId, outlet: m.outlet, start: m.start, end: m.end, text: m.text });
        if (!p.documents.includes(m.documentId)) p.documents.push(m.documentId);
      }
    }
    for (const id of withEntities) get(id);
    return sortPlaces([...byEntity.values()]);
  }

  async generation(): Promise<string> {
    return 'memory';
  }

  async counts(): Promise<{ documents: number; events: number; figures: number; places: number }> {
    return { documents: this.s.docs.length, events: this.s.events.length, figures: this.s.figures.length, places: this.s.entities.size };
  }

  async findPlace(name: string): Promise<PlaceEntity | null> {
    const n = normName(name);
    const hits: PlaceEntity[] = [];
    for (const k of this.s.placeKeys.values()) if (normName(k.name) === n) hits.push(this.s.entities.get(this.s.entityOf.get(k.key)!)!);
    if (hits.length === 0) {
      for (const d of this.s.docs) for (const m of d.mentions) if (normName(m.text) === n) hits.push(this.s.entities.get(this.s.entityOf.get(m.placeKey)!)!);
    }
    return pickPlace(hits);
  }
}

/** Of the places a name could mean, the one a report means: a town before a region, then by id. */
export function pickPlace(hits: readonly PlaceEntity[]): PlaceEntity | null {
  const rank: Record<string, number> = { city: 0, feature: 1, admin2: 2, admin1: 3, country: 4 };
  return [...hits].sort((a, b) => (rank[a.kind] ?? 5) - (rank[b.kind] ?? 5) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0] ?? null;
}

/** Places most mentioned first, then by name and id. */
export function sortPlaces(places: PicturePlace[]): PicturePlace[] {
  return places.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
