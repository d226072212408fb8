/**
 * Disambiguation: picks, for each candidate name, the gazetteer entry it refers to. The score of an
 * entry adds its prior (kind, population, seat status, whether the name is its main one) to what the
 * document says: the countries and regions it is about (the focus: country and region names, demonyms,
 * state abbreviations, the dateline), the places next to it ("Springfield, Ill.": containment), the
 * designator ("Nineveh province", "Kirkuk city") and how close the entry lies to the other places of
 * the story. Every mention of one name in a document gets the same reading (one sense per discourse),
 * so spellings of one place resolve alike.
 */
import { UNLISTED } from '../../gazetteer/types.js';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import { editDistance, looseKey, skeleton } from '../../gazetteer/fold.js';
import { isRegion, REGION_MULTI } from '../../gazetteer/types.js';
import type { Candidate, Demonym } from './candidates.js';
import { km } from '../../core/geo.js';

export interface Resolution {
  entry: number;
  score: number;
  /** The container it was read inside ("Balkh" for "Dawlat Abad district, Balkh"). */
  container: Candidate | null;
  /** The container is the last place of a parenthesis after the name ("X town (Y, Z)"). */
  paren?: boolean;
}

export interface Focus {
  countries: Map<string, number>;
  admin1: Map<string, number>;
  /** What each name (by key) added to the focus, so that a name is judged by the others' evidence. */
  byName: Map<string, { countries: Map<string, number>; admin1: Map<string, number> }>;
}

/**
 * Rule "focus-of-others": the focus a name is read in leaves out what that name itself added. Without
 * it a name repeated often enough is its own evidence: eight "Alexandria"s read in Egypt make the story
 * Egyptian and outvote the four "Virginia"s next to them.
 */
function focusShare(focus: Focus, which: 'countries' | 'admin1', k: string | null, name: string): number {
  if (!k) return 0;
  const own = focus.byName.get(name)?.[which];
  let total = 0;
  for (const [kk, v] of focus[which]) total += v - (own?.get(kk) ?? 0);
  let mine = (focus[which].get(k) ?? 0) - (own?.get(k) ?? 0);
  // An area of several countries (a group's areas of operation) speaks for a reading in any of them.
  if (which === 'countries') for (const [kk, v] of focus.countries) if (kk.includes(' ') && kk.split(' ').includes(k)) mine += v;
  return total > 1e-9 ? Math.max(0, mine) / total : 0;
}

/**
 * Demonyms and other evidence of the story's country. One that names several countries ("Kurdish") splits its
 * weight among them; an area (`Demonym.area`: the countries a group operates in) counts whole for each of them,
 * as one unit beside the rest, so it tells its countries from the rest of the world but not from each other.
 */
function addDemonyms(focus: Focus, demonyms: Demonym[]): void {
  for (const d of demonyms) {
    const w = 0.6 * (d.weight ?? 1);
    if (d.area && d.countries.length > 1) addFocus(focus, 'countries', null, d.countries.join(' '), w);
    else for (const c of d.countries) addFocus(focus, 'countries', null, c, w / d.countries.length);
  }
}

function addFocus(focus: Focus, which: 'countries' | 'admin1', name: string | null, k: string | null, w: number): void {
  if (!k) return;
  add(focus[which], k, w);
  if (name === null) return;
  let own = focus.byName.get(name);
  if (!own) focus.byName.set(name, (own = { countries: new Map(), admin1: new Map() }));
  add(own[which], k, w);
}


// National capitals are named far more often than their namesakes ("Washington", "Athens", "Paris").
const SEAT_BONUS: Record<string, number> = { PPLC: 3, PPLA: 1, PPLA2: 0.4, PPLA3: 0.1 };

function add(m: Map<string, number>, k: string | null, w: number): void {
  if (k) m.set(k, (m.get(k) ?? 0) + w);
}

