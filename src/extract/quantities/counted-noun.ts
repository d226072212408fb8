import type { Tok } from './view.js';

/** Token range of the counted noun phrase after a figure ("12 [Taliban militants]", "dozens of [people]"). */
export interface NounPhrase {
  start: number;
  end: number;
}

const ADJ_AS_NOUN = new Set(['civilian', 'wounded', 'injured', 'dead', 'displaced', 'elderly', 'missing', 'homeless', 'faithful', 'local', 'locals']);
const QUOTES = new Set(["'", '"', '‘', '’', '“', '”']);
const DETS_AFTER_OF = new Set(['the', 'them', 'those', 'these', 'his', 'her', 'their', 'its', 'our', 'whom', 'which', 'us', 'you']);

function isNominal(t: Tok | undefined): boolean {
  return !!t && (t.pos === 'NOUN' || t.pos === 'PROPN');
}

/** A participle used as an adjective before a noun ("armed men", "suspected militants"). */
function isPrenominalVerb(toks: Tok[], i: number): boolean {
  const t = toks[i]!;
  return t.pos === 'VERB' && /(ed|ing|en)$/.test(t.low) && (isNominal(toks[i + 1]) || toks[i + 1]?.pos === 'ADJ');
}

/**
 * Reads the noun phrase starting at token i: modifiers then a nominal head, with hyphenated and quoted
 * words kept together and "X and Y" joined when Y is a noun without its own figure ("men and boys").
 * Returns null when no nominal head follows.
 */
export function countedNoun(toks: Tok[], i: number, allowOf = false): NounPhrase | null {
  let j = i;
  if (allowOf && toks[j]?.low === 'of') {
    j++;
    if (toks[j] && DETS_AFTER_OF.has(toks[j]!.low)) {
      if (toks[j]!.pos === 'PRON' && ['them', 'us', 'you', 'whom', 'which'].includes(toks[j]!.low)) return { start: j, end: j + 1 };
      j++;
    }
  }
  const start = j;
  let lastHead = -1;
  for (let n = 0; j < toks.length && n < 10; n++) {
    const t = toks[j]!;
    if (isNominal(t) || t.pos === 'ADJ' || (t.pos === 'NUM' && j > start && t.type !== 'number') || isPrenominalVerb(toks, j)) {
      if (isNominal(t)) lastHead = j;
      j++;
      continue;
    }
    if (t.low === '-' && j > start && toks[j + 1] && t.start === toks[j - 1]!.end && toks[j + 1]!.start === t.end) {
      j++;
      continue;
    }
    if (QUOTES.has(t.text) && (j === start || isNominal(toks[j + 1]) || isNominal(toks[j - 1]))) {
      j++;
      continue;
    }
    if (t.pos === 'PART' && t.low === "'s" && isNominal(toks[j + 1])) {
      j++;
      continue;
    }
    // "10 members of a family", "3 soldiers of the 5th brigade": the group a count is taken from.
    if (t.low === 'of' && lastHead === j - 1 && /^(a|an|the|his|her|their|its)$/.test(toks[j + 1]?.low ?? '') && isNominal(toks[j + 2]) && !isNominal(toks[j + 3])) {
      j += 3;
      lastHead = j - 1;
      continue;
    }
    if ((t.low === 'and' || t.low === 'or' || t.low === '&') && lastHead === j - 1 && isNominal(toks[j + 1]) && toks[j + 1]!.type !== 'number') {
      // "men and boys" joins; "soldiers and 3 policemen" does not (the second noun has its own figure).
      j++;
      continue;
    }
    break;
  }
  // An adjective used as a noun ends the phrase: "1 civilian, a tribal elder", "2 wounded".
  if (lastHead < 0 && j > start && ADJ_AS_NOUN.has(toks[j - 1]!.low)) lastHead = j - 1;
  if (lastHead < 0) return null;
  let end = lastHead + 1;
  // Keep a closing quote that belongs to the head ("'Arbakis'").
  if (toks[end] && QUOTES.has(toks[end]!.text) && toks[end]!.start === toks[lastHead]!.end && QUOTES.has(toks[start]!.text)) end++;
  return { start, end };
}

/** The noun phrase's text without enclosing quotes. */
export function nounText(input: string, toks: Tok[], np: NounPhrase): string {
  let s = input.slice(toks[np.start]!.start, toks[np.end - 1]!.end);
  s = s.replace(/^['"‘’“”]+/, '').replace(/['"‘’“”]+$/, '');
  return s;
}
