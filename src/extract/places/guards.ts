/**
 * Guards that keep common words, people, street names and stray abbreviations out of the place layer.
 * `rejectReason` gives the reason a candidate is not a place, or null.
 *
 * People are found by their runs of capitalised words: a run that starts with a given name ("Michael
 * Jones"), with a place-like given name followed by a surname ("Georgia Smith"), that follows a title
 * ("Gen. Jackson", "President Lincoln") or that is followed by an age (", 44,") is a person, and its
 * surname stays a person for the rest of the story ("Jones said"). A place name that modifies an
 * organisation ("Alexandria Police Department", "Georgia Bureau of Investigation") still names a place.
 */
import type { Doc } from '../../core/document.js';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import { exactKey, looseKey } from '../../gazetteer/fold.js';
import { REGION_MULTI } from '../../gazetteer/types.js';
import type { Candidate } from './candidates.js';
import { isEnglishWord, placeLexicon } from './lexicon.js';

// Titles and roles that put a person's name after them.
const TITLES = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady', 'gen', 'gen.', 'general', 'col', 'col.',
  'colonel', 'lt', 'lt.', 'lieutenant', 'maj', 'maj.', 'major', 'capt', 'capt.', 'captain', 'sgt', 'sgt.', 'sergeant', 'cpl', 'cpl.',
  'pvt', 'pvt.', 'adm', 'adm.', 'admiral', 'sen', 'sen.', 'senator', 'rep', 'rep.', 'representative', 'gov', 'gov.', 'governor',
  'president', 'minister', 'secretary', 'judge', 'justice', 'officer', 'deputy', 'detective', 'det', 'det.', 'sheriff', 'mayor',
  'coach', 'pastor', 'rev', 'rev.', 'reverend', 'prof', 'prof.', 'professor', 'attorney', 'chairman', 'chairwoman', 'spokesman',
  'spokeswoman', 'commissioner', 'councilman', 'councilwoman', 'trooper', 'king', 'queen', 'prince', 'princess', 'pope', 'sheikh',
  'mullah', 'imam', 'ayatollah', 'emir', 'actor', 'actress', 'singer', 'defendant', 'suspect', 'dear', 'jr', 'jr.', 'uncle', 'aunt',
]);

// Words that begin a place phrase; a common word after them can still be a place ("in Hope").
export const LOCATIVE = new Set([
  'in', 'near', 'outside', 'at', 'from', 'to', 'into', 'toward', 'towards', 'across', 'around', 'through', 'between', 'via',
  'inside', 'throughout', 'within', 'nearby', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
  'visiting', 'visited', 'entered', 'reached', 'captured', 'seized', 'retook', 'besieged', 'shelled', 'bombed', 'leaving', 'fled',
  'outskirts', 'downtown', 'suburban', 'rural', 'native', 'based', 'town', 'city', 'village',
  // "in eastern Chad", "northern Mali": a part of a place is named by a direction adjective.
  'northern', 'southern', 'eastern', 'western', 'northeastern', 'northwestern', 'southeastern', 'southwestern',
]);

// Words after a name that make it a street, a road or a body of water the gazetteer does not hold.
const STREET = /^(?:street|st\.?|avenue|ave\.?|road|rd\.?|drive|dr\.?|lane|ln\.?|boulevard|blvd\.?|highway|hwy\.?|parkway|pkwy\.?|circle|court|ct\.?|way|place|pl\.?|trail|pike|terrace|alley|row|crescent|expressway|freeway|turnpike|river|creek|lake|pond|dam|mountain|mountains|peak)$/i;

const SPEECH = /^(?:said|says|say|told|tells|added|adds|announced|announces|noted|claimed|insisted|warned|argued|explained|denied|believes|believed|thinks|thought|wants|wanted|wrote|asked|replied|stated|testified|pleaded|admitted|scored|played|won|lost)$/;

export interface GuardContext {
  doc: Doc;
  gaz: Gazetteer;
  /** Candidates of the document, in order. */
  all: Candidate[];
  /** Surnames of people named in the document ("Michael Jordan" → "jordan"). */
  personKeys: Set<string>;
  /** Parts of runs, as token ranges [start, end), that are people's names. */
  personRuns: [number, number][];
  /** Position of each candidate in `all`. */
  index: Map<Candidate, number>;
  /** Where the text names the document's own outlet or a wire credit ("Levant Radio", "(Gulf Wire)"). */
  outlets: { start: number; end: number }[];
  /** The recogniser's PER spans, as token ranges [start, end) (none when the document has no entities layer). */
  people: [number, number][];
  /** The recogniser's PER and ORG spans, by their first token: the token after the span's end. */
  namedNotPlace: Map<number, number>;
  /** Names (exact keys) the recogniser reads as a LOC somewhere in the document. */
  locNames: Set<string>;
}

