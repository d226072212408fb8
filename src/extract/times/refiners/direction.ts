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

const TOKEN = /[\p{L}'’-]+|[,;:()"“”«»]|—|–/gu;

function cueOf(words: string[], i: number): Tense | null {
  const w = words[i]!;
  const next = words[i + 1] ?? '';
  const prev = words[i - 1] ?? '';
  if (w === 'to' && MODAL_TO.has(prev)) return words.slice(Math.max(0, i - 4), i).includes('had') ? 'past' : 'future';
  if (w === 'as' && (next === 'soon' || next === 'early') && words[i + 2] === 'as') return 'future';
  if (FUTURE_WORDS.has(w) || /['’]ll$/.test(w) || w === "won't" || w === 'won’t') {
    // "had been scheduled to expire Friday": a plan in the past perfect is over.
    return words.slice(Math.max(0, i - 3), i).includes('had') ? 'past' : 'future';
  }
  // A participle after "be"/"been"/"being" is passive, not past ("will be held", "must be paid").
  if (/^(?:be|been|being|is|are|to)$/.test(prev)) return null;
  // "were planning to", "was going to", "was scheduled to": a plan, looking ahead.
  if ((w === 'was' || w === 'were') && /^(?:going|planning|scheduled|due|set|expected|slated|supposed|about)$/.test(next)) return 'future';
  if (PAST_WORDS.has(w)) return 'past';
  // An -ed word after a determiner or "still", or with a negating prefix, is an adjective
  // ("a still unspecified date", "the revised plan", "an unnamed official"), not a past verb.
  if (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && !ADJECTIVAL_BEFORE.has(prev) && !/^(?:un|non-?)/.test(w)) return 'past';
  return null;
}

const isBoundary = (t: string) => /^[,;:()"“”«»—–]$/.test(t) || CLAUSE_WORDS.has(t);

/** Past cues reach only this far: a past verb far from the date is usually the reporting verb. */
const PAST_REACH = 5;

/** A cue: its tense and how many words away from the expression it is. */
export interface Cue {
  tense: Tense;
  distance: number;
}

/** The nearest cue in one direction within the clause, or null. */
function nearest(tokens: string[], order: number[], skipFirstComma: boolean, stopAtAnd: boolean): Cue | null {
  let distance = 0;
  for (const i of order) {
    const t = tokens[i]!;
    if (isBoundary(t) || (stopAtAnd && t === 'and')) {
      if (skipFirstComma && distance === 0 && t === ',') continue;
      return null;
    }
    distance++;
    const c = cueOf(tokens, i);
    if (c === 'future') return { tense: 'future', distance };
    if (c === 'past') return distance <= PAST_REACH ? { tense: 'past', distance } : null;
  }
  return null;
}

/**
 * The tense of the clause around [start, end), looking no further than `from`..`to` (the sentence):
 * the nearer of the nearest cue on the left and on the right (the left one on a tie), or null when
 * nothing in the clause says. On the right, "and" starts another clause ("on Saturday and were
 * planning…"); on the left it does not ("will meet and talk on Friday").
 */
export function cueAround(text: string, start: number, end: number, from: number, to: number): Cue | null {
  const leftTokens = text.slice(Math.max(from, start - 120), start).toLowerCase().match(TOKEN) ?? [];
  const rightTokens = text.slice(end, Math.min(to, end + 100)).toLowerCase().match(TOKEN) ?? [];
  // A deadline: "until Tuesday", "given until mid-November"; not "Until Thursday, they had not…".
  const last = leftTokens[leftTokens.length - 1];
  if ((last === 'until' || last === 'till') && leftTokens.length > 1 && !isBoundary(leftTokens[leftTokens.length - 2]!)) {
    return { tense: 'future', distance: 1 };
  }
  const left = nearest(leftTokens, [...leftTokens.keys()].reverse(), false, false);
  // An expression that opens its clause ("On Friday, the minister will…") reads on past its comma.
  let opens = true;
  for (let i = leftTokens.length - 1, n = 0; i >= 0 && !isBoundary(leftTokens[i]!); i--) if (++n > 2) opens = false;
  const right = nearest(rightTokens, [...rightTokens.keys()].slice(0, 12), opens, true);
  if (left && (!right || left.distance <= right.distance)) return left;
  return right;
}

/** The tense alone (see cueAround). */
export function tenseAround(text: string, start: number, end: number, from: number, to: number): Tense | null {
  return cueAround(text, start, end, from, to)?.tense ?? null;
}
