/**
 * What sitrep's own lists say about the words of a sentence, as features for the entity recogniser: the
 * gazetteer (longest capitalised match: its position in the match, the kind of place and its population
 * band), the named armed groups and missions of the actor lexicon (data/actors), given names and surnames,
 * demonyms, and the word's clusters learnt from GloVe's vectors (./clusters.ts). The recogniser learns
 * from EWT how far to trust each list; the lists give it names EWT never saw.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exactKey } from '../../gazetteer/fold.js';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import { gazetteer } from '../../gazetteer/load.js';
import { readDemonyms, readWordList } from '../../gazetteer/sources.js';
import { KINDS } from '../../gazetteer/types.js';
import { wordClusters, type WordClusters } from './clusters.js';
import { strHash } from './hash.js';
import { winkLexemes } from '../wink.js';

const ACTORS_DIR = fileURLToPath(new URL('../../../data/actors/', import.meta.url));

/** Words that may stand inside a capitalised name ("Bosnia and Herzegovina", "Deir ez-Zor", "Gulf of Aden"). */
const CONNECTORS = new Set(['of', 'and', 'the', 'al', 'el', 'ad', 'ar', 'as', 'ash', 'ez', 'de', 'del', 'la', 'le', 'du', 'da', 'bin', 'ibn', '-', '&']);
const MAX_SPAN = 5;

export const WORD_GIVEN = 1;
export const WORD_SURNAME = 2;
export const WORD_PERSON_PLACE = 4;
export const WORD_DEMONYM = 8;
/** In wink-nlp's English lexicon (WordNet-based): ordinary words, and some well-known names. */
export const WORD_ENGLISH = 16;


export interface NameEvidence {
  /** Gazetteer match: 0, or position (1 B, 2 I, 3 L, 4 U) << 8 | kind << 4 | population band. */
  gaz: Int32Array;
  /** Named actor match: 0, or position (1 B, 2 I, 3 L, 4 U). */
  actor: Int32Array;
  /** Bit set of WORD_* flags. */
  word: Int32Array;
  /** Gazetteer match of a lower-case word sequence ("went to malaysia"): 0, or as `gaz` with English-word bit 1 << 7. */
  gazLower: Int32Array;
  /**
   * The run of capitalised words (connectors inside allowed) each word is in: its position (1 B, 2 I, 3 L,
   * 4 U; 0 outside) and the hashes of the run's first and last words, lower-cased ("Ministry ... Affairs",
   * "... Airlines", "... Street").
   */
  runPos: Int32Array;
  runFirst: Int32Array;
  runLast: Int32Array;
  /** Whether the run holds a word that names organisations (RUN_ORG_CUE: "Bank", "Ministry", "Inc") or places (RUN_LOC_CUE: "Street", "River"). */
  runCue: Int32Array;
  /** The word's row in the word clusters (./clusters.ts), or -1 for a word they lack. */
  clusterRow: Int32Array;
  /** The word's clusters at levels 1 (coarsest), 2 and 3 (the leaf), numbered from 1; 0 for an unknown word. */
  cluster1: Int32Array;
  cluster2: Int32Array;
  cluster3: Int32Array;
}

/** Set in every gazLower code (bit 3 is free: bands take bits 0–2, kinds 4–6, the English-word bit 7). */
const LOWER_FOUND = 1 << 3;

function band(pop: number): number {
  if (pop <= 0) return 0;
  if (pop < 1_000) return 1;
  if (pop < 10_000) return 2;
  if (pop < 100_000) return 3;
  if (pop < 1_000_000) return 4;
  return 5;
}

// Patterns made once: a regular-expression literal is a new object each time it is evaluated.
const CAPITAL_FIRST = /^\p{Lu}/u;
const ALL_LOWER = /^\p{Ll}+$/u;
const A_LETTER = /\p{L}/u;
const capitalised = (w: string) => CAPITAL_FIRST.test(w);

interface WordFacts {
  word: number;
  row: number;
  c1: number;
  c2: number;
  c3: number;
  /** The form starts with a capital (CAPITAL_FIRST); is lower-case letters only (ALL_LOWER); is a CONNECTOR. */
  capital: boolean;
  lower: boolean;
  connector: boolean;
  /** For an all-lower-case form: whether a well-known place of several words starts with it, and its own code as one (0: none). */
  firstWord: boolean;
  lowerCode: number;
}

/** Memos of what the lists say per word and per span: news repeats its words and names. Bounded, for long runs. */
const MEMO_LIMIT = 50_000;
function remember<V>(memo: Map<string, V>, key: string, v: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, v);
  return v;
}

