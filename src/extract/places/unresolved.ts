/**
 * Rule "unresolved-place": a capitalised name the text puts in a place slot ("in the village of X", "X
 * village", "the seizure of X", "clashed in X") that the gazetteer lacks is still where something happened.
 * It is kept as an unresolved place, named as written, and coded at the best area the document supports
 * (see index.ts): the division the text names after it ("X village, Y district"), else the story's focus,
 * else its country. Without it, a village missing from the gazetteer lets the event fall to another
 * clause's place ("fled toward [city]"), which then is said to have been attacked or taken.
 *
 * Only names, not people or organisations: spans the entity recogniser reads as a person or organisation,
 * actors and nationalities (the actor lexicon), acronyms, ordinary English words, months and the recogniser's
 * word lists are left out unless a designator says place ("the village of Kasso").
 */
import type { Doc } from '../../core/document.js';
import type { Span } from '../../core/span.js';
import { exactKey } from '../../gazetteer/fold.js';
import { isEnglishWord, placeLexicon } from './lexicon.js';
import type { PlaceKind } from './types.js';

export interface UnresolvedName extends Span {
  text: string;
  sentence: number;
  /** What puts the name in a place slot: a designator ("village"), an act on a place ("seizure of"), a preposition. */
  cue: 'designator' | 'act' | 'locative' | 'list';
  /** The word that says so ("village", "seizure", "in"). */
  cueWord: string;
  kind: PlaceKind;
  /** The place word written before or after it ("village" in "the village of X", "X village"), if any. */
  designator: string | null;
  /** End of the name with a designator written after it ("X village"), where a following container is looked for. */
  spanEnd: number;
}

