import type { Proposal } from './proposal.js';

/**
 * What a parser reads: the text, and where its trigger words are. Parsers do not run their patterns
 * over the whole text: every expression they find contains one of their trigger words (a month name,
 * a unit, a digit…), so each pattern is tried, anchored (sticky), only at the word starts shortly before
 * each trigger. That keeps the time layer far cheaper than tokenisation. `hits: null` means "try
 * everywhere" (a plain global scan), which tests use to check that nothing is missed by the triggers.
 */
export interface ScanInput {
  readonly text: string;
  /** This parser's trigger words, in text order; null for a full scan. */
  readonly hits: readonly Hit[] | null;
  /** Offsets where an expression may start (see `expressionStarts`), ascending; needed with hits. */
  readonly starts?: Int32Array;
}

/** A trigger word: where it starts, and the word in lower case ('#4' for a token with four digits, see DIGITS_4). */
export interface Hit {
  readonly at: number;
  readonly word: string;
}

/** Narrowing of where one pattern is tried: only at some trigger words, and how far back it may start. */
export interface ScanOptions {
  /** The trigger words this pattern contains ('#': a token with digits); all of the parser's by default. */
  readonly words?: ReadonlySet<string>;
  /** How far before the trigger word the expression may start, in characters (default REACH_BACK). */
  readonly reach?: number;
}

/** Everything a parser needs to scan `text` in full (tests, and texts too short to bother). */
export function fullScan(text: string): ScanInput {
  return { text, hits: null };
}

/** How far before its trigger word an expression may start ("just a little more than two and a half years"). */
const REACH_BACK = 64;

const sticky = new WeakMap<RegExp, RegExp>();
const tuned = new WeakMap<RegExp, ScanOptions>();

/**
 * Declare, beside a pattern, which trigger words it contains and how far before them it may start;
 * `scan` then tries it only there. Returns the pattern.
 */
export function anchoredAt(re: RegExp, options: { words?: Iterable<string>; reach?: number }): RegExp {
  const o: { words?: ReadonlySet<string>; reach?: number } = {};
  if (options.words) o.words = new Set(options.words);
  if (options.reach !== undefined) o.reach = options.reach;
  tuned.set(re, o);
  return re;
}

/**
 * Trigger words of tokens with digits: '#' and the length of the token's first run of digits ('#4' for
 * "2014", "1990s", "FY2020"; '#2' for "21st", "10:35"). A pattern names the lengths it can start with.
 */
export const DIGITS_1_2 = ['#1', '#2'];
export const DIGITS_4 = ['#4'];

function stickyOf(re: RegExp): RegExp {
  let s = sticky.get(re);
  if (!s) {
    s = new RegExp(re.source, re.flags.replace('g', '') + 'y');
    sticky.set(re, s);
  }
  return s;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(String.fromCharCode(c));
}

/** Every offset where a word (or a quote before one) starts: where an expression may start. Computed once per text. */
export function expressionStarts(text: string): Int32Array {
  const out: number[] = [];
  let prevWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = isWordChar(c);
    if ((word || c === 39 || c === 0x2019 || c === 0x2018) && !prevWord) out.push(i);
    prevWord = word;
  }
  return Int32Array.from(out);
}

/** Index of the first element of the sorted array that is >= x. */
function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Run a global regular expression over the input and collect what `fn` makes of each match. `fn` sees
 * the match and the whole text, so it can look at the words around it; it returns null to refuse.
 * With trigger hits, the pattern is tried only at word starts within REACH_BACK before each hit, and a
 * match must reach past the hit's start.
 */
export function scan(
  re: RegExp,
  input: ScanInput,
  fn: (m: RegExpExecArray, text: string) => Proposal | Proposal[] | null,
  options: ScanOptions = tuned.get(re) ?? {},
): Proposal[] {
  if (!re.global) throw new Error(`scan needs a global regular expression: ${re}`);
  const { text, hits } = input;
  const out: Proposal[] = [];
  const take = (m: RegExpExecArray) => {
    const r = fn(m, text);
    if (Array.isArray(r)) out.push(...r);
    else if (r) out.push(r);
  };
  if (hits === null) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      take(m);
    }
    return out;
  }
  const y = stickyOf(re);
  const starts = input.starts ?? expressionStarts(text);
  const reach = options.reach ?? REACH_BACK;
  const words = options.words;
  let done = 0; // no match may start before the end of the previous one
  for (const { at: hit, word } of hits) {
    if (hit < done || (words && !words.has(word))) continue;
    for (let k = lowerBound(starts, Math.max(done, hit - reach)); k < starts.length && starts[k]! <= hit; k++) {
      const s = starts[k]!;
      y.lastIndex = s;
      const m = y.exec(text);
      if (m && m[0] !== '' && s + m[0].length > hit) {
        take(m);
        done = s + m[0].length;
        break;
      }
    }
  }
  return out;
}

/** Start offset of named group `name` in a match made with the `d` flag. */
export function groupStart(m: RegExpExecArray, name: string): number {
  const ix = m.indices?.groups?.[name];
  if (!ix) throw new Error(`group ${name} did not take part in the match (is the regular expression built with the d flag?)`);
  return ix[0];
}

export function groupEnd(m: RegExpExecArray, name: string): number {
  const ix = m.indices?.groups?.[name];
  if (!ix) throw new Error(`group ${name} did not take part in the match (is the regular expression built with the d flag?)`);
  return ix[1];
}

const WORD_BEFORE = /([\p{L}\p{N}][\p{L}\p{N}.'’-]*)[^\p{L}\p{N}]*$/u;
const WORD_AFTER = /^[^\p{L}\p{N}]*?([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u;

/** The word just before offset `at` (punctuation between is skipped), or '' at the start of the text. */
export function wordBefore(text: string, at: number, window = 40): string {
  const m = WORD_BEFORE.exec(text.slice(Math.max(0, at - window), at));
  return m ? m[1]!.replace(/[.'’-]+$/, '') : '';
}

/** The word just after offset `at`, or ''. */
export function wordAfter(text: string, at: number, window = 40): string {
  const m = WORD_AFTER.exec(text.slice(at, at + window));
  return m ? m[1]! : '';
}

/** The characters between `at` and the next word (spaces and punctuation). */
export function gapAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && !/[\p{L}\p{N}]/u.test(text[i]!)) i++;
  return text.slice(at, i);
}

/** The characters between the previous word and `at`. */
export function gapBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !/[\p{L}\p{N}]/u.test(text[i - 1]!)) i--;
  return text.slice(i, at);
}

/** Does a new sentence (or the text) begin right before `at`? */
export function atSentenceStart(text: string, at: number): boolean {
  const gap = gapBefore(text, at);
  const i = at - gap.length;
  return i === 0 || /[.!?:;]\s*(?:["'“‘(`]|``)?\s*$|\n\s*(?:["'“‘(`]|``)?\s*$/.test(gap) || /^\s*[-*•]\s*$/.test(gap);
}
