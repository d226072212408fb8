/**
 * Past or future, from the grammar of the clause around an incomplete date. News is past-biased: a bare
 * "Friday" is the most recent Friday unless the clause speaks of the future ("will meet on Friday", "is
 * scheduled to open Monday", "as early as Tuesday", "planned to leave on Thursday", "until Tuesday").
 * The nearest cue wins, looking left first, then right, never past the clause: a comma, a semicolon, a
 * quote or a subordinating word ("that", "which", "because") ends it. So in "he will step down, he said
 * Friday" the cue is "said"; in "the judge ruled that the boy must go back by Jan. 14" there is none.
 */
export type Tense = 'past' | 'future';

const FUTURE_WORDS = new Set([
  'will', 'would', 'should', 'must', 'can', 'shall', 'gonna', 'upcoming', 'scheduled', 'slated', 'planned', 'planning', 'intends', 'intend', 'intended',
  'expects', 'tomorrow', 'forthcoming', 'postponed', 'delayed', 'adjourned', 'await', 'awaits', 'awaiting',
]);

const PAST_WORDS = new Set([
  'said', 'told', 'announced', 'reported', 'added', 'stated', 'declared', 'confirmed', 'claimed', 'was', 'were', 'had',
  'did', 'ago', 'yesterday', 'last', 'earlier', 'previously', 'began', 'came', 'went', 'took', 'saw', 'made', 'gave', 'left',
  'fell', 'rose', 'held', 'met', 'won', 'lost', 'sent', 'fled', 'shot', 'hit', 'struck', 'led', 'fought', 'spoke', 'wrote',
  'became', 'brought', 'caught', 'found', 'kept', 'paid', 'ran', 'sold', 'stood', 'thought', 'died', 'since',
]);

/** Words ending in -ed that are not past-tense verbs. */
const NOT_PAST_ED = new Set([
  'need', 'feed', 'seed', 'speed', 'bed', 'red', 'hundred', 'shed', 'indeed', 'proceed', 'exceed', 'succeed', 'breed',
  'creed', 'united', 'armed', 'based', 'alleged', 'suspected', 'detained', 'wounded', 'injured', 'masked', 'unidentified',
  'unnamed', 'embattled', 'beleaguered', 'so-called', 'advanced', 'limited', 'related', 'interested', 'concerned',
]);

/** Words after which an -ed form is an adjective, not a verb. */
const ADJECTIVAL_BEFORE = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'still', 'newly', 'recently', 'so-called']);

/** Words that end a clause when scanning for a cue. */
const CLAUSE_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose', 'because', 'but', 'while', 'although', 'though', 'if', 'whether', 'whereas']);

const MODAL_TO = new Set(['going', 'set', 'due', 'expected', 'scheduled', 'slated', 'planned', 'plans', 'plan', 'is', 'are', 'planning', 'likely', 'hopes', 'aims', 'intends', 'want', 'wants', 'wanted']);

/**
 * Verbs that, in the simple present, state a schedule: "the leaders meet Monday", "talks open Tuesday",
 * "parliament votes on Thursday". News writes a planned event in the present tense; it writes a past one
 * in the past tense (headlines aside, which the caller leaves out). Reporting verbs ("says", "tells")
 * and states ("is", "has") are not here: "police say on Monday …" dates the saying.
 */
const SCHEDULE_VERBS = new Set([
  'meet', 'open', 'reopen', 'begin', 'start', 'resume', 'convene', 'vote', 'arrive', 'visit', 'travel', 'return',
  'host', 'face', 'play', 'expire', 'close', 'end', 'hear', 'debate', 'launch', 'kick',
]);

/** Words before a present-tense form that make it something else: a noun, an adjective, an infinitive, a negated past. */
const NOT_FINITE_BEFORE = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'to', 'did', "didn't",
  'didn’t', 'does', "doesn't", 'doesn’t', 'do', "don't", 'don’t', 'not', 'never', 'be', 'been', 'being', 'is', 'are', 'was',
  'were', 'remain', 'remains', 'remained', 'stay', 'stays', 'stayed', 'kept', 'keep', 'keeps', 'will', 'would', 'can', 'could',
  'may', 'might', 'must', 'should', 'shall', 'let', 'lets', 'help', 'helped', 'make', 'made', 'see', 'saw', 'watch', 'watched',
]);

