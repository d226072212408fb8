import type { Component } from '../../core/pipeline.js';
import type { Doc } from '../../core/document.js';
import { overlaps } from '../../core/span.js';
import { gazetteer } from '../../gazetteer/load.js';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import { looseKey } from '../../gazetteer/fold.js';
import { REGION, REGION_MULTI } from '../../gazetteer/types.js';
import { findCandidates, type Candidate, type Demonym } from './candidates.js';
import { groupCountries } from './group-areas.js';
import { lowerBound, someHolding } from '../../core/span-index.js';
import { findActors } from '../events/actors.js';
import { sentenceViews } from '../quantities/view.js';
import { datelineOf } from './dateline.js';
import { resolveDesignated } from './designated.js';
import { setDocPlaces, type DocPlaces, type PlaceDetail } from './details.js';
import { buildGuardContext, LOCATIVE, rejectReason, weakReason } from './guards.js';
import { freeOffsets, offsetPoint, relationAround } from './relative.js';
import { resolve, type Resolution } from './resolve.js';
import { unresolvedNames, type UnresolvedName } from './unresolved.js';
import type { PlaceMention } from './types.js';
import { km } from '../../core/geo.js';

/**
 * Place mentions resolved against the gazetteer (src/gazetteer). In order:
 * 1. candidates: capitalised runs matched longest first by exact, then loose key; demonyms set aside;
 * 2. guards: common words, people ("Jordan said", "Georgia Smith"), stray abbreviations out;
 * 3. the dateline;
 * 4. resolution by prior, focus, containment, designators and proximity;
 * 5. designated names the gazetteer missed ("Charbolak district, Balkh"), matched inside their area;
 * 6. relations ("10 km north of Mosul", "near Nimrud") and containers, kept for `eventPlace`.
 */