const isCountryOrAdmin1 = (gaz: Gazetteer, c: Candidate) =>
  c.postings.some((p) => !p.alternate && (gaz.kindOf(p.id) === 'country' || gaz.kindOf(p.id) === 'admin1'));

const isFamous = (gaz: Gazetteer, id: number) =>
  gaz.kindOf(id) === 'city' && (gaz.featureOf(id) === 'PPLC' || gaz.populationOf(id) >= 500_000);

/**
 * Rule "short-town": a three-letter name written as a name ("Gao", "Bol", not "GAO" or "bol") that is not
 * a person's name is the town when the town is a provincial capital ("convoys left Mopti for Gao"), or a
 * town of 10,000+ the text places something in ("deployed to Bol"); never inside a longer run. One that is
 * also a lexicon word needs the placing cue either way.
 */
function shortTown(ctx: GuardContext, c: Candidate, support: () => boolean): boolean {
  const { gaz } = ctx;
  if (!/^\p{Lu}\p{Ll}{2}$/u.test(c.surface)) return false;
  // A word of the lexicon ("Gao" is listed) needs the text to place something there ("in Gao").
  if (isEnglishWord(c.key) && !support()) return false;
  // "X LGA", "X district": a division the text names as one ("clashes in Oko LGA", "Ewu district").
  if ((c.hint === 'admin1' || c.hint === 'admin2') && c.postings.some((p) => !p.alternate && gaz.kindOf(p.id) === c.hint)) return true;
  // Rule "division-in-a-parenthesis": "Saclo (Zou)", "X (Y, Zou)": the last name of a parenthesis right after
  // a name says which division it lies in, so a short province's name there is that province.
  const text = ctx.doc.text;
  if (/^\s*\)/.test(text.slice(c.spanEnd, c.spanEnd + 3)) && /\p{L}\s*\((?:\s*\p{Lu}[\p{L}'’-]*(?:[\s/-]+\p{Lu}[\p{L}'’-]*)*\s*,)*\s*$/u.test(text.slice(Math.max(0, c.start - 80), c.start))) {
    if (c.postings.some((p) => !p.alternate && gaz.kindOf(p.id) === 'admin1')) return true;
  }
  // Not the start or end of a longer name the gazetteer lacks ("the Qom Qishlaq area").
  if (c.capBefore || c.capAfter) return false;
  const lex = placeLexicon();
  if (lex.givenNames.has(c.key) || lex.surnames.has(c.key) || lex.notPlaces.has(c.key)) return false;
  const towns = c.postings.filter((p) => !p.alternate && gaz.kindOf(p.id) === 'city');
  if (towns.some((p) => gaz.featureOf(p.id) === 'PPLA' || gaz.featureOf(p.id) === 'PPLC')) return true;
  return towns.some((p) => gaz.populationOf(p.id) >= 10_000) && support();
}

/**
 * Rule "spelling-of-the-main-name": an alternate name that is only another transliteration of a town's
 * main name ("Misrata" for Mişrātah, "Kiryat Shmona" for Qiryat Shmona: same loose key) is that name, not
 * a junk or foreign variant, when the town is not tiny (20,000+). "Marawi" for Marawi City too: the
 * designator is not part of how news names the town.
 */
export const spellsMainName = (gaz: Gazetteer, c: Candidate) => {
  const key = looseKey(c.surface);
  const main = (id: number) => looseKey(gaz.nameOf(id).replace(/ City$/, ''));
  return c.postings.some((p) => p.alternate && gaz.populationOf(p.id) >= 20_000 && main(p.id) === key);
};

/**
 * Rule "loose-spelling-of-a-main-name": a loose match ("Beled Weyne" for Beledweyne, "Shabwa" for Shabwah)
 * on the main name of a province or a town of 50,000+ is that place spelt another way, not a doubtful
 * reading. (Loose matches are already never made for English words.)
 */
const looseMainName = (gaz: Gazetteer, c: Candidate) =>
  c.postings.some((p) => !p.alternate && (gaz.kindOf(p.id) === 'admin1' || (gaz.kindOf(p.id) === 'city' && gaz.populationOf(p.id) >= 50_000)));

const maxPopulation = (gaz: Gazetteer, c: Candidate) =>
  c.postings.reduce((m, p) => Math.max(m, p.alternate ? 0 : gaz.populationOf(p.id)), 0);

function word(doc: Doc, i: number): string {
  const t = doc.get('tokens')[i];
  return t ? doc.text.slice(t.start, t.end) : '';
}

/** "Springfield, Ill." / "Dawlat Abad district, Balkh": a place right after a comma. */
export function followsPlace(ctx: GuardContext, c: Candidate): boolean {
  const i = ctx.index.get(c) ?? -1;
  const prev = i > 0 ? ctx.all[i - 1]! : null;
  if (!prev) return false;
  const gap = ctx.doc.text.slice(prev.spanEnd, c.start);
  return /^\s*,\s*$/.test(gap) || /^\s+(?:district|province|county|city),\s*$/i.test(ctx.doc.text.slice(prev.end, c.start));
}

