import type { Doc } from '../../core/document.js';
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
export function eventPlace(doc: Doc, span: Span): EventLocation | null {
  const info = placesInfo(doc);
  if (!info) return null;
  const sentences = doc.get('sentences');
  const inSpan = info.details.filter((d) => d.mention.start >= span.start && d.mention.end <= span.end);
  const touched = sentences.filter((s) => s.start < Math.max(span.end, span.start + 1) && span.start < s.end);
  const inSentences = info.details.filter((d) => touched.some((s) => s.index === d.candidate.sentence));
  const paragraphs = new Set(touched.map((s) => s.paragraph));
  const inParagraph = info.details.filter((d) => paragraphs.has(sentences[d.candidate.sentence]?.paragraph ?? -1));
  for (const tier of [inSpan, inSentences, inParagraph]) {
    const best = choose(doc, tier, info.dateline);
    if (best) return locate(doc, info, best);
  }
  const previous = precedingPlace(doc, info, span);
  if (previous) {
    const loc = locate(doc, info, previous);
    // "the town", "the city" in the event's own words refer back to it; otherwise it is only nearby.
    const anaphor = /the\s+(?:town|city|village|district|camp|area)/i.test(doc.text.slice(span.start, span.end));
    if (!anaphor && loc.precision === 1) loc.precision = 2;
    return loc;
  }
  if (info.dateline) return locate(doc, info, info.dateline);
  return focusLocation(info);
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
  for (const d of details) {
    const kind = d.mention.kind;
    let s = (SPECIFICITY[kind] ?? 0) * 2;
    if (d.isContainer) s -= 5;
    // The dateline says where the story was filed, not where its first event happened.
    if (d === dateline) s -= 3;
    if (d.candidate.before && LOCATIVE.has(d.candidate.before)) s += 2;
    if (d.relation) s += 1;
    // A name used as a modifier ("the Kabul government", "Herat police") is not where things happened.
    const next = doc.get('tokens')[d.candidate.tokEnd];
    if (next && next.sentence === d.candidate.sentence && next.pos === 'NOUN' && /^\p{Ll}/u.test(doc.text.slice(next.start, next.end)) && !d.candidate.designator) {
      s -= 3;
    }
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

function locate(doc: Doc, info: DocPlaces, d: PlaceDetail): EventLocation {
  const gaz = gazetteer();
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
function precedingPlace(doc: Doc, info: DocPlaces, span: Span): PlaceDetail | null {
  const sentences = doc.get('sentences');
  const first = sentences.find((s) => s.end > span.start);
  if (!first) return null;
  let best: PlaceDetail | null = null;
  for (const d of info.details) {
    if (d.mention.end > span.start) break;
    const s = sentences[d.candidate.sentence]!;
    if (first.paragraph - s.paragraph > 2) continue;
    if ((d.mention.kind === 'city' || d.mention.kind === 'feature') && !isRegion(gazetteer().featureOf(d.entry)) && !d.isContainer) best = d;
  }
  return best;
}

/** "... entered Bartella. Fighting went on a few kilometres to the south": an offset anchored on the last place. */
function anonymousOffsetAfter(info: DocPlaces, d: PlaceDetail) {
  const next = info.details.find((x) => x.mention.start > d.mention.end);
  return info.freeOffsets.find((r) => r.start > d.mention.end && (!next || r.start < next.mention.start) && r.start - d.mention.end < 300) ?? null;
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