export const places: Component = {
  name: 'places',
  needs: ['sentences', 'tokens'],
  adds: ['places'],
  run(doc) {
    const gaz = gazetteer();
    const { candidates, demonyms } = findCandidates(doc, gaz);
    const ctx = buildGuardContext(doc, gaz, candidates);
    const dropped: DocPlaces['dropped'] = [];
    const drop = (c: Candidate, reason: string) => dropped.push({ start: c.start, end: c.spanEnd, text: c.surface, reason });
    const groups = namedGroups(doc);
    const peoples = namedPeoples(doc);
    const kept = candidates.filter((c) => {
      // Rule "group-name-is-no-place": a word inside a named armed group's name ("Haram" in "Boko Haram"); a
      // place the name begins with still names that place ("the Sudan Liberation Army").
      const inGroup = someHolding(groups, c.start, c.spanEnd, (g) => g.start < c.start);
      // Rule "a-people-is-no-place": the name of a people the actor lexicon knows ("Fulani herders", "the
      // Fulani village of X") is not a town that happens to bear it, unless the text places something there
      // ("in X") or names it as a division ("X County").
      const people =
        !inGroup &&
        someHolding(peoples, c.start, c.end, (g) => g.start <= c.start && g.end >= c.end) &&
        !(c.before !== null && LOCATIVE.has(c.before)) &&
        c.hint !== 'admin1' &&
        c.hint !== 'admin2';
      const why = inGroup ? 'part of an armed group\'s name' : people ? 'a people, not a place' : rejectReason(ctx, c);
      if (why) drop(c, why);
      return why === null;
    });
    for (const c of kept) {
      c.weakWhy = weakReason(ctx, c);
      c.weak = c.weakWhy !== null;
    }
    const dateline = datelineOf(doc, kept);
    // Rule "group-home-country": a named armed group with a home country ("Ansaru", "the Taliban") says,
    // weakly, which country the story's places are in, as a demonym does; each group once, at half a
    // demonym's weight. Rule "groups-of-several-countries": a group active in several countries (JNIM, IS
    // Sahel, Boko Haram) points to all of them at once (group-areas.ts), so that its name never decides
    // between them: a village named in a JNIM story is no more Mali's than Burkina Faso's.
    const seenGroups = new Set<string>();
    const groupEvidence: Demonym[] = [];
    for (const g of groups) {
      if (seenGroups.has(g.name)) continue;
      seenGroups.add(g.name);
      groupEvidence.push({ start: g.start, end: g.end, countries: groupCountries(g.name, g.country), weight: 0.5, area: true });
    }
    const resolved = resolve({ gaz, candidates: kept, demonyms: [...demonyms, ...groupEvidence], dateline, text: doc.text, homeCountries: new Set(groupEvidence.flatMap((g) => g.countries)) });
    let focus = focusOf(gaz, resolved, demonyms.flatMap((d) => d.countries));
    // A misread town abroad (rule lone-town-abroad) no longer says where the story is.
    if (dropMisfits(gaz, resolved, focus, drop, new Set(groupEvidence.flatMap((g) => g.countries)))) {
      focus = focusOf(gaz, resolved, demonyms.flatMap((d) => d.countries));
    }
    for (const { candidate, resolution } of resolveDesignated(doc, gaz, kept, resolved, focus.country)) {
      if (resolution === null) {
        if (resolved.delete(candidate)) drop(candidate, 'not inside the place named after it');
        continue;
      }
      if (!resolved.has(candidate)) {
        if (kept.some((k) => resolved.has(k) && overlaps(k, candidate))) continue;
        kept.push(candidate);
      }
      resolved.set(candidate, resolution);
    }
    kept.sort((a, b) => a.start - b.start);
    const droppedAt = new Set(dropped.map((d) => d.start));
    for (const c of kept) if (!resolved.has(c) && !droppedAt.has(c.start)) drop(c, 'no reading fits its context');

    const sentences = doc.get('sentences');
    const details: PlaceDetail[] = [];
    const byCandidate = new Map<Candidate, PlaceDetail>();
    for (const c of kept) {
      const r = resolved.get(c);
      if (!r) continue;
      const e = gaz.entry(r.entry);
      const s = sentences[c.sentence]!;
      const mention: PlaceMention = {
        start: c.start,
        end: c.spanEnd,
        text: doc.text.slice(c.start, c.spanEnd),
        name: e.name,
        lat: e.lat,
        lon: e.lon,
        country: e.country,
        admin1: e.kind === 'country' ? null : e.admin1,
        geonameId: e.geonameId,
        kind: e.kind,
      };
      const d: PlaceDetail = {
        mention,
        entry: r.entry,
        candidate: c,
        relation: relationAround(doc.text, s.start, c.start, c.spanEnd, s.end),
        isContainer: false,
        within: null,
      };
      details.push(d);
      byCandidate.set(c, d);
    }
    for (const d of details) {
      const r = resolved.get(d.candidate) as Resolution;
      const within = r.container ? byCandidate.get(r.container) : undefined;
      if (within && (r.paren || fitsInside(gaz, d.entry, within.entry))) {
        d.within = within;
        within.isContainer = true;
        // "X (Y, Z)": every place of the parenthesis locates X; none is where X's clause happened.
        if (r.paren) for (const o of details) if (o.mention.start > d.mention.end && o.mention.end < within.mention.start) o.isContainer = true;
      }
    }
    const ways = namedWays(doc, details);
    const free = sentences.filter((s) => s.kind !== 'boilerplate').flatMap((s) => freeOffsets(doc.text, s.start, s.end));
    const datelineDetail = dateline ? (byCandidate.get(dateline) ?? null) : null;
    const unresolved = unresolvedPlaces(doc, gaz, details, datelineDetail, dropped, ways, focus, groupEvidence);
    setDocPlaces(doc, {
      details,
      unresolved,
      dateline: dateline ? (byCandidate.get(dateline) ?? null) : null,
      focusCountry: focus.country,
      focusAdmin1: focus.admin1,
      freeOffsets: free,
      dropped: dropped.sort((a, b) => a.start - b.start),
    });
    doc.set(
      'places',
      [...details.map((d) => d.mention), ...ways, ...unresolved.map((d) => d.mention)].sort((a, b) => a.start - b.start),
    );
  },
};

// The last word of a street's, a road's or a river's name ("Briarcliff Road", "Neches River").
const WAY = /^(?:street|st|avenue|ave|road|rd|drive|boulevard|blvd|lane|highway|hwy|parkway|pkwy|way|trail|pike|terrace|river|creek|lake|pond|valley|island|bay|beach|mountains?)\.?$/i;

