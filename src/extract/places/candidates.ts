/**
 * Candidate place names: runs of capitalised tokens in a sentence (with the particles and hyphens that
 * live inside names: "Deir ez-Zor", "Pul-e Khumri", "Bosnia and Herzegovina"), matched against the
 * gazetteer longest first, by exact key and then by transliteration-tolerant key. Demonyms found on the
 * way are kept apart as evidence. Each candidate records the context the resolver and guards need.
 */
import type { Doc } from '../../core/document.js';
import type { Sentence, Token } from '../../core/layers.js';
import { exactKey, looseKey } from '../../gazetteer/fold.js';
import type { Abbreviation, Gazetteer } from '../../gazetteer/gazetteer.js';
import type { Posting } from '../../gazetteer/types.js';
import { isEnglishWord, placeLexicon } from './lexicon.js';

export type TypeHint = 'admin1' | 'admin2' | 'city' | 'feature' | 'area';

export interface Candidate {
  start: number;
  end: number;
  /** End of the mention including a designator that is part of the name ("Nineveh province"). */
  spanEnd: number;
  tokStart: number;
  tokEnd: number;
  sentence: number;
  surface: string;
  key: string;
  postings: Posting[];
  /** Matched by the transliteration-tolerant key only. */
  loose: boolean;
  /** A state abbreviation ("Ill.", "W.Va."). */
  abbreviation: Abbreviation | null;
  designator: string | null;
  hint: TypeHint | null;
  /** The lower-cased word before the name (skipping "the"). */
  before: string | null;
  /** Capitalised words next to the name in the same run that are not part of it. */
  capBefore: string | null;
  capAfter: string | null;
  sentenceInitial: boolean;
  /** The sentence is a title-cased headline. */
  heading: boolean;
  /** The name is written in capitals ("BAGHDAD"). */
  allCaps: boolean;
  /** wink's part of speech of the name's first token. */
  pos: string;
  /** Doubtful (a loose spelling, an English word...): kept only if its reading fits the story's geography. */
  weak?: boolean;
  /** Why it is doubtful (guards.weakReason), when it is. */
  weakWhy?: string | null;
  /** The capitalised run the name was found in, as token indices [runStart, runEnd). */
  runStart: number;
  runEnd: number;
}

export interface Demonym {
  start: number;
  end: number;
  countries: string[];
  /** How much it says of the story's country (1, a demonym's; less for weaker evidence). */
  weight?: number;
  /** The countries are one area (a group's areas of operation): evidence for each of them, not a share. */
  area?: boolean;
}

const CONNECTORS = new Set([
  'al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ez', 'es', 'ed', 'et', 'ul', 'ud', 'ur', 'e', 'i', 'ye', 'yi',
  'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les', 'los', 'las', 'of', 'and', 'the',
  'on', 'upon', 'y', 'bin', 'ibn', 'abu', 'wa',
  // French, German and Dutch particles inside hyphenated or spaced names ("Port-au-Prince", "Aix-en-Provence",
  // "Boulogne-sur-Mer", "Frankfurt am Main", "Bergen op Zoom").
  'au', 'aux', 'en', 'sur', 'sous', 'lès', 'am', 'im', 'op', 'aan', 'ter',
]);

// Words that say what kind of place the name before (or after "of") is.
const DESIGNATORS: Record<string, TypeHint> = {
  province: 'admin1',
  provinces: 'admin1',
  governorate: 'admin1',
  governorates: 'admin1',
  state: 'admin1',
  oblast: 'admin1',
  region: 'area',
  county: 'admin2',
  parish: 'admin2',
  district: 'admin2',
  districts: 'admin2',
  municipality: 'admin2',
  // Rule "department-and-commune": a department is the first-level division of Benin, Haiti, Colombia or
  // Guatemala (France's are second-level: an admin1 hint still favours a division over a town, +2 for admin2);
  // a commune is Benin's and Congo's second level.
  department: 'admin1',
  departments: 'admin1',
  commune: 'admin2',
  communes: 'admin2',
  // second-level divisions by their local names: Nigeria's local government areas, Bangladesh's
  // upazilas, Kenya's sub-counties, Mali's cercles
  lga: 'admin2',
  lgas: 'admin2',
  upazila: 'admin2',
  upazilla: 'admin2',
  'sub-county': 'admin2',
  cercle: 'admin2',
  city: 'city',
  town: 'city',
  village: 'city',
  villages: 'city',
  township: 'city',
  hamlet: 'city',
  camp: 'feature',
  area: 'area',
  valley: 'area',
};