export function hasPlaceAfter(ctx: GuardContext, c: Candidate): boolean {
  const i = ctx.index.get(c) ?? -1;
  const next = i >= 0 ? ctx.all[i + 1] : undefined;
  return !!next && /^\s*,\s*$/.test(ctx.doc.text.slice(c.spanEnd, next.start)) && (next.abbreviation !== null || isCountryOrAdmin1(ctx.gaz, next));
}

/** Words of a run, lower-cased, without initials ("D.") and particles. */
function runWords(doc: Doc, runStart: number, runEnd: number): { i: number; w: string }[] {
  const out: { i: number; w: string }[] = [];
  for (let i = runStart; i < runEnd; i++) {
    const w = word(doc, i);
    if (/^\p{Lu}\.?$/u.test(w) || !/^\p{Lu}/u.test(w)) continue;
    out.push({ i, w: w.toLowerCase().replace(/['’]s$/, '') });
  }
  return out;
}

/**
 * Rule "person-name-ends-at-of": a person's name never runs across "of", "the" or "and", so a run like
 * "Dana Marsh of the Kansas Housing Council" or "Justice and Peace Front and the Mali Liberation Army" is
 * judged in parts: "Dana Marsh" may be a person; "Kansas Housing Council" is not part of that name.
 */
const PERSON_BREAK = new Set(['of', 'the', 'and']);

export function personNameParts(doc: Doc, runStart: number, runEnd: number): [number, number][] {
  const parts: [number, number][] = [];
  let start = runStart;
  for (let i = runStart + 1; i <= runEnd; i++) {
    if (i < runEnd && !PERSON_BREAK.has(word(doc, i))) continue;
    if (i > start) parts.push([start, i]);
    // The next part starts at the next capitalised word.
    start = i + 1;
    while (start < runEnd && PERSON_BREAK.has(word(doc, start))) start++;
    i = start;
  }
  return parts;
}

/** Whether the run of capitalised words at [runStart, runEnd) names a person. */
function isPersonRun(doc: Doc, gaz: Gazetteer, runStart: number, runEnd: number, byStart: Map<number, Candidate[]>): boolean {
  const lex = placeLexicon();
  const words = runWords(doc, runStart, runEnd);
  if (words.length === 0) return false;
  const prev = word(doc, runStart - 1).toLowerCase();
  const prevTok = doc.get('tokens')[runStart - 1];
  // A title inside the run ("President Barack Obama", "Sheriff Tom Smith") makes the rest a person,
  // unless the title word begins a place name ("Imam Sahib", "Prince George").
  const starting = byStart.get(runStart) ?? [];
  const titleStartsPlace = starting.some((c) => c.tokEnd > runStart + 1);
  if (words.length >= 2 && TITLES.has(words[0]!.w) && !titleStartsPlace) return true;
  const first = words[0]!.w;
  // "Al-Hasakeh province", "Sinjar district": a name the text itself calls a place is no person.
  if (starting.some((c) => c.designator !== null && c.tokEnd === runEnd)) return false;
  const wholeIsPlace = starting.some((c) => c.tokEnd === runEnd && isCountryOrAdmin1(gaz, c));
  if (wholeIsPlace) return false;
  if (prevTok && prevTok.sentence === doc.get('tokens')[runStart]!.sentence && TITLES.has(prev)) return true;
  // "Chiquita Henry, 19, of ..." : a name followed by an age.
  const after = doc.text.slice(doc.get('tokens')[runEnd - 1]!.end, doc.get('tokens')[runEnd - 1]!.end + 8);
  if (words.length >= 2 && /^,\s*\d{1,3}\s*,/.test(after)) return true;
  if (words.length < 2) return false;
  const second = words[1]!.w;
  const orgWord = lex.notPlaces.has(second) || STREET.test(second);
  // "Al-" glued to the next word is the Arabic article ("Al-Qaim"), not the given name Al ("Al Gore").
  const article = first === 'al' && /^[-‑]/.test(doc.text.slice(doc.get('tokens')[words[0]!.i]!.end));
  if (lex.givenNames.has(first) && !orgWord && !article) return true;
  if (lex.personNames.has(first) && (lex.surnames.has(second) || lex.givenNames.has(second))) return true;
  // A given name in the middle: "Sheriff's deputy Tom Smith" reads as a run "Tom Smith" anyway; a
  // surname at the end of two or three capitalised words completes a name ("Harold Patterson").
  const last = words[words.length - 1]!.w;
  if (words.length <= 3 && lex.surnames.has(last) && (lex.givenNames.has(first) || lex.personNames.has(first))) return true;
  return false;
}

const coveringIndex = new WeakMap<[number, number][], Map<number, [number, number][]>>();

/**
 * The token ranges of `runs` that cover token `tok`, in the order of `runs` (an index by token built once
 * per list: a search of every run per candidate was quadratic in long documents).
 */
function runsCovering(runs: [number, number][], tok: number): [number, number][] {
  let index = coveringIndex.get(runs);
  if (!index) {
    index = new Map();
    for (const r of runs) for (let t = r[0]; t < r[1]; t++) (index.get(t) ?? index.set(t, []).get(t)!).push(r);
    coveringIndex.set(runs, index);
  }
  return index.get(tok) ?? [];
}

export function buildGuardContext(doc: Doc, gaz: Gazetteer, all: Candidate[]): GuardContext {
  const lex = placeLexicon();
  const personRuns: [number, number][] = [];
  const personKeys = new Set<string>();
  const seen = new Set<number>();
  const byStart = new Map<number, Candidate[]>();
  for (const c of all) byStart.set(c.tokStart, [...(byStart.get(c.tokStart) ?? []), c]);
  for (const c of all) {
    if (seen.has(c.runStart)) continue;
    seen.add(c.runStart);
    for (const [start, end] of personNameParts(doc, c.runStart, c.runEnd)) {
      if (!isPersonRun(doc, gaz, start, end, byStart)) continue;
      personRuns.push([start, end]);
      const words = runWords(doc, start, end);
      // The surname (and any middle name) stays a person; the first name need not ("Georgia Smith").
      const names = words.filter(({ w }) => !TITLES.has(w) && !TITLES.has(`${w}.`));
      for (const { w } of names.slice(names.length > 1 ? 1 : 0)) personKeys.add(w);
    }
  }
  // A single given name is a person when used alone after being used in a full name.
  void lex;
  const entities = doc.has('entities') ? doc.get('entities') : [];
  const people: [number, number][] = entities.filter((e) => e.label === 'PER').map((e) => [e.tokenStart, e.tokenEnd]);
  const namedNotPlace = new Map<number, number>();
  const locNames = new Set<string>();
  for (const e of entities) {
    if (e.label === 'LOC') locNames.add(exactKey(doc.text.slice(e.start, e.end)));
    else namedNotPlace.set(e.tokenStart, e.tokenEnd);
  }
  return {
    doc, gaz, all, personKeys, personRuns, index: new Map(all.map((c, i) => [c, i])), outlets: outletSpans(doc), people, namedNotPlace, locNames,
  };
}

/** Media words that end a wire credit in a dateline's parenthesis. */
const CREDIT = /^\(\s*([^()\n]{2,60}?)\s*\)\s*(?:[-–—:]|--)/u;

/**
 * Where the story names its own outlet: every occurrence of the document's `source` ("Levant Radio was
 * unable to verify ..."), and the credit in the dateline's parenthesis ("KIRKUK, Oct. 22 (Tigris Post) —"),
 * which names the outlet or agency even when the input gives no source. A place inside them names an
 * organisation, not where anything happened.
 */
export function outletSpans(doc: Doc): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const text = doc.text;
  const source = doc.meta.source?.trim();
  if (source && source.length >= 3 && /\p{Lu}/u.test(source)) {
    for (let at = text.indexOf(source); at >= 0 && out.length < 1000; at = text.indexOf(source, at + source.length)) {
      out.push({ start: at, end: at + source.length });
    }
  }
  // The dateline credit sits within the first lines of the story.
  const head = text.slice(0, 400);
  for (let at = head.indexOf('('); at >= 0; at = head.indexOf('(', at + 1)) {
    const m = CREDIT.exec(head.slice(at));
    if (m) {
      out.push({ start: at + 1, end: at + 1 + m[0].indexOf(')') - 1 });
      break;
    }
  }
  return out;
}

/**
 * Rule "ap-abbreviation-in-use": an AP state abbreviation, period and all, is the state where news uses
 * it as one: before a lower-case noun ("two Ill. farmers", "a Ky. prison"), after "Name," even when
 * the town is not in the gazetteer ("of Tolleyville, La., was").
 * Postal codes ("GA", "IN", "OR") stay limited to "Town, ST": they are ordinary words in capitals.
 */
export function abbreviationInUse(ctx: GuardContext, c: Candidate): boolean {
  const text = ctx.doc.text;
  if (!c.surface.endsWith('.') || c.surface.length < 3) return false;
  const after = text.slice(c.end, c.end + 20);
  const before = text.slice(Math.max(0, c.start - 40), c.start);
  // Used as a modifier: a lower-case noun or adjective follows ("Ill. farmers"; not "felt Ill. after dinner").
  const next = ctx.doc.get('tokens')[c.tokEnd];
  if (next && /^\s+\p{Ll}/u.test(after) && (next.pos === 'NOUN' || next.pos === 'ADJ')) return true;
  return /\p{Lu}[\p{L}'’.-]*,\s*$/u.test(before) && /^(?:[,.)]|\s*$)/.test(after);
}

/**
 * Rule "bare-county-or-surname": a county's name without "County" ("Oconee", "Avoyelles") is a place, but
 * most county names are surnames too ("Polk", "Kinney"). Such a name is a person's when the story uses it
 * so: after a first name ("Glenda Polk") or before a speech verb ("Polk said").
 */
const isBareCounty = (gaz: Gazetteer, c: Candidate) =>
  c.postings.some((p) => p.alternate && gaz.kindOf(p.id) === 'admin2') && !isCountryOrAdmin1(gaz, c) && maxPopulation(gaz, c) < 50_000;

const NOT_FIRST_NAMES = new Set([...LOCATIVE, 'the', 'a', 'an', 'of', 'and', 'or', 'but', 'for', 'by', 'with', 'on', 'as', 'if', 'when', 'while', 'after', 'before', 'since', 'during', 'this', 'that', 'his', 'her', 'their', 'our', 'its', 'all', 'east', 'west', 'north', 'south', 'lake', 'mount', 'fort', 'port', 'new', 'old', 'upper', 'lower', 'greater']);

// The words before a surname: a capitalised first word (or a title), maybe a period, then space. Sticky, so it
// is tried at one position; `^` matches only at 0, as in the pattern it stands for (see surnameInDoc).
const FIRST_WORD = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+)\.?\s+/uy;
const LETTER_AT = /\p{L}/uy;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const SPACE = /\s/;

/**
 * Is `name` written after a first name or a title somewhere in the text ("Dana Earle", "Sen. Earle")?
 * The matches are those of the pattern `(?:^|[^\p{L}])(\p{Lu}\p{Ll}+)\.?\s+NAME(?!\p{L})`, scanned left to
 * right without overlaps (what `matchAll` does), but found from each occurrence of the name: building that
 * pattern for every candidate (a regular expression with Unicode classes, compiled each time) cost a fifth
 * of the whole analysis of local news. The first word before an occurrence is found by stepping back over
 * the space, an optional period and lower-case letters to a capital, then checked with the sticky pattern.
 * A name that does not start with a capital, or a stretch with astral characters, takes the pattern itself.
 */
export function surnameInDoc(text: string, name: string, gaz: Gazetteer): boolean {
  if (!UPPER.test(name[0] ?? '') || name.length === 0) return surnameInDocByPattern(text, name, gaz);
  const lead = LEADING_LETTERS.exec(name)?.[0];
  if (lead === undefined) return surnameInDocByPattern(text, name, gaz);
  let consumed = 0; // where the previous match ended: matches never overlap
  // Only where the name can start a match: a word after a space whose letters are the name's first ones
  // (from an index of the text built once; a scan of the whole text per candidate was quadratic).
  for (const q of wordStarts(text).get(lead) ?? []) {
    if (!text.startsWith(name, q)) continue;
    // Step back from the name: space (at least one), an optional period, lower-case letters, a capital.
    let i = q - 1;
    while (i >= 0 && SPACE.test(text[i]!)) i--;
    if (i === q - 1) continue;
    if (i >= 0 && text[i] === '.') i--;
    const lowEnd = i;
    while (i >= 0 && LOWER.test(text[i]!)) i--;
    // Astral characters (a letter outside the BMP, an emoji before the first name): the pattern decides.
    if (isSurrogate(text, i) || isSurrogate(text, i - 1)) return surnameInDocByPattern(text, name, gaz);
    if (i === lowEnd || i < 0 || !UPPER.test(text[i]!)) continue;
    const p = i === 0 ? 0 : i - 1;
    if (p < consumed) continue;
    FIRST_WORD.lastIndex = p;
    const m = FIRST_WORD.exec(text);
    if (!m || p + m[0].length !== q) continue;
    LETTER_AT.lastIndex = q + name.length;
    if (LETTER_AT.test(text)) continue;
    consumed = q + name.length;
    const first = m[1]!;
    const at = p + m[0].indexOf(first);
    if (surnameMatchCounts(text, first, at, name, gaz)) return true;
  }
  return false;
}

const LEADING_LETTERS = /^\p{L}+/u;
const WORD_AFTER_SPACE = /(?<=\s)\p{Lu}\p{L}*/gu;
let indexed: { text: string; starts: Map<string, number[]> } | null = null;

/**
 * Where each capitalised word that follows a space starts, by the word (its run of letters), for the last
 * text asked about: one pass over a document serves every candidate of it. A match of the name needs a
 * space before it and no letter after it, so it starts exactly at such a word equal to its leading letters.
 */
function wordStarts(text: string): Map<string, number[]> {
  if (indexed?.text === text) return indexed.starts;
  const starts = new Map<string, number[]>();
  for (const m of text.matchAll(WORD_AFTER_SPACE)) {
    const list = starts.get(m[0]);
    if (list) list.push(m.index);
    else starts.set(m[0], [m.index]);
  }
  indexed = { text, starts };
  return starts;
}

function isSurrogate(text: string, i: number): boolean {
  const c = i >= 0 ? text.charCodeAt(i) : 0;
  return c >= 0xd800 && c <= 0xdfff;
}

/** The pattern itself, for names and texts the fast path does not handle (and the reference its test compares with). */
export function surnameInDocByPattern(text: string, name: string, gaz: Gazetteer): boolean {
  const re = new RegExp(`(?:^|[^\\p{L}])(\\p{Lu}\\p{Ll}+)\\.?\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
  for (const m of text.matchAll(re)) {
    const first = m[1]!;
    if (surnameMatchCounts(text, first, m.index + m[0].indexOf(first), name, gaz)) return true;
  }
  return false;
}

/** Whether one "First NAME" found in the text makes NAME a person's surname. */
function surnameMatchCounts(text: string, first: string, at: number, name: string, gaz: Gazetteer): boolean {
  // A period after the first word only for a title ("Sen. Earle"), not a sentence's end ("in Troy. Earle").
  if (text[at + first.length] === '.' && first.length > 4) return false;
  // A capitalised word that opens a sentence or a quote says nothing ("Trailing Earle's team").
  const prev = text.slice(Math.max(0, at - 3), at).trimEnd();
  if (prev === '' || /[.!?"“”‘’(:]$/u.test(prev)) return false;
  // "Fort Worth", "Glen Burnie": the pair is itself a place's name.
  return !NOT_FIRST_NAMES.has(first.toLowerCase()) && gaz.lookupExact(exactKey(`${first} ${name}`)).length === 0;
}

/** Token i is a word cut short by a period inside the sentence ("Twp. officials", "Twp., Trenton"). */
function abbreviated(doc: Doc, i: number): boolean {
  const t = doc.get('tokens')[i];
  return !!t && /^\.(?:\s*,|\s+\p{Ll})/u.test(doc.text.slice(t.end, t.end + 4));
}

/**
 * Rule "part-of-a-person-entity": a name that is one part of a longer PER span of the entity recogniser
 * ("Tyler Okafor", "Janet Reno", "Mayor John Lancaster") is that person's given name or surname. The
 * recogniser is trusted only when the rest of the span reads as a name: capitalised words that are not
 * ordinary English words (or are known given names and surnames), initials, and titles before the name, and
 * no place name of its own shares the span ("Tongo Tongo", "Ansongo-Menaka" are places side by side). A
 * span that goes on with an office, an organisation or a street word after the place ("Toledo Mayor Ann
 * Fink", "Paris Walmart", "Madison Twp.") is the recogniser's mistake, and the place stays. A country or
 * state with a placing cue ("in Georgia") is never taken for a person this way.
 */
function inPersonEntity(ctx: GuardContext, c: Candidate): boolean {
  // A name of two or more words ("Los Angeles", "West Chester") is seldom part of a person's.
  if (c.designator !== null || c.hint !== null || c.key.includes(' ')) return false;
  const span = runsCovering(ctx.people, c.tokStart).find(([s, e]) => s <= c.tokStart && c.tokEnd <= e && e - s > c.tokEnd - c.tokStart);
  if (!span) return false;
  // Places side by side ("Tongo Tongo", "the Ansongo-Menaka axis") are not a person's name: another
  // place name in the span that is the same name, is joined to this one by a hyphen, or is a big place.
  const lex = placeLexicon();
  const text = ctx.doc.text;
  const hyphened = (o: Candidate) => /^[-–]$/.test(o.start > c.start ? text.slice(c.spanEnd, o.start) : text.slice(o.spanEnd, c.start));
  const side = (o: Candidate) => o.key === c.key || hyphened(o) || isCountryOrAdmin1(ctx.gaz, o) || maxPopulation(ctx.gaz, o) >= 100_000;
  if (ctx.all.some((o) => o !== c && o.tokStart < span[1] && span[0] < o.tokEnd && side(o))) return false;
  let others = 0;
  for (let i = span[0]; i < span[1]; i++) {
    if (i >= c.tokStart && i < c.tokEnd) continue;
    const w = word(ctx.doc, i);
    if (!/\p{L}/u.test(w)) continue;
    // Initials ("J.", "J.M.") and generational suffixes belong to names.
    if (/^(?:\p{Lu}\.)+$|^\p{Lu}$/u.test(w) || /^(?:jr|sr|ii|iii|iv)\.?$/i.test(w)) continue;
    if (!/^\p{Lu}/u.test(w)) return false;
    // An abbreviation ("Twp.", "Sens.", "Co.") or an acronym ("MPP", "PTA") is no part of a person's name.
    if (/\.$/.test(w) || /^\p{Lu}{2,}$/u.test(w) || abbreviated(ctx.doc, i)) return false;
    const k = w.toLowerCase().replace(/['’]s$/, '');
    if (TITLES.has(k) || TITLES.has(`${k}.`)) {
      if (i > c.tokStart) return false;
      continue;
    }
    if (lex.notPlaces.has(k) || STREET.test(k)) return false;
    const name = lex.givenNames.has(k) || lex.surnames.has(k) || lex.personNames.has(k);
    // An ordinary word, or its plural ("Elks", "Juniors", "Policemen"): a team, a club, a body of people.
    const plural = k.endsWith('men') ? `${k.slice(0, -3)}man` : k.endsWith('s') ? k.slice(0, -1) : '';
    if (!name && (isEnglishWord(k) || (plural !== '' && isEnglishWord(plural)))) return false;
    others++;
  }
  return others > 0;
}

/**
 * Rule "person-or-organisation-entity": a one-word name that the entity recogniser reads, whole, as a PER
 * or an ORG ("Millington was the only officer armed"), and that is a listed given name or surname or an
 * English word, is not a town unless
 * something says place: a placing cue (checked by the caller: "in", "near", "Town, State", a designator),
 * the recogniser reading the same name as a LOC elsewhere in the story, or gazetteer evidence too strong to
 * be overruled — a country, a state or province, a county, a city of a million.
 */
function namedEntityNotPlace(ctx: GuardContext, c: Candidate): boolean {
  if (c.key.includes(' ') || c.hint !== null || c.designator !== null) return false;
  if (ctx.namedNotPlace.get(c.tokStart) !== c.tokEnd || ctx.locNames.has(c.key)) return false;
  const { gaz } = ctx;
  if (isCountryOrAdmin1(gaz, c) || maxPopulation(gaz, c) >= 1_000_000) return false;
  if (c.postings.some((p) => gaz.kindOf(p.id) === 'admin2')) return false;
  // The recogniser learnt from web text and reads many a town abroad it never saw as a person: weaker
  // placing cues than the caller's count here — "central Timbuktu", "residents of Garissa", a place named
  // beside another ("between Inata and Djibo", "Inata, Djibo").
  if (c.before === 'central' || c.before === 'of') return false;
  const i = ctx.index.get(c) ?? -1;
  const text = ctx.doc.text;
  const prev = i > 0 ? ctx.all[i - 1]! : null;
  const next = ctx.all[i + 1];
  const joined = (gap: string) => /^(?:\s*,\s*|\s+(?:and|or)\s+|\s*[-–]\s*)$/.test(gap);
  if (prev && prev.sentence === c.sentence && joined(text.slice(prev.spanEnd, c.start))) return false;
  if (next && next.sentence === c.sentence && joined(text.slice(c.spanEnd, next.start))) return false;
  return true;
}

// "the outskirts of X", "northeast of X", "10 km from X": a part of a place or a place measured from it.
const RELATION_OF =
  /\b(?:(?:outskirts|edge|vicinity|environs|suburbs?|entrance|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?:\s+(?:part|side|entrance))?)\s+of|(?:km|kms|kilometres?|kilometers?|miles?)\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+)?(?:of|from))\s+(?:the\s+)?$/i;

/** Why this candidate is not a place, or null when it may be one. */
export function rejectReason(ctx: GuardContext, c: Candidate): string | null {
  const { gaz, doc } = ctx;
  const lex = placeLexicon();
  const single = !c.key.includes(' ');
  const letters = c.key.replace(/ /g, '').length;
  const support = (): boolean =>
    !!c.hint || (c.before !== null && LOCATIVE.has(c.before)) || hasPlaceAfter(ctx, c) || followsPlace(ctx, c) || RELATION_OF.test(doc.text.slice(Math.max(0, c.start - 40), c.start));

  if (c.abbreviation) {
    if (c.abbreviation.free) return null;
    return followsPlace(ctx, c) || abbreviationInUse(ctx, c) ? null : 'abbreviation out of place';
  }
  // Short names ("US", "UK", "EU") only as the capitals of a curated country or union name.
  if (letters <= 3) {
    const country = c.postings.some((p) => !p.alternate && (gaz.kindOf(p.id) === 'country' || gaz.featureOf(p.id) === REGION_MULTI));
    const bare = c.surface.replace(/[.\s]/g, '');
    if (!(country && bare === bare.toUpperCase()) && !shortTown(ctx, c, support)) return 'short name';
  }
  // Rule "mixed-case-acronym": three capitals and then lower case ("FAMa" for Mali's army) is an
  // abbreviation's shape, not a place name's (McAllen, DeKalb, LaSalle have lower case between capitals;
  // "NTillit", "MBour" write a prenasalised first sound with two).
  if (/^\p{Lu}{3,}\p{Ll}+$/u.test(c.surface.replace(/[.\s]/g, ''))) return 'acronym';
  if (lex.notPlaces.has(c.key) && !c.hint) return 'common word';
  if (ctx.outlets.some((o) => o.start < c.spanEnd && c.start < o.end)) return "the outlet's name";
  if (c.capAfter && STREET.test(c.capAfter)) return 'street or river name';
  const person = runsCovering(ctx.personRuns, c.tokStart)[0];
  if (person && !(c.tokStart === person[0] && c.tokEnd === person[1] && isCountryOrAdmin1(gaz, c))) {
    return 'person name';
  }
  if (c.before && TITLES.has(c.before) && c.tokStart === c.runStart && !isCountryOrAdmin1(gaz, c)) return 'person title';
  if (inPersonEntity(ctx, c) && !(isCountryOrAdmin1(gaz, c) && support())) return 'part of a person entity';
  if (namedEntityNotPlace(ctx, c) && !support()) return 'a person or organisation entity';
  // A surname used for a person earlier in the story stays that person; a country of that name needs a
  // place construction ("Michael Jordan ... Jordan said" vs "flew to Jordan").
  if (single && ctx.personKeys.has(c.key) && (!isCountryOrAdmin1(gaz, c) || !support())) return 'person named in the story';
  if (single && lex.givenNames.has(c.key) && !support()) return 'given name';
  const next = word(doc, c.tokEnd).toLowerCase();
  const nextTok = doc.get('tokens')[c.tokEnd];
  if (single && nextTok?.sentence === c.sentence && SPEECH.test(next) && (lex.personNames.has(c.key) || lex.surnames.has(c.key))) {
    if (!c.postings.some((p) => !p.alternate && gaz.kindOf(p.id) === 'country')) return 'person or government speaking';
  }

  if (single && isBareCounty(gaz, c) && !c.hint && (SPEECH.test(next) || surnameInDoc(doc.text, c.surface, gaz))) return 'surname, not a county';
  // Rule "surname-of-someone-in-the-story": a small town's name that the story also writes after a first
  // name or a title ("Sen. Earle", "Dana Earle") is that person where nothing marks it as a place.
  if (single && !c.allCaps && !isCountryOrAdmin1(gaz, c) && maxPopulation(gaz, c) < 100_000 && !support() && surnameInDoc(doc.text, c.surface, gaz)) {
    return 'surname of someone in the story';
  }

  // Common words need support: a capitalised English word wink does not tag as a proper noun, or one
  // at the start of a sentence or in a headline.
  if (single && !c.allCaps && isEnglishWord(c.key)) {
    const important = isCountryOrAdmin1(gaz, c) || maxPopulation(gaz, c) >= 100_000;
    const weak = c.pos !== 'PROPN' || c.heading;
    if (weak && !important && !support()) return 'common word';
  }
  return null;
}

/**
 * Why a candidate that passed the guards is still doubtful: it is taken only if its reading fits the
 * geography of the story (same country, and same region or near its other places). Loose spellings,
 * ordinary English words, given names with a preposition, and names known only as alternates are such.
 */
export function weakReason(ctx: GuardContext, c: Candidate): string | null {
  const { gaz } = ctx;
  if (c.abbreviation) return null;
  const single = !c.key.includes(' ');
  const important = isCountryOrAdmin1(gaz, c) || maxPopulation(gaz, c) >= 100_000;
  if (c.loose && !looseMainName(gaz, c)) return 'loose spelling';
  if (important) return null;
  // Rule "famous-by-another-name": a capital or big city under a former or foreign name ("Kiev",
  // "Bombay", "Washington D.C.") is not doubtful; junk variants of small places are.
  if (c.postings.every((p) => p.alternate) && !c.postings.some((p) => isFamous(gaz, p.id)) && !spellsMainName(gaz, c)) {
    return 'alternate name only';
  }
  if (single && !c.allCaps && isEnglishWord(c.key)) return 'English word';
  const lex = placeLexicon();
  if (single && (lex.givenNames.has(c.key) || lex.surnames.has(c.key))) return 'person-like name';
  if (c.capBefore && !c.hint) return 'inside a longer name';
  // "Hasan Khail", "Chin Zai": the start of a longer unknown name (an organisation's name, "Alexandria
  // Police", ends in an ordinary word instead).
  if (c.capAfter && !c.hint && !isEnglishWord(c.capAfter) && !lex.notPlaces.has(c.capAfter.toLowerCase()) && !STREET.test(c.capAfter)) {
    return 'start of a longer name';
  }
  return null;
}