export class NameLists {
  private readonly wordMemo = new Map<string, WordFacts>();
  /** Scratch: the facts of the words of the sentence being annotated. */
  private readonly facts: WordFacts[] = [];
  private readonly placeMemo = new Map<string, number>();
  private lowerKeys: { codes: Map<string, number>; firstWords: Set<string> } | null = null;

  constructor(
    private readonly gaz: Gazetteer,
    private readonly actors: Set<string>,
    private readonly words: Map<string, number>,
    private readonly english: Set<string>,
    private readonly clusters: WordClusters,
  ) {}

  annotate(forms: readonly string[]): NameEvidence {
    const n = forms.length;
    // Each word's facts once (how it is written included): the passes below read them instead of testing
    // its string against patterns and sets again in every pass.
    const facts = this.facts;
    facts.length = n;
    for (let i = 0; i < n; i++) facts[i] = this.wordOf(forms[i]!);
    const ev: NameEvidence = {
      gaz: new Int32Array(n),
      actor: new Int32Array(n),
      word: new Int32Array(n),
      gazLower: new Int32Array(n),
      runPos: new Int32Array(n),
      runFirst: new Int32Array(n),
      runLast: new Int32Array(n),
      runCue: new Int32Array(n),
      clusterRow: new Int32Array(n),
      cluster1: new Int32Array(n),
      cluster2: new Int32Array(n),
      cluster3: new Int32Array(n),
    };
    this.runs(forms, facts, ev);
    this.lowerPlaces(forms, facts, ev);
    for (let i = 0; i < n; i++) {
      const w = facts[i]!;
      ev.word[i] = w.word;
      ev.clusterRow[i] = w.row;
      ev.cluster1[i] = w.c1;
      ev.cluster2[i] = w.c2;
      ev.cluster3[i] = w.c3;
    }
    this.spans(forms, facts, (i, j, key) => {
      const code = this.placeCode(key);
      if (code < 0) return false;
      mark(ev.gaz, i, j, code);
      return true;
    });
    this.spans(forms, facts, (i, j, key) => {
      if (!this.actors.has(key)) return false;
      mark(ev.actor, i, j, 0);
      return true;
    });
    return ev;
  }