/**
 * Rule "named-way-in-its-town": a street, road, river or lake the entity recogniser reads as a LOC and the
 * gazetteer lacks ("a fire on Briarcliff Road", "the Neches River") is a place of the story all the same.
 * It is put where the story's local place is: the town or county named in its sentence (the nearest), or
 * else the town or county the story names most (the first of equals). A story with no such place gets
 * none (the way's whereabouts are unknown). These mentions carry no gazetteer id and are of kind `feature`; they are not
 * candidates for the resolver, so they never move another place's reading.
 */
function namedWays(doc: Doc, details: PlaceDetail[]): PlaceMention[] {
  if (!doc.has('entities')) return [];
  const tokens = doc.get('tokens');
  const local = details.filter((d) => d.mention.kind === 'city' || d.mention.kind === 'admin2');
  if (local.length === 0) return [];
  const counts = new Map<number, { n: number; d: PlaceDetail }>();
  for (const d of local) {
    const id = d.entry;
    const c = counts.get(id);
    if (c) c.n++;
    else counts.set(id, { n: 1, d });
  }
  const main = [...counts.values()].sort((a, b) => b.n - a.n || a.d.mention.start - b.d.mention.start)[0]!.d;
  const out: PlaceMention[] = [];
  for (const e of doc.get('entities')) {
    if (e.label !== 'LOC' || e.tokenEnd - e.tokenStart < 2) continue;
    const last = tokens[e.tokenEnd - 1]!;
    if (!WAY.test(doc.text.slice(last.start, last.end))) continue;
    if (details.some((d) => d.mention.start < e.end && e.start < d.mention.end)) continue;
    const sameSentence = local.filter((d) => d.candidate.sentence === e.sentence);
    const anchor = sameSentence.sort((a, b) => Math.abs(a.mention.start - e.start) - Math.abs(b.mention.start - e.start))[0] ?? main;
    const a = anchor.mention;
    const text = doc.text.slice(e.start, e.end);
    out.push({ start: e.start, end: e.end, text, name: text, lat: a.lat, lon: a.lon, country: a.country, admin1: a.admin1, geonameId: null, kind: 'feature' });
  }
  return out;
}

// Reasons a name was refused that say only that no reading fits: the name may still be a place the
// gazetteer lacks. (A person, a common word or a group's name stays refused.)
const SURNAME = 'surname of someone in the story';
const LONE_ABROAD = 'a lone small place abroad, the story\'s places being elsewhere';
const MISFIT = new Set(['a small place abroad in a story about elsewhere', LONE_ABROAD, 'doubtful name that does not fit the story', 'no reading fits its context', 'not inside the place named after it']);

/**
 * Rule "unresolved-place" (unresolved.ts finds the names): each name is coded at the division the text puts it
 * in ("X village, Y district", "X (Y, Z)", "the village of X in Y"), else at the province most of the story's
 * places (not its dateline) are in, else at its country (the focus, or the one home country of the armed groups it names). A name with no
 * area the document supports is left out: it would have no coordinates.
 */