// Designators that belong to the name as written in gazetteers and news ("Laurel County", "Nineveh province").
const NAME_DESIGNATORS = new Set(['province', 'governorate', 'county', 'parish', 'district', 'oblast', 'state', 'region']);

const MAX_TOKENS = 7;

const RUN_OPENERS = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'Of', 'For', 'And', 'But', 'Or', 'If', 'When', 'While', 'As', 'To', 'From', 'By', 'With',
  'After', 'Before', 'Since', 'During', 'Near', 'Outside', 'Inside', 'This', 'That', 'These', 'Those', 'His', 'Her', 'Their',
  'Our', 'Its', 'My', 'Your', 'Some', 'All', 'Many', 'Most', 'Both', 'Each', 'Every', 'No', 'Not', 'It', 'He', 'She', 'We',
  'They', 'I', 'You', 'There', 'Here', 'What', 'Who', 'Why', 'How', 'Where', 'Which', 'THE',
]);

function isCapitalised(t: Token, text: string): boolean {
  const c = text.charCodeAt(t.start);
  const ch = text[t.start]!;
  if (c < 128) return c >= 65 && c <= 90;
  return /\p{Lu}/u.test(ch);
}

function isWordish(t: Token, text: string): boolean {
  return /\p{L}/u.test(text.slice(t.start, t.end));
}

/** Whether the sentence is a title-cased headline, where capitals say nothing about names. */
function isTitleCase(tokens: Token[], s: Sentence, text: string): boolean {
  let words = 0;
  let caps = 0;
  let lowerContent = 0;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i]!;
    if (!isWordish(t, text)) continue;
    words++;
    if (isCapitalised(t, text)) caps++;
    else if (t.end - t.start > 3) lowerContent++;
  }
  return words >= 3 && lowerContent === 0 && caps / words >= 0.6;
}