  private runs(forms: readonly string[], facts: readonly WordFacts[], ev: NameEvidence): void {
    const n = forms.length;
    for (let i = 0; i < n; ) {
      if (!facts[i]!.capital) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && (facts[j]!.capital || (facts[j]!.connector && j + 1 < n && facts[j + 1]!.capital))) j++;
      const first = strHash(forms[i]!.toLowerCase());
      const last = strHash(forms[j - 1]!.toLowerCase());
      let cue = 0;
      for (let k = i; k < j; k++) cue |= runCueOf(forms[k]!);
      // A designator written after a comma still names the run before it ("Acme Widgets, Inc.").
      if (j + 1 < n && forms[j] === ',' && (runCueOf(forms[j + 1]!) & RUN_SUFFIX) !== 0) cue |= RUN_ORG_CUE;
      cue &= RUN_ORG_CUE | RUN_LOC_CUE;
      for (let k = i; k < j; k++) {
        ev.runPos[k] = j - i === 1 ? 4 : k === i ? 1 : k === j - 1 ? 3 : 2;
        ev.runFirst[k] = first;
        ev.runLast[k] = last;
        ev.runCue[k] = cue;
      }
      i = j;
    }
  }

  /**
   * Lower-case mentions of well-known places, common in web text ("flights to malaysia"): countries,
   * first-level divisions and cities of 100,000 or more, one to three words, not inside a capitalised run.
   */
  private lowerPlaces(forms: readonly string[], facts: readonly WordFacts[], ev: NameEvidence): void {
    const n = forms.length;
    for (let i = 0; i < n; i++) {
      if (!facts[i]!.lower) continue;
      const longest = facts[i]!.firstWord ? Math.min(n, i + 3) : i + 1;
      for (let j = longest; j > i; j--) {
        if (!facts[j - 1]!.lower) continue;
        const key = j - i === 1 ? forms[i]! : forms.slice(i, j).join(' ');
        const code = j - i === 1 ? facts[i]!.lowerCode : this.lowerPlaceCode(key);
        if (code === 0) continue;
        const english = j - i === 1 && this.english.has(key) ? 1 << 7 : 0;
        mark(ev.gazLower, i, j, code | english);
        i = j - 1;
        break;
      }
    }
  }

  /** What the lists say of one word alone (lower-cased): its WORD_* flags and clusters; and how it is written. */
  private wordOf(form: string): WordFacts {
    const hit = this.wordMemo.get(form);
    if (hit) return hit;
    const low = form.toLowerCase();
    const row = this.clusters.row(low);
    const lower = ALL_LOWER.test(form);
    const facts: WordFacts = {
      word: (this.words.get(low) ?? 0) | (this.english.has(low) ? WORD_ENGLISH : 0),
      row,
      c1: this.clusters.clusterAt(row, 1),
      c2: this.clusters.clusterAt(row, 2),
      c3: this.clusters.clusterAt(row, 3),
      capital: capitalised(form),
      lower,
      connector: CONNECTORS.has(low),
      firstWord: lower && this.wellKnown().firstWords.has(form),
      lowerCode: lower ? this.lowerPlaceCode(form) : 0,
    };
    remember(this.wordMemo, form, facts);
    return facts;
  }


  /** The gaz code of a capitalised span's folded key (its most populous place, a country first), or -1. */
  private placeCode(key: string): number {
    const hit = this.placeMemo.get(key);
    if (hit !== undefined) return hit;
    let best = -1;
    let bestPop = -1;
    for (const p of this.gaz.lookupExact(key)) {
      const pop = this.gaz.populationOf(p.id) + (this.gaz.kindOf(p.id) === 'country' ? 1e9 : 0);
      if (pop > bestPop) {
        bestPop = pop;
        best = p.id;
      }
    }
    const code = best < 0 ? -1 : (KINDS.indexOf(this.gaz.kindOf(best)) << 4) | band(this.gaz.populationOf(best));
    return remember(this.placeMemo, key, code);
  }

  /**
   * The well-known places lowerPlaces looks for, by exact key, with their codes; and the first words of
   * those of several words, so that a word starting none is not joined to its neighbours to be looked up.
   * Built once: a few thousand keys, from one pass over the gazetteer's postings.
   */
  private wellKnown(): { codes: Map<string, number>; firstWords: Set<string> } {
    if (this.lowerKeys) return this.lowerKeys;
    const gaz = this.gaz;
    // A country's code alone would be 0 (kind 0, and the gazetteer gives countries no population), which
    // reads as no match: LOWER_FOUND makes every well-known place's code non-zero.
    const codeOf = (id: number) => LOWER_FOUND | (KINDS.indexOf(gaz.kindOf(id)) << 4) | band(gaz.populationOf(id));
    const codes = new Map<string, number>();
    const firstWords = new Set<string>();
    const known = gaz.primaryExactKeys((id) => {
      const kind = gaz.kindOf(id);
      return kind === 'country' || kind === 'admin1' || (kind === 'city' && gaz.populationOf(id) >= 100_000);
    });
    for (const [key, ids] of known) {
      codes.set(key, Math.max(...ids.map(codeOf)));
      const space = key.indexOf(' ');
      if (space > 0) firstWords.add(key.slice(0, space));
    }
    return (this.lowerKeys = { codes, firstWords });
  }

  /** The code of a lower-case word sequence naming a well-known place (lowerPlaces), or 0. */
  private lowerPlaceCode(key: string): number {
    return this.wellKnown().codes.get(key) ?? 0;
  }

  /** Calls f on capitalised spans, longest first from each start; a span f accepts is skipped past. */
  private spans(forms: readonly string[], facts: readonly WordFacts[], f: (i: number, j: number, key: string) => boolean): void {
    const n = forms.length;
    for (let i = 0; i < n; ) {
      if (!facts[i]!.capital) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < n && end - i < MAX_SPAN && (facts[end]!.capital || facts[end]!.connector)) end++;
      let taken = 0;
      for (let j = end; j > i; j--) {
        if (!facts[j - 1]!.capital) continue;
        const key = exactKey(forms.slice(i, j).join(' '));
        if (key !== '' && f(i, j, key)) {
          taken = j;
          break;
        }
      }
      i = taken > 0 ? taken : i + 1;
    }
  }
}

export const RUN_ORG_CUE = 1;
export const RUN_LOC_CUE = 2;
/** A company designator, also read after a comma. */
const RUN_SUFFIX = 4;

/**
 * Words that make a capitalised run an organisation's name or a place's, wherever they stand in it
 * ("Ministry of ...", "... Holdings", "... Street"): the recogniser learns each last word from EWT, but
 * most designators are too rare there to be learnt one by one, so they also share one feature per class.
 */