function unresolvedPlaces(
  doc: Doc,
  gaz: Gazetteer,
  details: PlaceDetail[],
  dateline: PlaceDetail | null,
  dropped: DocPlaces['dropped'],
  ways: PlaceMention[],
  focus: Focus,
  groups: Demonym[],
): PlaceDetail[] {
  const taken = [...details.map((d) => d.mention), ...ways, ...dropped.filter((d) => !MISFIT.has(d.reason) && d.reason !== SURNAME)];
  // A name refused only because someone in the story bears it is a person unless the text says place.
  const people: { start: number; end: number }[] = dropped.filter((d) => d.reason === SURNAME);
  for (const view of sentenceViews(doc)) {
    const { actors, countries } = findActors(doc.text, view);
    people.push(...actors, ...countries);
  }
  if (doc.has('entities')) for (const e of doc.get('entities')) if (e.label !== 'LOC') people.push(e);
  const names = unresolvedNames(doc, { taken, people, places: details.map((d) => d.mention) });
  if (names.length === 0) return [];
  const homes = [...new Set(groups.flatMap((g) => g.countries))];
  // The province the story's own places are in: the dateline says where the story was filed, not where its
  // villages are ("BEIRUT — ... the southern village of X").
  // When most of its towns and districts lie in one district, named twice or more, that district is where its
  // unplaced villages most likely are (ACLED codes such a village at its district), as in a story that keeps
  // naming one town and its villages; a town named once ("fled toward Y") says too little, unless the text
  // puts a village in it ("... the villages of X and Y (Z, Province)": Z counts twice).
  const containers = new Map(names.map((u) => [u, containerAfter(doc, u, details)] as const));
  const holding = new Set([...containers.values()].filter((d): d is PlaceDetail => d !== null));
  const provinces = new Map<string, number>();
  const districts = new Map<string, number>();
  let local = 0;
  for (const d of details) {
    const code = gaz.admin1CodeOf(d.entry);
    if (d === dateline || d.mention.kind === 'country' || !code || gaz.countryOf(d.entry) !== focus.country) continue;
    provinces.set(code, (provinces.get(code) ?? 0) + 1);
    const a2 = gaz.admin2CodeOf(d.entry);
    if (d.mention.kind === 'city' || d.mention.kind === 'admin2' || d.mention.kind === 'feature') {
      local++;
      if (a2) districts.set(a2, (districts.get(a2) ?? 0) + (holding.has(d) ? 2 : 1));
    }
  }
  const [province] = [...provinces].sort((a, b) => b[1] - a[1])[0] ?? [null];
  const [district, inDistrict] = [...districts].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  const fallback = (): number | null => {
    if (district && inDistrict >= 2 && inDistrict * 2 > local) {
      const id = gaz.admin2Entry(district);
      if (id !== null) return id;
    }
    if (province) {
      const id = gaz.admin1Entry(province);
      if (id !== null) return id;
    }
    const country = focus.country ?? (homes.length === 1 ? homes[0]! : null);
    return country ? gaz.countryEntry(country) : null;
  };
  const tokens = doc.get('tokens');
  const out: PlaceDetail[] = [];
  for (const u of names) {
    const container = containers.get(u) ?? null;
    const area = container?.entry ?? districtBefore(doc, u, details)?.entry ?? fallback();
    if (area === null) continue;
    const e = gaz.entry(area);
    const atSeat = e.kind === 'admin1' || e.kind === 'admin2';
    let lat = atSeat ? e.seatLat : e.lat;
    let lon = atSeat ? e.seatLon : e.lon;
    // "X, 45 km east of Y": the offset point is where X is.
    const rel = container?.relation;
    if (rel && rel.km !== null && rel.bearing !== null && rel.km >= 2 && rel.start >= u.end) ({ lat, lon } = offsetPoint(lat, lon, rel.bearing, rel.km));
    // The town or division it is in is not itself where the clause's event was, nor are the places that
    // go on to locate that one ("X upazila (Y, Z)": Z too).
    if (container) markChain(doc.text, container, details);
    const mention: PlaceMention = {
      start: u.start,
      end: u.end,
      text: u.text,
      name: u.text.replace(/\s+/g, ' '),
      lat: Math.round(lat * 1e5) / 1e5,
      lon: Math.round(lon * 1e5) / 1e5,
      country: e.country,
      admin1: e.kind === 'country' ? null : e.admin1,
      geonameId: null,
      kind: u.kind,
      unresolved: true,
      area: e.name,
    };
    const tokStart = lowerBound(tokens, u.start);
    const tokEnd = lowerBound(tokens, u.end);
    const candidate: Candidate = {
      start: u.start, end: u.end, spanEnd: u.end, tokStart, tokEnd, sentence: u.sentence, surface: u.text, key: u.text,
      postings: [], loose: false, abbreviation: null, designator: u.designator, hint: null,
      before: u.cue === 'locative' ? u.cueWord : null, capBefore: null, capAfter: null, sentenceInitial: false, heading: false,
      allCaps: false, pos: 'PROPN', runStart: tokStart, runEnd: tokEnd,
    };
    out.push({ mention, entry: area, candidate, relation: null, isContainer: false, within: container, unresolved: true });
  }
  return out;
}