/** The entry's prior: what it is, how big, how official the name that matched. */
function prior(gaz: Gazetteer, id: number, alternate: boolean, loose: boolean): number {
  const kind = gaz.kindOf(id);
  const pop = gaz.populationOf(id);
  let s: number;
  switch (kind) {
    case 'country':
      s = 7;
      break;
    case 'admin1':
      s = 3.5 + 0.3 * Math.log10(pop + 1);
      break;
    case 'admin2':
      s = 0.5 + 0.2 * Math.log10(pop + 1);
      break;
    case 'city':
      s = 0.6 * Math.log10(pop + 1) + (SEAT_BONUS[gaz.featureOf(id)] ?? 0);
      break;
    default:
      // Curated places: named in news because they matter there.
      s = 1.5 + 0.4 * Math.log10(pop + 1);
  }
  if (alternate) s -= 2.5;
  if (loose) s -= 1;
  // A place only the second list has (population unknown, no other names): the last reading of its name.
  if (gaz.featureOf(id) === UNLISTED) s -= 2;
  return s;
}

function hintBonus(gaz: Gazetteer, id: number, c: Candidate): number {
  if (!c.hint) return 0;
  const kind = gaz.kindOf(id);
  const feature = gaz.featureOf(id);
  switch (c.hint) {
    case 'admin1':
      return kind === 'admin1' ? 5 : kind === 'admin2' ? 2 : kind === 'city' ? -1 : 0;
    case 'admin2':
      // "X district" is a second-level division, or a district of a city in the supplement.
      return kind === 'admin2' ? 5 : kind === 'feature' ? 2 : kind === 'city' && feature.startsWith('PPLA') ? 1 : 0;
    case 'city':
      return kind === 'city' ? 3 : kind === 'admin1' || kind === 'admin2' ? -2 : 0;
    case 'feature':
      return kind === 'feature' ? 3 : 0;
    case 'area':
      return kind === 'admin1' || kind === 'admin2' || isRegion(feature) ? 2 : 0;
  }
}

/** Fit of an entry inside a resolved container entry: large bonus inside, large penalty outside. */
function containerFit(gaz: Gazetteer, id: number, container: number): number {
  const kind = gaz.kindOf(container);
  if (kind === 'country') return gaz.countryOf(id) === gaz.countryOf(container) ? 4 : -6;
  if (kind === 'admin1') {
    if (gaz.admin1CodeOf(id) === gaz.admin1CodeOf(container) && id !== container) return 6;
    return gaz.countryOf(id) === gaz.countryOf(container) ? -3 : -6;
  }
  if (kind === 'admin2') return gaz.admin2CodeOf(id) === gaz.admin2CodeOf(container) && id !== container ? 5 : -2;
  const d = km(gaz.latOf(id), gaz.lonOf(id), gaz.latOf(container), gaz.lonOf(container));
  return d < 30 ? 3 : d < 100 ? 0 : -4;
}

/**
 * Fit inside a parenthesis of places, taking the best of their readings for this entry: "(Y, Dhaka)" means
 * the division Dhaka as much as the city, and which of them the name itself resolves to does not matter
 * here. A village of unknown size only the second list has says too little to rule a reading out (the
 * division the text means may be missing under that name), so it is no container; with no reading left
 * the parenthesis says nothing.
 */
function parenFit(gaz: Gazetteer, id: number, inside: Candidate[]): number {
  let area = -Infinity;
  let town = -Infinity;
  for (const c of inside) {
    for (const q of c.postings) {
      if (q.id === id || gaz.featureOf(q.id) === UNLISTED) continue;
      const k = gaz.kindOf(q.id);
      if (k === 'admin1' || k === 'admin2' || k === 'country') area = Math.max(area, containerFit(gaz, id, q.id));
      else town = Math.max(town, containerFit(gaz, id, q.id));
    }
  }
  // Divisions say it by their codes; a town only by distance, which is the weaker test ("Y" of "(Y, Z)" is
  // most often a district named after its town), so it counts only where no division is named.
  return area > -Infinity ? area : town > -Infinity ? town : 0;
}

