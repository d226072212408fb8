import type { Doc } from '../../core/document.js';
import { someHolding } from '../../core/span-index.js';
import type { Span } from '../../core/span.js';
import { gazetteer } from '../../gazetteer/load.js';
import { isRegion } from '../../gazetteer/types.js';
import type { EventLocation, Precision } from '../events/types.js';
import { docPlaces, type DocPlaces, type PlaceDetail } from './details.js';
import { places } from './index.js';
import { LOCATIVE } from './guards.js';
import { offsetPoint } from './relative.js';

/**
 * Where an event told in `span` happened: the place tied to the event in the span, else in its
 * sentence, else in its paragraph, else the dateline's place, else the story's focus, with ACLED geo
 * precision:
 * - a named town, village or site: 1 ("in Kabul city", "in Dawlat Abad district center");
 * - near or relative to a place ("10 km north of Mosul", "near Nimrud", "Mosul's outskirts"), or a
 *   district named without a town (ACLED puts it at the district's seat): 2;
 * - a province or region only (at its capital, ACLED's convention), or a country: 3.
 * Returns null when the document names no place and has no focus.
 */
export function eventPlace(doc: Doc, span: Span, avoid: readonly Span[] = []): EventLocation | null {
  const info = placesInfo(doc);
  if (!info) return null;
  const idx = indexOf(doc, info);
  const sentences = doc.get('sentences');
  const touched = sentencesTouching(sentences, span);
  const where = (d: PlaceDetail) => !namesSomethingElse(doc, d, avoid);
  const inSentences = touched.flatMap((s) => idx.bySentence.get(s.index) ?? []).filter(where);
  const inSpan = inSentences.filter((d) => d.mention.start >= span.start && d.mention.end <= span.end);
  const paragraphs = [...new Set(touched.map((s) => s.paragraph))];
  const inParagraph = paragraphs.flatMap((p) => idx.byParagraph.get(p) ?? []).filter(where);
  const tiers = [inSpan, inSentences, inParagraph];
  for (let t = 0; t < tiers.length; t++) {
    let best = choose(doc, tiers[t]!, info.dateline);
    if (!best) continue;
    // Rule "the-road-is-somewhere": a clause that names only the ends of a road ("blocked the A-B highway")
    // says where the road goes; its sentence going on to say where on it ("..., C city (D)", "near the village
    // of C") gives the place.
    if (t === 0 && routeEnd(doc, best)) {
      const onIt = choose(doc, inSentences.filter((d) => !tiers[0]!.includes(d) && !d.isContainer && d !== info.dateline && !routeEnd(doc, d) && d.mention.start > best!.mention.end), info.dateline);
      if (onIt && onIt.mention.kind !== 'country' && onIt.mention.kind !== 'admin1') best = onIt;
    }
    const loc = locate(doc, info, best);
    // Rule "a-town-in-the-area": an event told only at a country or province ("riots in western Kenya",
    // "a protest by the Bangladesh X Association") whose sentence or paragraph goes on to name a town in that
    // area ("... traders in Y counted their losses") is put at that town, as ACLED codes a regional report at a
    // representative town; precision 2, since the text does not say the event was in the town itself.
    if (loc.precision === 3 && !best.unresolved) {
      const inArea = tiers.slice(t + 1).flat().filter((d) => d !== best && townInside(d, best));
      const town = choose(doc, inArea, info.dateline);
      if (town) return { ...locate(doc, info, town), precision: 2 };
    }
    return loc;
  }
  const previous = precedingPlace(idx, touched[0]?.paragraph ?? null, span, where);
  if (previous) {
    const loc = locate(doc, info, previous);
    // "the town", "the city" in the event's own words refer back to it; otherwise it is only nearby.
    const anaphor = /\bthe\s+(?:town|city|village|district|camp|area)\b/i.test(doc.text.slice(span.start, span.end));
    if (!anaphor && loc.precision === 1) loc.precision = 2;
    return loc;
  }
  if (info.dateline) return locate(doc, info, info.dateline);
  return focusLocation(info);
}

/** A resolved town, district or site (not a container, region or dateline) inside the country or province `area`. */
function townInside(d: PlaceDetail, area: PlaceDetail): boolean {
  const gaz = gazetteer();
  const k = d.mention.kind;
  if (d.unresolved || d.isContainer || !(k === 'city' || k === 'admin2' || k === 'feature') || isRegion(gaz.featureOf(d.entry))) return false;
  const a = area.mention.kind;
  if (a === 'country') return gaz.countryOf(d.entry) === gaz.countryOf(area.entry);
  if (a === 'admin1') return gaz.admin1CodeOf(d.entry) === gaz.admin1CodeOf(area.entry);
  return false;
}