/**
 * The division or town the text puts an unresolved name in: a later place of its sentence, with nothing
 * between them that could start another clause (no verb, no semicolon or full stop; at most 100 characters:
 * "X village, Y district", "X (Y, Z)", "X, a hamlet in the district of Y", "X in Y LGA of Z State"). Other names
 * may stand between ("Tamsu, Walari and Dogori villages in Kaluru district"), so a town right after a
 * comma is taken for the next item of a list, not a container; a town is one after "near", "of", "in",
 * "outside" or an opening parenthesis ("X, near Y", "the X quarter in the town of Y").
 */
function containerAfter(doc: Doc, u: UnresolvedName, details: PlaceDetail[]): PlaceDetail | null {
  const text = doc.text;
  const tokens = doc.get('tokens');
  for (const d of details) {
    if (d.candidate.sentence !== u.sentence || d.mention.start < u.spanEnd) continue;
    const gap = text.slice(u.spanEnd, d.mention.start);
    if (gap.length > 100 || /[;:.!?]/.test(gap.replace(/\b\p{L}\./gu, ''))) return null;
    for (let t = lowerBound(tokens, u.spanEnd); t < tokens.length && tokens[t]!.start < d.mention.start; t++) {
      if (tokens[t]!.pos === 'VERB' || tokens[t]!.pos === 'AUX') return null;
    }
    const kind = d.mention.kind;
    if (kind === 'admin1' || kind === 'admin2' || kind === 'country') return d;
    if (/(?:\b(?:near|of|in|outside|from)\s+(?:the\s+)?|\(\s*)$/i.test(gap) || d.relation) return d;
    // "the X area of Y, Z": Y (a name the gazetteer lacks too) lies in Z, so X does.
    if (/^\s+(?:of|in)\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,3}\s*,\s*$/u.test(gap)) return d;
    // "X, Y LGA" (the text calls the town's name a division), or "X, Y" closing the clause: Y contains X.
    // "X, Y and Z" or "X, Y, Z" is a list.
    if (/^\s*,\s*$/.test(gap) && u.cue !== 'list') {
      const after = text.slice(d.mention.end, d.mention.end + 40);
      if (ADMIN_WORD.test(after) || !/^\s*(?:,|and\b|or\b|&)/.test(after)) return d;
    }
  }
  return null;
}

/**
 * Rule "district-of-the-clause": a district the clause names before its villages ("clashes at three
 * locations in X LGA - at A, B and C", "in Y district, at Z") holds them when nothing else places them: the
 * district is the sentence's only one, with no verb or clause break between it and the village.
 */
function districtBefore(doc: Doc, u: UnresolvedName, details: PlaceDetail[]): PlaceDetail | null {
  const inSentence = details.filter((d) => d.candidate.sentence === u.sentence && d.mention.kind === 'admin2' && !d.unresolved);
  if (inSentence.length !== 1) return null;
  const d = inSentence[0]!;
  if (d.mention.end > u.start) return null;
  const gap = doc.text.slice(d.mention.end, u.start);
  if (gap.length > 80 || /[;:.!?()]/.test(gap.replace(/\b\p{L}\./gu, ''))) return null;
  const tokens = doc.get('tokens');
  for (let t = lowerBound(tokens, d.mention.end); t < tokens.length && tokens[t]!.start < u.start; t++) {
    if (tokens[t]!.pos === 'VERB' || tokens[t]!.pos === 'AUX') return null;
  }
  return d;
}

const ADMIN_WORD = /^\s+(?:lga|local government|local council|upazila|district|commune|county|sub-county|cercle|province|state|region|division|department)\b/i;