export function findCandidates(doc: Doc, gaz: Gazetteer): { candidates: Candidate[]; demonyms: Demonym[] } {
  const text = doc.text;
  const tokens = doc.get('tokens');
  const sentences = doc.get('sentences');
  const lex = placeLexicon();
  const candidates: Candidate[] = [];
  const demonyms: Demonym[] = [];

  for (const s of sentences) {
    if (s.kind === 'boilerplate') continue;
    const heading = isTitleCase(tokens, s, text);
    const adjacent = (a: Token, b: Token) => {
      const gap = text.slice(a.end, b.start);
      return gap.length <= 2 && /^[ \u00a0]*$/.test(gap);
    };
    const inName = (i: number): boolean => {
      const t = tokens[i]!;
      return isCapitalised(t, text) && isWordish(t, text);
    };
    const connector = (i: number): boolean => {
      const t = tokens[i]!;
      const v = text.slice(t.start, t.end);
      if (v === '-' || v === '‑') return t.start > 0 && tokens[i - 1]?.end === t.start && tokens[i + 1]?.start === t.end;
      // Rule "possessive-inside-a-name": "Cox's Bazar", "Martha's Vineyard" hold a possessive; the run only
      // keeps it when a capitalised word follows, and the gazetteer still decides what the run holds.
      if (v === "'s" || v === '’s') return tokens[i - 1]?.end === t.start;
      return CONNECTORS.has(v);
    };

    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      // Capitalised function words ("The", "In") open sentences and titles, not names.
      if (!inName(i) || RUN_OPENERS.has(text.slice(tokens[i]!.start, tokens[i]!.end))) {
        i++;
        continue;
      }
      // The run: capitalised tokens and inner connectors, adjacent, ending on a capitalised token.
      let j = i + 1;
      let lastCap = i;
      while (j < s.tokenEnd && adjacent(tokens[j - 1]!, tokens[j]!) && (inName(j) || connector(j))) {
        if (inName(j)) lastCap = j;
        j++;
      }
      const runEnd = lastCap + 1;
      matchRun(i, runEnd);
      i = runEnd;
    }

    function matchRun(from: number, to: number): void {
      let k = from;
      while (k < to) {
        if (!inName(k)) {
          k++;
          continue;
        }
        // Demonyms: "Iraqi", "Sri Lankan" are evidence, not places, unless a longer place name starts
        // with one ("Syrian Arab Republic").
        let dem = 0;
        let demonym: Demonym | null = null;
        for (let n = Math.min(3, to - k); n >= 1 && !dem; n--) {
          const surface = text.slice(tokens[k]!.start, tokens[k + n - 1]!.end);
          const countries = lex.demonyms.get(exactKey(surface));
          if (countries && inName(k + n - 1)) {
            // Inside a longer name ("Indian Lake Road", "American Red Cross") it says nothing of the story.
            if (!(k + n < to && inName(k + n))) demonym = { start: tokens[k]!.start, end: tokens[k + n - 1]!.end, countries };
            dem = n;
          }
        }
        const found = longestMatch(k, to);
        if (dem && !(found && found.end - k > dem)) {
          if (demonym) demonyms.push(demonym);
          k += dem;
          continue;
        }
        if (found && !found.abbreviation) addCounty(k, found);
        if (found) {
          candidates.push(makeCandidate(found.start, found.end, found.postings, found.loose, found.abbreviation, from, to));
          k = found.end;
        } else k++;
      }
    }

    /**
     * "Clay and Becker counties", "Rapides parish": the county of that name, which the gazetteer keeps
     * under its full name only ("Becker County"), joins the readings.
     */
    function addCounty(k: number, found: { end: number; postings: Posting[] }): void {
      const lastEnd = tokens[found.end - 1]!.end;
      const after = text.slice(lastEnd, Math.min(s.end, lastEnd + 120));
      const county =
        /^\s+(count(?:y|ies)|parish(?:es)?)\b/i.exec(after) ??
        /^(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}){1,8}\s+(counties|parishes)\b/u.exec(after);
      if (!county) return;
      const word = county[1]!.toLowerCase().startsWith('count') ? 'county' : 'parish';
      const key = `${exactKey(text.slice(tokens[k]!.start, lastEnd))} ${word}`;
      const extra = gaz.lookupExact(key).filter((p) => !found.postings.some((q) => q.id === p.id));
      if (extra.length) found.postings = [...extra, ...found.postings];
    }

    function longestMatch(
      k: number,
      to: number,
    ): { start: number; end: number; postings: Posting[]; loose: boolean; abbreviation: Abbreviation | null } | null {
      const max = Math.min(to, k + MAX_TOKENS);
      // Rule "lower-case-article": "al-Bayda", "ad-Dali" (the article written lower-case, so outside the run)
      // are looked up with their article first: the gazetteer may know the town only as "Al Bayda".
      const art = k >= s.tokenStart + 2 ? text.slice(tokens[k - 2]!.start, tokens[k - 1]!.end) : '';
      if (/^(?:al|el|ad|ar|as|ash|at|az|an|ath|ed|es|ez)-$/.test(art) && adjacent(tokens[k - 1]!, tokens[k]!)) {
        for (let e = max; e > k; e--) {
          if (!inName(e - 1)) continue;
          const postings = gaz.lookupExact(exactKey(text.slice(tokens[k - 2]!.start, tokens[e - 1]!.end)));
          if (postings.length) return { start: k - 2, end: e, postings, loose: false, abbreviation: null };
        }
      }
      for (let e = max; e > k; e--) {
        if (!inName(e - 1)) continue;
        for (const mode of ['exact', 'loose'] as const) {
          const surface = text.slice(tokens[k]!.start, tokens[e - 1]!.end);
          if (mode === 'exact' && e === k + 1) {
            const ab = gaz.abbreviations.get(surface);
            if (ab) return { start: k, end: e, postings: [], loose: false, abbreviation: ab };
          }
          // "W. Va.", "N. D.": an abbreviation written with a space after its first period.
          if (mode === 'exact' && e === k + 2 && /^\p{Lu}\.\s\p{Lu}[\p{L}]*\.$/u.test(surface)) {
            const ab = gaz.abbreviations.get(surface.replace(/\s+/g, ''));
            if (ab) return { start: k, end: e, postings: [], loose: false, abbreviation: ab };
          }
          const key = mode === 'exact' ? exactKey(surface) : looseKey(surface);
          if (key.length < (mode === 'exact' ? 2 : 4)) continue;
          // A loose spelling is for foreign names, not for English words ("Fire" is not "Fier").
          if (mode === 'loose' && (key.length < 5 || (e === k + 1 && isEnglishWord(surface)))) continue;
          const postings = mode === 'exact' ? gaz.lookupExact(key) : gaz.lookupLoose(key);
          // Rule "x-city-is-x": "Springfield City Council", "Quebec City": a name plus "City" known only as
          // some place's alternate name is the town named before it, with "City" as its designator.
          if (e > k + 1 && postings.length && postings.every((p) => p.alternate) && text.slice(tokens[e - 1]!.start, tokens[e - 1]!.end) === 'City') {
            const shorter = gaz.lookupExact(exactKey(text.slice(tokens[k]!.start, tokens[e - 2]!.end)));
            if (shorter.some((p) => !p.alternate)) continue;
          }
          if (postings.length) return { start: k, end: e, postings, loose: mode === 'loose', abbreviation: null };
        }
      }
      return null;
    }

    function makeCandidate(
      a: number,
      b: number,
      postings: Posting[],
      loose: boolean,
      abbreviation: Abbreviation | null,
      runStart: number,
      runEnd: number,
    ): Candidate {
      const first = tokens[a]!;
      const last = tokens[b - 1]!;
      const surface = text.slice(first.start, last.end);
      let designator: string | null = null;
      let hint: TypeHint | null = null;
      let spanEnd = last.end;
      const next = tokens[b];
      if (next && b < s.tokenEnd && adjacent(last, next)) {
        const w = text.slice(next.start, next.end).toLowerCase();
        if (DESIGNATORS[w]) {
          designator = w;
          hint = DESIGNATORS[w]!;
          if (NAME_DESIGNATORS.has(w)) spanEnd = next.end;
        } else if (w === 'local' && b + 1 < s.tokenEnd && text.slice(tokens[b + 1]!.start, tokens[b + 1]!.end).toLowerCase() === 'government') {
          // "Bali local government area", "Obi Local Government Council"
          designator = 'lga';
          hint = 'admin2';
        }
      }
      let p = a - 1;
      if (p >= s.tokenStart && text.slice(tokens[p]!.start, tokens[p]!.end).toLowerCase() === 'the') p--;
      const before = p >= s.tokenStart ? text.slice(tokens[p]!.start, tokens[p]!.end).toLowerCase() : null;
      // "the town of X", "the province of X"
      if (!hint && before === 'of' && p - 1 >= s.tokenStart) {
        const w = text.slice(tokens[p - 1]!.start, tokens[p - 1]!.end).toLowerCase();
        if (DESIGNATORS[w]) {
          hint = DESIGNATORS[w]!;
          designator = w;
        }
      }
      // "Kandahar and Zabul provinces", "Kot, Khogyani and Dih Bala districts": a plural designator after
      // a list applies to every name in it.
      if (!hint) {
        const ahead = /^(?:\s*(?:,|and|&)\s*(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}(?:\s*\([^()]{0,30}\))?){1,5}\s+(provinces|districts|governorates|states|counties|cities|towns|villages|regions)\b/u.exec(
          text.slice(last.end, Math.min(s.end, last.end + 160)),
        );
        if (ahead) {
          const w = ahead[1]!.replace(/ies$/, 'y').replace(/s$/, '');
          hint = DESIGNATORS[w] ?? null;
          designator = hint ? w : null;
        }
      }
      // "Dawlat Abad district, Balkh": the name after a designated place and a comma is its province.
      if (!hint && /(?:district|districts|city|town|village|area|county|center|centre)\s*,\s*$/i.test(text.slice(Math.max(s.start, first.start - 30), first.start))) {
        hint = 'admin1';
      }
      // The capitalised word next to the name inside its run, across connectors: "Dasht" in "Dasht-e-Abdan"
      // is the start of a longer name, as "Hasan" is in "Hasan Khail".
      // Only across a hyphenated particle ("-e-", "-el-", "-ul-"), not a plain hyphen ("R-Berkeley").
      const tok = (i: number) => text.slice(tokens[i]!.start, tokens[i]!.end);
      const hyphen = (i: number) => /^[-‑]$/.test(tok(i));
      const particle = (i: number) => i >= runStart && i + 2 < runEnd && hyphen(i) && /^\p{Ll}+$/u.test(tok(i + 1)) && hyphen(i + 2);
      let prevCap = a - 1;
      if (prevCap - 2 > runStart && particle(prevCap - 2)) prevCap -= 3;
      let nextCap = b;
      if (particle(nextCap)) nextCap += 3;
      const capBefore = a > runStart && inName(prevCap) ? text.slice(tokens[prevCap]!.start, tokens[prevCap]!.end) : null;
      const capAfter = b < runEnd && inName(nextCap) ? text.slice(tokens[nextCap]!.start, tokens[nextCap]!.end) : null;
      return {
        start: first.start,
        end: last.end,
        spanEnd,
        tokStart: a,
        tokEnd: b,
        sentence: s.index,
        surface,
        key: exactKey(surface),
        postings,
        loose,
        abbreviation,
        designator,
        hint,
        before,
        capBefore,
        capAfter,
        sentenceInitial: a === s.tokenStart || /^[\p{Pi}"'“‘(\-–—•*]+$/u.test(text.slice(s.start, first.start).trim()),
        heading,
        allCaps: surface.length > 1 && surface === surface.toUpperCase() && /\p{L}{2}/u.test(surface),
        pos: first.pos,
        runStart,
        runEnd,
      };
    }
  }
  return { candidates, demonyms };
}