// One word of a name: a capital, then letters, apostrophes ("N'Djamena") and hyphenated parts ("Tin-Ouzel",
// "Pul-e-Khumri"); a slash joins the two names of one area ("Ugwa/Odere"). Up to four words ("In Salah").
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’]*(?:[-‑/](?:\p{L}[\p{L}\p{M}'’]*))*`;
const NAME = new RegExp(String.raw`${WORD}(?: ${WORD}){0,3}`, 'gu');

// Words that name a kind of place, written before ("the village of X") or after ("X village") the name.
const DESIGNATOR: Record<string, PlaceKind> = {
  village: 'city', villages: 'city', town: 'city', locality: 'city', hamlet: 'city', settlement: 'city', city: 'city',
  neighbourhood: 'city', neighborhood: 'city', quarter: 'city', suburb: 'city', area: 'city',
  camp: 'feature', forest: 'feature', market: 'feature', mine: 'feature',
  commune: 'admin2', district: 'admin2', lga: 'admin2', county: 'admin2', 'sub-county': 'admin2', subcounty: 'admin2',
  upazila: 'admin2', union: 'admin2', 'local government': 'admin2', 'local government area': 'admin2', 'local government council': 'admin2', 'local council': 'admin2', cercle: 'admin2', department: 'admin2', ward: 'admin2', province: 'admin1', region: 'admin1', state: 'admin1',
};
// Written in lower case: "the Department of Labor", "the City of Lights" tour are names, not designators.
const BEFORE_DESIGNATOR =
  /\b(villages?|towns?|localit(?:y|ies)|hamlets?|settlements?|city|neighbou?rhoods?|quarters?|suburbs?|area|camps?|forest|commune|district|county|sub-county|upazila|cercle|ward|province|region)\s+of\s+(?:the\s+)?$/;
// Acts on a place: what is seized, besieged or freed is a place when it is written as a name ("the fall of X",
// "stormed X"; people and groups are kept out by the entity and actor guards; "attacked X" is left out, as
// what is attacked is as often a convoy's owner as a place).
const ACT =
  /\b(?:(seizure|capture|fall|takeover|recapture|liberation|occupation|siege|outskirts|environs|vicinity|surroundings)\s+of\s+(?:the\s+)?|(seized|captured|retook|recaptured|overran|stormed|besieged|shelled|entered|invaded|raided)\s+)$/;
// ("between" is left out: "clashes between Dogons and Fulanis" names peoples as often as places.)
const LOCATIVE = /\b(in|at|near|outside|around|inside|into)\s+$/;
const AFTER_DESIGNATOR =
  /^\s+(village|villages|town|locality|hamlet|settlement|area|neighbou?rhood|quarter|camp|forest|market|mine|commune|LGA|local government(?: area| council)?|local council|sub-county|subcounty|upazila|union|cercle|district|county|ward)\b/;
const COPULA_DESIGNATOR = /^,?\s+(?:is|was)\s+(?:a|an|the)\s+(?:[a-z]+\s+){0,2}?(village|town|hamlet|settlement|locality)\b/;
// A name followed by these is an organisation, a building or a way, not a settlement.
const NOT_A_SETTLEMENT =
  /^\s+(?:radio|television|tv|times|post|news|university|college|school|hospital|clinic|church|mosque|court|prison|police|army|party|movement|front|brigade|battalion|council|committee|group|militia|company|corporation|bank|hotel|restaurant|bar|club|store|shop|mall|department|office|headquarters|station|building|plant|factory|center|centre|hall|park|airport|stadium|road|street|avenue|highway|river|lake|bridge|dam|national|operation|forces?|ministry|style)\b/i;
// Capitalised words that begin sentences and headings, days, months, titles: never a place's first word here.
const FUNCTION = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'some', 'several', 'many', 'all', 'both']);

export interface UnresolvedInput {
  /** Spans already read as places (resolved mentions) and names the recogniser refused for a reason other than fit. */
  taken: readonly Span[];
  /** The resolved place mentions, in text order: a name listed right after one is a place too ("in X, Y and Z"). */
  places: readonly Span[];
  /** Actors, nationalities and entity-recogniser persons and organisations. */
  people: readonly Span[];
}

/**
 * The unresolved place names of a document: capitalised names in a place slot that no place mention covers.
 * Sentences in text order; names in text order within each.
 */
export function unresolvedNames(doc: Doc, input: UnresolvedInput): UnresolvedName[] {
  const text = doc.text;
  const lex = placeLexicon();
  const out: UnresolvedName[] = [];
  const { taken, people } = input;
  let placed = 0;
  for (const s of doc.get('sentences')) {
    if (s.kind === 'boilerplate' || s.kind === 'heading') continue;
    // The end of the last place of the sentence (resolved or not), for lists: "in Tamsu, Walari and Dogori".
    let lastPlaceEnd = -1;
    const placeEndBefore = (pos: number): number => {
      while (placed < input.places.length && input.places[placed]!.end <= pos) {
        if (input.places[placed]!.start >= s.start) lastPlaceEnd = Math.max(lastPlaceEnd, input.places[placed]!.end);
        placed++;
      }
      return lastPlaceEnd;
    };
    const body = text.slice(s.start, s.end);
    NAME.lastIndex = 0;
    for (let m = NAME.exec(body); m; m = NAME.exec(body)) {
      const start = s.start + m.index;
      let end = start + m[0].length;
      const before = text.slice(Math.max(s.start, start - 60), start);
      const after = text.slice(end, Math.min(s.end, end + 40));
      const words = m[0].split(' ');
      // A determiner written with a capital after the name ("... Kalumbo The") is not part of it.
      while (words.length > 1 && FUNCTION.has(words[words.length - 1]!.toLowerCase())) words.pop();
      end = start + words.join(' ').length;
      const name = text.slice(start, end);
      let cue: UnresolvedName['cue'] | null = null;
      let cueWord = '';
      let kind: PlaceKind = 'city';
      let spanEnd = end;
      const des = BEFORE_DESIGNATOR.exec(before);
      const act = ACT.exec(before);
      const loc = LOCATIVE.exec(before);
      // "the Fulani village of X", "the Christian town of Y": a word before "village of" + a name describes it.
      const aft = /^\s+(?:villages?|towns?|city|hamlet|settlement)\s+of\s+(?:the\s+)?\p{Lu}/u.test(after) ? null : AFTER_DESIGNATOR.exec(after);
      const said = COPULA_DESIGNATOR.exec(after);
      if (des) {
        cue = 'designator';
        cueWord = des[1]!.toLowerCase();
        kind = DESIGNATOR[cueWord] ?? DESIGNATOR[cueWord.replace(/ies$/, 'y').replace(/s$/, '')] ?? 'city';
      } else if (aft) {
        cue = 'designator';
        cueWord = aft[1]!.toLowerCase();
        kind = DESIGNATOR[cueWord] ?? 'city';
        spanEnd = end + aft[0].length;
      } else if (said) {
        // "X is a village in Y", "X was the same village where ...": the text says what X is.
        cue = 'designator';
        cueWord = said[1]!.toLowerCase();
        kind = DESIGNATOR[cueWord] ?? 'city';
      } else if (act) {
        cue = 'act';
        cueWord = (act[1] ?? act[2])!.toLowerCase();
      } else if (loc) {
        cue = 'locative';
        cueWord = loc[1]!.toLowerCase();
      } else {
        const prev = placeEndBefore(start);
        if (prev >= s.start && /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$/.test(text.slice(prev, start))) {
          cue = 'list';
          cueWord = ',';
        }
      }
      if (!cue) continue;
      // A capital at the start of a sentence (or of a quotation or parenthesis opening it) says nothing, unless
      // the sentence says what the name is ("Bandiya is a farming village").
      if (!said && /^[\s"'“‘([-]*$/.test(text.slice(s.start, start))) continue;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      if (people.some((p) => p.start < end && start < p.end)) {
        // A designator outweighs the recogniser ("the village of Kasso", "Kasso village"); nothing else does.
        if (!des && !aft && !said) continue;
      }
      if (!plausibleName(words, lex, cue === 'designator')) continue;
      // A possessive ("at Murphy's", "Monday's funeral") names an owner or a day; an abbreviation ("S. Balt.",
      // "Sgt. Maria") is not a name written out.
      if (/['’]s?$/.test(name) || /^\./.test(text.slice(end, end + 1))) continue;
      if (NOT_A_SETTLEMENT.test(after)) continue;
      // A name that goes on with a lower-case "of" ("Ministry of ...") or a possessive is something's name.
      if (/^['’]s\b/.test(after)) continue;
      const designator = des ? des[1]!.toLowerCase() : aft ? aft[1]!.toLowerCase() : null;
      if (aft) {
        kind = DESIGNATOR[aft[1]!.toLowerCase()] ?? kind;
        spanEnd = end + aft[0].length;
      }
      out.push({ start, end, text: name, sentence: s.index, cue, cueWord, kind, designator, spanEnd });
      lastPlaceEnd = Math.max(lastPlaceEnd, spanEnd);
    }
  }
  return out;
}

/** Whether the words can be a place's name: no acronym, no month or title, no lone English word. */
function plausibleName(words: string[], lex: ReturnType<typeof placeLexicon>, designated: boolean): boolean {
  for (const w of words) {
    // Acronyms ("FAMa", "MINUSMA", "ISGS") are organisations.
    if (/\p{Lu}{2}/u.test(w.replace(/^\p{Lu}['’]/u, ''))) return false;
  }
  const first = words[0]!.toLowerCase();
  if (FUNCTION.has(first)) return false;
  const key = exactKey(words.join(' '));
  if (lex.notPlaces.has(first) || lex.notPlaces.has(words.join(' ').toLowerCase())) return false;
  // A people's name anywhere in it ("Apache Indians", "Moorish Revival"): a people or a style, not a place.
  if (lex.demonyms.has(key) || words.some((w) => lex.demonyms.has(exactKey(w)))) return false;
  if (!designated && (lex.givenNames.has(first) || lex.personNames.has(first))) return false;
  // Every word an ordinary English word ("Central Market", "Holy Cross"): a description, unless designated.
  if (!designated && words.every((w) => isEnglishWord(w.toLowerCase()))) return false;
  if (/^(?:\p{L}+day|january|february|march|april|may|june|july|august|september|october|november|december)$/u.test(first)) return false;
  return true;
}