/** Parts of speech before a schedule word that make it a noun: "an official visit", "two votes". */
const NOUN_BEFORE_POS = new Set(['ADJ', 'DET', 'NUM']);

/** A present-tense schedule verb ("meet", "meets", "opens", "launches"), not used as a noun or after a modal. */
function isScheduleVerb(words: string[], i: number, posBefore: string | undefined): boolean {
  if (posBefore !== undefined && NOUN_BEFORE_POS.has(posBefore)) return false;
  const w = words[i]!;
  const base = SCHEDULE_VERBS.has(w) ? w : /(?:ch|sh|ss|x)es$/.test(w) && SCHEDULE_VERBS.has(w.slice(0, -2)) ? w.slice(0, -2) : w.endsWith('s') && SCHEDULE_VERBS.has(w.slice(0, -1)) ? w.slice(0, -1) : null;
  if (!base) return false;
  // "kick off": only with its particle.
  if (base === 'kick' && words[i + 1] !== 'off') return false;
  return !NOT_FINITE_BEFORE.has(words[i - 1] ?? '');
}

const isBoundary = (t: string) => /^[,;:()"“”«»—–]$/.test(t) || CLAUSE_WORDS.has(t);

/** Words ending a temporal clause that hangs on another verb ("… would buy as soon as trading opened Monday"). */
const TEMPORAL_CONJUNCTIONS = new Set(['once', 'until', 'till', 'before', 'after', 'when']);

/** Is the verb at `i` the first verb of a clause opened by "as soon as", "once", "when"…? Returns the index before the conjunction, or -1. */
function temporalClauseStart(words: string[], i: number): number {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = words[k]!;
    if (w === 'as' && words[k - 1] === 'soon' && words[k - 2] === 'as') return k - 3;
    if (TEMPORAL_CONJUNCTIONS.has(w)) return k - 1;
    if (isBoundary(w)) return -1;
  }
  return -1;
}

function cueOf(words: string[], i: number): Tense | null {
  const w = words[i]!;
  const next = words[i + 1] ?? '';
  const prev = words[i - 1] ?? '';
  if (w === 'to' && MODAL_TO.has(prev)) return words.slice(Math.max(0, i - 4), i).includes('had') ? 'past' : 'future';
  // "agreed to buy the line in February": what was agreed lies ahead of the agreement; "agreed to a truce" is the agreement.
  if (w === 'to' && /^agree[ds]?$/.test(prev) && next !== '' && !NOT_FINITE_BEFORE.has(next) && !isBoundary(next)) return 'future';
  if (w === 'as' && (next === 'soon' || next === 'early') && words[i + 2] === 'as') return 'future';
  // "as previously planned", "a hastily scheduled visit": the planning is told, not the plan's date.
  if ((w === 'planned' || w === 'scheduled') && (prev.endsWith('ly') || prev === 'as')) return null;
  if (FUTURE_WORDS.has(w) || /['’]ll$/.test(w) || w === "won't" || w === 'won’t') {
    // "had been scheduled to expire Friday": a plan in the past perfect is over.
    return words.slice(Math.max(0, i - 3), i).includes('had') ? 'past' : 'future';
  }
  // A participle after "be"/"been"/"being" is passive, not past ("will be held", "must be paid").
  if (/^(?:be|been|being|is|are|to)$/.test(prev)) return null;
  // "were planning to", "was going to", "was scheduled to": a plan, looking ahead.
  if ((w === 'was' || w === 'were') && /^(?:going|planning|scheduled|due|set|expected|slated|supposed)$/.test(next)) return 'future';
  if (PAST_WORDS.has(w)) return 'past';
  // An -ed word after a determiner or "still", or with a negating prefix, is an adjective
  // ("a still unspecified date", "the revised plan", "an unnamed official"), not a past verb.
  if (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && !ADJECTIVAL_BEFORE.has(prev) && !/^(?:un|non-?)/.test(w)) return 'past';
  return null;
}

/** How many words to the right of an expression are read for a cue. */
const RIGHT_REACH = 12;

/** A schedule verb is read only this close to the date ("launches the inquiry on Thursday"). */
const SCHEDULE_REACH = 4;

/** Past cues reach only this far: a past verb far from the date is usually the reporting verb. */
const PAST_REACH = 5;

/** A cue: its tense and how many words away from the expression it is. */
export interface Cue {
  tense: Tense;
  distance: number;
}

/** The clause's words in lower case, and where they start in the text. */
interface Words {
  text: string;
  words: string[];
  starts: number[];
}

/** Was the word at `i` capitalised in the text? */
function capitalised(w: Words, i: number): boolean {
  const at = w.starts[i];
  if (at === undefined) return false;
  const c = w.text.charAt(at);
  return c !== c.toLowerCase();
}

const LETTER = /\p{L}/u;

/** Part of a word: a letter, an apostrophe or a hyphen ("won't", "so-called"). */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45;
  return c === 0x2019 || LETTER.test(String.fromCharCode(c));
}