export interface ResolveInput {
  gaz: Gazetteer;
  candidates: Candidate[];
  demonyms: Demonym[];
  /** The candidate of the dateline, if the story has one. */
  dateline: Candidate | null;
  text: string;
  /** Home countries of the named armed groups the story tells of ("Boko Haram": NG). */
  homeCountries?: Set<string>;
}

export interface Container {
  candidate: Candidate;
  /**
   * "X, Y" (Y must be a region or country: lists of towns are written the same way), "X of Y", or "X (Y, Z)":
   * a parenthesis of places right after a name, which gives the divisions it lies in (the last, the largest).
   */
  via: 'comma' | 'of' | 'paren';
  /** Every place of the parenthesis ("Y" and "Z" of "X (Y, Z)"). */
  inside?: Candidate[];
}

// Rule "parenthesised-divisions": "X (Y, Z)", "X town (Y, Z)", "X upazila (Z)": the places in a parenthesis
// right after a name (a designator word may stand between) say where it is. Only names may stand in it
// before the last place, so "(AFP reports)" or "(7 km from Y)" is no container.
const PAREN_OPEN = /^(?:\s+(?:[a-z][a-z-]*|LGA))?\s*\(\s*$/;
const PAREN_NAMES = /^(?:[\p{Lu}][\p{L}\p{M}'’.-]*(?:[\s-]+[\p{Lu}][\p{L}\p{M}'’.-]*)*\s*,\s*)*$/u;

function parenContainer(text: string, cands: Candidate[], i: number): Container | null {
  const c = cands[i]!;
  const m = /\(/.exec(text.slice(c.spanEnd, c.spanEnd + 40));
  if (!m) return null;
  const open = c.spanEnd + m.index + 1;
  if (!PAREN_OPEN.test(text.slice(c.spanEnd, open))) return null;
  const close = text.indexOf(')', open);
  if (close < 0 || close - open > 80) return null;
  const inside: Candidate[] = [];
  for (let j = i + 1; j < cands.length && cands[j]!.start < close; j++) {
    const n = cands[j]!;
    if (n.spanEnd > close) return null;
    inside.push(n);
  }
  const last = inside[inside.length - 1];
  if (!last || !/^\s*$/.test(text.slice(last.spanEnd, close))) return null;
  if (!PAREN_NAMES.test(text.slice(open, last.start))) return null;
  return { candidate: last, via: 'paren', inside };
}

/** The candidate that says where this one is: "Springfield, Ill.", "the Paie Nawa area of Tarinkot city". */
function containerOf(text: string, cands: Candidate[], i: number): Container | null {
  const c = cands[i]!;
  const next = cands[i + 1];
  if (!next || next.sentence !== c.sentence) return null;
  const gap = text.slice(c.spanEnd, next.start);
  if (/^\s*,\s*$/.test(gap) || /^\s+(?:district|city|town|village|area|province|county),\s*$/i.test(gap)) return { candidate: next, via: 'comma' };
  const paren = parenContainer(text, cands, i);
  if (paren) return paren;
  // "the Paie Nawa area of Tarinkot city", "Shakiban village of Zinda Jan district", "Regi of Deh Rahwod".
  if (/^\s+(?:(?:area|areas|village|villages|neighbou?rhood|locality|part|outskirts|suburb|suburbs)\s+)?of\s+(?:the\s+)?$/i.test(gap)) {
    return { candidate: next, via: 'of' };
  }
  // Rule "appositive-container": "X, a town in the municipality of Y", "X, a village in Y district": the
  // text says what X is and where.
  if (APPOSITIVE_IN.test(gap)) return { candidate: next, via: 'of' };
  return null;
}

const APPOSITIVE_IN =
  /^\s*,\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}?(?:town|village|hamlet|settlement|locality|community|city|district|neighbou?rhood|suburb)\s+(?:in|of|within)\s+(?:the\s+)?(?:(?:[a-z-]+\s+)?(?:municipality|district|province|county|region|state|department|commune|township|governorate|prefecture)\s+of\s+(?:the\s+)?)?$/;

