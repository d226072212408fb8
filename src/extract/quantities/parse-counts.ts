import type { Quantity } from './types.js';
import type { SentenceView, Tok } from './view.js';
import { readNumber, mayStartNumber, type NumberReading } from './number-words.js';
import { hedgeAfter, hedgeBefore } from './hedges.js';
import { nonCountReason } from './not-a-count.js';
import { countedNoun, nounText } from './counted-noun.js';
import { readFraction } from './parse-fractions.js';

/** A proposed quantity with the token positions refiners need; the layer keeps only the Quantity fields. */
export interface QuantityProposal extends Quantity {
  tokStart: number;
  tokEnd: number;
  /** One past the last token of the counted noun phrase (tokEnd when there is none). */
  nounEnd?: number;
}

/** Words that never start a count even though they read as numbers ("one another", "no one"). */
function oneIdiom(toks: Tok[], i: number): boolean {
  if (toks[i]!.low !== 'one') return false;
  const prev = toks[i - 1]?.low ?? '';
  const next = toks[i + 1]?.low ?? '';
  return ['no', 'the', 'this', 'that', 'any', 'every', 'each', 'which', 'someone', 'anyone', 'everyone', 'such'].includes(prev) ||
    ['another', 'by', 'way', 'such', 'thing', 'time', 'point', 'side', 'hand', "'s"].includes(next);
}

/** "10 to 15", "10-15", "between 10 and 15", "10 or 15": the second figure, if the first opens a range. */
function rangeEnd(toks: Tok[], first: NumberReading, between: boolean): NumberReading | null {
  const sep = toks[first.end]?.low;
  const ok = between ? sep === 'and' : sep === 'to' || sep === '-' || sep === 'or';
  if (!ok) return null;
  const second = readNumber(toks, first.end + 1);
  if (!second || second.vague || second.words !== first.words) return null;
  return second.low > first.high ? second : null;
}

/**
 * A number that completes a statement of a figure: "put the number of dead at eight", "the toll rose to
 * eleven", "the total stood at nine". Such a number word needs no counted noun after it.
 */
function figureValue(toks: Tok[], i: number): boolean {
  if (!/^(at|to)$/.test(toks[i - 1]?.low ?? '')) return false;
  for (let k = i - 2; k >= 0 && k >= i - 7; k--) {
    const w = toks[k]!.low;
    if (/^[.;:!?]$/.test(w)) return false;
    if (/^(toll|tolls|number|figure|total|tally|count)$/.test(w)) return true;
  }
  return false;
}

/** Verbs whose object is people harmed or taken: "killing nine", "kill five and capture one". */
const HARM_VERB = /^(?:kill|kills|killed|killing|wound|wounds|wounded|wounding|injure|injures|injured|injuring|shot|shoot|shoots|shooting|execute|executes|executed|executing|behead|beheads|beheaded|beheading|abduct|abducts|abducted|abducting|kidnap|kidnaps|kidnapped|kidnapping|arrest|arrests|arrested|arresting|capture|captures|captured|capturing|neutrali[sz]e|neutrali[sz]es|neutrali[sz]ed|neutrali[sz]ing)$/;

/**
 * A number word that is the whole object of a verb of harm, with no noun after it ("troops clear the camp,
 * kill nine and capture one"; "killing 'several'"): the people harmed, counted. Only where the clause goes
 * on or ends right after it ("and", a comma, the end), so "killed one of the..." keeps its own reading.
 */
function harmedCount(toks: Tok[], i: number, end: number): boolean {
  let k = i - 1;
  let quoted = false;
  if (/^['‘’"“”]$/.test(toks[k]?.low ?? '')) {
    k--;
    quoted = true;
  }
  if (!HARM_VERB.test(toks[k]?.low ?? '')) return false;
  // "fighting that has killed hundreds": a running toll, not the dead of one act.
  if (/^(?:has|have|had)$/.test(toks[k - 1]?.low ?? '')) return false;
  let e = end;
  if (quoted && /^['‘’"“”]$/.test(toks[e]?.low ?? '')) e++;
  const next = toks[e]?.low;
  return next === undefined || /^(?:and|from|,|\.|;|:|in|at|on|near|during|while|when|after|before|including|among)$/.test(next);
}

/** Proposes every count in a sentence: figures in digits or words, vague plurals and shares. */
export function parseCounts(input: string, view: SentenceView): QuantityProposal[] {
  const toks = view.toks;
  const out: QuantityProposal[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!mayStartNumber(toks[i]!)) {
      i++;
      continue;
    }
    const frac = readFraction(toks, i);
    if (frac) {
      const np = countedNoun(toks, frac.end, true);
      // "about a fifth of the country", "nearly half of them": the hedge before a share makes it approximate.
      const fh = hedgeBefore(toks, frac.start);
      const fs = fh && fh.start < frac.start ? fh.start : frac.start;
      out.push({
        start: toks[fs]!.start, end: toks[frac.end - 1]!.end, text: '',
        low: null, high: null, best: frac.value, approx: !!fh?.approx, proportion: true,
        what: np ? nounText(input, toks, np) : null, tokStart: fs, tokEnd: frac.end,
      });
      i = frac.end;
      continue;
    }
    const first = readNumber(toks, i);
    if (!first || oneIdiom(toks, i)) {
      i++;
      continue;
    }
    const between = toks[i - 1]?.low === 'between';
    const second = rangeEnd(toks, first, between);
    let end = second ? second.end : first.end;
    const low = first.low;
    const high = second ? second.high : first.high;
    const reason = nonCountReason(toks, { start: i, end, low, high, words: first.words });
    if (reason) {
      i = end;
      continue;
    }
    let hedge = hedgeBefore(toks, between ? i - 1 : i);
    const after = hedgeAfter(toks, end);
    if (after) end += after.n;
    const np = countedNoun(toks, end, first.vague || first.words || toks[end]?.low === 'of');
    const next = toks[end];
    const elliptic = !!next && (next.pos === 'AUX' || next.pos === 'VERB') && !/ing$/.test(next.low);
    if ((first.words || first.vague) && !np && !elliptic && !figureValue(toks, i) && !harmedCount(toks, i, end)) {
      i = end;
      continue;
    }
    const startTok = between ? i - 1 : i;
    if (hedge && hedge.start >= startTok) hedge = null;
    const spanStart = hedge ? hedge.start : startTok;
    const bound = hedge?.bound ?? after?.bound ?? null;
    const approx = !!hedge?.approx || !!after?.approx || first.vague;
    const q: QuantityProposal = {
      start: toks[spanStart]!.start,
      end: toks[end - 1]!.end,
      text: '',
      low: null,
      high: null,
      best: low,
      approx,
      what: np ? nounText(input, toks, np) : null,
      tokStart: spanStart,
      tokEnd: end,
      nounEnd: np ? np.end : end,
    };
    if (second || high > low) {
      // "10 to 15" (two tokens) or "15-16" (one)
      q.low = low;
      q.high = high;
      if (bound === 'low') q.high = null;
      if (bound === 'high') q.low = null;
    } else if (bound === 'low') q.low = low;
    else if (bound === 'high') q.high = low;
    else if (!approx) {
      q.low = low;
      q.high = low;
    }
    out.push(q);
    i = np ? Math.max(end, np.start) : end;
  }
  for (const q of out) q.text = input.slice(q.start, q.end);
  return out;
}
