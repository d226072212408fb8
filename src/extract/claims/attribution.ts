import type { Span, TextSpan } from '../../core/span.js';
import type { SentenceView, Tok } from '../quantities/view.js';

/**
 * Who says so, as written: "an Iraqi intelligence source told CNN" gives "an Iraqi intelligence source",
 * "according to the defense ministry" gives "the defense ministry". An attribution covers a scope of the
 * sentence (the whole sentence, or only the parenthesis it sits in: "3 policemen (2 according to Taliban
 * sources) were killed" attributes only the 2).
 */
export interface Attribution {
  source: TextSpan;
  /** The words that mark the attribution ("said", "according to", "put the number at"). */
  cue: Span;
  scope: Span;
}

/** Lemmas of verbs that attribute a statement to their subject. */
const SAY = new Set([
  'say', 'tell', 'claim', 'report', 'state', 'announce', 'confirm', 'deny', 'add', 'note', 'insist', 'estimate',
  'allege', 'acknowledge', 'admit', 'assert', 'declare', 'explain', 'warn', 'reveal', 'indicate', 'maintain',
  'stress', 'affirm', 'testify', 'observe', 'witness', 'quote', 'believe', 'disclose', 'tweet', 'write', 'post', 'count',
  'told', 'said', 'says', 'reports', 'claims', 'states', 'warns', 'adds', 'notes', 'estimates', 'confirms', 'denies',
]);
/** Third-person forms wink sometimes tags as nouns ("The UN reports that ..."). */
const SAY_AS_NOUN = new Set(['reports', 'says', 'claims', 'states', 'warns', 'estimates', 'confirms', 'denies', 'notes', 'adds']);
/** Plain forms it tags as nouns after a plural subject ("Local doctors report that ..."): read as verbs only before "that". */
const SAY_AS_NOUN_PLAIN = new Set(['report', 'say', 'claim', 'state', 'warn', 'estimate', 'confirm', 'deny', 'note']);
/** Words of time that open a phrase before its subject ("on Sunday the agency said"): never part of a source. */
const TIME_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|tomorrow|morning|evening|night|afternoon|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|week|month|year|weekend)$/;
const DAY_NUMBER = /^\d{1,4}(?:st|nd|rd|th)?$/;
const FIGURE_NOUNS = new Set(['number', 'figure', 'toll', 'total', 'tally', 'count', 'estimate']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom', 'whose', 'what']);
const PERSONAL = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
const BY_VERBS = new Set(['release', 'issue', 'publish', 'provide', 'post', 'share', 'report', 'cite', 'quote', 'confirm', 'broadcast', 'air']);
const FROM_VERBS = new Set(['understand', 'learn', 'hear', 'quote', 'cite']);
// "there"/"here" after a subject ("officials there said", "the governor there said") place the speaker.
const SKIP_BACK = new Set(['also', 'later', 'previously', 'earlier', 'reportedly', 'separately', 'further', 'initially', 'now', 'then', 'had', 'has', 'have', 'had', 'was', 'is', 'would', 'will', 'also', 'on', 'in', 'a', 'statement', 'there', 'here']);

function nominal(t: Tok | undefined): boolean {
  return !!t && (t.pos === 'NOUN' || t.pos === 'PROPN');
}

/** Extends a noun phrase backwards from token `end - 1`; returns its first token or -1. */
function npBackward(toks: Tok[], end: number, floor: number): number {
  let i = end - 1;
  let start = -1;
  let sawHead = false;
  while (i >= floor) {
    const t = toks[i]!;
    if (nominal(t) || t.pos === 'ADJ' || t.pos === 'DET' || (t.pos === 'NUM' && t.type !== 'number')) {
      if (nominal(t)) sawHead = true;
      start = i;
      i--;
      continue;
    }
    if (t.pos === 'PART' && /^'s?$/.test(t.low)) { start = i; i--; continue; }
    if ((t.low === '-' || t.low === '.' || t.low === "'" || t.low === '&') && i > floor && toks[i - 1]!.end === t.start) { start = i; i--; continue; }
    // "the Hamas-run territory", "the Oslo-based group": a word glued to a hyphen is part of the compound.
    if (i > floor && toks[i - 1]!.low === '-' && toks[i - 1]!.end === t.start && start >= 0) { start = i; i--; continue; }
    // "the think tank Indepaz": a compound the tagger splits into a verb and a noun.
    if (t.low === 'think' && toks[i + 1]?.low === 'tank') { start = i; i--; continue; }
    if ((t.low === 'of' || t.low === 'for' || t.low === 'and' || t.low === 'in') && sawHead && i > floor && (nominal(toks[i - 1]) || toks[i - 1]!.pos === 'ADJ')) { start = i; i--; continue; }
    if (t.pos === 'PRON' && /^(its|his|her|their|our)$/.test(t.low)) { start = i; i--; continue; }
    if (t.pos === 'VERB' && /(ed|ing)$/.test(t.low) && start >= 0 && nominal(toks[i + 1]) && t.low !== 'said') {
      // "state-run al-Iraqiya TV", "the embattled ministry": a participle modifying the head.
      start = i; i--; continue;
    }
    break;
  }
  // "the military said", "the wounded told": an adjective after a determiner stands as the noun.
  if (start >= 0 && !sawHead && toks[start]!.pos === 'DET' && end - start >= 2 && toks[end - 1]!.pos === 'ADJ') sawHead = true;
  if (start < 0 || !sawHead) return -1;
  // Drop a leading conjunction or preposition left at the edge.
  while (start < end && ['of', 'for', 'and', 'in', '-', '.', "'"].includes(toks[start]!.low)) start++;
  return start < end ? start : -1;
}

/** Extends a noun phrase forwards from token `start`; returns one past its last token or -1. */
function npForward(toks: Tok[], start: number, ceil: number): number {
  let i = start;
  let lastHead = -1;
  while (i < ceil) {
    const t = toks[i]!;
    if (nominal(t) || t.pos === 'ADJ' || t.pos === 'DET' || t.pos === 'NUM') {
      if (nominal(t)) lastHead = i;
      i++;
      continue;
    }
    if (t.pos === 'PART' && /^'s?$/.test(t.low)) { i++; continue; }
    if (['-', '.', "'", '&'].includes(t.low) && i > start && toks[i - 1]!.end === t.start) { i++; continue; }
    if (['of', 'for', 'in', 'and'].includes(t.low) && lastHead === i - 1 && (nominal(toks[i + 1]) || toks[i + 1]?.pos === 'DET' || toks[i + 1]?.pos === 'ADJ')) { i++; continue; }
    if (t.pos === 'PRON' && /^(its|his|her|their|our)$/.test(t.low)) { i++; continue; }
    break;
  }
  return lastHead >= 0 ? lastHead + 1 : -1;
}

/**
 * The whole subject when the noun phrase just before the verb is only its tail: a prepositional phrase
 * ("doctors at the town's hospital", kept), a participle phrase ("a local priest reached by telephone") or a
 * relative clause ("a volunteer group that runs emergency clinics in the capital"), both left out of the
 * source as written. Returns the token range [start, end) of the source; `end` is `k` unless cut.
 */
function extendSubject(toks: Tok[], s: number, k: number): [number, number] {
  let start = s;
  for (let round = 0; round < 2; round++) {
    const prev = toks[start - 1]?.low ?? '';
    const part = toks[start - 2];
    // participle phrase: "reached by telephone", "speaking on condition of anonymity"
    if (/^(by|via|over|on|from)$/.test(prev) && part && part.pos === 'VERB' && /(ed|ing)$/.test(part.low) && start - 2 > 0) {
      const s2 = npBackward(toks, start - 2, 0);
      if (s2 >= 0) return [s2, start - 2];
    }
    // relative clause: "a group that runs clinics in the capital"
    if (toks[start - 1]?.pos === 'VERB' && part && /^(that|who|which)$/.test(part.low) && start - 2 > 0) {
      const s2 = npBackward(toks, start - 2, 0);
      if (s2 >= 0) return [s2, start - 2];
    }
    // prepositional phrase: "doctors at the town's hospital"
    if (/^(at|in|from|with|of|near|inside|outside|for|among)$/.test(prev) && start - 1 > 0) {
      const s2 = npBackward(toks, start - 1, 0);
      if (s2 >= 0) {
        start = s2;
        continue;
      }
    }
    break;
  }
  return [start, k];
}

/** "The village witnessed clashes": a place that witnesses or sees something is where it happened, not a witness. */
const PLACE_HEAD = /^(?:village|villages|town|towns|city|cities|area|areas|region|regions|district|districts|province|provinces|camp|camps|neighbourhood|neighborhood|locality|hamlet|valley|county|countryside|square|market)$/;
const WITNESS = new Set(['witness', 'observe']);

/** Heads of noun phrases that are what a report tells (its dead, its damage), never who tells it. */
const NOT_A_SPEAKER = /^(fatalities|fatality|deaths|death|casualties|casualty|injuries|injury|losses|damage|dead|wounded|injured|killings|clashes|attacks|explosions|incidents|arrests)$/;

function span(input: string, toks: Tok[], a: number, b: number): TextSpan {
  const start = toks[a]!.start;
  const end = toks[b - 1]!.end;
  return { start, end, text: input.slice(start, end) };
}

/** The parenthesis around token i, if any, as a character span. */
function parenthesisAround(toks: Tok[], i: number): Span | null {
  let open = -1;
  for (let k = i - 1; k >= 0; k--) {
    if (toks[k]!.low === ')') return null;
    if (toks[k]!.low === '(') { open = k; break; }
  }
  if (open < 0) return null;
  for (let k = i + 1; k < toks.length; k++) {
    if (toks[k]!.low === '(') return null;
    if (toks[k]!.low === ')') return { start: toks[open]!.start, end: toks[k]!.end };
  }
  return null;
}

function isSayVerb(toks: Tok[], i: number): boolean {
  const t = toks[i]!;
  if (t.pos === 'VERB' && SAY.has(t.lemma)) return true;
  if (t.pos === 'VERB' && SAY.has(t.low)) return true;
  if (t.pos === 'NOUN' && SAY_AS_NOUN.has(t.low) && nominal(toks[i - 1]) && toks[i + 1] && toks[i + 1]!.low !== 'of' && toks[i - 1]!.pos !== 'DET') {
    if (toks[i + 1]!.low === 'that' || nominal(toks[i + 1]) || toks[i + 1]!.pos === 'DET') return true;
  }
  // "Aid workers report that ...": a plural subject (or a name) and "that" after; "a police report that" is a noun.
  if (t.pos === 'NOUN' && SAY_AS_NOUN_PLAIN.has(t.low) && toks[i + 1]?.low === 'that' && nominal(toks[i - 1])) {
    const subj = toks[i - 1]!;
    const det = toks[i - 2];
    if ((subj.pos === 'PROPN' || /[^s]s$/.test(subj.low)) && !(det && (det.low === 'a' || det.low === 'an'))) return true;
  }
  return trailingSayNoun(toks, i);
}

/**
 * "..., the United Nations estimates." / "..., the ministry says.": a say-word the tagger reads as a noun,
 * closing the sentence after a noun phrase that follows a comma, is the verb of a trailing attribution
 * (a noun there would leave the sentence without its clause: "..., the UN's estimates." is not written).
 */
function trailingSayNoun(toks: Tok[], i: number): boolean {
  const t = toks[i]!;
  if (t.pos !== 'NOUN' || !SAY_AS_NOUN.has(t.low) || !nominal(toks[i - 1])) return false;
  const next = toks[i + 1];
  if (next && !/^[.!;]$/.test(next.low)) return false;
  const s = npBackward(toks, i, 0);
  return s > 0 && toks[s - 1]!.low === ',' && !/'s?$/.test(toks[i - 1]!.low);
}

/** Is the say-verb at i passive or non-finite ("were said to have", "is reported to")? Those are hedges. */
function hedgedSay(toks: Tok[], i: number): boolean {
  const prev = toks[i - 1]?.low ?? '';
  return ['was', 'were', 'is', 'are', 'been', 'be', 'being'].includes(prev) || toks[i + 1]?.low === 'to' && toks[i]!.low !== 'told';
}

/** All attributions in a sentence. */
export function findAttributions(input: string, view: SentenceView): Attribution[] {
  const toks = view.toks;
  const out: Attribution[] = [];
  const whole: Span = { start: view.start, end: view.end };
  const push = (a0: number, b: number, cueA: number, cueB: number) => {
    // "5 fatalities reported", "No injuries were reported": what is reported, not who reports it.
    if (NOT_A_SPEAKER.test(toks[b - 1]!.low)) return;
    // "on Sunday the agency said": a day or a date is never who says so, nor part of it.
    let a = a0;
    // A number goes with them only beside a time word ("March 3", "3 March 2024").
    const timeAt = (k: number) => k >= 0 && k < b && TIME_WORD.test(toks[k]!.low);
    while (a < b && (timeAt(a) || toks[a]!.low === 'on' || toks[a]!.low === ',' || (DAY_NUMBER.test(toks[a]!.low) && (timeAt(a - 1) || timeAt(a + 1))))) a++;
    if (a >= b) return;
    const cue = toks[cueA]!;
    if (WITNESS.has(cue.lemma) || /^(?:witness|observ)/.test(cue.low)) {
      let head = b - 1;
      for (let k = a; k < b; k++) if (toks[k]!.low === 'of') { head = k - 1; break; }
      if (head >= a && PLACE_HEAD.test(toks[head]!.low)) return;
    }
    const source = span(input, toks, a, b);
    if (out.some((o) => o.source.start === source.start)) return;
    const paren = parenthesisAround(toks, cueA);
    out.push({ source, cue: { start: toks[cueA]!.start, end: toks[cueB - 1]!.end }, scope: paren ?? whole });
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // "according to NP"
    if (t.low === 'according' && toks[i + 1]?.low === 'to') {
      const e = npForward(toks, i + 2, toks.length);
      if (e > 0) push(i + 2, e, i, i + 2);
      continue;
    }
    // "per the governor", "per Health Ministry figures": a name or a determiner after "per" ("per cent",
    // "per day" and "per capita" are rates).
    if (t.low === 'per' && (toks[i + 1]?.pos === 'PROPN' || toks[i + 1]?.pos === 'DET') && !TIME_WORD.test(toks[i + 1]!.low)) {
      const e = npForward(toks, i + 1, toks.length);
      if (e > 0) push(i + 1, e, i, i + 1);
      continue;
    }
    // "citing NP", "(released|issued) by NP", "(understand|learn) from NP"
    if (t.low === 'citing' || t.low === 'quoting') {
      const e = npForward(toks, i + 1, toks.length);
      if (e > 0) push(i + 1, e, i, i + 1);
      continue;
    }
    // "released by X", "released today by X"
    // (Looked for only at "by": this runs at every word.)
    const byVerb = t.low === 'by' && i > 0 && [toks[i - 1], toks[i - 2]].find((v, n) => v && v.pos === 'VERB' && BY_VERBS.has(v.lemma) && (n === 0 || toks[i - 1]!.pos === 'NOUN' || toks[i - 1]!.pos === 'ADV'));
    if (byVerb) {
      const e = npForward(toks, i + 1, toks.length);
      if (e > 0) push(i + 1, e, i - 1, i + 1);
      continue;
    }
    if (t.low === 'from' && i > 0 && FROM_VERBS.has(toks[i - 1]!.lemma)) {
      const e = npForward(toks, i + 1, toks.length);
      if (e > 0) push(i + 1, e, i - 1, i + 1);
      continue;
    }
    const putFigure = (t.lemma === 'put' || t.low === 'put') && toks[i + 1]?.low === 'the' && FIGURE_NOUNS.has(toks[i + 2]?.lemma ?? '');
    if (!putFigure && !isSayVerb(toks, i)) continue;
    if (!putFigure && hedgedSay(toks, i)) continue;
    // Subject before the verb, skipping auxiliaries and adverbs ("several officials have said").
    let k = i;
    while (k > 0 && (SKIP_BACK.has(toks[k - 1]!.low) || toks[k - 1]!.pos === 'ADV') && k > i - 3) k--;
    const prev = toks[k - 1];
    if (prev && prev.pos === 'PRON' && PERSONAL.has(prev.low)) {
      push(k - 1, k, i, i + 1);
      continue;
    }
    if (prev && RELATIVE.has(prev.low)) continue;
    if (prev && prev.low === ',') {
      // Either an appositive subject ("X, commander of Y, said") or a postposed one (", said the official").
      const s2 = npBackward(toks, k - 1, 0);
      const beforeApp = s2 > 0 ? toks[s2 - 1] : undefined;
      if (s2 > 0 && beforeApp?.low === ',') {
        const s1 = npBackward(toks, s2 - 1, 0);
        if (s1 >= 0 && toks[s1 - 1]?.low !== ',' && (s1 === 0 || !nominal(toks[s1 - 1]))) {
          push(s1, k - 1, i, i + 1);
          continue;
        }
      }
      const e = npForward(toks, i + 1, toks.length);
      if (e > 0 && (e === toks.length || [',', '.', ';', ':', '!'].includes(toks[e]!.low))) push(i + 1, e, i, i + 1);
      continue;
    }
    const s = npBackward(toks, k, 0);
    // "A resident who helped bury the dead put the toll at ...": a relative clause between the subject and
    // its verb; the subject is the noun phrase before the relative pronoun, without the clause.
    // So too when the words before the verb are what the clause tells ("who helped bury the dead | put").
    const rel = s < 0 || RELATIVE.has(toks[s - 1]?.low ?? '') || NOT_A_SPEAKER.test(toks[k - 1]?.low ?? '') ? beforeRelative(toks, k) : null;
    if (rel) {
      push(rel[0], rel[1], i, i + 1);
      continue;
    }
    if (s >= 0) {
      const [a, b] = extendSubject(toks, s, k);
      // "No group has claimed responsibility": nobody is a source.
      if (/^(no|none|nobody|neither)$/.test(toks[a]!.low)) continue;
      push(a, b, i, i + 1);
      continue;
    }
    // Sentence-final ", said NP." or quote-final '" said NP.'
    if (prev && /^["'”’]$/.test(prev.text)) {
      const e = npForward(toks, i + 1, toks.length);
      if (e > 0) push(i + 1, e, i, i + 1);
    }
  }
  return out;
}

/**
 * The token range of the subject noun phrase before a relative clause that ends at token `k` ("A resident
 * who helped bury the dead | put"): the clause starts with who/that within eight tokens, has a verb, and no
 * comma or second clause in between. Null when there is none.
 */
function beforeRelative(toks: Tok[], k: number): [number, number] | null {
  for (let r = k - 1; r > 0 && r >= k - 8; r--) {
    const w = toks[r]!.low;
    if (/^[,;:.!?]$/.test(w)) return null;
    if (w !== 'who' && w !== 'that') continue;
    if (!toks.slice(r + 1, k).some((x) => x.pos === 'VERB')) return null;
    const s = npBackward(toks, r, 0);
    if (s < 0 || !nominal(toks[r - 1])) return null;
    return [s, r];
  }
  return null;
}

/** The attribution that covers a span of the sentence: the innermost scope, then the nearest cue. */
export function attributionFor(atts: readonly Attribution[], at: Span): Attribution | null {
  let best: Attribution | null = null;
  let bestKey = Infinity;
  for (const a of atts) {
    if (!(a.scope.start <= at.start && at.end <= a.scope.end)) continue;
    if (a.source.start <= at.start && at.end <= a.source.end) continue;
    const width = a.scope.end - a.scope.start;
    const dist = Math.min(Math.abs(a.cue.start - at.end), Math.abs(at.start - a.cue.end));
    const key = width * 10 + dist;
    if (key < bestKey) {
      best = a;
      bestKey = key;
    }
  }
  return best;
}
