/**
 * Names the gazetteer does not hold as written but the text types for us: "Charbolak district, Balkh",
 * "Talogan city, Takhar", "Nahri Saraj district". The designator says what to look for and the container
 * (or the document's focus) says where, so the name can be compared loosely with the few hundred
 * divisions and towns of that area (./resolve.ts `fuzzyWithin`).
 */
import type { Doc } from '../../core/document.js';
import { exactKey, nameSimilarity } from '../../gazetteer/fold.js';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import type { Candidate } from './candidates.js';
import { fuzzyWithin, type Resolution } from './resolve.js';

// Bounded repeats: a run of capitals with no spaces (a pasted blob) must not make the search quadratic.
const NAME = "\\p{Lu}[\\p{L}'’]{0,30}(?:(?:[ -]|-(?:e|i|ye|yi)(?:-|\\s)|\\s(?:wa|e|i|ye|al|el|ul|ud|ad)[\\s-])\\p{Lu}[\\p{L}'’]{0,30}){0,3}";
const PATTERN = new RegExp(
  `(?<![\\p{L}'’])(${NAME})(?:\\s*\\([^()]{1,40}\\))?\\s+(district|districts|city|province|town|village)(?:\\s+(?:center|centre))?\\b(?:\\s*,\\s*(${NAME}))?`,
  'gu',
);

export interface Designated {
  start: number;
  end: number;
  designator: string;
  container: { start: number; end: number; text: string } | null;
}

export function designatedNames(doc: Doc): Designated[] {
  const out: Designated[] = [];
  for (const s of doc.get('sentences')) {
    if (s.kind === 'boilerplate') continue;
    const text = doc.text.slice(s.start, s.end);
    PATTERN.lastIndex = 0;
    for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
      const start = s.start + m.index;
      let name = m[1]!;
      // "In Dawlat Abad" at the start of a sentence: drop a leading capitalised function word.
      const lead = /^(?:In|At|Near|On|From|Of|The|And|Both)\s+/.exec(name);
      let offset = 0;
      if (lead) {
        offset = lead[0].length;
        name = name.slice(offset);
      }
      const cont = m[3];
      out.push({
        start: start + offset,
        end: start + offset + name.length,
        designator: m[2]!.toLowerCase(),
        container: cont ? { start: s.start + m.index + m[0].length - cont.length, end: s.start + m.index + m[0].length, text: cont } : null,
      });
    }
  }
  return out;
}

/** Reads admin1 names that are misspelt beyond the loose key ("Heart" for Herat) among one country's. */
export function fuzzyAdmin1(gaz: Gazetteer, name: string, country: string): number | null {
  let best: number | null = null;
  let bestSim = 0;
  for (const id of gaz.admin1sOf(country)) {
    const nm = gaz.nameOf(id).replace(/\s+(?:Province|Governorate|Region|State|Oblast)$/i, '');
    const sim = nameSimilarity(name, nm);
    if (sim > bestSim) {
      bestSim = sim;
      best = id;
    }
  }
  return bestSim >= 0.6 && name.length >= 4 ? best : null;
}

export interface DesignatedResult {
  candidate: Candidate;
  /** The reading, or null when the name is not in its container and nothing there matches it. */
  resolution: Resolution | null;
}

/**
 * Candidates for designated names the gazetteer lookup missed or read outside their container.
 * `resolved` maps the existing candidates to their readings; returns new or corrected readings.
 */