function markChain(text: string, container: PlaceDetail, details: PlaceDetail[]): void {
  container.isContainer = true;
  let last = container;
  for (const d of details) {
    if (d.mention.start < last.mention.end || d.candidate.sentence !== last.candidate.sentence) continue;
    if (!/^\s*[,(]\s*$/.test(text.slice(last.mention.end, d.mention.start))) break;
    d.isContainer = true;
    last = d;
  }
}


/** Named armed groups with a home country, as the actor lexicon reads them (data/actors). */
function namedGroups(doc: Doc): { start: number; end: number; name: string; country: string }[] {
  const out: { start: number; end: number; name: string; country: string }[] = [];
  for (const view of sentenceViews(doc)) {
    for (const m of findActors(doc.text, view).actors) {
      if (m.generic || !m.country || !['rebel', 'militia', 'identity'].includes(m.cls)) continue;
      out.push({ start: m.start, end: m.end, name: m.entry.actor, country: m.country.code });
    }
  }
  return out;
}

/** Capitalised names of peoples and communities the actor lexicon reads ("Fulani", "Peul"), by span. */
function namedPeoples(doc: Doc): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const view of sentenceViews(doc)) {
    for (const m of findActors(doc.text, view).actors) {
      // (The lexicon's own proper names only: "Narok residents" is read as a community but names a town.)
      if (!(m.cls === 'identity' || m.cls === 'civilians') || !/^\p{Lu}/u.test(m.entry.alias)) continue;
      out.push({ start: m.start, end: m.end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function fitsInside(gaz: Gazetteer, id: number, container: number): boolean {
  const k = gaz.kindOf(container);
  if (k === 'country') return gaz.countryOf(id) === gaz.countryOf(container);
  if (k === 'admin1') return gaz.admin1CodeOf(id) === gaz.admin1CodeOf(container);
  if (k === 'admin2') return gaz.admin2CodeOf(id) === gaz.admin2CodeOf(container);
  return false;
}

/**
 * Doubtful readings stay only where they fit the story: in its main country, and in its main region or
 * within 100 km of one of its confidently read places.
 */
function dropMisfits(
  gaz: Gazetteer,
  resolved: Map<Candidate, Resolution>,
  focus: Focus,
  drop: (c: Candidate, reason: string) => void,
  supported: ReadonlySet<string> = new Set(),
): boolean {
  // A small place abroad, in a story that is clearly about one country, is a misreading of a local name.
  // "Clearly" is judged on what the story names outright (countries, regions, demonyms) when it names any.
  // (Only when both agree: a local story that names one foreign country is still about its own towns.)
  const country = focus.country;
  const dominant = focus.namedCountry === focus.country ? Math.max(focus.namedShare, focus.share) : focus.share;
  for (const [c, r] of [...resolved]) {
    const k = gaz.kindOf(r.entry);
    // "the Rabat area of Tarnak district": a name the text itself calls a local area or village.
    const local = c.designator === 'area' || c.designator === 'village' || c.designator === 'villages';
    if (country === null || dominant < 0.6 || k === 'country' || (k === 'admin1' && !local)) continue;
    // Rule "elsewhere-needs-a-place": a story is "about elsewhere" only if it reads some province, district
    // or town there. Naming a country or an actor's nationality ("Turkish drones struck a vehicle near Qamishli",
    // "rockets fired from southern Lebanon toward Kiryat Shmona") does not make a lone town abroad a
    // misreading: it is the only place the note has. (Local stories name their own towns, so they keep the rule.)
    if (!local && !hasLocalPlace(gaz, resolved, c, country)) continue;
    if (gaz.countryOf(r.entry) === country || focus.namedCountries.has(gaz.countryOf(r.entry))) continue;
    // (An alternate that only respells the main name, "Khan Younis" for Khan Yunis, is read as the main name.)
    const respelt = looseKey(c.surface) === looseKey(gaz.nameOf(r.entry));
    const byAlternate = (c.postings.find((p) => p.id === r.entry)?.alternate ?? false) && !respelt;
    const pop = gaz.populationOf(r.entry);
    if (local || ((byAlternate || c.loose) && pop < 500_000) || (pop < 50_000 && !c.hint)) {
      resolved.delete(c);
      drop(c, 'a small place abroad in a story about elsewhere');
    }
  }
  // Rule "lone-town-abroad": in a note that names no country, a small town abroad that nothing else in the
  // story supports — no other place or group of its country — while the note's own places lie in another
  // country that it backs (a group active there, two of its places, or a division the text designates, "X
  // LGA"), far from them, is a namesake misread ("troops cleared [a village] and [a Borno town]": not a
  // Chinese village of the same name). Judged even when the note names too few places for a clear focus. A
  // town of 50,000+, a capital, or one near the story's places (across a border) stays; so does a lone town
  // against a lone town (nothing tells which is misread), and any town of a story that names a country
  // (which the focus rules judge).
  let loneDropped = false;
  const sure = (o: Candidate, id: number): boolean => {
    const ok = gaz.kindOf(id);
    const f = gaz.featureOf(id);
    return (!o.weak || o.hint !== null) && ok !== 'country' && f !== REGION && f !== REGION_MULTI;
  };
  for (const [c, r] of [...resolved]) {
    const k = gaz.kindOf(r.entry);
    const local = c.designator === 'area' || c.designator === 'village' || c.designator === 'villages';
    if (!(k === 'city' || k === 'feature' || (local && k === 'admin1'))) continue;
    if (c.hint !== null && !local) continue;
    const there = gaz.countryOf(r.entry);
    if (focus.namedCountries.size > 0 || supported.has(there)) continue;
    const f = gaz.featureOf(r.entry);
    if (f === 'PPLC' || f === 'PPLA' || gaz.populationOf(r.entry) >= 50_000) continue;
    let alone = true;
    const backing = new Map<string, number>();
    for (const [o, or] of resolved) {
      if (o === c || o.key === c.key) continue;
      const oc = gaz.countryOf(or.entry);
      if (oc === there) alone = false;
      if (!sure(o, or.entry) || oc === there) continue;
      if (kmBetween(gaz, or.entry, r.entry) < 100) alone = false;
      const strongOne = o.hint === 'admin1' || o.hint === 'admin2' || supported.has(oc);
      backing.set(oc, (backing.get(oc) ?? 0) + (strongOne ? 2 : 1));
    }
    if (alone && [...backing.values()].some((v) => v >= 2)) {
      resolved.delete(c);
      drop(c, LONE_ABROAD);
      loneDropped = true;
    }
  }
  const strong: number[] = [];
  for (const [c, r] of resolved) {
    const k = gaz.kindOf(r.entry);
    // Rule "regions-are-not-anchors": a curated region ("Iraqi Kurdistan", "Darfur") is too large to say
    // that a town within 100 km of its centre fits; it counts for the country only.
    const region = gaz.featureOf(r.entry) === REGION || gaz.featureOf(r.entry) === REGION_MULTI;
    if (!c.weak && !region && (k === 'city' || k === 'admin2' || k === 'feature')) strong.push(r.entry);
  }
  // Each sure place once (not once per mention): the tests below ask whether one lies near.
  strong.splice(0, strong.length, ...new Set(strong));
  for (const [c, r] of [...resolved]) {
    if (!c.weak) continue;
    const e = r.entry;
    // A story that names no country and no sure place (a short incident note: "A vehicle was hit near
    // Qamishli") has nothing to set a doubtful name against: one the text calls a place ("near X", "X
    // province") is then the best reading there is.
    // Rule "actors-are-not-a-focus": a focus that rests only on demonyms and country names ("Armenian and
    // Azerbaijani forces exchanged fire near Fuzuli") says whose forces acted, not which town is meant.
    const unplaced = focus.country === null || !hasLocalPlace(gaz, resolved, c, null);
    // Rule "lone-town-of-size": nor does a town of 50,000+ that is doubtful only for its spelling
    // ("Ethiopian troops went to Baydhabo and Garowe was calm").
    const sizable =
      (c.weakWhy === 'alternate name only' || c.weakWhy === 'loose spelling') && gaz.kindOf(e) === 'city' && gaz.populationOf(e) >= 50_000;
    const alone = unplaced && strong.length === 0 && (sizable || c.hint !== null || (c.before !== null && LOCATIVE.has(c.before)));
    // Rule "across-the-border": a doubtful name within 50 km of a place the story reads surely fits it even
    // in the next country ("rockets hit Metula; artillery shelled Khiam").
    const beside = strong.some((s) => s !== e && kmBetween(gaz, s, e) < 50);
    let fits = alone || beside || (focus.country !== null && gaz.countryOf(e) === focus.country);
    if (fits && strong.length) {
      const sameRegion = focus.admin1 !== null && gaz.admin1CodeOf(e) === focus.admin1;
      const near = strong.some((s) => s !== e && kmBetween(gaz, s, e) < 100);
      fits = sameRegion || near;
    }
    if (!fits) {
      resolved.delete(c);
      drop(c, 'doubtful name that does not fit the story');
    }
  }
  return loneDropped;
}

/** Whether the story surely reads a province, district, town or site (not `self`), in `country` if given. */
function hasLocalPlace(gaz: Gazetteer, resolved: Map<Candidate, Resolution>, self: Candidate, country: string | null): boolean {
  for (const [c, r] of resolved) {
    if (c === self || c.weak || c.key === self.key) continue;
    const k = gaz.kindOf(r.entry);
    if ((k === 'city' || k === 'admin2' || k === 'admin1' || k === 'feature') && gaz.featureOf(r.entry) !== REGION_MULTI && gaz.featureOf(r.entry) !== REGION) {
      if (country === null || gaz.countryOf(r.entry) === country) return true;
    }
  }
  return false;
}

function kmBetween(gaz: Gazetteer, a: number, b: number): number {
  return km(gaz.latOf(a), gaz.lonOf(a), gaz.latOf(b), gaz.lonOf(b));
}

/** The country and admin1 most of the story's places (and demonyms) are in. */
interface Focus {
  country: string | null;
  admin1: string | null;
  share: number;
  /** The country of what the story names outright (countries, regions, demonyms), and its share. */
  namedCountry: string | null;
  namedShare: number;
  /** Every country the story names (or names a region of). */
  namedCountries: Set<string>;
}

function focusOf(gaz: Gazetteer, resolved: Map<Candidate, Resolution>, demonymCountries: string[]): Focus {
  const named = new Map<string, number>();
  for (const c of demonymCountries) named.set(c, (named.get(c) ?? 0) + 0.5);
  for (const [cand, r] of resolved) {
    const k = gaz.kindOf(r.entry);
    if (cand.weak || !(k === 'country' || k === 'admin1' || cand.abbreviation)) continue;
    const c = gaz.countryOf(r.entry);
    named.set(c, (named.get(c) ?? 0) + 1);
  }
  const countries = new Map<string, number>();
  const admin1 = new Map<string, number>();
  for (const c of demonymCountries) countries.set(c, (countries.get(c) ?? 0) + 0.6);
  for (const [cand, r] of resolved) {
    if (cand.weak || gaz.featureOf(r.entry) === REGION_MULTI) continue;
    const c = gaz.countryOf(r.entry);
    // Countries and regions named outright say more than towns, and towns read by an alternate name less.
    const k = gaz.kindOf(r.entry);
    const alternate = cand.postings.find((p) => p.id === r.entry)?.alternate ?? false;
    // Rule "capitals-weigh-more": a capital or a city of a million is read surely; in a note naming it and one
    // small namesake abroad ("the village of X, outside [a provincial capital]") it says where the note is.
    const w = k === 'country' || k === 'admin1' ? 2 : alternate || cand.loose ? 0.3 : 1 + majorCityWeight(gaz, r.entry);
    countries.set(c, (countries.get(c) ?? 0) + w);
    const a = gaz.admin1CodeOf(r.entry);
    if (a && gaz.kindOf(r.entry) !== 'country') admin1.set(a, (admin1.get(a) ?? 0) + 1);
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const country = top(countries);
  let total = 0;
  for (const v of countries.values()) total += v;
  const namedCountry = top(named);
  let namedTotal = 0;
  for (const v of named.values()) namedTotal += v;
  return {
    country,
    admin1: top(admin1),
    share: country && total ? countries.get(country)! / total : 0,
    namedCountry,
    namedShare: namedCountry ? named.get(namedCountry)! / namedTotal : 0,
    namedCountries: new Set(named.keys()),
  };
}

function majorCityWeight(gaz: Gazetteer, id: number): number {
  if (gaz.kindOf(id) !== 'city') return 0;
  const f = gaz.featureOf(id);
  const pop = gaz.populationOf(id);
  return f === 'PPLC' || pop >= 1_000_000 ? 1 : f === 'PPLA' || pop >= 100_000 ? 0.5 : 0;
}

/** For tests and tools: run the component on a document that has tokens and sentences. */
export function placesOf(doc: Doc): PlaceMention[] {
  places.run(doc);
  return doc.get('places');
}