/**
 * How specific a location is, for choosing among the places an event's passages give (lower is more
 * specific): ACLED's geo precision, except that a named village the gazetteer lacks (precision 3, at its
 * area's point) ranks between a place "near" something (2) and a province alone (3).
 */
export function locationRank(loc: EventLocation): number {
  return loc.unresolved ? 2.5 : loc.precision;
}

/** Last words of names of organisations and armed groups that begin with a place ("Levant Radio"). */
const ORGANISATION = /^(?:radio|television|tv|times|post|news|herald|tribune|gazette|journal|daily|monitor|observer|courier|press|agency|chronicle|bulletin|dispatch|standard|ledger|wire|telegraph|cartel|brigade|brigades|army|front|movement|militia|battalion|council|committee|party|university|network|foundation|institute)$/i;

/** "-led", "-backed", "-based" after a place make it a modifier (not "-e-" in "Shahrak-e-Turkmania"). */
const HYPHEN_MODIFIER = /^[-‑–](?:led|backed|based|run|linked|affiliated|allied|aligned|held|controlled|occupied|installed|appointed|sponsored|funded|supported|trained|inspired|born|bound|registered|owned|made|brokered|mediated|style|era)\b/u;

/**
 * Whether a place mention of the layer names only part of something else (see namesSomethingElse), for
 * callers that compare the places of two passages.
 */
export function incidentalPlace(doc: Doc, mention: Span, avoid: readonly Span[] = []): boolean {
  const info = placesInfo(doc);
  if (!info) return false;
  let byStart = starts.get(info);
  if (!byStart) {
    byStart = new Map(info.details.map((x) => [x.mention.start, x]));
    starts.set(info, byStart);
  }
  const d = byStart.get(mention.start);
  return !!d && d.mention.end === mention.end && namesSomethingElse(doc, d, avoid);
}

const starts = new WeakMap<DocPlaces, Map<number, PlaceDetail>>();

/**
 * A place named only as part of something else is not where an event happened: "the U.S.-led coalition",
 * "the Rwanda-backed group", "the Oslo-based group" (a place joined by a hyphen to a participle or
 * adjective), "Levant Radio", "the Jalisco New Generation Cartel" (the start of an organisation's name),
 * a country as an agent ("launched by Russia"), and places inside an actor's name (`avoid`: "Sinaloa
 * Cartel", "Iraq's security forces").
 */
function namesSomethingElse(doc: Doc, d: PlaceDetail, avoid: readonly Span[]): boolean {
  const m = d.mention;
  if (HYPHEN_MODIFIER.test(doc.text.slice(m.end, m.end + 16))) return true;
  // "drones launched by Russia": a country as the agent is who acted, not where.
  if (m.kind === 'country' && d.candidate.before === 'by') return true;
  // Rule "country-of-origin": "Christians from Benin, Togo and Ghana gathered in [a town]", "indigenes of
  // Benin Republic": a country people come from says who they are, not where the event was.
  if (m.kind === 'country' && ORIGIN.test(doc.text.slice(Math.max(0, m.start - 120), m.start))) return true;
  if (someHolding(avoid, m.start, m.end, (a) => a.end - a.start > m.end - m.start)) return true;
  const c = d.candidate;
  if (c.runEnd > c.tokEnd) {
    const last = doc.get('tokens')[c.runEnd - 1];
    if (last && ORGANISATION.test(doc.text.slice(last.start, last.end))) return true;
  }
  return false;
}

// "from X", "from X, Y and", "natives of (the) X": the words before a country of origin (a list may lead to it).
const ORIGIN =
  /(?:\bfrom|\b(?:indigenes?|natives?|citizens?|nationals?|refugees|migrants|immigrants)\s+(?:of|from))\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s*,\s*)*(?:\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*,?\s+(?:and|or)\s+)?$/u;

interface PlaceIndex {
  bySentence: Map<number, PlaceDetail[]>;
  byParagraph: Map<number, PlaceDetail[]>;
}

// Built once per document: events call eventPlace once per event, so lookups must not scan every place.
const indexes = new WeakMap<DocPlaces, PlaceIndex>();

function indexOf(doc: Doc, info: DocPlaces): PlaceIndex {
  let idx = indexes.get(info);
  if (idx) return idx;
  const sentences = doc.get('sentences');
  idx = { bySentence: new Map(), byParagraph: new Map() };
  // Unresolved names take part as places of their clause (never resolution): a village missing from the
  // gazetteer is still where its clause's event was, not the next clause's town.
  for (const d of [...info.details, ...info.unresolved].sort((a, b) => a.mention.start - b.mention.start)) {
    const s = d.candidate.sentence;
    const p = sentences[s]?.paragraph ?? -1;
    idx.bySentence.set(s, [...(idx.bySentence.get(s) ?? []), d]);
    idx.byParagraph.set(p, [...(idx.byParagraph.get(p) ?? []), d]);
  }
  indexes.set(info, idx);
  return idx;
}