export function resolveDesignated(
  doc: Doc,
  gaz: Gazetteer,
  candidates: Candidate[],
  resolved: Map<Candidate, Resolution>,
  focusCountry: string | null,
): DesignatedResult[] {
  const out: DesignatedResult[] = [];
  // Candidates are in text order: a binary search finds the first that may overlap.
  const sorted = [...candidates].sort((a, b) => a.start - b.start);
  const at = (start: number, end: number): Candidate | undefined => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = Math.max(0, lo - 2); i < sorted.length && sorted[i]!.start < end; i++) {
      if (sorted[i]!.start < end && start < sorted[i]!.end) return sorted[i];
    }
    return undefined;
  };
  for (const d of designatedNames(doc)) {
    // Where: the container's admin1, from its reading or by fuzzy match inside the focus country.
    let admin1: string | null = null;
    let containerCand: Candidate | null = null;
    if (d.container) {
      const cc = at(d.container.start, d.container.end);
      const r = cc ? resolved.get(cc) : undefined;
      if (cc && r && gaz.kindOf(r.entry) === 'admin1') {
        admin1 = gaz.admin1CodeOf(r.entry);
        containerCand = cc;
      } else if (focusCountry) {
        const id = fuzzyAdmin1(gaz, d.container.text, focusCountry);
        if (id !== null) {
          admin1 = gaz.admin1CodeOf(id);
          containerCand = makeCandidate(doc, d.container.start, d.container.end, id, 'admin1');
          out.push({ candidate: containerCand, resolution: { entry: id, score: 5, container: null } });
        }
      }
    }
    const existing = at(d.start, d.end);
    const r = existing ? resolved.get(existing) : undefined;
    // With no province given, a district read abroad ("Dara i Pech district" as Dar'a, Syria) is retried
    // among the districts of the story's country.
    const abroad = !admin1 && !!r && focusCountry !== null && gaz.countryOf(r.entry) !== focusCountry && d.designator.startsWith('district');
    if (existing && r && !abroad && (!admin1 || gaz.admin1CodeOf(r.entry) === admin1)) continue;
    const kinds = d.designator.startsWith('district') ? ['admin2', 'city'] : d.designator === 'province' ? ['admin1'] : ['city', 'admin2'];
    const name = doc.text.slice(d.start, d.end);
    let id: number | null = null;
    if (admin1) id = fuzzyWithin(gaz, name, admin1, kinds);
    else if (focusCountry && (!existing || abroad) && d.designator.startsWith('district')) {
      for (const a of gaz.admin1sOf(focusCountry)) {
        const code = gaz.admin1CodeOf(a);
        const hit = code ? fuzzyWithin(gaz, name, code, kinds) : null;
        if (hit !== null && exactKey(gaz.nameOf(hit)).length > 0) {
          id = hit;
          break;
        }
      }
    }
    if (id === null) {
      // "Nawa-e Barakzayi district, Helmand" read as a town abroad: better no reading than that one.
      if (existing && r && ((admin1 && gaz.admin1CodeOf(r.entry) !== admin1) || abroad)) out.push({ candidate: existing, resolution: null });
      continue;
    }
    const cand = existing ?? makeCandidate(doc, d.start, d.end, id, d.designator.startsWith('district') ? 'admin2' : 'city');
    out.push({ candidate: cand, resolution: { entry: id, score: 4, container: containerCand } });
  }
  return out;
}

function makeCandidate(doc: Doc, start: number, end: number, id: number, hint: Candidate['hint']): Candidate {
  const tokens = doc.get('tokens');
  let tokStart = tokens.findIndex((t) => t.end > start);
  if (tokStart < 0) tokStart = tokens.length;
  let tokEnd = tokStart;
  while (tokEnd < tokens.length && tokens[tokEnd]!.start < end) tokEnd++;
  const surface = doc.text.slice(start, end);
  return {
    start,
    end,
    spanEnd: end,
    tokStart,
    tokEnd,
    sentence: tokens[tokStart]?.sentence ?? 0,
    surface,
    key: exactKey(surface),
    postings: [{ id, alternate: false }],
    loose: true,
    abbreviation: null,
    designator: null,
    hint,
    before: null,
    capBefore: null,
    capAfter: null,
    sentenceInitial: false,
    heading: false,
    allCaps: false,
    pos: 'PROPN',
    runStart: tokStart,
    runEnd: tokEnd,
  };
}