/** Punctuation that is a token of its own: , ; : ( ) " “ ” « » — – */
function isPunctToken(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 34 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x2014 || c === 0x2013;
}

/** The words and clause punctuation of text[from, to) (at most `max`), scanned by hand: this runs for every incomplete date. */
function wordsOf(text: string, from: number, to: number, max = Infinity): Words {
  const words: string[] = [];
  const starts: number[] = [];
  let i = from;
  while (i < to && words.length < max) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      const s = i;
      while (i < to && isWordChar(text.charCodeAt(i))) i++;
      words.push(text.slice(s, i).toLowerCase());
      starts.push(s);
    } else {
      if (isPunctToken(c)) {
        words.push(text.charAt(i));
        starts.push(i);
      }
      i++;
    }
  }
  return { text, words, starts };
}

/**
 * The nearest cue in one direction within the clause, or null. Leftwards, a past verb that opens a
 * temporal clause ("as soon as trading opened Monday") takes the tense of the clause it hangs on when
 * that one looks ahead ("… were likely to buy its stock as soon as trading opened Monday"): the
 * sequence of tenses puts a future seen from the past into the past tense.
 */
interface ScanOptions {
  skipFirstComma: boolean;
  stopAtAnd: boolean;
  leftwards: boolean;
  schedule: boolean;
  posAt?: ((offset: number) => string | undefined) | undefined;
}

function nearest(w: Words, first: number, last: number, options: ScanOptions): Cue | null {
  const tokens = w.words;
  // The direction comes from the options, not from first/last: an empty range (first = -1 or last = -1)
  // must read nothing rather than run the other way.
  const step = options.leftwards ? -1 : 1;
  if (first < 0 || first >= tokens.length || (step > 0 ? last < first : last > first)) return null;
  let distance = 0;
  for (let i = first; step > 0 ? i <= last : i >= last; i += step) {
    const t = tokens[i]!;
    // On the right, "and" starts another clause, unless it joins the words of a name ("the Abortion and Reproductive Rights League").
    if (isBoundary(t) || (options.stopAtAnd && t === 'and' && !(capitalised(w, i - 1) && capitalised(w, i + 1)))) {
      if (options.skipFirstComma && distance === 0 && t === ',') continue;
      return null;
    }
    distance++;
    if (options.schedule && distance <= SCHEDULE_REACH && isScheduleVerb(tokens, i, i > 0 ? options.posAt?.(w.starts[i - 1]!) : undefined)) return { tense: 'future', distance };
    const c = cueOf(tokens, i);
    if (c === 'future') return { tense: 'future', distance };
    if (c === 'past') {
      if (options.leftwards) {
        const before = temporalClauseStart(tokens, i);
        if (before >= 0) {
          const outer = nearest(w, before, 0, { ...options, schedule: false });
          if (outer?.tense === 'future') return { tense: 'future', distance };
        }
      }
      return distance <= PAST_REACH ? { tense: 'past', distance } : null;
    }
  }
  return null;
}