/** The sentences a span overlaps (binary search: sentences are in text order). */
function sentencesTouching<T extends { start: number; end: number }>(sentences: T[], span: Span): T[] {
  const end = Math.max(span.end, span.start + 1);
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sentences.length && sentences[i]!.start < end; i++) out.push(sentences[i]!);
  return out;
}

/** The details of the document's places, computing them if the pipeline has not. */
function placesInfo(doc: Doc): DocPlaces | null {
  let info = docPlaces(doc);
  if (!info && doc.has('tokens') && doc.has('sentences')) {
    places.run(doc);
    info = docPlaces(doc);
  }
  return info ?? null;
}

const SPECIFICITY: Record<string, number> = { feature: 3, city: 3, admin2: 2, admin1: 1, country: 0 };

/**
 * The mention the event is at: the most specific place that is not just locating another one ("Balkh"
 * in "Dawlat Abad district, Balkh") nor the dateline, preferring one after a locative word ("in",
 * "near", "outside"), then the first.
 */
function choose(doc: Doc, details: PlaceDetail[], dateline: PlaceDetail | null): PlaceDetail | null {
  let best: PlaceDetail | null = null;
  let bestScore = -Infinity;
  // The provinces named here: a place the text puts in another province is a misreading or elsewhere.
  const provinces = new Set(details.filter((d) => d.mention.kind === 'admin1').map((d) => gazetteer().admin1CodeOf(d.entry)));
  for (const d of details) {
    const kind = d.mention.kind;
    let s = (SPECIFICITY[kind] ?? 0) * 2;
    if (provinces.size && kind !== 'admin1' && kind !== 'country' && !provinces.has(gazetteer().admin1CodeOf(d.entry))) s -= 4;
    if (d.isContainer) s -= 5;
    // "Ukraine's Donetsk region": a place in the possessive locates the next one.
    if (/^['’]s\s/.test(doc.text.slice(d.mention.end, d.mention.end + 3)) && details.some((o) => o !== d && o.mention.start > d.mention.end && o.mention.start - d.mention.end <= 4)) s -= 5;
    // The dateline says where the story was filed, not where its first event happened.
    if (d === dateline) s -= 3;
    if (d.candidate.before && LOCATIVE.has(d.candidate.before)) s += 2;
    // An end of a route ("on the Dhaka-Mymensingh highway in Gazipur", "on the road towards Gao") names where
    // the road goes, not where on it the event was: another place told beside it says that better.
    if (routeEnd(doc, d) && details.some((o) => o !== d && (o.mention.kind === 'city' || o.mention.kind === 'feature' || o.mention.kind === 'admin2') && !routeEnd(doc, o))) s -= 3;
    // A relation locates the event ("10 km north of Mosul") unless another town is named beside it, which
    // the relation then only describes ("Bakhdida, the town east of Mosul").
    const relStart = d.relation?.start ?? d.mention.start;
    const namedBeside = details.some(
      (o) =>
        o !== d &&
        !o.relation &&
        (o.mention.kind === 'city' || o.mention.kind === 'feature') &&
        o.mention.end <= relStart &&
        relStart - o.mention.end < 60 &&
        !/[;.]|,\s*(?:and|but|while)\b/.test(doc.text.slice(o.mention.end, relStart)),
    );
    if (d.relation) s += namedBeside ? -1 : 1;
    // A name used as a modifier ("the Kabul government", "Herat police") is not where things happened.
    const next = doc.get('tokens')[d.candidate.tokEnd];
    if (next && next.sentence === d.candidate.sentence && next.pos === 'NOUN' && /^\p{Ll}/u.test(doc.text.slice(next.start, next.end)) && !d.candidate.designator) {
      s -= 3;
    }
    // A name the gazetteer lacks is less sure to be a place than one it has, in the same clause.
    if (d.unresolved) s -= 1;
    // A region written as such ("Darfur") is no more specific than a province.
    if (kind === 'feature' && isRegion(gazetteer().featureOf(d.entry))) s -= 4;
    s -= d.mention.start / Math.max(1, doc.text.length);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  }
  return best;
}

const ROUTE = /^(?:highway|road|railway|rail|axis|route|corridor|expressway|motorway|bypass|track|trunk)\b/i;

/** "the Dhaka-Mymensingh highway", "the Gao - Ansongo axis", "(the road) towards Gao": a place that ends a route. */
function routeEnd(doc: Doc, d: PlaceDetail): boolean {
  const m = d.mention;
  if (d.candidate.before === 'towards' || d.candidate.before === 'toward') return true;
  const after = doc.text.slice(m.end, m.end + 40);
  const before = doc.text.slice(Math.max(0, m.start - 40), m.start);
  // "A-B highway" (this is A) or "A-B highway" (this is B)
  const first = /^\s?[-–]\s?\p{Lu}[\p{L}'’]*(?:[ -]\p{Lu}[\p{L}'’]*)?\s+(\S+)/u.exec(after);
  if (first && ROUTE.test(first[1]!)) return true;
  const second = /\p{Lu}[\p{L}'’]*\s?[-–]\s?$/u.test(before) && ROUTE.test(after.replace(/^\s+/, ''));
  return second;
}

function locate(doc: Doc, info: DocPlaces, d: PlaceDetail): EventLocation {
  const gaz = gazetteer();
  if (d.unresolved) {
    // Named as written, at the area's point, ACLED geo precision 3 (the area is all that is known).
    const m = d.mention;
    return { name: m.name, lat: m.lat, lon: m.lon, country: m.country, admin1: m.admin1, precision: 3, unresolved: true, ...(m.area ? { area: m.area } : {}) };
  }
  const e = gaz.entry(d.entry);
  const m = d.mention;
  let lat = e.lat;
  let lon = e.lon;
  let precision: Precision;
  const region = e.kind === 'feature' && isRegion(e.feature);
  if (e.kind === 'country') precision = 3;
  else if (e.kind === 'admin1' || region) {
    precision = 3;
    lat = e.seatLat;
    lon = e.seatLon;
  } else if (e.kind === 'admin2') {
    // A district is put at its seat; "X district center" names the seat itself.
    lat = e.seatLat;
    lon = e.seatLon;
    precision = /^\s*(?:district\s+)?(?:center|centre)\b/i.test(doc.text.slice(m.end, m.end + 20)) ? 1 : 2;
  } else precision = 1;
  const rel = d.relation ?? anonymousOffsetAfter(info, d);
  if (rel && precision < 3) {
    precision = 2;
    if (rel.km !== null && rel.bearing !== null && rel.km >= 2) ({ lat, lon } = offsetPoint(lat, lon, rel.bearing, rel.km));
  }
  return { name: e.name, lat, lon, country: e.country, admin1: e.kind === 'country' ? null : e.admin1, precision };
}

/**
 * The last town or site named in the two paragraphs before the span: where a story that goes on about
 * "the town" without naming it again is.
 */
function precedingPlace(idx: PlaceIndex, paragraph: number | null, span: Span, where: (d: PlaceDetail) => boolean): PlaceDetail | null {
  if (paragraph === null) return null;
  for (let p = paragraph; p >= paragraph - 2; p--) {
    const list = idx.byParagraph.get(p) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const d = list[i]!;
      if (d.mention.end > span.start || d.isContainer || !where(d)) continue;
      if ((d.mention.kind === 'city' || d.mention.kind === 'feature') && !isRegion(gazetteer().featureOf(d.entry))) return d;
    }
  }
  return null;
}

/** "... entered Bartella. Fighting went on a few kilometres to the south": an offset anchored on the last place. */
function anonymousOffsetAfter(info: DocPlaces, d: PlaceDetail) {
  // Both lists are in text order: binary searches, not a scan of the document's places per event.
  const next = info.details[firstStartingAfter(info.details, d.mention.end, (x) => x.mention.start)];
  const r = info.freeOffsets[firstStartingAfter(info.freeOffsets, d.mention.end, (x) => x.start)];
  return r && (!next || r.start < next.mention.start) && r.start - d.mention.end < 300 ? r : null;
}

/** The first index whose start (by `key`) is after `pos`, in a list sorted by it (the length if none). */
function firstStartingAfter<T>(list: readonly T[], pos: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]!) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function focusLocation(info: DocPlaces): EventLocation | null {
  const gaz = gazetteer();
  if (info.focusAdmin1) {
    const id = gaz.admin1Entry(info.focusAdmin1);
    if (id !== null && gaz.countryOf(id) === info.focusCountry) {
      const e = gaz.entry(id);
      return { name: e.name, lat: e.seatLat, lon: e.seatLon, country: e.country, admin1: e.admin1, precision: 3 };
    }
  }
  if (info.focusCountry) {
    const id = gaz.countryEntry(info.focusCountry);
    if (id !== null) {
      const e = gaz.entry(id);
      return { name: e.name, lat: e.lat, lon: e.lon, country: e.country, admin1: null, precision: 3 };
    }
  }
  return null;
}
