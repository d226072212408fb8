/**
 * Hand-built analysis records for the merge and report tests: a document's text plus the layers an
 * extractor would give, each placed by the phrase it covers, so tests state the facts without depending
 * on how good the extractors are today. (Used by tests only.)
 */
import type { AnalysisRecord } from '../analyze/output.js';
import type { Sentence } from '../core/layers.js';
import type { Actor, Certainty, EventDate, EventLocation, EventMention, EventType, Fatalities } from '../extract/events/types.js';
import type { PlaceMention } from '../extract/places/types.js';
import type { Quantity } from '../extract/quantities/types.js';
import type { TimeMention, TimexType } from '../extract/times/types.js';
import type { SituationDoc } from './input.js';

export interface GazetteerEntry {
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1?: string | null;
  geonameId?: number | null;
  kind?: PlaceMention['kind'];
  /** A name the gazetteer lacks, at the point of `area` (analysis 1.2). */
  unresolved?: true;
  area?: string;
}

/** A few real places (public GeoNames facts) the fixtures refer to. */
export const PLACES = {
  mosul: { name: 'Mosul', lat: 36.335, lon: 43.119, country: 'IQ', admin1: 'Nineveh', geonameId: 99072, kind: 'city' },
  erbil: { name: 'Erbil', lat: 36.191, lon: 44.009, country: 'IQ', admin1: 'Erbil', geonameId: 95446, kind: 'city' },
  qaraqosh: { name: 'Qaraqosh', lat: 36.271, lon: 43.378, country: 'IQ', admin1: 'Nineveh', geonameId: 7831659, kind: 'city' },
  bartella: { name: 'Bartella', lat: 36.353, lon: 43.38, country: 'IQ', admin1: 'Nineveh', geonameId: 99531, kind: 'city' },
  nimrud: { name: 'Nimrud', lat: 36.098, lon: 43.329, country: 'IQ', admin1: 'Nineveh', geonameId: 99065, kind: 'feature' },
  kirkuk: { name: 'Kirkuk', lat: 35.468, lon: 44.392, country: 'IQ', admin1: 'Kirkuk', geonameId: 94787, kind: 'city' },
  kabul: { name: 'Kabul', lat: 34.528, lon: 69.172, country: 'AF', admin1: 'Kabul', geonameId: 1138958, kind: 'city' },
  iraq: { name: 'Iraq', lat: 33, lon: 44, country: 'IQ', admin1: null, geonameId: 99237, kind: 'country' },
} satisfies Record<string, GazetteerEntry>;

export interface EventSpec {
  type: EventType;
  subType: string;
  date?: EventDate | null;
  location?: (GazetteerEntry & { precision?: 1 | 2 | 3 }) | null;
  actor1?: Actor | null;
  actor2?: Actor | null;
  fatalities?: Fatalities | null;
  sources?: string[];
  certainty?: Certainty;
}

export class FixtureDoc {
  private readonly places: PlaceMention[] = [];
  private readonly quantities: Quantity[] = [];
  private readonly times: TimeMention[] = [];
  private readonly events: EventMention[] = [];

  constructor(
    readonly id: string,
    readonly text: string,
    readonly opts: { published?: string | null; outlet?: string | null; url?: string | null; title?: string | null } = {},
  ) {}

  /** The span of the n-th occurrence (1-based) of a phrase; throws if absent, so a typo fails the test. */
  span(phrase: string, occurrence = 1): { start: number; end: number; text: string } {
    let pos = -1;
    for (let i = 0; i < occurrence; i++) {
      pos = this.text.indexOf(phrase, pos + 1);
      if (pos < 0) throw new Error(`fixture ${this.id}: '${phrase}' #${occurrence} not in text`);
    }
    return { start: pos, end: pos + phrase.length, text: phrase };
  }