/** Options of cueAround. */
export interface CueOptions {
  /** Read present-tense schedule verbs as the future ("they meet Monday"); off for headlines, which write the past in the present. */
  schedule?: boolean;
  /** The part of speech of the token starting at an offset, when known: tells "an official visit" from "leaders visit". */
  posAt?: (offset: number) => string | undefined;
}

/**
 * The tense of the clause around [start, end), looking no further than `from`..`to` (the sentence):
 * the nearer of the nearest cue on the left and on the right (the left one on a tie), or null when
 * nothing in the clause says. On the right, "and" starts another clause ("on Saturday and were
 * planning…"); on the left it does not ("will meet and talk on Friday").
 */
export function cueAround(text: string, start: number, end: number, from: number, to: number, options: CueOptions = {}): Cue | null {
  const leftWords = wordsOf(text, Math.max(from, start - 120), start);
  const rightWords = wordsOf(text, end, Math.min(to, end + 100), RIGHT_REACH + 1);
  const leftTokens = leftWords.words;
  const schedule = options.schedule !== false;
  // A deadline: "until Tuesday", "given until mid-November"; not "Until Thursday, they had not…".
  const last = leftTokens[leftTokens.length - 1];
  if ((last === 'until' || last === 'till') && leftTokens.length > 1 && !isBoundary(leftTokens[leftTokens.length - 2]!)) {
    return { tense: 'future', distance: 1 };
  }
  const left = nearest(leftWords, leftTokens.length - 1, 0, { skipFirstComma: false, stopAtAnd: false, leftwards: true, schedule, posAt: options.posAt });
  // An expression that opens its clause ("On Friday, the minister will…") reads on past its comma.
  let opens = true;
  for (let i = leftTokens.length - 1, n = 0; i >= 0 && !isBoundary(leftTokens[i]!); i--) if (++n > 2) opens = false;
  const right = nearest(rightWords, 0, Math.min(rightWords.words.length, RIGHT_REACH) - 1, { skipFirstComma: opens, stopAtAnd: true, leftwards: false, schedule: false });
  if (left && (!right || left.distance <= right.distance)) return left;
  return right;
}

/** Words after "to" that make it a preposition ("to a calendar year"), not the mark of an infinitive ("to discuss"). */
const AFTER_PREPOSITION_TO = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'some', 'all']);

/** How far back (in words) the verb of a month's clause is looked for. */
const CLAUSE_REACH = 12;

/**
 * For a month named without a day after "in" or "during": is the verb its phrase hangs on, however far
 * back in the clause, in the past? "The company changed from a fiscal year to a calendar year in
 * December" is last December even in October, where the nearest-occurrence guess takes the coming one.
 * A verb form in between (an infinitive, an -ing participle: "left the door open to discuss it during
 * talks beginning in June") starts a clause of its own, which says nothing: no answer then.
 */
export function clausePast(text: string, start: number, from: number): boolean {
  const w = wordsOf(text, Math.max(from, start - 200), start);
  const words = w.words;
  const prep = words[words.length - 1];
  if (prep !== 'in' && prep !== 'during') return false;
  for (let i = words.length - 2, n = 0; i >= 0 && n < CLAUSE_REACH; i--, n++) {
    const word = words[i]!;
    if (isBoundary(word)) return false;
    if (word.length > 4 && word.endsWith('ing') && !capitalised(w, i)) return false;
    if (word === 'to' && i + 1 < words.length - 1 && !AFTER_PREPOSITION_TO.has(words[i + 1]!) && !capitalised(w, i + 1)) return false;
    const c = cueOf(words, i);
    if (c) return c === 'past';
  }
  return false;
}

/** The tense alone (see cueAround). */
export function tenseAround(text: string, start: number, end: number, from: number, to: number, options: CueOptions = {}): Tense | null {
  return cueAround(text, start, end, from, to, options)?.tense ?? null;
}