export function resolve(input: ResolveInput): Map<Candidate, Resolution> {
  const { gaz, candidates, demonyms, dateline, text } = input;
  const focus: Focus = { countries: new Map(), admin1: new Map(), byName: new Map() };

  // Evidence before any reading: unambiguous country and region names, demonyms, abbreviations, dateline.
  addDemonyms(focus, demonyms);
  for (const c of candidates) {
    if (c.weak) continue;
    if (c.abbreviation) {
      addFocus(focus, 'countries', c.key, 'US', 1);
      addFocus(focus, 'admin1', c.key, c.abbreviation.admin1, 1.5);
      continue;
    }
    const primary = c.postings.filter((p) => !p.alternate);
    const countries = primary.filter((p) => gaz.kindOf(p.id) === 'country');
    const admins = primary.filter((p) => gaz.kindOf(p.id) === 'admin1');
    if (countries.length === 1 && !c.loose) addFocus(focus, 'countries', c.key, gaz.countryOf(countries[0]!.id), 1);
    if (admins.length === 1 && countries.length === 0 && !c.loose) {
      addFocus(focus, 'admin1', c.key, gaz.admin1CodeOf(admins[0]!.id), 1);
      addFocus(focus, 'countries', c.key, gaz.countryOf(admins[0]!.id), 0.5);
    }
  }
  if (dateline) {
    for (const p of dateline.postings) {
      if (!p.alternate) addFocus(focus, 'countries', dateline.key, gaz.countryOf(p.id), 0.5 / dateline.postings.length);
    }
  }

  // Countries named outright, and by which names.
  const namedCountries = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (c.weak || c.loose || c.abbreviation) continue;
    const countries = c.postings.filter((p) => !p.alternate && gaz.kindOf(p.id) === 'country');
    if (countries.length !== 1) continue;
    const iso = gaz.countryOf(countries[0]!.id);
    if (!namedCountries.has(iso)) namedCountries.set(iso, new Set());
    namedCountries.get(iso)!.add(c.key);
  }
  const containers = candidates.map((_, i) => containerOf(text, candidates, i));
  const commaContainers = new Set(containers.filter((k) => k?.via === 'comma' || k?.via === 'paren').map((k) => k!.candidate));
  const isContainer = candidates.map((c) => commaContainers.has(c));
  // Groups: one reading per name and container in the document.
  const groups = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    const k = `${c.key}|${c.hint ?? ''}|${containers[i]?.candidate.key ?? ''}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  });

  const targets = groupTargets(gaz, groups, candidates);
  const chosen = new Map<Candidate, Resolution>();
  const abbreviationEntry = (c: Candidate) => gaz.admin1Entry(c.abbreviation!.admin1);

  for (let round = 0; round < 3; round++) {
    // Places read so far, for proximity (areas too big to say much are left out).
    // One point per name and reading, not per mention: the nearest distance is the same, and a long
    // document naming one town a hundred times does not compare every reading with it a hundred times.
    const points: { lat: number; lon: number; key: string }[] = [];
    if (round > 0) {
      const seenPoints = new Set<string>();
      for (const [c, r] of chosen) {
        if (c.weak) continue;
        const k = gaz.kindOf(r.entry);
        if (!(k === 'city' || k === 'feature' || k === 'admin2')) continue;
        const id = `${r.entry}|${c.key}`;
        if (seenPoints.has(id)) continue;
        seenPoints.add(id);
        points.push({ lat: gaz.latOf(r.entry), lon: gaz.lonOf(r.entry), key: c.key });
      }
    }
    const next = new Map<Candidate, Resolution>();
    for (const idxs of groups.values()) {
      const c0 = candidates[idxs[0]!]!;
      if (c0.abbreviation) {
        const e = abbreviationEntry(c0);
        if (e !== null) for (const i of idxs) next.set(candidates[i]!, { entry: e, score: 10, container: null });
        continue;
      }
      const link = containers[idxs[0]!] ?? null;
      const container = link?.candidate ?? null;
      let containerEntry = container ? (chosen.get(container)?.entry ?? (container.abbreviation ? abbreviationEntry(container) : null)) : null;
      // After a comma only a region or a country locates a name; a town there is the next item of a list.
      if (link?.via === 'comma' && containerEntry !== null && !['admin1', 'admin2', 'country'].includes(gaz.kindOf(containerEntry))) {
        containerEntry = null;
      }
      // (A parenthesis is weighed by parenFit, over all the readings of its place.)
      if (link?.via === 'paren') containerEntry = null;
      let best = -1;
      let bestScore = -Infinity;
      // Rule "city-over-its-division": a city that shares its name with the division it is in ("Erbil",
      // "Kirkuk", "Kabul") is what the bare name means; the division needs its designator. The division
      // steps back rather than the city stepping forward, so the rule settles city against division only
      // and does not lift a foreign city over its namesakes elsewhere (Alexandria, Egypt, is also a
      // governorate; that says nothing against Alexandria, Virginia).
      const cityAdmin1 = new Set<string>();
      const cityAdmin2 = new Set<string>();
      const admin1Codes = new Set<string>();
      const admin2Codes = new Set<string>();
      for (const p of c0.postings) {
        const k = gaz.kindOf(p.id);
        if (k === 'admin1') admin1Codes.add(gaz.admin1CodeOf(p.id) ?? '');
        if (k === 'admin2') admin2Codes.add(gaz.admin2CodeOf(p.id) ?? '');
        if (k !== 'city' || p.alternate) continue;
        cityAdmin1.add(gaz.admin1CodeOf(p.id) ?? '-');
        cityAdmin2.add(gaz.admin2CodeOf(p.id) ?? '-');
      }
      // (A province named after its capital, like Alexandria's, makes the name a city's name.)
      const areaName =
        !c0.loose &&
        c0.postings.some((p) => {
          const k = gaz.kindOf(p.id);
          return !p.alternate && (k === 'country' || (k === 'admin1' && !cityAdmin1.has(gaz.admin1CodeOf(p.id) ?? '')));
        });
      const cityHint = idxs.some((i) => candidates[i]!.hint === 'city');
      const areaHint = idxs.some((i) => ['admin1', 'admin2', 'area'].includes(candidates[i]!.hint ?? ''));
      const others = coherenceTargets(targets, c0.key);
      for (const p of c0.postings) {
        let s = prior(gaz, p.id, p.alternate, c0.loose);
        const kindP = gaz.kindOf(p.id);
        if (!areaHint && kindP === 'admin1' && cityAdmin1.has(gaz.admin1CodeOf(p.id) ?? '')) s -= 2.5;
        else if (!areaHint && kindP === 'city' && !p.alternate && admin1Codes.has(gaz.admin1CodeOf(p.id) ?? '-')) s += 1.5;
        else if (!areaHint && kindP === 'admin2' && cityAdmin2.has(gaz.admin2CodeOf(p.id) ?? '')) s -= 0.7;
        // A city known by the division's name only as an alternate ("New York" for New York City) is still
        // what the bare name means.
        else if (!areaHint && kindP === 'city' && p.alternate) {
          if (admin1Codes.has(gaz.admin1CodeOf(p.id) ?? '-')) s += 4;
          else if (admin2Codes.has(gaz.admin2CodeOf(p.id) ?? '-')) s += 0.7;
        }
        s += coherence(gaz, p.id, others);
        s += idxs.reduce((m, i) => Math.max(m, hintBonus(gaz, p.id, candidates[i]!)), 0);
        const kind = gaz.kindOf(p.id);
        if (kind !== 'country') {
          s += 4 * focusShare(focus, 'countries', gaz.countryOf(p.id), c0.key);
          // Rule "named-country": a country the story names outright ("Ireland") speaks for its towns
          // however many places elsewhere the story names ("Sligo" there, not in Pennsylvania).
          // (Towns only: a state named like a country, Georgia, is weighed by the focus alone.)
          if (kind !== 'admin1' && [...(namedCountries.get(gaz.countryOf(p.id)) ?? [])].some((k) => k !== c0.key)) s += NAMED_COUNTRY_BONUS;
          s += 3 * focusShare(focus, 'admin1', gaz.admin1CodeOf(p.id), c0.key);
        }
        // Rule "group-home-country": in a story that names no country outright, a named armed group's home
        // country is where its towns are most likely ("Boko Haram ambushed troops at Banki"). It chooses among
        // namesakes, not the kind of place: a name the text calls a division ("X Province") is left to its
        // designator, whatever town bears the name in the group's country.
        const division = idxs.some((i) => candidates[i]!.hint === 'admin1' || candidates[i]!.hint === 'admin2');
        if (kind === 'city' && !division && namedCountries.size === 0 && input.homeCountries?.has(gaz.countryOf(p.id))) s += GROUP_HOME_BONUS;
        // The name after "Town," is the town's state or country ("Athens, Georgia"; "Athens, Greece").
        if (isContainer[idxs[0]!] && (kind === 'admin1' || kind === 'country')) s += 2;
        if (link?.via === 'paren') s += parenFit(gaz, p.id, link.inside!);
        else if (containerEntry !== null) s += containerFit(gaz, p.id, containerEntry);
        // Rule "area-name-over-small-namesake": a country's or state's name means the area ("moved to
        // Kansas", "troops in Georgia"), not a small town of that name near the story's other places, unless
        // the text locates or designates the town ("Kansas, Ill.", "the village of Oregon").
        else if (areaName && kind === 'city' && !cityHint && gaz.populationOf(p.id) < AREA_NAMESAKE_POP) s -= AREA_NAMESAKE_PENALTY;
        if (points.length && (kind === 'city' || kind === 'feature' || kind === 'admin2')) {
          let near = Infinity;
          for (const q of points) if (q.key !== c0.key) near = Math.min(near, km(gaz.latOf(p.id), gaz.lonOf(p.id), q.lat, q.lon));
          if (near < Infinity) s += 1.5 * Math.exp(-near / 100);
        }
        if (s > bestScore) {
          bestScore = s;
          best = p.id;
        }
      }
      if (best < 0) continue;
      // Rule "country-over-its-own-division": a country's name that one of its own provinces also bears
      // ("Mexico" and the State of México) means the country; the province needs its designator ("Mexico
      // State", "the state of Mexico"). Its places only make the province look likely: they are the country's.
      if ((gaz.kindOf(best) === 'admin1' || gaz.kindOf(best) === 'admin2') && !idxs.some((i) => candidates[i]!.hint === 'admin1' || candidates[i]!.hint === 'admin2')) {
        const own = c0.postings.find((p) => !p.alternate && gaz.kindOf(p.id) === 'country' && gaz.countryOf(p.id) === gaz.countryOf(best));
        if (own) best = own.id;
      }
      // A name read outside the place its text puts it in ("X district, Balkh" with no X in Balkh) is left
      // to the designated-name pass rather than read abroad.
      const bestKind = gaz.kindOf(best);
      // (A parenthesis of divisions is the text's own statement of where the name is: any reading outside
      // every reading of it is wrong, however big.)
      if (link?.via === 'paren' && bestKind !== 'country' && parenFit(gaz, best, link.inside!) < 0) continue;
      if (containerEntry !== null && containerFit(gaz, best, containerEntry) < 0 && bestKind !== 'country' && bestKind !== 'admin1' && gaz.populationOf(best) < 100_000) {
        continue;
      }
      for (const i of idxs) next.set(candidates[i]!, { entry: best, score: bestScore, container: containerEntry !== null || link?.via === 'paren' ? container : null, paren: link?.via === 'paren' });
    }
    chosen.clear();
    for (const [k, v] of next) chosen.set(k, v);
    // Focus from what has been read: regions and countries of the places.
    if (round < 2) {
      focus.countries.clear();
      focus.admin1.clear();
      focus.byName.clear();
      addDemonyms(focus, demonyms);
      for (const [c, r] of chosen) {
        if (c.weak || gaz.featureOf(r.entry) === REGION_MULTI) continue;
        const k = gaz.kindOf(r.entry);
        const w = k === 'country' ? 1 : k === 'admin1' ? 1 : 0.5;
        addFocus(focus, 'countries', c.key, gaz.countryOf(r.entry), w);
        if (k !== 'country') addFocus(focus, 'admin1', c.key, gaz.admin1CodeOf(r.entry), k === 'admin1' ? 1 : 0.5);
      }
    }
  }
  return chosen;
}

/** What a group of mentions of one name offers the others for coherence (./coherenceTargets). */
interface GroupTarget {
  key: string;
  /** Left out: a weak or abbreviated name (an abbreviation's region is offered all the same, as `regionIds`). */
  skip: boolean;
  regionIds: number[] | null;
  /** The group's readings, or null when it has none worth offering (or too many to say anything). */
  ids: number[] | null;
}

/**
 * Each group's readings for coherence, computed once per document: coherenceTargets is asked for every name
 * in each of three rounds, and filtering every other name's postings again each time was a tenth of the
 * bytes the places component allocated. Nothing changes the lists afterwards (coherence only reads them).
 */
function groupTargets(gaz: Gazetteer, groups: Map<string, number[]>, candidates: Candidate[]): GroupTarget[] {
  const out: GroupTarget[] = [];
  for (const idxs of groups.values()) {
    const c = candidates[idxs[0]!]!;
    if (c.weak || c.abbreviation) {
      const e = c.abbreviation ? gaz.admin1Entry(c.abbreviation.admin1) : null;
      out.push({ key: c.key, skip: true, regionIds: e !== null ? [e] : null, ids: null });
      continue;
    }
    const listed = c.postings.filter((p) => gaz.featureOf(p.id) !== UNLISTED);
    // A place of unknown size only the second list has says little of where a story is.
    const ids = listed
      .filter((p) => !p.alternate || listed.length < 5)
      .map((p) => p.id)
      .filter((id) => gaz.kindOf(id) !== 'country' && !isRegion(gaz.featureOf(id)));
    out.push({ key: c.key, skip: false, regionIds: null, ids: ids.length && ids.length <= 60 ? ids : null });
  }
  return out;
}

/** The readings other names of the document may have, for coherence (capped per name). */
function coherenceTargets(targets: readonly GroupTarget[], selfKey: string): number[][] {
  const out: number[][] = [];
  for (const t of targets) {
    // A story's geography shows in its first names; a cap keeps huge documents linear.
    if (out.length >= 60) break;
    if (t.key === selfKey || t.skip) {
      if (t.regionIds) out.push(t.regionIds);
      continue;
    }
    if (t.ids) out.push(t.ids);
  }
  return out;
}

/**
 * How well a reading fits the other names of the story: for each other name, whether one of its readings
 * lies near this one (or in the same region). Stories about Athens and Henderson County are about Texas.
 */
const COHERENCE_FREE_READINGS = 4;
const AREA_NAMESAKE_POP = 100_000;
const NAMED_COUNTRY_BONUS = 2.5;
const GROUP_HOME_BONUS = 3;
const AREA_NAMESAKE_PENALTY = 6;

export function coherence(gaz: Gazetteer, id: number, others: number[][]): number {
  const kind = gaz.kindOf(id);
  if (kind === 'country') return 0;
  const a1 = gaz.admin1CodeOf(id);
  const lat = gaz.latOf(id);
  const lon = gaz.lonOf(id);
  let total = 0;
  for (const ids of others) {
    let best = 0;
    for (const o of ids) {
      if (o === id) continue;
      const ko = gaz.kindOf(o);
      let v: number;
      if (ko === 'admin1') v = gaz.admin1CodeOf(o) === a1 ? 0.8 : 0;
      else {
        const d = km(lat, lon, gaz.latOf(o), gaz.lonOf(o));
        v = d < 40 ? 1 : d < 150 ? 0.7 : gaz.admin1CodeOf(o) === a1 ? 0.4 : 0;
      }
      if (v > best) best = v;
      if (best === 1) break;
    }
    // Rule "ambiguous-neighbours-say-less": a name with dozens of readings (a common name, a surname
    // taken for a place) lies near something almost anywhere; its support counts less.
    total += best * Math.min(1, Math.sqrt(COHERENCE_FREE_READINGS / ids.length));
  }
  return Math.min(5, 2.5 * total);
}

/**
 * Fuzzy reading of a name inside a known area ("Charbolak district, Balkh" → Chahār Bōlak): among the
 * entries of that admin1, the one whose name is closest by loose key or consonant skeleton. Containment
 * narrows the field to a few hundred names, which is what makes a loose comparison safe.
 */
interface FuzzyName {
  id: number;
  key: string;
  skeleton: string;
  tie: number;
}

// Per area and kinds, the names to compare with, folded once per process.
const fuzzyNames = new Map<string, FuzzyName[]>();

function namesWithin(gaz: Gazetteer, admin1Code: string, kinds: readonly string[]): FuzzyName[] {
  const cacheKey = `${admin1Code}|${kinds.join(',')}`;
  let list = fuzzyNames.get(cacheKey);
  if (list) return list;
  list = [];
  for (const id of gaz.entriesInAdmin1(admin1Code)) {
    if (!kinds.includes(gaz.kindOf(id))) continue;
    const nm = gaz.nameOf(id).replace(/\s+(?:District|Province|Region|Municipality)$/i, '');
    // Prefer the division itself, then its seat, on ties.
    const tie = gaz.kindOf(id) === 'admin2' ? 0.01 : gaz.featureOf(id) === 'PPLA2' ? 0.005 : 0;
    list.push({ id, key: looseKey(nm), skeleton: skeleton(nm), tie });
  }
  fuzzyNames.set(cacheKey, list);
  return list;
}

export function fuzzyWithin(gaz: Gazetteer, name: string, admin1Code: string, kinds: readonly string[]): number | null {
  const k = looseKey(name);
  const sk = skeleton(name);
  if (k.length < 3) return null;
  let best: number | null = null;
  let bestSim = 0;
  for (const n of namesWithin(gaz, admin1Code, kinds)) {
    const sameSkeleton = sk.length >= 3 && n.skeleton === sk;
    // Keys whose lengths differ by more than a quarter cannot reach the threshold.
    if (!sameSkeleton && Math.abs(n.key.length - k.length) > Math.max(k.length, n.key.length) / 4) continue;
    let sim = n.key === k ? 1 : 1 - editDistance(k, n.key) / Math.max(k.length, n.key.length, 1);
    if (sameSkeleton) sim = Math.max(sim, 0.85);
    if (sim + n.tie > bestSim) {
      bestSim = sim + n.tie;
      best = n.id;
    }
  }
  // Short names must match exactly ("Obe" = "Ōbêh"); longer ones may differ by a letter in four.
  return bestSim >= (k.length <= 4 ? 0.99 : 0.75) ? best : null;
}