const ORG_SUFFIXES = ['inc', 'corp', 'corporation', 'ltd', 'llc', 'plc', 'co', 'gmbh', 'pvt'];
const ORG_WORDS = [
  ...ORG_SUFFIXES, 'company', 'companies', 'group', 'holdings', 'partners', 'bank', 'university', 'college', 'institute',
  'academy', 'council', 'committee', 'commission', 'ministry', 'department', 'agency', 'authority', 'association',
  'foundation', 'party', 'union', 'federation', 'league', 'front', 'movement', 'army', 'forces', 'navy', 'police',
  'court', 'parliament', 'senate', 'congress', 'news', 'times', 'post', 'press', 'journal', 'herald', 'tribune',
  'gazette', 'radio', 'television', 'tv', 'network', 'channel', 'broadcasting', 'media', 'airlines', 'airways',
  'systems', 'technologies', 'services', 'industries', 'organization', 'organisation', 'office', 'board', 'club',
  'society', 'brigade', 'brigades', 'battalion', 'bureau', 'center', 'centre', 'coalition', 'alliance', 'assembly',
];
const LOC_WORDS = [
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'boulevard', 'blvd', 'lane', 'highway', 'river', 'lake', 'mountain',
  'mountains', 'mount', 'mt', 'hills', 'hill', 'island', 'islands', 'bay', 'park', 'bridge', 'airport', 'station',
  'district', 'county', 'province', 'valley', 'beach', 'sea', 'ocean', 'gulf', 'desert', 'square', 'city', 'town',
  'village', 'region', 'camp', 'base', 'border', 'coast', 'peninsula', 'canyon', 'creek', 'falls', 'harbour', 'harbor',
];
const RUN_CUES = new Map<string, number>([
  ...ORG_WORDS.map((w): [string, number] => [w, RUN_ORG_CUE]),
  ...LOC_WORDS.map((w): [string, number] => [w, RUN_LOC_CUE]),
  ...ORG_SUFFIXES.map((w): [string, number] => [w, RUN_ORG_CUE | RUN_SUFFIX]),
]);
const runCueOf = (form: string): number => RUN_CUES.get(form.toLowerCase().replace(/\.$/, '')) ?? 0;

function mark(a: Int32Array, i: number, j: number, code: number): void {
  if (j - i === 1) {
    a[i] = (4 << 8) | code;
    return;
  }
  a[i] = (1 << 8) | code;
  for (let k = i + 1; k < j - 1; k++) a[k] = (2 << 8) | code;
  a[j - 1] = (3 << 8) | code;
}

/** Aliases of named actors (armed groups, missions): the first column of the lexicon files, folded. */
function readActorAliases(): Set<string> {
  const out = new Set<string>();
  for (const file of ['armed-groups.txt', 'external.txt']) {
    for (const line of readFileSync(ACTORS_DIR + file, 'utf8').split(/\r?\n/)) {
      if (line.startsWith('#') || !line.includes('|')) continue;
      const alias = line.split('|')[0]!.trim();
      if (/^\p{Lu}/u.test(alias)) out.add(exactKey(alias));
    }
  }
  return out;
}

/** wink-nlp's English lexemes (about 87,000, from the model package sitrep already loads). */
function englishWords(): Set<string> {
  return new Set(winkLexemes().map((w) => w.toLowerCase()));
}

let shared: NameLists | null = null;

/** The lists, loaded once per process. */
export function nameLists(): NameLists {
  if (shared) return shared;
  const words = new Map<string, number>();
  const flag = (w: string, f: number) => words.set(w, (words.get(w) ?? 0) | f);
  for (const w of readWordList('given-names.txt')) flag(w.toLowerCase(), WORD_GIVEN);
  for (const w of readWordList('surnames.txt')) flag(w.toLowerCase(), WORD_SURNAME);
  for (const w of readWordList('person-names.txt')) flag(w.toLowerCase(), WORD_PERSON_PLACE);
  for (const d of readDemonyms()) for (const f of d.forms) if (!f.includes(' ')) flag(f.toLowerCase(), WORD_DEMONYM);
  shared = new NameLists(gazetteer(), readActorAliases(), words, englishWords(), wordClusters());
  return shared;
}

export const DOC_CAPITALISED = 1;
export const DOC_LOWER = 2;

/**
 * How each word's lower-cased form is written elsewhere in the document: capitalised inside a sentence
 * (DOC_CAPITALISED, a name's habit) and all in lower case (DOC_LOWER, a common word's). A sentence-initial
 * capital says nothing, so it is not counted.
 */
export function documentCasing(sentences: readonly (readonly string[])[]): Int32Array[] {
  const seen = new Map<string, number>();
  for (const forms of sentences) {
    for (let i = 0; i < forms.length; i++) {
      const f = forms[i]!;
      if (!A_LETTER.test(f)) continue;
      const k = f.toLowerCase();
      if (f === k) seen.set(k, (seen.get(k) ?? 0) | DOC_LOWER);
      else if (i > 0 && CAPITAL_FIRST.test(f)) seen.set(k, (seen.get(k) ?? 0) | DOC_CAPITALISED);
    }
  }
  return sentences.map((forms) => Int32Array.from(forms, (f) => seen.get(f.toLowerCase()) ?? 0));
}