  place(phrase: string, g: GazetteerEntry, occurrence = 1): this {
    this.places.push({ ...this.span(phrase, occurrence), name: g.name, lat: g.lat, lon: g.lon, country: g.country, admin1: g.admin1 ?? null, geonameId: g.geonameId ?? null, kind: g.kind ?? 'city', ...(g.unresolved ? { unresolved: true as const, area: g.area } : {}) });
    return this;
  }

  /** A quantity; `source` is the phrase the analysis attributes it to (its attribution component's source). */
  quantity(phrase: string, q: Partial<Omit<Quantity, 'start' | 'end' | 'text'>>, occurrence = 1, source?: string): this {
    const src = source === undefined ? {} : { source: this.span(source) };
    this.quantities.push({ ...this.span(phrase, occurrence), low: null, high: null, best: null, approx: false, what: null, ...src, ...q });
    return this;
  }

  time(phrase: string, type: TimexType, value: string, occurrence = 1): this {
    this.times.push({ ...this.span(phrase, occurrence), type, value });
    return this;
  }

  event(phrase: string, e: EventSpec, occurrence = 1): this {
    const sp = this.span(phrase, occurrence);
    const loc: EventLocation | null = e.location
      ? { name: e.location.name, lat: e.location.lat, lon: e.location.lon, country: e.location.country, admin1: e.location.admin1 ?? null, precision: e.location.precision ?? 1, ...(e.location.unresolved ? { unresolved: true as const, area: e.location.area } : {}) }
      : null;
    this.events.push({
      ...sp,
      type: e.type,
      subType: e.subType,
      date: e.date ?? null,
      location: loc,
      actor1: e.actor1 ?? null,
      actor2: e.actor2 ?? null,
      fatalities: e.fatalities ?? null,
      sources: (e.sources ?? []).map((s) => this.span(s)),
      certainty: e.certainty ?? 'reported',
    });
    return this;
  }

  /** Sentences: one per line, and lines split after . ! ? before a capital; "- " lines are bullets. */
  private sentences(): (Sentence & { text: string })[] {
    const out: (Sentence & { text: string })[] = [];
    let paragraph = 0;
    let lineStart = 0;
    const lines = this.text.split('\n');
    for (const line of lines) {
      if (line.trim() === '') paragraph++;
      const re = /[^.!?]+(?:[.!?]+["”']?|$)/g;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        let s = lineStart + m.index;
        let e = s + m[0].length;
        while (s < e && /\s/.test(this.text[s]!)) s++;
        while (e > s && /\s/.test(this.text[e - 1]!)) e--;
        if (e > s) {
          const kind = /^\s*[-•]\s/.test(line) ? 'bullet' : 'text';
          out.push({ start: s, end: e, text: this.text.slice(s, e), index: out.length, paragraph, kind, tokenStart: 0, tokenEnd: 0 });
        }
      }
      lineStart += line.length + 1;
    }
    return out;
  }

  record(): AnalysisRecord {
    const sort = <T extends { start: number; end: number }>(l: T[]) => [...l].sort((a, b) => a.start - b.start || b.end - a.end);
    return {
      id: this.id,
      published: this.opts.published ?? null,
      publishedFrom: this.opts.published ? 'input' : null,
      title: this.opts.title ?? null,
      source: this.opts.outlet ?? null,
      url: this.opts.url ?? null,
      format: 'jsonl',
      length: this.text.length,
      boilerplate: [],
      sentences: this.sentences(),
      times: sort(this.times),
      places: sort(this.places),
      quantities: sort(this.quantities),
      events: sort(this.events),
    };
  }

  build(): SituationDoc {
    return { record: this.record(), text: this.text, outlet: this.opts.outlet ?? null };
  }
}

export const ISIS: Actor = { name: 'Islamic State (Iraq)', inter: 2 };
export const IRAQ_ARMY: Actor = { name: 'Military Forces of Iraq (2014-)', inter: 1 };
export const CIVILIANS: Actor = { name: 'Civilians (Iraq)', inter: 7 };

export function day(d: string, precision: 1 | 2 | 3 = 1, end = d): EventDate {
  return { start: d, end, precision };
}
